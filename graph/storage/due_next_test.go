package storage_test

import (
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
)

// Once this quarter's review is held and HR opens the next quarter, the
// review the new plan waits on is the one due, before the quarter starts:
// the manager sees it in the due list (and the calendar feed built from
// it) rather than nothing until the first of the month.
func TestNextQuartersReviewIsDueOnceOpened(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)
	w.mustCheckIn(t, plan, throughline.CheckInQuarterly, "2026-10-05")
	today := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
	due := func() *throughline.DueReview {
		t.Helper()
		dues, err := throughline.DueReviewsOf(planCtx, w.s, w.s.PlanSnapshots, throughline.DueQuery{
			ManagerID: w.manager.ID, Today: today, Rhythm: throughline.DefaultRhythm,
		})
		noErr(t, err)
		if len(dues) != 1 {
			t.Fatalf("%d due reviews, want Ada's", len(dues))
		}
		return dues[0]
	}
	if d := due(); d.QuarterlyReviewDue != nil {
		t.Errorf("before 2027-Q1 is opened: review due %v, want none", d.QuarterlyReviewDue)
	}

	_, err := w.s.OpenCycle(planCtx, &throughline.Cycle{Name: "2027-Q1"})
	noErr(t, err)
	d := due()
	if !onDay(d.QuarterlyReviewDue, "2027-01-22") || d.QuarterlyReviewOverdue ||
		d.NextPlan == nil || d.NextCycle == nil || d.NextCycle.Name != "2027-Q1" {
		t.Errorf("after 2027-Q1 is opened: review due %v (overdue %v), next plan %v; "+
			"want 2027-01-22 for the plan opened", d.QuarterlyReviewDue, d.QuarterlyReviewOverdue,
			d.NextPlan)
	}
}
