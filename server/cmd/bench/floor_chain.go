package main

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	throughline "throughline.dev/graph"
)

// The chain's floor: five statements, whatever the depth of the cascade.
// The plan and its goals; their actions; the latest check-ins; every path
// up, walked by one recursive statement; the key results of the
// objectives on the paths, for their progress.

// chainGoalsSQL reads the person's plan in the cycle and its goals, each
// with its capability, requirement and the person's latest level in the
// capability.
const chainGoalsSQL = `SELECT pe.name, pe.title, cy.starts_on, cy.ends_on,
	pl.id, pl.status, pl.status_reason,
	g.id, g.title, g.lane, g.state, g.change_in_work, g.target_level, g.horizon,
	g.key_result_id, c.id, c.name, r.id, r.level, r.reason,
	(SELECT a.level FROM assessments a
		WHERE a.person_id = pe.id AND a.capability_id = g.capability_id
		ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1)
FROM people pe
JOIN cycles cy ON cy.name = ?
JOIN development_plans pl ON pl.person_id = pe.id AND pl.cycle_id = cy.id
JOIN development_goals g ON g.plan_id = pl.id
LEFT JOIN capabilities c ON c.id = g.capability_id
LEFT JOIN capability_requirements r
	ON r.key_result_id = g.key_result_id AND r.capability_id = g.capability_id
WHERE pe.id = ?
ORDER BY g.id`

const chainActionsSQL = `SELECT a.id, a.goal_id, a.kind, a.title, a.due_on, a.done_on,
	a.outcome, a.supporter_role, s.name
FROM development_actions a
JOIN development_goals g ON g.id = a.goal_id
LEFT JOIN people s ON s.id = a.supporter_id
WHERE g.plan_id = ?
ORDER BY a.id`

const chainCheckInsSQL = `SELECT id, kind, held_on, status_after, status_reason, observed_change
FROM check_ins WHERE plan_id = ? ORDER BY held_on DESC, id DESC LIMIT 3`

// The walk goes from each goal's key result to its objective, and from an
// objective to each parent it aligns to, a key result or an objective;
// path holds the steps so far, as K12,O4,K3,O1. A row whose objective
// aligns to nothing ends a path.
const (
	walkNextKind = `CASE WHEN w.kind = 'K' OR a.parent_objective_id IS NOT NULL
		THEN 'O' ELSE 'K' END`
	walkNextID = `CASE WHEN w.kind = 'K' THEN k.objective_id
		ELSE COALESCE(a.parent_key_result_id, a.parent_objective_id) END`
	chainWalkSQL = `WITH RECURSIVE walk(kind, id, path) AS (
	SELECT CAST('K' AS TEXT), g.key_result_id, CAST('K' || g.key_result_id AS TEXT)
	FROM development_goals g WHERE g.plan_id = ? AND g.key_result_id IS NOT NULL
	UNION ALL
	SELECT ` + walkNextKind + `, ` + walkNextID + `,
		w.path || ',' || ` + walkNextKind + ` || ` + walkNextID + `
	FROM walk w
	LEFT JOIN key_results k ON w.kind = 'K' AND k.id = w.id
	LEFT JOIN alignments a ON w.kind = 'O' AND a.objective_id = w.id
	WHERE k.id IS NOT NULL OR a.id IS NOT NULL
)
SELECT w.path, o.id, o.title, o.level
FROM walk w JOIN objectives o ON w.kind = 'O' AND o.id = w.id
WHERE NOT EXISTS (SELECT 1 FROM alignments a WHERE a.objective_id = w.id)`
)

func chainFloor(ctx context.Context, f *floorDB, personID int64,
	cycleName string,
) (figures, error) {
	fig := figures{}
	planID, err := chainGoals(ctx, f, personID, cycleName, fig)
	if err != nil {
		return nil, err
	}
	if err := chainActions(ctx, f, planID, fig); err != nil {
		return nil, err
	}
	checkIns := 0
	err = f.rows(ctx, chainCheckInsSQL, []any{planID}, func(rs *sql.Rows) error {
		checkIns++
		var id int64
		var kind, status, reason, change string
		var held dbTime
		return rs.Scan(&id, &kind, &held, &status, &reason, &change)
	})
	if err != nil {
		return nil, err
	}
	fig["check-ins"] = fig["goals"] * float64(checkIns)
	return fig, chainPaths(ctx, f, planID, fig)
}

