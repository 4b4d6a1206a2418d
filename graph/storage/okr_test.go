package storage_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
)

// clock is the fixed time every test store reads.
var clock = time.Date(2026, 10, 14, 9, 30, 0, 0, time.UTC)

func mustOpen(t *testing.T) *storage.Store {
	t.Helper()
	s, err := storage.Open(context.Background(), storagetest.Location(t, "t.db"), storage.Options{
		Now: func() time.Time { return clock },
	})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustCycle(t *testing.T, s *storage.Store, name string) *throughline.Cycle {
	t.Helper()
	c := &throughline.Cycle{Name: name}
	if err := s.CreateCycle(context.Background(), c); err != nil {
		t.Fatalf("create cycle %s: %v", name, err)
	}
	return c
}

func mustPerson(t *testing.T, s *storage.Store, email string) *throughline.Person {
	t.Helper()
	p := &throughline.Person{Email: email, Name: email}
	if err := s.CreatePerson(context.Background(), p); err != nil {
		t.Fatalf("create person %s: %v", email, err)
	}
	return p
}

func mustObjective(t *testing.T, s *storage.Store, cycle *throughline.Cycle,
	level throughline.ObjectiveLevel, title string, alignTo ...throughline.AlignmentTarget,
) *throughline.Objective {
	t.Helper()
	o := &throughline.Objective{CycleID: cycle.ID, Level: level, Title: title}
	if err := s.CreateObjective(context.Background(), o, alignTo); err != nil {
		t.Fatalf("create objective %q: %v", title, err)
	}
	return o
}

func mustKeyResult(t *testing.T, s *storage.Store,
	k *throughline.KeyResult,
) *throughline.KeyResult {
	t.Helper()
	if err := s.CreateKeyResult(context.Background(), k); err != nil {
		t.Fatalf("create key result %q: %v", k.Title, err)
	}
	return k
}

func toKR(id int64) throughline.AlignmentTarget {
	return throughline.AlignmentTarget{KeyResultID: &id}
}

func toObjective(id int64) throughline.AlignmentTarget {
	return throughline.AlignmentTarget{ObjectiveID: &id}
}

func ptr[T any](v T) *T { return &v }

// parents shortens a list of alignment targets in tests.
type parents = []throughline.AlignmentTarget

// problemFields lists the input fields an error names, from a validation
// error's problems or a single domain error.
func problemFields(err error) []string {
	var ve *throughline.ValidationError
	if errors.As(err, &ve) {
		var out []string
		for _, p := range ve.Problems {
			out = append(out, p.Field)
		}
		return out
	}
	return []string{throughline.ErrorField(err)}
}

// wantError fails the test unless err has the code and names the field.
func wantError(t *testing.T, err error, code, field string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %s on %q", code, field)
	}
	if got := throughline.ErrorCode(err); got != code {
		t.Errorf("code = %s, want %s (%v)", got, code, err)
	}
	if fields := problemFields(err); !slices.Contains(fields, field) {
		t.Errorf("fields = %v, want %q (%v)", fields, field, err)
	}
}

