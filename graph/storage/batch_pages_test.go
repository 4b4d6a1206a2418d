package storage_test

import (
	"context"
	"slices"
	"testing"

	throughline "throughline.dev/graph"
)

// Walking the pages of every parent's list, a few parents at once, gives
// each parent's whole list in ID order, with its length on every page,
// also on a page past its last item.

func TestAlignedObjectivePagesWalkEachWholeList(t *testing.T) {
	s, _ := openBatchWorld(t)
	ctx := context.Background()
	krs := idsUpTo(300)
	whole, err := s.ObjectivesAlignedToKeyResult(ctx, krs)
	if err != nil {
		t.Fatal(err)
	}
	walkEveryList(t, krs, mapIDs(whole, func(o *throughline.Objective) int64 { return o.ID }),
		func(page throughline.PageRequest) (map[int64]*throughline.Page[*throughline.Objective], error) {
			return s.AlignedObjectivePagesByKeyResult(ctx, krs, page)
		})
}

func TestRequirementPagesWalkEachWholeList(t *testing.T) {
	s, _ := openBatchWorld(t)
	ctx := context.Background()
	capabilities := idsUpTo(10)
	whole := map[int64][]int64{}
	for _, c := range capabilities {
		reqs, err := s.FindRequirements(ctx, throughline.RequirementFilter{CapabilityID: &c})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range reqs {
			whole[c] = append(whole[c], r.ID)
		}
		slices.Sort(whole[c])
	}
	walkEveryList(t, capabilities, whole,
		func(page throughline.PageRequest) (
			map[int64]*throughline.Page[*throughline.CapabilityRequirement], error,
		) {
			return s.RequirementPagesByCapability(ctx, capabilities, page)
		})
}

func TestCoveringGoalPagesWalkEachWholeList(t *testing.T) {
	s, _ := openBatchWorld(t)
	ctx := context.Background()
	covering, err := s.CoveringGoalsByKeyResult(ctx, idsUpTo(300))
	if err != nil {
		t.Fatal(err)
	}
	whole := map[[2]int64][]int64{}
	for _, goals := range covering {
		for _, g := range goals {
			pair := [2]int64{*g.KeyResultID, *g.CapabilityID}
			whole[pair] = append(whole[pair], g.ID)
		}
	}
	pairs := [][2]int64{{99999, 1}}
	for pair := range whole {
		pairs = append(pairs, pair)
	}
	if len(pairs) < 3 {
		t.Fatalf("the synthetic world covers %d needs; want several", len(pairs)-1)
	}
	walkEveryList(t, pairs, whole,
		func(page throughline.PageRequest) (
			map[[2]int64]*throughline.Page[*throughline.DevelopmentGoal], error,
		) {
			return s.CoveringGoalPages(ctx, pairs, page, nil)
		})
}

// walkEveryList walks each parent's list by pages of 2, each read for all
// the parents at once with the parent's own cursor, and checks what each
// page says of the list.
func walkEveryList[K comparable, T any](t *testing.T, parents []K, whole map[K][]int64,
	read func(throughline.PageRequest) (map[K]*throughline.Page[T], error),
) {
	t.Helper()
	got := map[K][]int64{}
	after := map[K]int64{}
	for _, k := range parents {
		for done := false; !done; {
			pages, err := read(throughline.PageRequest{First: 2, After: after[k]})
			if err != nil {
				t.Fatal(err)
			}
			p, ok := pages[k]
			if !ok {
				p = &throughline.Page[T]{}
			}
			if p.TotalCount != int64(len(whole[k])) || len(p.IDs) > 2 {
				t.Fatalf("%v after %d: %d items of %d, want at most 2 of %d",
					k, after[k], len(p.IDs), p.TotalCount, len(whole[k]))
			}
			got[k] = append(got[k], p.IDs...)
			done = !p.HasNextPage
			if len(p.IDs) > 0 {
				after[k] = p.IDs[len(p.IDs)-1]
			}
		}
		if !slices.Equal(got[k], whole[k]) {
			t.Errorf("%v: pages hold %v, want %v", k, got[k], whole[k])
		}
		if len(whole[k]) == 0 {
			continue
		}
		past, err := read(throughline.PageRequest{First: 2, After: after[k]})
		if err != nil {
			t.Fatal(err)
		}
		if p := past[k]; p == nil || len(p.IDs) != 0 || p.TotalCount != int64(len(whole[k])) {
			t.Errorf("%v past its last item: %+v, want no items and the length", k, p)
		}
	}
}

func idsUpTo(n int64) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(i + 1)
	}
	return out
}

func mapIDs[T any](m map[int64][]*T, id func(*T) int64) map[int64][]int64 {
	out := map[int64][]int64{}
	for k, items := range m {
		for _, it := range items {
			out[k] = append(out[k], id(it))
		}
		slices.Sort(out[k])
	}
	return out
}
