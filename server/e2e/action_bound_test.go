package e2e_test

import (
	"fmt"
	"testing"

	throughline "throughline.dev/graph"
)

// A goal's actions are a plain list, not a connection, because the
// server bounds it: a goal takes no action beyond the twelfth, done ones
// included, and the list it answers holds them all.
func TestAGoalHoldsAtMostTwelveActions(t *testing.T) {
	a := newPlanAPI(t, "2026-10-15")
	plan := a.create("createDevelopmentPlan", "plan",
		map[string]any{"personId": a.ada, "cycle": "2026-Q4"})
	goal := a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Run discovery alone"))
	action := func(title string) map[string]any {
		return map[string]any{
			"goalId": goal, "version": a.version(plan), "kind": "EXPERIENCE", "title": title,
		}
	}

	for i := range throughline.MaxActionsPerGoal {
		id := a.create("addDevelopmentAction", "action", action(fmt.Sprintf("Call %d", i+1)))
		if i%2 == 0 {
			a.create("updateDevelopmentAction", "action", map[string]any{
				"id": id, "version": a.version(plan), "doneOn": "2026-10-14",
			})
		}
	}
	a.refused("addDevelopmentAction", "action", action("One call too many"), "INVALID", "goalId")

	var data struct {
		Node struct{ Actions []struct{ Title string } }
	}
	a.s.MustDo(`query($id: ID!) { node(id: $id) { ... on DevelopmentGoal { actions { title } } } }`,
		map[string]any{"id": goal}, &data)
	if n := len(data.Node.Actions); n != throughline.MaxActionsPerGoal {
		t.Fatalf("the goal lists %d actions, want %d", n, throughline.MaxActionsPerGoal)
	}
	if last := data.Node.Actions[len(data.Node.Actions)-1].Title; last != "Call 12" {
		t.Errorf("the last action is %q, want the twelfth, oldest first", last)
	}

	other := a.create("addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "CAREER", "title": "Lead a team",
	})
	a.create("addDevelopmentAction", "action", map[string]any{
		"goalId": other, "version": a.version(plan), "kind": "EXPOSURE", "title": "Shadow a lead",
	})
}
