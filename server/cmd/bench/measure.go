package main

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// load says how much to ask of one screen at one concurrency: up to n
// requests, stopping early once budget has passed and each client has
// made a few, so that a slow screen at a large size ends in reasonable
// time.
type load struct {
	clients int
	n       int
	budget  time.Duration
}

// minPerClient is how many requests each client makes at least.
const minPerClient = 5

// timing summarises the latencies of one run.
type timing struct {
	Requests  int     `json:"requests"`
	P50Millis float64 `json:"p50_ms"`
	P99Millis float64 `json:"p99_ms"`
	PerSecond float64 `json:"requests_per_second"`
}

// run calls do from l.clients goroutines until the load is spent, and
// times each call.
func (l load) run(ctx context.Context, do func(context.Context) error) (timing, error) {
	var next atomic.Int64
	deadline := time.Now().Add(l.budget)
	lat := make([][]time.Duration, l.clients)
	errs := make([]error, l.clients)
	start := time.Now()
	var wg sync.WaitGroup
	for c := range l.clients {
		wg.Go(func() {
			lat[c], errs[c] = l.client(ctx, &next, deadline, do)
		})
	}
	wg.Wait()
	wall := time.Since(start)
	if err := firstError(errs); err != nil {
		return timing{}, err
	}
	return summarise(slices.Concat(lat...), wall), nil
}

// client is one caller: it takes requests from the shared count until
// the count or the time is spent.
func (l load) client(ctx context.Context, next *atomic.Int64, deadline time.Time,
	do func(context.Context) error,
) ([]time.Duration, error) {
	var lat []time.Duration
	for next.Add(1) <= int64(l.n) {
		if len(lat) >= minPerClient && time.Now().After(deadline) {
			break
		}
		t := time.Now()
		if err := do(ctx); err != nil {
			return nil, err
		}
		lat = append(lat, time.Since(t))
	}
	return lat, nil
}

func summarise(lat []time.Duration, wall time.Duration) timing {
	if len(lat) == 0 {
		return timing{}
	}
	slices.Sort(lat)
	return timing{
		Requests:  len(lat),
		P50Millis: millis(percentile(lat, 50)),
		P99Millis: millis(percentile(lat, 99)),
		PerSecond: float64(len(lat)) / wall.Seconds(),
	}
}

// percentile of sorted latencies, nearest rank.
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i-1, 0)]
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
