package e2e_test

import (
	"encoding/json"
	"testing"
)

// An EXECUTION goal must build a capability: one sent without it (left
// out or null) is a userError on capabilityId, and the plan is left as
// it was, at the same version, with no goal.
func TestExecutionGoalNeedsACapability(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	plan := a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2026-Q4"})
	before := a.plan(plan)

	left := a.executionGoal(plan, "Discovery calls")
	delete(left, "capabilityId")
	null := a.executionGoal(plan, "Discovery calls")
	null["capabilityId"] = nil
	for what, in := range map[string]map[string]any{"left out": left, "null": null} {
		t.Run(what, func(t *testing.T) {
			a.t = t
			a.refused("addDevelopmentGoal", "goal", in, "INVALID", "capabilityId")
		})
	}
	a.t = t
	after := a.plan(plan)
	if after.Version != before.Version || len(after.ExecutionGoals) != 0 || len(after.CareerGoals) != 0 {
		t.Errorf("plan after refused goals: version %d with %d goals, want version %d and none",
			after.Version, len(after.ExecutionGoals)+len(after.CareerGoals), before.Version)
	}

	// The same goal with its capability is taken.
	a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Discovery calls"))
	if p := a.plan(plan); p.Version != before.Version+1 || len(p.ExecutionGoals) != 1 {
		t.Errorf("plan after a good goal: version %d with %d execution goals",
			p.Version, len(p.ExecutionGoals))
	}
}

// BLOCKED and NEEDS_RESET need a reason: an empty one, one of spaces, a
// null one and none at all are each a userError on reason, and the plan
// keeps its status, reason and version.
func TestBlockedAndNeedsResetNeedAReason(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	plan := a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2026-Q4"})
	before := a.plan(plan)

	reasons := []struct {
		what   string
		reason any
		send   bool
	}{
		{"empty", "", true}, {"spaces", "   ", true}, {"tabs and line breaks", "\t\n \r\n", true},
		{"null", nil, true}, {"left out", nil, false},
	}
	for _, status := range []string{"BLOCKED", "NEEDS_RESET"} {
		for _, r := range reasons {
			t.Run(status+" "+r.what, func(t *testing.T) {
				a.t = t
				in := map[string]any{"planId": plan, "version": before.Version, "status": status}
				if r.send {
					in["reason"] = r.reason
				}
				a.refused("setPlanStatus", "plan", in, "INVALID", "reason")
			})
		}
	}
	a.t = t
	after := a.plan(plan)
	if after.Status != before.Status || after.StatusReason != before.StatusReason ||
		after.Version != before.Version {
		t.Errorf("plan after refused statuses: %s %q at version %d, want %s %q at %d",
			after.Status, after.StatusReason, after.Version,
			before.Status, before.StatusReason, before.Version)
	}

	// With a reason, each status is taken, the reason trimmed.
	version := before.Version
	for _, status := range []string{"BLOCKED", "NEEDS_RESET"} {
		raw := a.mutate("setPlanStatus", "plan", map[string]any{
			"planId": plan, "version": version, "status": status, "reason": "  no calls booked  ",
		})
		if string(raw["userErrors"]) != "[]" {
			t.Fatalf("%s with a reason: %s", status, raw["userErrors"])
		}
		var obj struct{ ID string }
		if err := json.Unmarshal(raw["plan"], &obj); err != nil || obj.ID != plan {
			t.Fatalf("%s with a reason gave plan %s", status, raw["plan"])
		}
		p := a.plan(plan)
		if p.Status != status || p.StatusReason != "no calls booked" || p.Version != version+1 {
			t.Errorf("plan after %s with a reason: %s %q at version %d", status, p.Status,
				p.StatusReason, p.Version)
		}
		version = p.Version
	}
}
