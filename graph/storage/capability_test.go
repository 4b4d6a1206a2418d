package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
)

// scale makes a level scale from level names, numbered from 1.
func scale(names ...string) []*throughline.CapabilityLevel {
	out := make([]*throughline.CapabilityLevel, len(names))
	for i, n := range names {
		out[i] = &throughline.CapabilityLevel{Level: int32(i + 1), Name: n, Descriptor: n + " work"}
	}
	return out
}

func mustCapability(t *testing.T, s *storage.Store, name string,
	levels int,
) *throughline.Capability {
	t.Helper()
	names := []string{"Novice", "Practitioner", "Expert", "Coach", "Author"}[:levels]
	c := &throughline.Capability{Name: name}
	if err := s.CreateCapability(context.Background(), c, scale(names...)); err != nil {
		t.Fatalf("create capability %s: %v", name, err)
	}
	return c
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCreateCapabilityStoresItsScale(t *testing.T) {
	s := mustOpen(t)
	c := mustCapability(t, s, "Discovery", 3)
	levels, err := s.FindCapabilityLevels(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range levels {
		got = append(got, itoa(int64(l.Level))+":"+l.Name+":"+l.Descriptor)
	}
	want := []string{
		"1:Novice:Novice work", "2:Practitioner:Practitioner work", "3:Expert:Expert work",
	}
	if !slices.Equal(got, want) {
		t.Errorf("levels = %v, want %v", got, want)
	}
}

func TestCreateCapabilityChecksItsInput(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	mustCapability(t, s, "Discovery", 2)
	tests := []struct {
		name   string
		c      string
		levels []*throughline.CapabilityLevel
		code   string
		field  string
	}{
		{"no name", " ", scale("a", "b"), throughline.EINVALID, "name"},
		{"one level", "Negotiation", scale("a"), throughline.EINVALID, "levels"},
		{"unnamed level", "Negotiation", scale("a", ""), throughline.EINVALID, "levels"},
		{"levels out of order", "Negotiation",
			[]*throughline.CapabilityLevel{{Level: 2, Name: "b"}, {Level: 1, Name: "a"}},
			throughline.EINVALID, "levels"},
		{"name taken", "Discovery", scale("a", "b"), throughline.ECONFLICT, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.CreateCapability(ctx, &throughline.Capability{Name: tt.c}, tt.levels)
			wantError(t, err, tt.code, tt.field)
		})
	}
	page, err := s.FindCapabilities(ctx, throughline.PageRequest{First: 10})
	if err != nil || page.TotalCount != 1 {
		t.Errorf("capabilities stored = %d (%v), want 1", page.TotalCount, err)
	}
}

func TestSetRequirementReplacesThePair(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)
	discovery := mustCapability(t, s, "Discovery", 3)

	first := &throughline.CapabilityRequirement{
		KeyResultID: c.teamKR.ID, CapabilityID: discovery.ID, Level: 2, Reason: "calls need it",
	}
	if err := s.SetRequirement(ctx, first); err != nil {
		t.Fatalf("set: %v", err)
	}
	second := &throughline.CapabilityRequirement{
		KeyResultID: c.teamKR.ID, CapabilityID: discovery.ID, Level: 3, Reason: "enterprise calls",
	}
	if err := s.SetRequirement(ctx, second); err != nil {
		t.Fatalf("replace: %v", err)
	}
	if second.ID != first.ID {
		t.Errorf("replacing gave a new ID %d, want %d kept", second.ID, first.ID)
	}
	reqs, err := s.FindRequirements(ctx, throughline.RequirementFilter{KeyResultID: &c.teamKR.ID})
	if err != nil || len(reqs) != 1 {
		t.Fatalf("requirements = %v (%v), want one", reqs, err)
	}
	if reqs[0].Level != 3 || reqs[0].Reason != "enterprise calls" {
		t.Errorf("stored %+v, want level 3 for enterprise calls", reqs[0])
	}
	byCapability, _ := s.FindRequirements(ctx,
		throughline.RequirementFilter{CapabilityID: &discovery.ID})
	if len(byCapability) != 1 || byCapability[0].ID != first.ID {
		t.Errorf("required by %v, want the one requirement", byCapability)
	}
}

