package main

import (
	"context"
	"database/sql"
	"strings"
	"time"

	throughline "throughline.dev/graph"
)

// The handover's floor: four statements for any number of packs. The
// packs with their people, plans and check-in days; the plans' active
// goals and actions; the three latest check-ins of each plan; the key
// results each person owns in the cycle.

const packsSQL = `SELECT hp.id, hp.person_id, hp.risks, hp.stakeholder_priorities,
	pe.name, pe.title, pe.manager_id, fm.name,
	pl.id, pl.status, pl.status_reason, pl.created_at, cy.id, cy.starts_on,
	(SELECT MAX(c.held_on) FROM check_ins c WHERE c.plan_id = pl.id),
	(SELECT MAX(c.held_on) FROM check_ins c WHERE c.plan_id = pl.id AND c.kind = 'QUARTERLY'),
	` + rhythmColumns + `
FROM handover_packs hp
JOIN people pe ON pe.id = hp.person_id
LEFT JOIN people fm ON fm.id = hp.from_manager_id
LEFT JOIN cycles cy ON cy.name = ?
LEFT JOIN development_plans pl ON pl.person_id = pe.id AND pl.cycle_id = cy.id
LEFT JOIN review_rhythm rr ON rr.id = 1
WHERE hp.id IN (%s) AND hp.snapshot IS NULL
ORDER BY hp.id`

const recentCheckInsSQL = `SELECT plan_id, kind, held_on, still_hard, support_needed,
	observed_change, status_after, note, note_private
FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.plan_id
		ORDER BY c.held_on DESC, c.id DESC) AS rn
	FROM check_ins c WHERE c.plan_id IN (%s)) x
WHERE rn <= 3`

var deliverablesSQL = `SELECT ` + krColumns("k") + `, k.owner_id, o.title
FROM key_results k JOIN objectives o ON o.id = k.objective_id
WHERE o.cycle_id = ? AND k.owner_id IN (%s)
ORDER BY k.id`

// floorPack is one row of packsSQL.
type floorPack struct {
	person                     *throughline.Person
	fromManager                sql.NullString
	plan                       *throughline.DevelopmentPlan
	cycle                      *throughline.Cycle
	lastCheckIn, lastQuarterly dbTime
	rhythm                     throughline.Rhythm
}

func handoverFloor(ctx context.Context, f *floorDB, packIDs []string,
	cycleName string,
) (figures, error) {
	ids := make([]int64, len(packIDs))
	for i, gid := range packIDs {
		var err error
		if ids[i], err = rowID(gid); err != nil {
			return nil, err
		}
	}
	packs, err := readPacks(ctx, f, ids, cycleName)
	if err != nil {
		return nil, err
	}
	fig := figures{}
	var planIDs, people []int64
	for _, p := range packs {
		fig["packs"]++
		fig["packs with a manager"] += boolFigure(p.fromManager.Valid)
		people = append(people, p.person.ID)
		if p.plan != nil {
			planIDs = append(planIDs, p.plan.ID)
			fig["status "+string(p.plan.Status)]++
		}
	}
	if err := packPlans(ctx, f, packs, planIDs, fig); err != nil {
		return nil, err
	}
	if err := packCheckIns(ctx, f, planIDs, fig); err != nil {
		return nil, err
	}
	return fig, packDeliverables(ctx, f, packs, people, fig)
}

