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