// chainGoals counts the goals and their gaps, and returns the plan's ID.
func chainGoals(ctx context.Context, f *floorDB, personID int64, cycleName string,
	fig figures,
) (int64, error) {
	var planID int64
	err := f.rows(ctx, chainGoalsSQL, []any{cycleName, personID}, func(rs *sql.Rows) error {
		var name, title, status, reason string
		var starts, ends dbTime
		var g throughline.DevelopmentGoal
		var capID, reqID sql.NullInt64
		var capName, reqReason sql.NullString
		var reqLevel, current sql.NullInt32
		err := rs.Scan(&name, &title, &starts, &ends, &planID, &status, &reason,
			&g.ID, &g.Title, &g.Lane, &g.State, &g.ChangeInWork, &g.TargetLevel, &g.Horizon,
			&g.KeyResultID, &capID, &capName, &reqID, &reqLevel, &reqReason, &current)
		fig["status "+status] = 1
		fig["goals"]++
		fig["goals "+string(g.Lane)]++
		if reqID.Valid {
			fig["requirements"]++
		}
		if required, ok := requiredLevel(reqLevel, g.TargetLevel); ok && capID.Valid {
			fig["gaps"]++
			fig["gap levels"] += float64(throughline.Gap(required, current.Int32))
		}
		return err
	})
	if err == nil && planID == 0 {
		err = fmt.Errorf("no plan for person %d in %s", personID, cycleName)
	}
	return planID, err
}

// requiredLevel is the key result's requirement, else the goal's target.
func requiredLevel(requirement sql.NullInt32, target *int32) (int32, bool) {
	if requirement.Valid {
		return requirement.Int32, true
	}
	if target != nil {
		return *target, true
	}
	return 0, false
}

func chainActions(ctx context.Context, f *floorDB, planID int64, fig figures) error {
	day := throughline.Day(today)
	return f.rows(ctx, chainActionsSQL, []any{planID}, func(rs *sql.Rows) error {
		var id, goalID int64
		var kind, title, outcome, role string
		var due, done dbTime
		var supporter sql.NullString
		err := rs.Scan(&id, &goalID, &kind, &title, &due, &done, &outcome, &role, &supporter)
		fig["actions"]++
		if !done.Valid && due.Valid && due.T.Before(day) {
			fig["overdue actions"]++
		}
		return err
	})
}

// chainPaths walks every path up, then reads the key results of the
// objectives on them: a key result on a path is one of its objective's.
func chainPaths(ctx context.Context, f *floorDB, planID int64, fig figures) error {
	var paths [][]string
	tops := map[int64]throughline.ObjectiveLevel{}
	err := f.rows(ctx, chainWalkSQL, []any{planID}, func(rs *sql.Rows) error {
		var path, title string
		var id int64
		var level throughline.ObjectiveLevel
		err := rs.Scan(&path, &id, &title, &level)
		paths = append(paths, strings.Split(path, ","))
		tops[id] = level
		return err
	})
	if err != nil {
		return err
	}
	objectives := stepIDs(paths, "O")
	krs, err := keyResultsOf(ctx, f, objectives)
	if err != nil {
		return err
	}
	return countPaths(paths, tops, krs, fig)
}

// stepIDs lists the IDs of the steps of one kind, K or O, on the paths.
func stepIDs(paths [][]string, kind string) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, p := range paths {
		for _, step := range p {
			id, err := strconv.ParseInt(step[1:], 10, 64)
			if err == nil && step[:1] == kind && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

func countPaths(paths [][]string, tops map[int64]throughline.ObjectiveLevel,
	krs map[int64][]*throughline.KeyResult, fig figures,
) error {
	krByID := map[int64]*throughline.KeyResult{}
	for _, list := range krs {
		for _, k := range list {
			krByID[k.ID] = k
		}
	}
	for _, p := range paths {
		fig["paths"]++
		top, _ := strconv.ParseInt(p[len(p)-1][1:], 10, 64)
		if tops[top] == throughline.LevelCompany {
			fig["paths to the company"]++
		}
		for _, step := range p {
			id, _ := strconv.ParseInt(step[1:], 10, 64)
			if step[0] == 'O' {
				fig["steps Objective"]++
				fig["progress of steps Objective"] += throughline.ObjectiveProgress(krs[id])
				continue
			}
			k, ok := krByID[id]
			if !ok {
				return fmt.Errorf("key result %d on a path, not of its objective", id)
			}
			fig["steps KeyResult"]++
			fig["progress of steps KeyResult"] += k.Progress()
		}
	}
	return nil
}