// alignmentKeys renders an objective's parents as "kr:ID" or "o:ID",
// sorted, so that tests compare them as sets.
func alignmentKeys(t *testing.T, s *storage.Store, objectiveID int64) []string {
	t.Helper()
	links, err := s.FindAlignments(context.Background(), objectiveID)
	if err != nil {
		t.Fatalf("find alignments: %v", err)
	}
	var out []string
	for _, a := range links {
		if a.ParentKeyResultID != nil {
			out = append(out, "kr:"+itoa(*a.ParentKeyResultID))
		} else {
			out = append(out, "o:"+itoa(*a.ParentObjectiveID))
		}
	}
	slices.Sort(out)
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// cascade is a small strategy graph: a company objective with a key
// result, a team objective aligned to both, and an individual objective
// under the team's key result.
type cascade struct {
	cycle              *throughline.Cycle
	company, team, ind *throughline.Objective
	companyKR, teamKR  *throughline.KeyResult
}

func mustCascade(t *testing.T, s *storage.Store) cascade {
	t.Helper()
	var c cascade
	c.cycle = mustCycle(t, s, "2026-Q4")
	c.company = mustObjective(t, s, c.cycle, throughline.LevelCompany, "Win the mid-market")
	c.companyKR = mustKeyResult(t, s, &throughline.KeyResult{
		ObjectiveID: c.company.ID, Title: "40 new accounts", TargetValue: ptr(40.0),
	})
	c.team = mustObjective(t, s, c.cycle, throughline.LevelTeam, "Run discovery well",
		toKR(c.companyKR.ID), toObjective(c.company.ID))
	c.teamKR = mustKeyResult(t, s, &throughline.KeyResult{
		ObjectiveID: c.team.ID, Title: "Discovery playbook adopted",
	})
	c.ind = mustObjective(t, s, c.cycle, throughline.LevelIndividual, "Lead discovery calls",
		toKR(c.teamKR.ID))
	return c
}

func TestObjectiveAlignsToSeveralParents(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)

	want := []string{"kr:" + itoa(c.companyKR.ID), "o:" + itoa(c.company.ID)}
	if got := alignmentKeys(t, s, c.team.ID); !slices.Equal(got, want) {
		t.Errorf("team objective aligns to %v, want %v", got, want)
	}
	viaKR, err := s.FindAlignedObjectives(ctx, c.companyKR.ID)
	if err != nil || len(viaKR) != 1 || viaKR[0].ID != c.team.ID {
		t.Errorf("aligned to the company key result: %v, %v; want the team objective", viaKR, err)
	}
	viaObjective, err := s.FindObjectivesAlignedToObjective(ctx, c.company.ID)
	if err != nil || len(viaObjective) != 1 || viaObjective[0].ID != c.team.ID {
		t.Errorf("aligned to the company objective: %v, %v; want the team objective",
			viaObjective, err)
	}
	none, err := s.FindObjectivesAlignedToObjective(ctx, c.ind.ID)
	if err != nil || none == nil || len(none) != 0 {
		t.Errorf("aligned to the individual objective: %v, %v; want an empty list", none, err)
	}
}

func TestAlignmentLoopIsRefusedAndNothingChanges(t *testing.T) {
	type target = func(c cascade) throughline.AlignmentTarget
	tests := []struct {
		name   string
		target target
	}{
		{"itself", func(c cascade) throughline.AlignmentTarget {
			return toObjective(c.team.ID)
		}},
		{"its own key result", func(c cascade) throughline.AlignmentTarget {
			return toKR(c.teamKR.ID)
		}},
		{"an objective below it", func(c cascade) throughline.AlignmentTarget {
			return toObjective(c.ind.ID)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			c := mustCascade(t, s)
			before := alignmentKeys(t, s, c.team.ID)

			u := throughline.ObjectiveUpdate{
				Title:            ptr("Renamed"),
				ReplaceAlignment: true,
				AlignTo:          parents{toKR(c.companyKR.ID), tt.target(c)},
			}
			_, err := s.UpdateObjective(context.Background(), c.team.ID, u)
			wantError(t, err, throughline.EINVALID, "alignTo")

			if after := alignmentKeys(t, s, c.team.ID); !slices.Equal(after, before) {
				t.Errorf("alignment changed from %v to %v", before, after)
			}
			o, err := s.FindObjectiveByID(context.Background(), c.team.ID)
			if err != nil || o.Title != "Run discovery well" {
				t.Errorf("title = %q (%v), want it unchanged", o.Title, err)
			}
		})
	}
}