func TestLevelOutsideTheScaleIsRefused(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)
	discovery := mustCapability(t, s, "Discovery", 3)
	ada := mustPerson(t, s, "ada@example.com")

	for _, level := range []int32{0, 4} {
		err := s.SetRequirement(ctx, &throughline.CapabilityRequirement{
			KeyResultID: c.teamKR.ID, CapabilityID: discovery.ID, Level: level, Reason: "x",
		})
		wantError(t, err, throughline.EINVALID, "level")
		err = s.RecordAssessment(ctx, &throughline.Assessment{
			PersonID: ada.ID, CapabilityID: discovery.ID, Level: level,
		}, nil)
		wantError(t, err, throughline.EINVALID, "level")
	}
	err := s.SetRequirement(ctx, &throughline.CapabilityRequirement{
		KeyResultID: c.teamKR.ID, CapabilityID: discovery.ID, Level: 2,
	})
	wantError(t, err, throughline.EINVALID, "reason")
	err = s.SetRequirement(ctx, &throughline.CapabilityRequirement{
		KeyResultID: c.teamKR.ID, CapabilityID: 999, Level: 2, Reason: "x",
	})
	wantError(t, err, throughline.ENOTFOUND, "capabilityId")

	reqs, _ := s.FindRequirements(ctx, throughline.RequirementFilter{})
	page, _ := s.FindAssessments(ctx, throughline.AssessmentFilter{AllVersions: true},
		throughline.PageRequest{First: 10})
	if len(reqs) != 0 || page.TotalCount != 0 {
		t.Errorf("stored %d requirements and %d assessments, want none", len(reqs), page.TotalCount)
	}
}

func TestRemoveRequirement(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)
	discovery := mustCapability(t, s, "Discovery", 3)
	r := &throughline.CapabilityRequirement{
		KeyResultID: c.teamKR.ID, CapabilityID: discovery.ID, Level: 2, Reason: "x",
	}
	if err := s.SetRequirement(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveRequirement(ctx, r.ID); err != nil {
		t.Fatalf("remove: %v", err)
	}
	_, err := s.FindRequirementByID(ctx, r.ID)
	wantError(t, err, throughline.ENOTFOUND, "")
	wantError(t, s.RemoveRequirement(ctx, r.ID), throughline.ENOTFOUND, "id")
}

func TestRecordAssessmentWithEvidence(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	discovery := mustCapability(t, s, "Discovery", 3)
	ada := mustPerson(t, s, "ada@example.com")
	lead := mustPerson(t, s, "lead@example.com")
	observed := day("2026-10-02")

	a := &throughline.Assessment{PersonID: ada.ID, CapabilityID: discovery.ID, Level: 1,
		AssessedByID: &lead.ID, Note: "two calls this month"}
	err := s.RecordAssessment(ctx, a, []*throughline.Evidence{
		{
			Kind:        throughline.EvidenceWeakDiscoveryCall,
			Description: "no budget asked", ObservedOn: &observed,
		},
		{Kind: throughline.EvidenceOther, Description: "left the pricing open"},
	})
	if err != nil {
		t.Fatalf("record: %v", err)
	}
	stored, err := s.FindAssessmentByID(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !stored.AssessedOn.Equal(throughline.Day(clock)) || *stored.AssessedByID != lead.ID {
		t.Errorf("stored %+v, want dated today %v by the lead", stored, throughline.Day(clock))
	}
	ev, err := s.FindEvidence(ctx, a.ID)
	if err != nil || len(ev) != 2 {
		t.Fatalf("evidence = %v (%v), want two", ev, err)
	}
	if ev[0].Kind != throughline.EvidenceWeakDiscoveryCall || !ev[0].ObservedOn.Equal(observed) ||
		ev[1].Kind != throughline.EvidenceOther || ev[1].ObservedOn != nil {
		t.Errorf("evidence = %+v, %+v", ev[0], ev[1])
	}
}

func TestRecordAssessmentWithBadEvidenceWritesNothing(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	discovery := mustCapability(t, s, "Discovery", 3)
	ada := mustPerson(t, s, "ada@example.com")
	tests := []struct {
		name     string
		evidence throughline.Evidence
	}{
		{"unknown kind", throughline.Evidence{Kind: "GUT_FEELING", Description: "x"}},
		{"other without words", throughline.Evidence{Kind: throughline.EvidenceOther}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.evidence
			err := s.RecordAssessment(ctx, &throughline.Assessment{
				PersonID: ada.ID, CapabilityID: discovery.ID, Level: 2,
			}, []*throughline.Evidence{{Kind: throughline.EvidenceMissedDeadline}, &ev})
			wantError(t, err, throughline.EINVALID, "evidence")
		})
	}
	err := s.RecordAssessment(ctx, &throughline.Assessment{
		PersonID: 999, CapabilityID: discovery.ID, Level: 2,
	}, nil)
	wantError(t, err, throughline.ENOTFOUND, "personId")
	page, _ := s.FindAssessments(ctx, throughline.AssessmentFilter{AllVersions: true},
		throughline.PageRequest{First: 10})
	if page.TotalCount != 0 {
		t.Errorf("stored %d assessments, want none", page.TotalCount)
	}
}

