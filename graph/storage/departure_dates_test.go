package storage_test

import (
	"testing"

	throughline "throughline.dev/graph"
)

// A last day cannot come before the leaver's own current reporting line
// began: the history would show them moving after they left.
func TestRecordDepartureRefusesALastDayBeforeTheLeaversOwnMove(t *testing.T) {
	w := mustHandoverWorld(t)
	w.mustHandOver(t, w.cy, w.today(), w.eve)
	before := w.rowCounts(t)
	_, err := w.s.RecordDeparture(w.ctx, w.eve.ID, w.today().AddDate(0, 0, -3))
	wantHoError(t, err, throughline.EINVALID, "leftOn", "Eve has been in their current reporting line since")
	wantSameCounts(t, before, w.rowCounts(t))
}
