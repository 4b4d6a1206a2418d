package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
	"throughline.dev/graph/storage/synth"
)

// The batched reads answer, for many keys in one query, what the reads of
// one key answer for each.

var batchDay = time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)

// openBatchWorld is a synthetic organisation of 120 people, three teams.
func openBatchWorld(t *testing.T) (*storage.Store, synth.Spec) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, storagetest.Location(t, "batch.db"),
		storage.Options{Now: func() time.Time { return batchDay }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	spec := synth.DefaultSpec(120, batchDay)
	if err := synth.Generate(ctx, db, spec); err != nil {
		t.Fatal(err)
	}
	return s, spec
}

func TestLatestCheckInsKeepsTheNewestOfEachPlan(t *testing.T) {
	s, spec := openBatchWorld(t)
	ctx := context.Background()
	plans := []int64{synth.PlanID(0), synth.PlanID(7), synth.PlanID(spec.People - 1), 99999}
	got, err := s.LatestCheckIns(ctx, plans, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range plans[:3] {
		want, err := s.FindCheckIns(ctx, id, throughline.PageRequest{First: 3})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(checkInIDs(got[id]), checkInIDs(want.Items)) || len(got[id]) != 3 {
			t.Errorf("plan %d: got check-ins %v, want %v", id, checkInIDs(got[id]),
				checkInIDs(want.Items))
		}
	}
	if len(got[99999]) != 0 {
		t.Errorf("a plan that does not exist has check-ins %v", checkInIDs(got[99999]))
	}
}

func checkInIDs(cs []*throughline.CheckIn) []int64 {
	out := make([]int64, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func TestLatestAssessmentsMatchesOneAtATime(t *testing.T) {
	s, _ := openBatchWorld(t)
	ctx := context.Background()
	var pairs [][2]int64
	for p := range 10 {
		for c := 1; c <= 8; c++ {
			pairs = append(pairs, [2]int64{synth.PersonID(p), int64(c)})
		}
	}
	got, err := s.LatestAssessments(ctx, pairs)
	if err != nil {
		t.Fatal(err)
	}
	assessed := 0
	for _, pair := range pairs {
		want, err := s.LatestAssessment(ctx, pair[0], pair[1])
		if throughline.ErrorCode(err) == throughline.ENOTFOUND {
			if got[pair] != nil {
				t.Errorf("%v: got assessment %d, want none", pair, got[pair].ID)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		assessed++
		if got[pair] == nil || got[pair].ID != want.ID {
			t.Errorf("%v: got %v, want assessment %d", pair, got[pair], want.ID)
		}
	}
	if assessed == 0 {
		t.Fatal("nobody was assessed: the test compares nothing")
	}
}

func TestKeyResultsOwnedMatchesTheFilteredList(t *testing.T) {
	s, spec := openBatchWorld(t)
	ctx := context.Background()
	cycle, err := s.FindCycleByName(ctx, spec.CycleName())
	if err != nil {
		t.Fatal(err)
	}
	leads := []int64{synth.PersonID(spec.LeadOf(0)), synth.PersonID(spec.LeadOf(1)),
		synth.PersonID(1)}
	keys := make([][2]int64, len(leads))
	for i, p := range leads {
		keys[i] = [2]int64{p, cycle.ID}
	}
	got, err := s.KeyResultsOwned(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		owner := k[0]
		f := throughline.KeyResultFilter{OwnerID: &owner, CycleID: &cycle.ID}
		want, err := s.FindKeyResults(ctx, f, throughline.PageRequest{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(keyResultIDs(got[k]), keyResultIDs(want.Items)) {
			t.Errorf("owner %d: got %v, want %v", owner, keyResultIDs(got[k]),
				keyResultIDs(want.Items))
		}
	}
	if len(got[keys[0]]) == 0 {
		t.Fatal("the lead owns no key result: the test compares nothing")
	}
}

func keyResultIDs(ks []*throughline.KeyResult) []int64 {
	out := make([]int64, len(ks))
	for i, k := range ks {
		out[i] = k.ID
	}
	return out
}

func TestPacksByIDFindsDrafts(t *testing.T) {
	s, _ := openBatchWorld(t)
	ctx := context.Background()
	var ids []int64
	for _, p := range []int{1, 2} {
		pack, err := s.DraftPack(ctx, throughline.HandoverDraft{PersonID: synth.PersonID(p)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, pack.ID)
	}
	got, err := s.PacksByID(ctx, append(ids, 99999))
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		if got[id] == nil || got[id].PersonID != synth.PersonID(i+1) {
			t.Errorf("pack %d: got %+v", id, got[id])
		}
	}
	if len(got) != len(ids) {
		t.Errorf("got %d packs, want %d", len(got), len(ids))
	}
}
