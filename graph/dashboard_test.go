package throughline_test

import (
	"testing"

	throughline "throughline.dev/graph"
)

// Shares divide what was met by what was owed; with nothing owed, a share
// reads 0 where nothing was built and 1 where no rhythm was missed.
func TestDashboardShares(t *testing.T) {
	cov := throughline.CriticalCoverage{Total: 4, Covered: 1}
	mil := throughline.MilestoneAttainment{Due: 8, DoneOnTime: 6}
	cad := throughline.CadenceCompliance{
		ActivePlans: 5, CheckInsOnTime: 4, ReviewsDue: 5, ReviewsHeld: 2,
	}
	var none throughline.CadenceCompliance
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"coverage", cov.Share(), 0.25},
		{"no critical key result", throughline.CriticalCoverage{}.Share(), 0},
		{"milestones", mil.Share(), 0.75},
		{"no milestone due", throughline.MilestoneAttainment{}.Share(), 0},
		{"check-ins", cad.CheckInShare(), 0.8},
		{"no active plan", none.CheckInShare(), 1},
		{"reviews", cad.ReviewShare(), 0.4},
		{"no review due yet", none.ReviewShare(), 1},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: share %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

// The mean places each observed change on the scale from -1 to 2.
func TestObservedChangesMean(t *testing.T) {
	o := throughline.ObservedChanges{
		throughline.ChangeDeclined: 1, throughline.ChangeNone: 1,
		throughline.ChangeClearImprovement: 2,
	}
	if mean, ok := o.Mean(); !ok || mean != 0.75 {
		t.Errorf("mean %v (%v), want 0.75", mean, ok)
	}
	if mean, ok := (throughline.ObservedChanges{}).Mean(); ok {
		t.Errorf("mean of nothing %v, want none", mean)
	}
}