func TestAssessmentsListTheLatestPerCapability(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	discovery := mustCapability(t, s, "Discovery", 5)
	handover := mustCapability(t, s, "Handover", 5)
	ada := mustPerson(t, s, "ada@example.com")
	bob := mustPerson(t, s, "bob@example.com")
	record := func(p *throughline.Person, c *throughline.Capability, level int32, on string) int64 {
		t.Helper()
		a := &throughline.Assessment{
			PersonID: p.ID, CapabilityID: c.ID, Level: level, AssessedOn: day(on),
		}
		if err := s.RecordAssessment(ctx, a, nil); err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	// Recorded out of date order: the date decides, then the later record.
	record(ada, discovery, 3, "2026-09-01")
	record(ada, discovery, 1, "2026-03-01")
	record(ada, handover, 2, "2026-05-01")
	latestHandover := record(ada, handover, 4, "2026-05-01")
	record(bob, discovery, 5, "2026-10-01")

	page, err := s.FindAssessments(ctx, throughline.AssessmentFilter{PersonID: &ada.ID},
		throughline.PageRequest{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range page.Items {
		got = append(got, itoa(a.CapabilityID)+":"+itoa(int64(a.Level)))
	}
	want := []string{itoa(discovery.ID) + ":3", itoa(handover.ID) + ":4"}
	if !slices.Equal(got, want) || page.TotalCount != 2 {
		t.Errorf("ada's assessments = %v (total %d), want %v", got, page.TotalCount, want)
	}

	latest, err := s.LatestAssessment(ctx, ada.ID, handover.ID)
	if err != nil || latest.ID != latestHandover {
		t.Errorf("latest handover = %+v (%v), want ID %d", latest, err, latestHandover)
	}
	_, err = s.LatestAssessment(ctx, bob.ID, handover.ID)
	wantError(t, err, throughline.ENOTFOUND, "")

	history := throughline.AssessmentFilter{PersonID: &ada.ID, AllVersions: true}
	all, _ := s.FindAssessments(ctx, history, throughline.PageRequest{First: 10})
	if all.TotalCount != 4 {
		t.Errorf("ada's history holds %d assessments, want 4", all.TotalCount)
	}
}

// insertGoal writes a plan and a goal by hand, so that coverage can be
// read whatever state the plan area is in.
func insertGoal(t *testing.T, s *storage.Store, person, cycle, kr, capability int64,
	lane throughline.Lane, state throughline.GoalState,
) int64 {
	t.Helper()
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(s.Rebind(`INSERT INTO development_plans
		(person_id, cycle_id, status, created_at, updated_at)
		VALUES (?, ?, 'ON_TRACK', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
		ON CONFLICT DO NOTHING`), person, cycle)
	if err != nil {
		t.Fatalf("insert plan: %v", err)
	}
	var id int64
	err = db.QueryRow(s.Rebind(`INSERT INTO development_goals
		(plan_id, lane, title, key_result_id, capability_id, state, created_at, updated_at)
		SELECT id, ?, 'goal', ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
		FROM development_plans WHERE person_id = ? AND cycle_id = ? RETURNING id`),
		lane, kr, capability, state, person, cycle).Scan(&id)
	if err != nil {
		t.Fatalf("insert goal: %v", err)
	}
	return id
}

func TestCoveringGoalsAreActiveExecutionGoals(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := mustCascade(t, s)
	discovery := mustCapability(t, s, "Discovery", 3)
	handover := mustCapability(t, s, "Handover", 3)
	ada := mustPerson(t, s, "ada@example.com")
	bob := mustPerson(t, s, "bob@example.com")

	covering := insertGoal(t, s, ada.ID, c.cycle.ID, c.teamKR.ID, discovery.ID,
		throughline.LaneExecution, throughline.GoalActive)
	insertGoal(t, s, bob.ID, c.cycle.ID, c.teamKR.ID, handover.ID,
		throughline.LaneExecution, throughline.GoalDropped)
	insertGoal(t, s, bob.ID, c.cycle.ID, c.teamKR.ID, handover.ID,
		throughline.LaneCareer, throughline.GoalActive)
	insertGoal(t, s, bob.ID, c.cycle.ID, c.companyKR.ID, handover.ID,
		throughline.LaneExecution, throughline.GoalActive)

	goals, err := s.CoveringGoals(ctx, c.teamKR.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(goals) != 1 || len(goals[discovery.ID]) != 1 || goals[discovery.ID][0].ID != covering {
		t.Errorf("covering goals = %v, want only goal %d for discovery", goals, covering)
	}
}
