package throughline_test

import (
	"testing"
	"time"

	throughline "throughline.dev/graph"
)

func TestCheckHeldOn(t *testing.T) {
	today := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		day  time.Time
		ok   bool
	}{
		{"today", today, true},
		{"tomorrow, a time zone ahead", today.AddDate(0, 0, 1), true},
		{"the day after tomorrow", today.AddDate(0, 0, 2), false},
		{"a year ago", today.AddDate(-1, 0, 0), true},
		{"over a year ago", today.AddDate(-1, 0, -2), false},
		{"1900", time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), false},
	} {
		err := throughline.CheckHeldOn(tc.day, today, "check-in")
		if (err == nil) != tc.ok || (err != nil && throughline.ErrorField(err) != "heldOn") {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}