func TestSetAlignmentRefusesALoopThroughSeveralLevels(t *testing.T) {
	s := mustOpen(t)
	c := mustCascade(t, s)
	indKR := mustKeyResult(t, s,
		&throughline.KeyResult{ObjectiveID: c.ind.ID, Title: "Ten calls led"})

	// The company objective may not align at all; the team objective may
	// not align to the key result of the individual objective under it.
	ctx := context.Background()
	err := s.SetAlignment(ctx, c.company.ID, parents{toKR(indKR.ID)})
	wantError(t, err, throughline.EINVALID, "alignTo")
	err = s.SetAlignment(ctx, c.team.ID, parents{toKR(indKR.ID)})
	wantError(t, err, throughline.EINVALID, "alignTo")
	if got := alignmentKeys(t, s, c.team.ID); len(got) != 2 {
		t.Errorf("team objective aligns to %v after a refused change, want its two parents", got)
	}
}

func TestReplacingAlignmentIsAtomic(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)
	otherKR := mustKeyResult(t, s,
		&throughline.KeyResult{ObjectiveID: c.company.ID, Title: "NPS 50"})
	before := alignmentKeys(t, s, c.team.ID)

	// A missing parent among good ones: nothing is replaced.
	err := s.SetAlignment(ctx, c.team.ID, parents{toKR(otherKR.ID), toKR(9999)})
	wantError(t, err, throughline.ENOTFOUND, "alignTo")
	if got := alignmentKeys(t, s, c.team.ID); !slices.Equal(got, before) {
		t.Fatalf("alignment after a failed replace = %v, want %v", got, before)
	}

	// A good replace swaps the whole set; a repeated parent counts once.
	err = s.SetAlignment(ctx, c.team.ID, parents{toKR(otherKR.ID), toKR(otherKR.ID)})
	if err != nil {
		t.Fatalf("replace: %v", err)
	}
	want := []string{"kr:" + itoa(otherKR.ID)}
	if got := alignmentKeys(t, s, c.team.ID); !slices.Equal(got, want) {
		t.Errorf("alignment = %v, want %v", got, want)
	}

	// An empty list removes every parent.
	_, err = s.UpdateObjective(ctx, c.team.ID, throughline.ObjectiveUpdate{ReplaceAlignment: true})
	if err != nil {
		t.Fatalf("clear: %v", err)
	}
	if got := alignmentKeys(t, s, c.team.ID); len(got) != 0 {
		t.Errorf("alignment after clearing = %v, want none", got)
	}
}

func TestCreateObjectiveChecksItsInput(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	cycle := mustCycle(t, s, "2026-Q4")
	company := mustObjective(t, s, cycle, throughline.LevelCompany, "Grow")
	team := throughline.Objective{Level: throughline.LevelTeam, Title: "x"}
	with := func(f func(o *throughline.Objective)) throughline.Objective {
		o := team
		f(&o)
		return o
	}
	tests := []struct {
		name    string
		o       throughline.Objective
		alignTo parents
		code    string
		field   string
	}{
		{"unknown level", with(func(o *throughline.Objective) { o.Level = "DIVISION" }), nil,
			throughline.EINVALID, "level"},
		{"no title", with(func(o *throughline.Objective) { o.Title = " " }), nil,
			throughline.EINVALID, "title"},
		{"company with a parent", with(func(o *throughline.Objective) {
			o.Level = throughline.LevelCompany
		}), parents{toObjective(company.ID)}, throughline.EINVALID, "alignTo"},
		{"parent naming both kinds", team,
			parents{{ObjectiveID: &company.ID, KeyResultID: &company.ID}},
			throughline.EINVALID, "alignTo"},
		{"missing owner", with(func(o *throughline.Objective) { o.OwnerID = ptr[int64](77) }),
			nil, throughline.ENOTFOUND, "ownerId"},
		{"missing team", with(func(o *throughline.Objective) { o.TeamID = ptr[int64](77) }),
			nil, throughline.ENOTFOUND, "teamId"},
		{"missing parent objective", team, parents{toObjective(77)},
			throughline.ENOTFOUND, "alignTo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.o
			o.CycleID = cycle.ID
			wantError(t, s.CreateObjective(ctx, &o, tt.alignTo), tt.code, tt.field)
		})
	}
	page, err := s.FindObjectives(ctx, throughline.ObjectiveFilter{},
		throughline.PageRequest{First: 10})
	if err != nil || page.TotalCount != 1 {
		t.Errorf("objectives stored = %d (%v), want only the company objective",
			page.TotalCount, err)
	}
}

