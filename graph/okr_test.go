package throughline_test

import (
	"testing"

	throughline "throughline.dev/graph"
)

// A metric is done once its value gets to the target the way the metric
// runs: "grow from 10 to 40" at 40 or above, "cut from 9 to 3" at 3 or
// below.
func TestMetricIsDoneAtItsTargetEitherWay(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	cases := []struct {
		name                   string
		start, target, current *float64
		done                   bool
		progress               float64
	}{
		{"rising, short of the target", f(10), f(40), f(25), false, 0.5},
		{"rising, at the target", f(10), f(40), f(40), true, 1},
		{"rising, past the target", f(10), f(40), f(50), true, 1},
		{"falling, short of the target", f(9), f(3), f(5), false, 0.6667},
		{"falling, at the target", f(9), f(3), f(3), true, 1},
		{"falling, below the target", f(95), f(30), f(20), true, 1},
		{"no start counts from zero", nil, f(4), f(4), true, 1},
		{"no value yet", f(9), f(3), nil, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k := &throughline.KeyResult{StartValue: c.start, TargetValue: c.target, CurrentValue: c.current}
			k.SettleDone()
			if k.Done != c.done {
				t.Fatalf("done = %v, want %v", k.Done, c.done)
			}
			if got := k.Progress(); got != c.progress {
				t.Fatalf("progress = %v, want %v", got, c.progress)
			}
		})
	}
}
