package synth

import (
	"context"
	"fmt"
)

// goalsPerPlan is two execution goals and one career goal.
const goalsPerPlan = 3

// PlanID returns the ID of person p's plan.
func PlanID(p int) int64 { return int64(p + 1) }

var statuses = []string{"ON_TRACK", "ON_TRACK", "ON_TRACK", "BLOCKED", "NEEDS_RESET", "COMPLETED"}

func (g *gen) plans(ctx context.Context) error {
	n := g.s.People
	err := g.insert(ctx,
		`INSERT INTO development_plans (id, person_id, cycle_id, status, status_reason,
		 version, created_at, updated_at) VALUES (?, ?, 1, ?, ?, 1, ?, ?)`,
		n, func(p int) []any {
			st := statuses[p%len(statuses)]
			reason := ""
			if st == "BLOCKED" || st == "NEEDS_RESET" {
				reason = "waiting on the team's priorities"
			}
			return []any{PlanID(p), PersonID(p), st, reason, g.now, g.now}
		})
	if err != nil {
		return err
	}
	for _, step := range []func(context.Context) error{
		g.goals, g.actions, g.checkIns, g.assessments,
	} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) goals(ctx context.Context) error {
	return g.insert(ctx,
		`INSERT INTO development_goals (id, plan_id, lane, title, change_in_work,
		 key_result_id, capability_id, target_level, horizon, state, created_at, updated_at)
		 VALUES (?, ?, ?, ?, 'ships with fewer surprises', ?, ?, 4, ?, 'ACTIVE', ?, ?)`,
		g.s.People*goalsPerPlan, func(i int) []any {
			p, j := i/goalsPerPlan, i%goalsPerPlan
			if j == goalsPerPlan-1 {
				return []any{i + 1, PlanID(p), "CAREER", "Grow toward the next role",
					nil, nil, "two years", g.now, g.now}
			}
			kr := g.s.KeyResultID(p/g.s.PeoplePerTeam, j%g.s.ObjectivesPerTeam, 0)
			return []any{i + 1, PlanID(p), "EXECUTION", fmt.Sprintf("Goal %d", j),
				kr, g.capabilityOf(kr), "", g.now, g.now}
		})
}

// capabilityOf returns the capability a key result requires.
func (g *gen) capabilityOf(kr int64) int64 {
	return (kr-1)%int64(g.s.Capabilities) + 1
}

var kinds = []string{"EXPERIENCE", "EXPOSURE", "EDUCATION"}

func (g *gen) actions(ctx context.Context) error {
	per := g.s.ActionsPerPlan
	return g.insert(ctx,
		`INSERT INTO development_actions (goal_id, kind, title, supporter_id, supporter_role,
		 due_on, done_on, outcome, created_at, updated_at)
		 VALUES (?, ?, ?, ?, 'MANAGER', ?, ?, '', ?, ?)`,
		g.s.People*per, func(i int) []any {
			p, a := i/per, i%per
			goal := int64(p*goalsPerPlan + a%goalsPerPlan + 1)
			due := -30 + 15*a
			var done any
			if due < 0 && a%2 == 0 {
				done = g.day(due - 1)
			}
			return []any{goal, kinds[a%len(kinds)], fmt.Sprintf("Action %d", a),
				g.managerOf(p), g.day(due), done, g.now, g.now}
		})
}

var changes = []string{"NO_CHANGE", "SOME_IMPROVEMENT", "CLEAR_IMPROVEMENT", "DECLINED"}

func (g *gen) checkIns(ctx context.Context) error {
	per := g.s.CheckInsPerPlan
	return g.insert(ctx,
		`INSERT INTO check_ins (plan_id, kind, held_on, author_id, capability_building,
		 real_work, still_hard, support_needed, output_improved, observed_change,
		 status_after, note, note_private, created_at)
		 VALUES (?, ?, ?, ?, 'a capability', 'live work', 'the hard part', 'time',
		 'fewer reworks', ?, 'ON_TRACK', 'notes', ?, ?)`,
		g.s.People*per, func(i int) []any {
			p, c := i/per, i%per
			kind := "MONTHLY"
			if c == 0 {
				kind = "QUARTERLY"
			}
			// Older check-ins first; people whose index is odd are behind.
			held := -30*(per-1-c) - 5 - 30*(p%2)
			return []any{PlanID(p), kind, g.day(held), g.managerOf(p),
				changes[(p+c)%len(changes)], c%4 == 3, g.now}
		})
}

func (g *gen) assessments(ctx context.Context) error {
	execution := goalsPerPlan - 1
	n := g.s.People * execution
	err := g.insert(ctx,
		`INSERT INTO assessments (id, person_id, capability_id, level, assessed_by_id,
		 assessed_on, note, created_at) VALUES (?, ?, ?, 2, ?, ?, '', ?)`,
		n, func(i int) []any {
			p, j := i/execution, i%execution
			kr := g.s.KeyResultID(p/g.s.PeoplePerTeam, j%g.s.ObjectivesPerTeam, 0)
			return []any{i + 1, PersonID(p), g.capabilityOf(kr), g.managerOf(p), g.day(-40), g.now}
		})
	if err != nil {
		return err
	}
	return g.insert(ctx,
		`INSERT INTO evidence (assessment_id, kind, description, observed_on)
		 VALUES (?, 'AVOIDABLE_REWORK', 'a change had to be redone', ?)`,
		n, func(i int) []any { return []any{i + 1, g.day(-45)} })
}
