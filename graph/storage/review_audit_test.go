package storage_test

import (
	"strings"
	"testing"
)

// The review raises the version of the plan it reviews: the log shows
// that change, as it shows every write.
func TestQuarterlyReviewAuditsThePlanReviewed(t *testing.T) {
	w := mustReviewWorld(t)
	_, err := w.s.HoldQuarterlyReview(planCtx, w.review())
	noErr(t, err)
	for _, e := range auditEntriesAfter(t, w.s, 0) {
		if e.Action == "holdQuarterlyReview" && e.ObjectKind == "DevelopmentPlan" &&
			e.ObjectID != nil && *e.ObjectID == w.plan.ID {
			if e.After == nil || !strings.Contains(*e.After, `"version":`) {
				t.Errorf("entry for the reviewed plan has after %v", e.After)
			}
			return
		}
	}
	t.Errorf("no audit entry for the reviewed plan %d, whose version the review raised",
		w.plan.ID)
}
