package e2e_test

import (
	"slices"
	"strings"
	"testing"

	throughline "throughline.dev/graph"
)

// A plan opened for a new cycle leaves NEEDS_RESET only through its
// quarterly review: a status change, a check-in that puts it on track and
// a QUARTERLY check-in recorded on its own are refused, and so is a review
// held before the rhythm opens its window.
func TestNewPlanLeavesNeedsResetOnlyByItsReview(t *testing.T) {
	a := newReviewAPI(t, "2026-12-20")
	old := a.newPlan(a.ada)
	a.create("addDevelopmentGoal", "goal", a.executionGoal(old, "Discovery calls"))
	a.s.MustMutate("openCycle", `mutation { openCycle(input: {name: "2027-Q1"}) {
		cycle { name } userErrors { field message } } }`, nil, nil)
	next := a.planOf("2027-Q1")
	bo := a.as("bo@example.com", throughline.RoleManager)

	refused := func(what, doc string, in map[string]any, field string) {
		t.Helper()
		var data map[string]struct {
			Errors []planUserError `json:"userErrors"`
		}
		bo.MustDo(doc, map[string]any{"in": in}, &data)
		for _, p := range data {
			if len(p.Errors) != 1 || !slices.Equal(p.Errors[0].Field, []string{"input", field}) ||
				!strings.Contains(p.Errors[0].Message, "holdQuarterlyReview") {
				t.Errorf("%s: userErrors %+v, want one on %s naming the review", what, p.Errors, field)
			}
		}
		if p := a.planOf("2027-Q1"); p.Status != "NEEDS_RESET" || p.Version != next.Version {
			t.Errorf("%s moved the plan to %s v%d", what, p.Status, p.Version)
		}
	}
	refused("setPlanStatus ON_TRACK", setStatus, map[string]any{
		"planId": next.ID, "version": next.Version, "status": "ON_TRACK",
	}, "status")
	refused("a monthly check-in putting it on track", recordCheckIn, map[string]any{
		"planId": next.ID, "version": next.Version, "kind": "MONTHLY", "heldOn": "2026-12-20",
		"statusAfter": "ON_TRACK",
	}, "statusAfter")
	refused("a QUARTERLY check-in on its own", recordCheckIn, map[string]any{
		"planId": next.ID, "version": next.Version, "kind": "QUARTERLY", "heldOn": "2026-12-20",
		"statusAfter": "NEEDS_RESET", "statusReason": "still to review",
	}, "kind")

	// A monthly check-in that keeps it waiting is a check-in like any.
	var kept struct {
		RecordCheckIn struct {
			Errors []planUserError `json:"userErrors"`
		}
	}
	bo.MustDo(recordCheckIn, map[string]any{"in": map[string]any{
		"planId": next.ID, "version": next.Version, "kind": "MONTHLY", "heldOn": "2026-12-20",
		"statusAfter": "NEEDS_RESET", "statusReason": "review next week",
	}}, &kept)
	if len(kept.RecordCheckIn.Errors) != 0 {
		t.Errorf("monthly check-in keeping NEEDS_RESET: %+v", kept.RecordCheckIn.Errors)
	}

	// 2027-Q1 starts on 1 January; with 14 days' lead its window opens on
	// 18 December.
	early := map[string]any{
		"planId": old, "version": a.version(old), "cycle": "2027-Q1", "heldOn": "2026-12-17",
		"decisions": []map[string]any{},
	}
	var r struct{ HoldQuarterlyReview heldReviewPayload }
	bo.MustDo(holdReview, map[string]any{"in": early}, &r)
	if e := r.HoldQuarterlyReview.Errors; len(e) == 0 ||
		!slices.ContainsFunc(e, func(u planUserError) bool {
			return slices.Equal(u.Field, []string{"input", "heldOn"}) &&
				strings.Contains(u.Message, "2026-12-18")
		}) {
		t.Errorf("review held before its window: %+v", e)
	}
}

const setStatus = `mutation($in: SetPlanStatusInput!) { setPlanStatus(input: $in) {
	plan { status } userErrors { field message code } } }`

const recordCheckIn = `mutation($in: RecordCheckInInput!) { recordCheckIn(input: $in) {
	plan { status } userErrors { field message code } } }`

// A review moves a plan into the cycle right after its own, once: one
// into a later cycle would skip the plan in between, and one held again
// would put the plan back on track over what came since.
func TestReviewIsHeldOnceIntoTheNextCycle(t *testing.T) {
	a := newReviewAPI(t, "2026-12-20")
	q4 := a.newPlan(a.ada)
	goal := a.create("addDevelopmentGoal", "goal", a.executionGoal(q4, "Discovery calls"))
	a.create("createCycle", "cycle", map[string]any{"name": "2026-Q3"})
	q3 := a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2026-Q3"})
	a.s.MustMutate("openCycle", `mutation { openCycle(input: {name: "2027-Q1"}) {
		cycle { name } userErrors { field message } } }`, nil, nil)
	bo := a.as("bo@example.com", throughline.RoleManager)
	hold := func(plan string, decisions []map[string]any) []planUserError {
		t.Helper()
		if decisions == nil {
			decisions = []map[string]any{}
		}
		var r struct{ HoldQuarterlyReview heldReviewPayload }
		bo.MustDo(holdReview, map[string]any{"in": map[string]any{
			"planId": plan, "version": a.version(plan), "cycle": "2027-Q1", "decisions": decisions,
		}}, &r)
		return r.HoldQuarterlyReview.Errors
	}
	onCycle := func(errs []planUserError, says string) bool {
		return len(errs) == 1 && slices.Equal(errs[0].Field, []string{"input", "cycle"}) &&
			strings.Contains(errs[0].Message, says)
	}

	if errs := hold(q3, nil); !onCycle(errs, "the one of 2026-Q4") {
		t.Errorf("a review of 2026-Q3 into 2027-Q1: %+v, want refused on cycle", errs)
	}
	closed := []map[string]any{{"goalId": goal, "decision": "CLOSE_ACHIEVED"}}
	if errs := hold(q4, closed); len(errs) != 0 {
		t.Fatalf("the review of 2026-Q4 into 2027-Q1: %+v", errs)
	}
	if errs := hold(q4, nil); !onCycle(errs, "was held on 2026-12-20") {
		t.Errorf("the same review held again: %+v, want refused on cycle", errs)
	}
}

// A plan a manager makes in the next cycle, before HR opens it, waits for
// the review as the plans openCycle makes do: it cannot go round the
// review of the plan before it.
func TestPlanMadeInTheNextCycleWaitsForTheReview(t *testing.T) {
	a := newReviewAPI(t, "2026-12-20")
	a.newPlan(a.ada)
	a.create("createCycle", "cycle", map[string]any{"name": "2027-Q1"})
	a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2027-Q1"})
	if p := a.planOf("2027-Q1"); p.Status != "NEEDS_RESET" ||
		p.StatusReason != "the quarterly review for 2027-Q1 has not been held" {
		t.Errorf("a plan made in 2027-Q1 after one in 2026-Q4 reads %s %q, want NEEDS_RESET "+
			"until the review", p.Status, p.StatusReason)
	}
}