func TestKeyResultIsAMetricOrDoneNotDone(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)

	m := c.companyKR
	if m.StartValue == nil || *m.StartValue != 0 || !m.IsMetric() || m.Done || m.Ref != "" {
		t.Errorf("metric = %+v, want start 0, not done, no ref", m)
	}
	plain := c.teamKR
	if plain.IsMetric() || plain.StartValue != nil || plain.Done {
		t.Errorf("done / not done result = %+v, want no metric and not done", plain)
	}

	bad := &throughline.KeyResult{ObjectiveID: c.team.ID, Title: "x", StartValue: ptr(3.0)}
	wantError(t, s.CreateKeyResult(ctx, bad), throughline.EINVALID, "target")
	bad = &throughline.KeyResult{ObjectiveID: 9999, Title: "x"}
	wantError(t, s.CreateKeyResult(ctx, bad), throughline.ENOTFOUND, "objectiveId")

	// Giving a done / not done result a target makes it a metric from 0.
	k, err := s.UpdateKeyResult(ctx, plain.ID, throughline.KeyResultUpdate{
		TargetValue: ptr(5.0), Unit: ptr("teams"), Critical: ptr(true),
	})
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if !k.IsMetric() || *k.StartValue != 0 || k.Unit != "teams" || !k.Critical {
		t.Errorf("updated = %+v, want a critical metric of teams from 0", k)
	}
}

func TestRecordProgressAppliesAndKeepsHistory(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)
	kr := c.companyKR

	k, err := s.RecordProgress(ctx, &throughline.ProgressUpdate{
		KeyResultID: kr.ID, Value: ptr(10.0), Confidence: ptr[int32](60), Note: "first deals",
	})
	if err != nil {
		t.Fatalf("record: %v", err)
	}
	if *k.CurrentValue != 10 || *k.Confidence != 60 || k.Done || k.Progress() != 0.25 {
		t.Errorf("after 10 of 40: %+v progress %v", k, k.Progress())
	}
	// Confidence alone keeps the value; the target reached makes it done.
	if _, err := s.RecordProgress(ctx, &throughline.ProgressUpdate{
		KeyResultID: kr.ID, Confidence: ptr[int32](80),
	}); err != nil {
		t.Fatalf("record confidence: %v", err)
	}
	if _, err := s.RecordProgress(ctx, &throughline.ProgressUpdate{
		KeyResultID: kr.ID, Value: ptr(41.0),
	}); err != nil {
		t.Fatalf("record: %v", err)
	}

	stored, err := s.FindKeyResultByID(ctx, kr.ID)
	if err != nil || *stored.CurrentValue != 41 || !stored.Done || *stored.Confidence != 80 {
		t.Errorf("stored = %+v (%v), want 41, done, confidence 80", stored, err)
	}
	page, err := s.FindProgressUpdates(ctx, kr.ID, throughline.PageRequest{First: 10})
	if err != nil {
		t.Fatalf("history: %v", err)
	}
	var values []float64
	var confidences []int32
	for _, u := range page.Items {
		values = append(values, *u.Value)
		confidences = append(confidences, *u.Confidence)
		if u.Done != nil || !u.RecordedAt.Equal(clock) {
			t.Errorf("update %+v: want no done for a metric, recorded at %v", u, clock)
		}
	}
	if !slices.Equal(values, []float64{10, 10, 41}) ||
		!slices.Equal(confidences, []int32{60, 80, 80}) {
		t.Errorf("history values %v confidences %v, want oldest first", values, confidences)
	}
	if page.Items[0].Note != "first deals" {
		t.Errorf("note = %q", page.Items[0].Note)
	}
}

