package e2e_test

import "testing"

// A request may hold several mutations, run one after the other. Access
// must follow the reporting line as each one finds it: a manager who hands
// a report over in the first mutation no longer manages them in the next.
func TestAccessFollowsAMoveWithinOneRequest(t *testing.T) {
	a := newHandoverAPI(t)
	a.setDay("2026-11-09")
	plan := a.create("Bo", "createDevelopmentPlan", "plan", map[string]any{
		"personId": a.id["Eve"], "cycle": "2026-Q4",
	})
	r := a.as["Bo"].Do(`mutation($h: HandOverInput!, $g: AddDevelopmentGoalInput!) {
		handOver(input: $h) { handover { id } userErrors { message } }
		addDevelopmentGoal(input: $g) { goal { id } userErrors { message } } }`,
		map[string]any{
			"h": a.moveInput("Cy", "Eve"),
			"g": map[string]any{
				"planId": plan, "version": a.version(plan), "lane": "CAREER",
				"title": "Written after the move", "horizon": "2027-Q4",
			},
		})
	if len(a.plan("Lead", plan).CareerGoals) != 0 {
		t.Errorf("Bo added a goal to Eve's plan after handing her over to Cy: %s", r.Body)
	}
	a.wantManager("Eve", "Cy")
}