func readPacks(ctx context.Context, f *floorDB, ids []int64,
	cycleName string,
) ([]*floorPack, error) {
	var out []*floorPack
	query := strings.Replace(packsSQL, "%s", placeholders(len(ids)), 1)
	args := append([]any{cycleName}, anys(ids)...)
	err := f.rows(ctx, query, args, func(rs *sql.Rows) error {
		p := &floorPack{person: &throughline.Person{}}
		var packID int64
		var risks, stakeholders string
		var planID, cycleID sql.NullInt64
		var status, reason sql.NullString
		var created, starts dbTime
		var monthly, window, lead sql.NullInt64
		err := rs.Scan(&packID, &p.person.ID, &risks, &stakeholders, &p.person.Name,
			&p.person.Title, &p.person.ManagerID, &p.fromManager, &planID, &status, &reason,
			&created, &cycleID, &starts, &p.lastCheckIn, &p.lastQuarterly,
			&monthly, &window, &lead)
		p.rhythm = rhythmOf(monthly, window, lead)
		p.cycle = &throughline.Cycle{ID: cycleID.Int64, Name: cycleName, StartsOn: starts.T}
		if planID.Valid {
			p.plan = &throughline.DevelopmentPlan{ID: planID.Int64, PersonID: p.person.ID,
				CycleID: cycleID.Int64, Status: throughline.PlanStatus(status.String),
				StatusReason: reason.String, CreatedAt: created.T}
		}
		out = append(out, p)
		return err
	})
	return out, err
}

// packPlans adds each plan's goals, open actions and warnings.
func packPlans(ctx context.Context, f *floorDB, packs []*floorPack, planIDs []int64,
	fig figures,
) error {
	goals, err := activeGoals(ctx, f, planIDs)
	if err != nil {
		return err
	}
	day := throughline.Day(today)
	for _, p := range packs {
		if p.plan == nil {
			continue
		}
		for _, g := range goals[p.plan.ID] {
			addFloorPackGoal(fig, g, day)
		}
		s := snapshot(p.plan, p.person, p.cycle, goals[p.plan.ID],
			p.lastCheckIn.ptr(), p.lastQuarterly.ptr())
		addWarnings(fig, "warning ", throughline.Warnings(s, today, p.rhythm))
	}
	return nil
}

func addFloorPackGoal(fig figures, g *floorGoal, day time.Time) {
	lane := "career goals"
	if g.goal.Lane == throughline.LaneExecution {
		lane = "execution goals"
	}
	fig[lane]++
	fig[lane+" with a capability"] += boolFigure(g.capability != nil)
	fig[lane+" with a key result"] += boolFigure(g.keyResult != nil)
	if g.gap != nil {
		fig[lane+" gap levels"] += float64(throughline.Gap(g.gap.Required, g.gap.Current))
	}
	for _, a := range g.actions {
		if a.action.DoneOn != nil {
			continue
		}
		fig["open actions"]++
		fig["open actions overdue"] += boolFigure(a.action.DueOn != nil && a.action.DueOn.Before(day))
		fig["open actions supported"] += boolFigure(a.supporter != nil && *a.supporter != "")
	}
}

func packCheckIns(ctx context.Context, f *floorDB, planIDs []int64, fig figures) error {
	if len(planIDs) == 0 {
		return nil
	}
	query := strings.Replace(recentCheckInsSQL, "%s", placeholders(len(planIDs)), 1)
	return f.rows(ctx, query, anys(planIDs), func(rs *sql.Rows) error {
		var planID int64
		var kind, hard, support, change, status, note string
		var held dbTime
		var private bool
		err := rs.Scan(&planID, &kind, &held, &hard, &support, &change, &status, &note, &private)
		fig["check-ins"]++
		fig["check-ins with a note"] += boolFigure(strings.TrimSpace(note) != "" && !private)
		return err
	})
}

func packDeliverables(ctx context.Context, f *floorDB, packs []*floorPack, people []int64,
	fig figures,
) error {
	if len(packs) == 0 || len(people) == 0 {
		return nil
	}
	query := strings.Replace(deliverablesSQL, "%s", placeholders(len(people)), 1)
	args := append([]any{packs[0].cycle.ID}, anys(people)...)
	return f.rows(ctx, query, args, func(rs *sql.Rows) error {
		var owner int64
		var objective string
		k, err := scanKeyResult(rs, &owner, &objective)
		fig["deliverables"]++
		fig["deliverables critical"] += boolFigure(k.Critical)
		fig["deliverables progress"] += k.Progress()
		return err
	})
}