func TestRecordProgressRefusesTheWrongMeasure(t *testing.T) {
	type update = throughline.ProgressUpdate
	tests := []struct {
		name   string
		metric bool
		u      update
		field  string
	}{
		{"done on a metric", true, update{Done: ptr(true)}, "done"},
		{"value on done / not done", false, update{Value: ptr(1.0)}, "value"},
		{"confidence over 100", true,
			update{Value: ptr(1.0), Confidence: ptr[int32](101)}, "confidence"},
		{"confidence under 0", false,
			update{Done: ptr(true), Confidence: ptr[int32](-1)}, "confidence"},
		{"nothing on a metric", true, update{Note: "hm"}, "value"},
		{"nothing on done / not done", false, update{}, "done"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			ctx := context.Background()
			c := mustCascade(t, s)
			kr := c.teamKR
			if tt.metric {
				kr = c.companyKR
			}
			u := tt.u
			u.KeyResultID = kr.ID
			_, err := s.RecordProgress(ctx, &u)
			wantError(t, err, throughline.EINVALID, tt.field)

			page, err := s.FindProgressUpdates(ctx, kr.ID, throughline.PageRequest{First: 10})
			if err != nil || page.TotalCount != 0 {
				t.Errorf("updates stored = %d (%v), want none", page.TotalCount, err)
			}
			stored, _ := s.FindKeyResultByID(ctx, kr.ID)
			if stored.CurrentValue != nil || stored.Done || stored.Confidence != nil {
				t.Errorf("key result changed: %+v", stored)
			}
		})
	}
}

func TestRecordProgressOnDoneNotDone(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)
	k, err := s.RecordProgress(ctx,
		&throughline.ProgressUpdate{KeyResultID: c.teamKR.ID, Done: ptr(true)})
	if err != nil || !k.Done || k.Progress() != 1 {
		t.Fatalf("record done: %+v, %v", k, err)
	}
	_, err = s.RecordProgress(ctx, &throughline.ProgressUpdate{KeyResultID: 9999, Done: ptr(true)})
	wantError(t, err, throughline.ENOTFOUND, "keyResultId")
}

func TestFindKeyResultsFilters(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)
	owner := mustPerson(t, s, "ada@example.com")
	next := mustCycle(t, s, "2027-Q1")
	later := mustObjective(t, s, next, throughline.LevelCompany, "Next quarter")
	mustKeyResult(t, s,
		&throughline.KeyResult{ObjectiveID: later.ID, Title: "later", Critical: true})
	crit := mustKeyResult(t, s, &throughline.KeyResult{
		ObjectiveID: c.team.ID, Title: "critical now", Critical: true, OwnerID: &owner.ID,
	})

	tests := []struct {
		name string
		f    throughline.KeyResultFilter
		want []int64
	}{
		{"cycle", throughline.KeyResultFilter{CycleID: &c.cycle.ID},
			[]int64{c.companyKR.ID, c.teamKR.ID, crit.ID}},
		{"critical in cycle",
			throughline.KeyResultFilter{CycleID: &c.cycle.ID, Critical: ptr(true)},
			[]int64{crit.ID}},
		{"not critical", throughline.KeyResultFilter{Critical: ptr(false)},
			[]int64{c.companyKR.ID, c.teamKR.ID}},
		{"owner", throughline.KeyResultFilter{OwnerID: &owner.ID}, []int64{crit.ID}},
		{"objective", throughline.KeyResultFilter{ObjectiveID: &c.company.ID},
			[]int64{c.companyKR.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.FindKeyResults(ctx, tt.f, throughline.PageRequest{First: 10})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(page.IDs, tt.want) || page.TotalCount != int64(len(tt.want)) {
				t.Errorf("IDs = %v (total %d), want %v", page.IDs, page.TotalCount, tt.want)
			}
		})
	}
}
