package e2e_test

import (
	"slices"
	"testing"
)

// A chain shows the goals that build capability or built it: a dropped
// goal leaves it, and an achieved one stays.
func TestChainLeavesOutDroppedGoals(t *testing.T) {
	a := newReviewAPI(t, "2026-11-20")
	plan := a.newPlan(a.ada)
	kept := a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Discovery calls"))
	dropped := a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Cold calling"))
	achieved := a.create("addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "CAREER", "title": "Lead a sales team",
		"horizon": "2027-Q4",
	})
	for goal, state := range map[string]string{dropped: "DROPPED", achieved: "ACHIEVED"} {
		a.create("updateDevelopmentGoal", "goal", map[string]any{
			"id": goal, "version": a.version(plan), "state": state,
		})
	}

	var data struct {
		Chain struct {
			Goals []struct{ Goal struct{ ID string } }
		}
	}
	a.s.MustDo(`query($p: ID!) { chain(personId: $p, cycle: "2026-Q4") { goals { goal { id } } } }`,
		map[string]any{"p": a.ada}, &data)
	var ids []string
	for _, g := range data.Chain.Goals {
		ids = append(ids, g.Goal.ID)
	}
	if !slices.Equal(ids, []string{kept, achieved}) {
		t.Errorf("chain goals %v, want %v then %v, without the dropped %v", ids, kept, achieved, dropped)
	}
}
