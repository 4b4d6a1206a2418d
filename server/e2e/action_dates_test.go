package e2e_test

import "testing"

// An action is marked done after the fact and within a year, and falls
// due within a year back and three years ahead: a done date far back
// would count as a milestone met on time in HR's figures. A target level
// needs the capability whose scale it is on.
func TestActionDatesAndTargetLevelsHaveBounds(t *testing.T) {
	a := newReviewAPI(t, "2026-11-20")
	plan := a.newPlan(a.ada)
	goal := a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Discovery calls"))
	action := a.create("addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EXPERIENCE",
		"title": "Lead the Acme call", "dueOn": "2026-11-04",
	})

	for _, c := range []struct {
		what, field string
		in          map[string]any
	}{
		{"done in 1900", "doneOn", map[string]any{"doneOn": "1900-01-01"}},
		{"done next month", "doneOn", map[string]any{"doneOn": "2026-12-20"}},
		{"due in 2999", "dueOn", map[string]any{"dueOn": "2999-12-31"}},
	} {
		in := map[string]any{"id": action, "version": a.version(plan)}
		for k, v := range c.in {
			in[k] = v
		}
		t.Run(c.what, func(t *testing.T) {
			a.refused("updateDevelopmentAction", "action", in, "INVALID", c.field)
		})
	}
	a.refused("addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EXPOSURE",
		"title": "Shadow Bo", "dueOn": "1900-01-01",
	}, "INVALID", "dueOn")
	a.create("updateDevelopmentAction", "action", map[string]any{
		"id": action, "version": a.version(plan), "doneOn": "2026-11-19",
	})

	a.refused("addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "CAREER", "title": "Lead a team",
		"horizon": "2027-Q4", "targetLevel": 99,
	}, "INVALID", "targetLevel")
}
