package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	throughline "throughline.dev/graph"
)

// What the card and the handover packs share: a plan with its active
// goals, their gaps and actions, checked against the plan rules.

// floorGoal is an active goal with the names a screen shows beside it.
type floorGoal struct {
	goal       *throughline.DevelopmentGoal
	capability *string
	keyResult  *string
	gap        *throughline.GoalGap
	actions    []floorAction
}

// floorAction is an action with its supporter's name.
type floorAction struct {
	action    *throughline.DevelopmentAction
	supporter *string
}

// activeGoalsSQL reads the active goals of some plans, each with its
// capability and key result, the level needed (the key result's
// requirement, else the goal's target), the person's latest assessment
// in the capability and whether it has evidence, and, one row each, its
// actions with their supporters: one statement for any number of plans.
const activeGoalsSQL = `SELECT g.id, g.plan_id, g.lane, g.title, g.change_in_work, g.horizon,
	g.key_result_id, g.capability_id, c.name, k.title,
	COALESCE(r.level, g.target_level), a.level,
	EXISTS (SELECT 1 FROM evidence e WHERE e.assessment_id = a.id),
	x.id, x.kind, x.title, x.supporter_id, s.name, x.due_on, x.done_on
FROM development_goals g
JOIN development_plans p ON p.id = g.plan_id
LEFT JOIN capabilities c ON c.id = g.capability_id
LEFT JOIN key_results k ON k.id = g.key_result_id
LEFT JOIN capability_requirements r
	ON r.key_result_id = g.key_result_id AND r.capability_id = g.capability_id
LEFT JOIN assessments a ON a.id = (SELECT n.id FROM assessments n
	WHERE n.person_id = p.person_id AND n.capability_id = g.capability_id
	ORDER BY n.assessed_on DESC, n.id DESC LIMIT 1)
LEFT JOIN development_actions x ON x.goal_id = g.id
LEFT JOIN people s ON s.id = x.supporter_id
WHERE g.plan_id IN (%s) AND g.state = 'ACTIVE'
ORDER BY g.plan_id, g.id, x.id`

// activeGoals returns the active goals of the plans, by plan, oldest first.
func activeGoals(ctx context.Context, f *floorDB,
	planIDs []int64,
) (map[int64][]*floorGoal, error) {
	out := map[int64][]*floorGoal{}
	if len(planIDs) == 0 {
		return out, nil
	}
	var last *floorGoal
	query := fmt.Sprintf(activeGoalsSQL, placeholders(len(planIDs)))
	err := f.rows(ctx, query, anys(planIDs), func(rs *sql.Rows) error {
		g, a, err := scanGoalRow(rs)
		if err != nil {
			return err
		}
		if last == nil || last.goal.ID != g.goal.ID {
			last = g
			out[g.goal.PlanID] = append(out[g.goal.PlanID], g)
		}
		if a != nil {
			last.actions = append(last.actions, *a)
		}
		return nil
	})
	return out, err
}

// scanGoalRow reads one row of activeGoalsSQL: the goal, and the action
// when the goal has one.
func scanGoalRow(rs *sql.Rows) (*floorGoal, *floorAction, error) {
	g := &floorGoal{goal: &throughline.DevelopmentGoal{State: throughline.GoalActive}}
	var required, current sql.NullInt32
	var evidenced bool
	var actionID, supporterID sql.NullInt64
	var kind, title sql.NullString
	var due, done dbTime
	a := &floorAction{}
	err := rs.Scan(&g.goal.ID, &g.goal.PlanID, &g.goal.Lane, &g.goal.Title,
		&g.goal.ChangeInWork, &g.goal.Horizon, &g.goal.KeyResultID, &g.goal.CapabilityID,
		&g.capability, &g.keyResult, &required, &current, &evidenced,
		&actionID, &kind, &title, &supporterID, &a.supporter, &due, &done)
	if err != nil {
		return nil, nil, err
	}
	if required.Valid && g.goal.CapabilityID != nil {
		g.gap = &throughline.GoalGap{
			Required: required.Int32, Current: current.Int32,
			Assessed: current.Valid, HasEvidence: evidenced,
		}
	}
	if !actionID.Valid {
		return g, nil, nil
	}
	a.action = &throughline.DevelopmentAction{
		ID: actionID.Int64, GoalID: g.goal.ID, Kind: throughline.ActionKind(kind.String),
		Title: title.String, DueOn: due.ptr(), DoneOn: done.ptr(),
	}
	if supporterID.Valid {
		a.action.SupporterID = &supporterID.Int64
	}
	return g, a, nil
}

// snapshot puts a plan and its active goals together as the plan rules
// read them; only execution goals have gaps.
func snapshot(plan *throughline.DevelopmentPlan, person *throughline.Person,
	cycle *throughline.Cycle, goals []*floorGoal, lastCheckIn, lastQuarterly *time.Time,
) *throughline.PlanSnapshot {
	s := &throughline.PlanSnapshot{
		Plan: plan, Person: person, Cycle: cycle,
		Actions:     map[int64][]*throughline.DevelopmentAction{},
		Gaps:        map[int64]throughline.GoalGap{},
		LastCheckIn: lastCheckIn, LastQuarterly: lastQuarterly,
	}
	for _, g := range goals {
		s.Goals = append(s.Goals, g.goal)
		for _, a := range g.actions {
			s.Actions[g.goal.ID] = append(s.Actions[g.goal.ID], a.action)
		}
		if g.gap != nil && g.goal.Lane == throughline.LaneExecution {
			s.Gaps[g.goal.ID] = *g.gap
		}
	}
	return s
}

// rhythmColumns read the review rhythm HR set, NULL when HR set none, as
// columns of a row that joins review_rhythm on id = 1.
const rhythmColumns = `rr.monthly_every_days, rr.review_window_days, rr.review_lead_days`

// rhythmOf turns the rhythm columns into a rhythm, the default one when
// HR set none.
func rhythmOf(monthly, window, lead sql.NullInt64) throughline.Rhythm {
	if !monthly.Valid {
		return throughline.DefaultRhythm
	}
	day := 24 * time.Hour
	return throughline.Rhythm{
		MonthlyEvery: time.Duration(monthly.Int64) * day,
		ReviewWindow: time.Duration(window.Int64) * day,
		ReviewLead:   time.Duration(lead.Int64) * day,
	}
}

// addWarnings counts warnings by code into figures, under prefix.
func addWarnings(fig figures, prefix string, ws []throughline.Warning) {
	for _, w := range ws {
		fig[prefix+string(w.Code)]++
	}
}
