package storage_test

import (
	"testing"

	throughline "throughline.dev/graph"
)

// A plan changed while its pack is frozen, outside the move's
// transaction, makes the move freeze the pack again, so that the pack is
// what the move finds; a plan that never stops changing refuses the move
// and moves nobody.
func TestPackFrozenAgainWhenThePlanChangesMeanwhile(t *testing.T) {
	w := mustHandoverWorld(t)
	cycle := &throughline.Cycle{Name: "2026-Q4"}
	if err := w.s.CreateCycle(w.ctx, cycle); err != nil {
		t.Fatal(err)
	}
	block := blocker(t, w, cycle, w.ada)
	w.contentsFor = func(int64) {
		if w.contentCalls == 1 {
			block()
		}
	}
	w.mustHandOver(t, w.cy, w.today(), w.ada)
	if w.contentCalls != 2 {
		t.Errorf("contents read %d times, want twice: once more after the plan changed",
			w.contentCalls)
	}

	block = blocker(t, w, cycle, w.eve)
	w.contentCalls, w.contentsFor = 0, func(int64) { block() }
	_, _, err := w.handOver(w.lea, w.today(), w.eve)
	if throughline.ErrorCode(err) != throughline.ECONFLICT || w.contentCalls != 3 {
		t.Errorf("a move whose plan keeps changing: %v after %d reads, want ECONFLICT after 3",
			err, w.contentCalls)
	}
	if m := w.managerOf(t, w.eve); m == nil || *m != w.bo.ID {
		t.Errorf("Eve moved to %v by a refused move, want still Bo's", m)
	}
}

// blocker gives a person a plan and returns a function that changes it,
// as a manager editing it would.
func blocker(t *testing.T, w *hoWorld, c *throughline.Cycle, p *throughline.Person) func() {
	plan := &throughline.DevelopmentPlan{PersonID: p.ID, CycleID: c.ID}
	if err := w.s.CreatePlan(w.ctx, plan); err != nil {
		t.Fatal(err)
	}
	version := plan.Version
	return func() {
		changed, err := w.s.SetPlanStatus(w.ctx, plan.ID, version, throughline.StatusBlocked,
			"no calls")
		if err != nil {
			t.Fatal(err)
		}
		version = changed.Version
	}
}
