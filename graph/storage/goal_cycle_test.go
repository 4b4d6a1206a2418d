package storage_test

import (
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
)

// An execution goal serves a key result of its plan's cycle: one of
// another quarter is refused on keyResultId, whether the goal is added or
// changed, and a career goal may look at any quarter's.
func TestExecutionGoalServesItsPlansCycle(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)
	next := &throughline.Cycle{Name: "2027-Q1"}
	noErr(t, w.s.CreateCycle(planCtx, next))
	o := &throughline.Objective{CycleID: next.ID, Level: throughline.LevelCompany, Title: "Grow more"}
	noErr(t, w.s.CreateObjective(planCtx, o, nil))
	later := &throughline.KeyResult{ObjectiveID: o.ID, Title: "Win 35% of deals"}
	noErr(t, w.s.CreateKeyResult(planCtx, later))

	g := w.executionGoal(plan, "Discovery calls")
	g.KeyResultID = &later.ID
	_, err := w.s.AddGoal(planCtx, plan.Version, g)
	wantPlanError(t, err, throughline.EINVALID, "keyResultId")

	g = w.executionGoal(plan, "Discovery calls")
	w.mustAddGoal(t, plan, g)
	_, err = w.s.UpdateGoal(planCtx, g.ID, plan.Version, throughline.GoalUpdate{KeyResultID: &later.ID})
	wantPlanError(t, err, throughline.EINVALID, "keyResultId")
	if got := w.reload(t, plan.ID).Version; got != plan.Version {
		t.Errorf("a refused change moved the plan to version %d, want %d", got, plan.Version)
	}

	career := &throughline.DevelopmentGoal{PlanID: plan.ID, Lane: throughline.LaneCareer,
		Title: "Lead a team", KeyResultID: &later.ID}
	w.mustAddGoal(t, plan, career)
}
