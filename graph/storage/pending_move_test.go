package storage_test

import (
	"testing"

	throughline "throughline.dev/graph"
)

// Someone in a handover their new manager has not acknowledged cannot be
// moved again by changing their manager directly either; nothing changes.
func TestUpdatePersonWaitsForAPendingHandover(t *testing.T) {
	w := mustHandoverWorld(t)
	w.mustHandOver(t, w.cy, w.today(), w.ada)
	before := w.rowCounts(t)

	_, err := w.s.UpdatePerson(w.ctx, w.ada.ID, throughline.PersonUpdate{ManagerID: &w.bo.ID})
	wantHoError(t, err, throughline.EINVALID, "managerId", "must be acknowledged")
	wantSameCounts(t, before, w.rowCounts(t))
	if m := w.managerOf(t, w.ada); !sameIDAs(m, w.cy) {
		t.Errorf("Ada's manager is %v, want Cy still", m)
	}
}
