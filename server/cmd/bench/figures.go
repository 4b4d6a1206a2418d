package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// figures are the main numbers of one answer: counts of what it lists
// and sums of what it measures. The API's answer and the floor's must
// give the same figures, or the floor would not be a fair one.
type figures map[string]float64

// differences lists the figures on which a and b disagree, beyond the
// rounding of a JSON number.
func differences(a, b figures) []string {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var out []string
	for k := range keys {
		va, okA := a[k]
		vb, okB := b[k]
		if okA != okB || math.Abs(va-vb) > 1e-4 {
			out = append(out, fmt.Sprintf("%s: api %v, floor %v", k, va, vb))
		}
	}
	slices.Sort(out)
	return out
}

// screen is one of the five reads: its GraphQL request, the figures of
// its answer, and the same answer by hand-written SQL.
type screen struct {
	name    string
	token   string
	text    string
	vars    map[string]any
	figures func(data json.RawMessage) (figures, error)
	floor   func(ctx context.Context, f *floorDB) (figures, error)
}

// screens are the five reads measured, in the order of the table.
func screens(s subjects, c cast) []screen {
	return []screen{
		chainScreen(s, c), handoverScreen(s), dashboardScreen(s),
		strategyScreen(s), cardScreen(s, c),
	}
}

// verify checks that the API and the floor give the same figures, and
// that those figures are not empty: a screen that reads nothing measures
// nothing.
func verify(ctx context.Context, c *client, f *floorDB, sc screen) (figures, error) {
	data, err := c.query(ctx, sc.token, sc.text, sc.vars)
	if err != nil {
		return nil, err
	}
	api, err := sc.figures(data)
	if err != nil {
		return nil, fmt.Errorf("api figures: %w", err)
	}
	floor, err := sc.floor(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("floor: %w", err)
	}
	if diff := differences(api, floor); len(diff) > 0 {
		return nil, fmt.Errorf("the floor disagrees with the API:\n  %s",
			strings.Join(diff, "\n  "))
	}
	if len(api) == 0 {
		return nil, fmt.Errorf("no figures")
	}
	return api, nil
}
