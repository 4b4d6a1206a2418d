package storage_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/importer"
	"throughline.dev/graph/storage"
)

// auditWorld is a planWorld on the fixed clock, and an HR person signed
// in with a token: the writes under test act for them.
type auditWorld struct {
	*planWorld
	ctx   context.Context
	hr    *throughline.Person
	token int64
	// mark is the last entry before the write under test.
	mark int64
}

func mustAuditWorld(t *testing.T) *auditWorld {
	t.Helper()
	w := &auditWorld{planWorld: mustPlanWorld(t, storage.Options{
		Now: func() time.Time { return clock },
	})}
	w.hr = w.person(t, "hr@example.com", nil)
	tok := &throughline.Token{PersonID: &w.hr.ID, Roles: []throughline.Role{throughline.RoleHR}}
	_, err := w.s.CreateToken(planCtx, tok)
	noErr(t, err)
	w.token = tok.ID
	w.ctx = throughline.WithActor(planCtx, throughline.NewActor(w.hr.ID, tok.ID, tok.Roles, nil))
	w.markNow(t)
	return w
}

// markNow makes the entries written so far old: the test's checks see
// only what comes after.
func (w *auditWorld) markNow(t *testing.T) {
	t.Helper()
	entries := auditEntriesAfter(t, w.s, 0)
	w.mark = 0
	if len(entries) > 0 {
		w.mark = entries[len(entries)-1].ID
	}
}

// auditEntriesAfter reads the whole log after an entry, oldest first.
func auditEntriesAfter(t *testing.T, s *storage.Store, after int64) []*throughline.AuditEntry {
	t.Helper()
	var out []*throughline.AuditEntry
	page := throughline.PageRequest{First: throughline.MaxPageSize, After: after}
	for {
		p, err := s.FindAuditEntries(planCtx, throughline.AuditFilter{}, page)
		noErr(t, err)
		out = append(out, p.Items...)
		if !p.HasNextPage {
			return out
		}
		page.After = p.IDs[len(p.IDs)-1]
	}
}

// jsonFields are values an entry's JSON must hold, by key; other keys are
// not checked.
type jsonFields map[string]any

// wantedEntry is an audit entry a test expects. A nil before or after must be
// null in the entry.
type wantedEntry struct {
	action, kind  string
	id            int64
	before, after jsonFields
}

// wantChanges checks that the log holds exactly the changes given since
// the mark, in order, each made by the world's HR person and token at the
// store's time.
func (w *auditWorld) wantChanges(t *testing.T, want ...wantedEntry) {
	t.Helper()
	got := auditEntriesAfter(t, w.s, w.mark)
	if len(got) != len(want) {
		t.Fatalf("%d audit entries (%s), want %d", len(got), describeEntries(got), len(want))
	}
	for i, e := range got {
		wantChange(t, e, want[i])
		if !hasID(e.ActorID, w.hr.ID) || !hasID(e.TokenID, w.token) || !e.At.Equal(clock) {
			t.Errorf("%s %s: actor %v, token %v at %s; want %d, %d at %s", e.Action,
				e.ObjectKind, idOrNil(e.ActorID), idOrNil(e.TokenID), e.At, w.hr.ID, w.token, clock)
		}
	}
}

func wantChange(t *testing.T, e *throughline.AuditEntry, want wantedEntry) {
	t.Helper()
	if e.Action != want.action || e.ObjectKind != want.kind || !hasID(e.ObjectID, want.id) {
		t.Errorf("entry %s %s %v, want %s %s %d", e.Action, e.ObjectKind, idOrNil(e.ObjectID),
			want.action, want.kind, want.id)
	}
	what := want.action + " " + want.kind
	wantJSONFields(t, what+" before", e.Before, want.before)
	wantJSONFields(t, what+" after", e.After, want.after)
}

// wantJSON checks that a side of an entry decodes to an object holding
// the fields wanted, each compared as JSON; nil wants null.
func wantJSONFields(t *testing.T, what string, got *string, want jsonFields) {
	t.Helper()
	if want == nil || got == nil {
		if want != nil || got != nil {
			t.Errorf("%s = %s, want %v", what, orNull(got), want)
		}
		return
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(*got), &obj); err != nil {
		t.Fatalf("%s does not decode: %v\n%s", what, err, *got)
	}
	for k, v := range want {
		g, present := obj[k]
		gb, _ := json.Marshal(g)
		wb, _ := json.Marshal(v)
		if !present || string(gb) != string(wb) {
			t.Errorf("%s: %s = %s, want %s\n%s", what, k, gb, wb, *got)
		}
	}
}

func hasID(got *int64, want int64) bool { return got != nil && *got == want }

func idOrNil(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func orNull(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func describeEntries(entries []*throughline.AuditEntry) string {
	parts := make([]string, len(entries))
	for i, e := range entries {
		parts[i] = fmt.Sprintf("%s %s %v", e.Action, e.ObjectKind, idOrNil(e.ObjectID))
	}
	return strings.Join(parts, ", ")
}

// Every write leaves one entry per object it changed, in the API's words,
// with the object before and after.
func TestEveryWriteIsAudited(t *testing.T) {
	tests := []struct {
		name  string
		write func(t *testing.T, w *auditWorld) []wantedEntry
	}{
		{"createCycle", auditCreateCycle},
		{"createTeam", auditCreateTeam},
		{"updateTeam", auditUpdateTeam},
		{"createPerson", auditCreatePerson},
		{"updatePerson", auditUpdatePerson},
		{"createObjective", auditCreateObjective},
		{"updateObjective", auditUpdateObjective},
		{"setAlignment", auditSetAlignment},
		{"createKeyResult", auditCreateKeyResult},
		{"updateKeyResult", auditUpdateKeyResult},
		{"recordProgress", auditRecordProgress},
		{"createCapability", auditCreateCapability},
		{"setCapabilityRequirement new", auditSetNewRequirement},
		{"setCapabilityRequirement again", auditSetRequirementAgain},
		{"removeCapabilityRequirement", auditRemoveRequirement},
		{"recordAssessment", auditRecordAssessment},
		{"createDevelopmentPlan", auditCreatePlan},
		{"setPlanStatus", auditSetPlanStatus},
		{"addDevelopmentGoal", auditAddGoal},
		{"updateDevelopmentGoal", auditUpdateGoal},
		{"addDevelopmentAction", auditAddAction},
		{"updateDevelopmentAction", auditUpdateAction},
		{"recordCheckIn", auditRecordCheckIn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := mustAuditWorld(t)
			want := tt.write(t, w)
			w.wantChanges(t, want...)
		})
	}
}

func auditCreateCycle(t *testing.T, w *auditWorld) []wantedEntry {
	c := &throughline.Cycle{Name: "2027-Q1"}
	noErr(t, w.s.CreateCycle(w.ctx, c))
	return []wantedEntry{{"createCycle", "Cycle", c.ID, nil, jsonFields{
		"id": c.ID, "name": "2027-Q1",
		"startsOn": "2027-01-01T00:00:00Z", "endsOn": "2027-03-31T00:00:00Z",
	}}}
}

func auditCreateTeam(t *testing.T, w *auditWorld) []wantedEntry {
	team := &throughline.Team{Name: "Sales", LeadID: &w.manager.ID}
	noErr(t, w.s.CreateTeam(w.ctx, team))
	return []wantedEntry{{"createTeam", "Team", team.ID, nil, jsonFields{
		"name": "Sales", "leadId": w.manager.ID, "parentId": nil,
	}}}
}

func auditUpdateTeam(t *testing.T, w *auditWorld) []wantedEntry {
	team := &throughline.Team{Name: "Sales"}
	noErr(t, w.s.CreateTeam(planCtx, team))
	w.markNow(t)
	_, err := w.s.UpdateTeam(w.ctx, team.ID, throughline.TeamUpdate{Name: ptr("Field sales")})
	noErr(t, err)
	return []wantedEntry{{"updateTeam", "Team", team.ID,
		jsonFields{"name": "Sales"}, jsonFields{"name": "Field sales", "updatedAt": clock}}}
}

func auditCreatePerson(t *testing.T, w *auditWorld) []wantedEntry {
	p := &throughline.Person{Email: "Cy@Example.com", Name: "Cy", ManagerID: &w.ada.ID}
	noErr(t, w.s.CreatePerson(w.ctx, p))
	return []wantedEntry{{"createPerson", "Person", p.ID, nil, jsonFields{
		"id": p.ID, "email": "cy@example.com", "name": "Cy", "managerId": w.ada.ID,
	}}}
}

func auditUpdatePerson(t *testing.T, w *auditWorld) []wantedEntry {
	_, err := w.s.UpdatePerson(w.ctx, w.ada.ID, throughline.PersonUpdate{
		Title: ptr("Account executive"), ManagerID: &w.hr.ID,
	})
	noErr(t, err)
	return []wantedEntry{{"updatePerson", "Person", w.ada.ID,
		jsonFields{"title": "", "managerId": w.manager.ID},
		jsonFields{"title": "Account executive", "managerId": w.hr.ID}}}
}

// alignedToKR and alignedToObjective are an objective's alignedTo as the
// log records it.
func alignedToKR(id int64) []jsonFields {
	return []jsonFields{{"keyResultId": id, "objectiveId": nil}}
}

func alignedToObjective(id int64) []jsonFields {
	return []jsonFields{{"keyResultId": nil, "objectiveId": id}}
}

// teamObjective creates, outside the test's write, a team objective
// aligned to the world's key result.
func (w *auditWorld) teamObjective(t *testing.T) *throughline.Objective {
	t.Helper()
	o := &throughline.Objective{CycleID: w.cycle.ID, Level: throughline.LevelTeam, Title: "Sell"}
	noErr(t, w.s.CreateObjective(planCtx, o, parents{toKR(w.keyResult.ID)}))
	w.markNow(t)
	return o
}

func auditCreateObjective(t *testing.T, w *auditWorld) []wantedEntry {
	o := &throughline.Objective{CycleID: w.cycle.ID, Level: throughline.LevelTeam, Title: "Sell"}
	noErr(t, w.s.CreateObjective(w.ctx, o, parents{toKR(w.keyResult.ID), toKR(w.keyResult.ID)}))
	return []wantedEntry{{"createObjective", "Objective", o.ID, nil, jsonFields{
		"title": "Sell", "level": "TEAM", "alignedTo": alignedToKR(w.keyResult.ID),
	}}}
}

func auditUpdateObjective(t *testing.T, w *auditWorld) []wantedEntry {
	o := w.teamObjective(t)
	company := w.keyResult.ObjectiveID
	_, err := w.s.UpdateObjective(w.ctx, o.ID, throughline.ObjectiveUpdate{
		Title: ptr("Sell more"), ReplaceAlignment: true, AlignTo: parents{toObjective(company)},
	})
	noErr(t, err)
	return []wantedEntry{{"updateObjective", "Objective", o.ID,
		jsonFields{"title": "Sell", "alignedTo": alignedToKR(w.keyResult.ID)},
		jsonFields{"title": "Sell more", "alignedTo": alignedToObjective(company)}}}
}

func auditSetAlignment(t *testing.T, w *auditWorld) []wantedEntry {
	o := w.teamObjective(t)
	company := w.keyResult.ObjectiveID
	noErr(t, w.s.SetAlignment(w.ctx, o.ID, parents{toObjective(company)}))
	return []wantedEntry{{"setAlignment", "Objective", o.ID,
		jsonFields{"title": "Sell", "alignedTo": alignedToKR(w.keyResult.ID)},
		jsonFields{"title": "Sell", "alignedTo": alignedToObjective(company)}}}
}

func auditCreateKeyResult(t *testing.T, w *auditWorld) []wantedEntry {
	k := &throughline.KeyResult{ObjectiveID: w.keyResult.ObjectiveID, Title: "10 referrals",
		TargetValue: ptr(10.0), Critical: true}
	noErr(t, w.s.CreateKeyResult(w.ctx, k))
	return []wantedEntry{{"createKeyResult", "KeyResult", k.ID, nil, jsonFields{
		"objectiveId": w.keyResult.ObjectiveID, "title": "10 referrals",
		"targetValue": 10, "critical": true,
	}}}
}

func auditUpdateKeyResult(t *testing.T, w *auditWorld) []wantedEntry {
	_, err := w.s.UpdateKeyResult(w.ctx, w.keyResult.ID, throughline.KeyResultUpdate{
		Critical: ptr(true),
	})
	noErr(t, err)
	return []wantedEntry{{"updateKeyResult", "KeyResult", w.keyResult.ID,
		jsonFields{"critical": false, "title": w.keyResult.Title},
		jsonFields{"critical": true, "title": w.keyResult.Title}}}
}

func auditRecordProgress(t *testing.T, w *auditWorld) []wantedEntry {
	k := &throughline.KeyResult{ObjectiveID: w.keyResult.ObjectiveID, Title: "10 referrals",
		TargetValue: ptr(10.0)}
	noErr(t, w.s.CreateKeyResult(planCtx, k))
	w.markNow(t)
	u := &throughline.ProgressUpdate{KeyResultID: k.ID, Value: ptr(4.0), Note: "two this week"}
	_, err := w.s.RecordProgress(w.ctx, u)
	noErr(t, err)
	return []wantedEntry{
		{"recordProgress", "ProgressUpdate", u.ID, nil,
			jsonFields{"keyResultId": k.ID, "value": 4, "note": "two this week"}},
		{"recordProgress", "KeyResult", k.ID,
			jsonFields{"currentValue": nil}, jsonFields{"currentValue": 4}},
	}
}

func auditCreateCapability(t *testing.T, w *auditWorld) []wantedEntry {
	c := &throughline.Capability{Name: "Negotiation"}
	noErr(t, w.s.CreateCapability(w.ctx, c, scale("Novice", "Expert")))
	return []wantedEntry{{"createCapability", "Capability", c.ID, nil, jsonFields{
		"name": "Negotiation", "levels": []jsonFields{
			{"capabilityId": c.ID, "level": 1, "name": "Novice", "descriptor": "Novice work"},
			{"capabilityId": c.ID, "level": 2, "name": "Expert", "descriptor": "Expert work"},
		},
	}}}
}

// requirement is the world's key result needing its capability at a
// level.
func (w *auditWorld) requirement(level int32) *throughline.CapabilityRequirement {
	return &throughline.CapabilityRequirement{KeyResultID: w.keyResult.ID,
		CapabilityID: w.capability.ID, Level: level, Reason: "deals turn on discovery"}
}

func auditSetNewRequirement(t *testing.T, w *auditWorld) []wantedEntry {
	r := w.requirement(3)
	noErr(t, w.s.SetRequirement(w.ctx, r))
	return []wantedEntry{{"setCapabilityRequirement", "CapabilityRequirement", r.ID, nil, jsonFields{
		"keyResultId": w.keyResult.ID, "capabilityId": w.capability.ID, "level": 3,
		"reason": "deals turn on discovery",
	}}}
}

func auditSetRequirementAgain(t *testing.T, w *auditWorld) []wantedEntry {
	first := w.requirement(3)
	noErr(t, w.s.SetRequirement(planCtx, first))
	w.markNow(t)
	again := w.requirement(4)
	noErr(t, w.s.SetRequirement(w.ctx, again))
	return []wantedEntry{{"setCapabilityRequirement", "CapabilityRequirement", first.ID,
		jsonFields{"id": first.ID, "level": 3}, jsonFields{"id": first.ID, "level": 4}}}
}

func auditRemoveRequirement(t *testing.T, w *auditWorld) []wantedEntry {
	r := w.requirement(3)
	noErr(t, w.s.SetRequirement(planCtx, r))
	w.markNow(t)
	noErr(t, w.s.RemoveRequirement(w.ctx, r.ID))
	return []wantedEntry{{"removeCapabilityRequirement", "CapabilityRequirement", r.ID,
		jsonFields{"id": r.ID, "level": 3}, nil}}
}

func auditRecordAssessment(t *testing.T, w *auditWorld) []wantedEntry {
	a := &throughline.Assessment{PersonID: w.ada.ID, CapabilityID: w.capability.ID, Level: 2,
		AssessedByID: &w.manager.ID}
	ev := &throughline.Evidence{Kind: throughline.EvidenceWeakDiscoveryCall,
		Description: "no budget asked"}
	noErr(t, w.s.RecordAssessment(w.ctx, a, []*throughline.Evidence{ev}))
	return []wantedEntry{{"recordAssessment", "Assessment", a.ID, nil, jsonFields{
		"personId": w.ada.ID, "level": 2, "assessedOn": "2026-10-14T00:00:00Z",
		"evidence": []jsonFields{{"id": ev.ID, "assessmentId": a.ID, "kind": "WEAK_DISCOVERY_CALL",
			"description": "no budget asked", "observedOn": nil}},
	}}}
}

func auditCreatePlan(t *testing.T, w *auditWorld) []wantedEntry {
	p := &throughline.DevelopmentPlan{PersonID: w.ada.ID, CycleID: w.cycle.ID}
	noErr(t, w.s.CreatePlan(w.ctx, p))
	return []wantedEntry{{"createDevelopmentPlan", "DevelopmentPlan", p.ID, nil, jsonFields{
		"personId": w.ada.ID, "cycleId": w.cycle.ID, "status": "ON_TRACK", "version": 1,
	}}}
}

// planned creates, outside the test's write, Ada's plan with one
// execution goal.
func (w *auditWorld) planned(t *testing.T) (*throughline.DevelopmentPlan,
	*throughline.DevelopmentGoal,
) {
	t.Helper()
	plan := w.mustPlan(t, w.ada)
	g := w.executionGoal(plan, "Run discovery calls")
	w.mustAddGoal(t, plan, g)
	w.markNow(t)
	return plan, g
}

func auditSetPlanStatus(t *testing.T, w *auditWorld) []wantedEntry {
	plan, _ := w.planned(t)
	_, err := w.s.SetPlanStatus(w.ctx, plan.ID, plan.Version, throughline.StatusBlocked, "no calls")
	noErr(t, err)
	return []wantedEntry{{"setPlanStatus", "DevelopmentPlan", plan.ID,
		jsonFields{"status": "ON_TRACK", "statusReason": "", "version": 2},
		jsonFields{"status": "BLOCKED", "statusReason": "no calls", "version": 3}}}
}

func auditAddGoal(t *testing.T, w *auditWorld) []wantedEntry {
	plan := w.mustPlan(t, w.ada)
	w.markNow(t)
	g := &throughline.DevelopmentGoal{PlanID: plan.ID, Lane: throughline.LaneCareer,
		Title: "Lead a team", Horizon: "2028"}
	_, err := w.s.AddGoal(w.ctx, plan.Version, g)
	noErr(t, err)
	return []wantedEntry{{"addDevelopmentGoal", "DevelopmentGoal", g.ID, nil, jsonFields{
		"planId": plan.ID, "lane": "CAREER", "title": "Lead a team", "state": "ACTIVE",
	}}}
}

func auditUpdateGoal(t *testing.T, w *auditWorld) []wantedEntry {
	plan, g := w.planned(t)
	_, err := w.s.UpdateGoal(w.ctx, g.ID, plan.Version, throughline.GoalUpdate{
		State: ptr(throughline.GoalAchieved),
	})
	noErr(t, err)
	return []wantedEntry{{"updateDevelopmentGoal", "DevelopmentGoal", g.ID,
		jsonFields{"state": "ACTIVE"}, jsonFields{"state": "ACHIEVED"}}}
}

func auditAddAction(t *testing.T, w *auditWorld) []wantedEntry {
	plan, g := w.planned(t)
	a := &throughline.DevelopmentAction{GoalID: g.ID, Kind: throughline.ActionExposure,
		Title: "Shadow Bo", SupporterID: &w.manager.ID}
	noErr(t, w.s.AddAction(w.ctx, plan.Version, a))
	return []wantedEntry{{"addDevelopmentAction", "DevelopmentAction", a.ID, nil, jsonFields{
		"goalId": g.ID, "kind": "EXPOSURE", "title": "Shadow Bo", "supporterId": w.manager.ID,
	}}}
}

func auditUpdateAction(t *testing.T, w *auditWorld) []wantedEntry {
	plan, g := w.planned(t)
	a := &throughline.DevelopmentAction{GoalID: g.ID, Kind: throughline.ActionExperience,
		Title: "Run the Acme call"}
	noErr(t, w.s.AddAction(planCtx, plan.Version, a))
	w.markNow(t)
	done := time.Date(2026, 11, 10, 18, 30, 0, 0, time.UTC)
	_, err := w.s.UpdateAction(w.ctx, a.ID, plan.Version+1, throughline.ActionUpdate{
		DoneOn: &done, Outcome: ptr("budget confirmed"),
	})
	noErr(t, err)
	return []wantedEntry{{"updateDevelopmentAction", "DevelopmentAction", a.ID,
		jsonFields{"doneOn": nil, "outcome": ""},
		jsonFields{"doneOn": "2026-11-10T00:00:00Z", "outcome": "budget confirmed"}}}
}

func auditRecordCheckIn(t *testing.T, w *auditWorld) []wantedEntry {
	plan, _ := w.planned(t)
	c := &throughline.CheckIn{PlanID: plan.ID, Kind: throughline.CheckInMonthly,
		HeldOn: clock, AuthorID: &w.manager.ID, RealWork: "Acme calls",
		StatusAfter: throughline.StatusNeedsReset, StatusReason: "the key result moved",
		Note: "worried about her health", NotePrivate: true}
	_, err := w.s.RecordCheckIn(w.ctx, plan.Version, c)
	noErr(t, err)
	return []wantedEntry{
		{"recordCheckIn", "DevelopmentPlan", plan.ID,
			jsonFields{"status": "ON_TRACK", "version": 2},
			jsonFields{"status": "NEEDS_RESET", "statusReason": "the key result moved", "version": 3}},
		{"recordCheckIn", "CheckIn", c.ID, nil, jsonFields{
			"planId": plan.ID, "realWork": "Acme calls", "note": "(private)", "notePrivate": true,
		}},
	}
}

// A private note never reaches the log, where HR and admins would read
// it; a shared note is kept as written.
func TestAuditRedactsPrivateNotes(t *testing.T) {
	tests := []struct {
		name     string
		private  bool
		wantNote string
	}{
		{"private", true, "(private)"},
		{"shared", false, "talk about the offsite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := mustAuditWorld(t)
			plan, _ := w.planned(t)
			c := &throughline.CheckIn{PlanID: plan.ID, Kind: throughline.CheckInMonthly,
				HeldOn: clock, StatusAfter: throughline.StatusOnTrack,
				Note: "talk about the offsite", NotePrivate: tt.private}
			_, err := w.s.RecordCheckIn(w.ctx, plan.Version, c)
			noErr(t, err)

			entries := auditEntriesAfter(t, w.s, w.mark)
			last := entries[len(entries)-1]
			wantJSONFields(t, "check-in", last.After, jsonFields{"note": tt.wantNote})
			for _, e := range entries {
				leaked := strings.Contains(orNull(e.Before)+orNull(e.After), "offsite")
				if tt.private && leaked {
					t.Errorf("%s %s holds the private note", e.Action, e.ObjectKind)
				}
			}
			stored, err := w.s.FindCheckInByID(planCtx, c.ID)
			noErr(t, err)
			if stored.Note != "talk about the offsite" {
				t.Errorf("the stored note is %q: redaction must touch only the log", stored.Note)
			}
		})
	}
}

// A write that fails, before or after it changed rows in its transaction,
// leaves no entry.
func TestFailedWriteLeavesNoAuditEntry(t *testing.T) {
	tests := []struct {
		name  string
		write func(t *testing.T, w *auditWorld) error
		code  string
	}{
		{"cycle name taken", func(t *testing.T, w *auditWorld) error {
			return w.s.CreateCycle(w.ctx, &throughline.Cycle{Name: "2026-Q4"})
		}, throughline.ECONFLICT},
		{"stale plan version", func(t *testing.T, w *auditWorld) error {
			plan := w.mustPlan(t, w.ada)
			_, err := w.s.SetPlanStatus(w.ctx, plan.ID, plan.Version+1, throughline.StatusOnTrack, "")
			return err
		}, throughline.ECONFLICT},
		{"third execution goal, after the plan's version rose", func(t *testing.T,
			w *auditWorld,
		) error {
			plan := w.mustPlan(t, w.ada)
			w.mustAddGoal(t, plan, w.executionGoal(plan, "One"))
			w.mustAddGoal(t, plan, w.executionGoal(plan, "Two"))
			_, err := w.s.AddGoal(w.ctx, plan.Version, w.executionGoal(plan, "Three"))
			return err
		}, throughline.EINVALID},
		{"alignment to a missing key result, after the objective was saved", func(t *testing.T,
			w *auditWorld,
		) error {
			o := w.teamObjective(t)
			_, err := w.s.UpdateObjective(w.ctx, o.ID, throughline.ObjectiveUpdate{
				Title: ptr("Renamed"), ReplaceAlignment: true, AlignTo: parents{toKR(999)},
			})
			return err
		}, throughline.ENOTFOUND},
		{"missing requirement", func(t *testing.T, w *auditWorld) error {
			return w.s.RemoveRequirement(w.ctx, 999)
		}, throughline.ENOTFOUND},
		{"level outside the scale", func(t *testing.T, w *auditWorld) error {
			return w.s.RecordAssessment(w.ctx, &throughline.Assessment{
				PersonID: w.ada.ID, CapabilityID: w.capability.ID, Level: 9}, nil)
		}, throughline.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := mustAuditWorld(t)
			err := tt.write(t, w)
			if code := throughline.ErrorCode(err); err == nil || code != tt.code {
				t.Fatalf("error %v (%s), want %s", err, code, tt.code)
			}
			// A case's own setup acts for nobody; the failing write acts
			// for the HR person.
			for _, e := range auditEntriesAfter(t, w.s, w.mark) {
				if e.ActorID != nil {
					t.Errorf("the failed write left an entry: %s", describeEntries([]*throughline.AuditEntry{e}))
				}
			}
		})
	}
}

// The entry is part of the write's transaction: when it cannot be
// written (here, an actor who is not stored), the change is not made
// either.
func TestAuditEntryAndChangeCommitTogether(t *testing.T) {
	w := mustAuditWorld(t)
	ghost := throughline.WithActor(planCtx, throughline.NewActor(424242, 0, nil, nil))

	err := w.s.CreateCycle(ghost, &throughline.Cycle{Name: "2027-Q1"})
	if err == nil {
		t.Fatal("a write whose audit entry failed succeeded")
	}
	_, err = w.s.FindCycleByName(planCtx, "2027-Q1")
	if throughline.ErrorCode(err) != throughline.ENOTFOUND {
		t.Errorf("the cycle was stored without its audit entry (lookup: %v)", err)
	}
	if got := auditEntriesAfter(t, w.s, w.mark); len(got) != 0 {
		t.Errorf("entries after the failed write: %s", describeEntries(got))
	}
}

const auditPeopleFile = "email,name,title,team,parent_team,manager_email\n" +
	"ceo@example.org,Cleo,CEO,Board,,\n" +
	"cto@example.org,Theo,CTO,Tech,Board,ceo@example.org\n"

const auditOKRFile = "cycle,ref,type,parent,level,team,owner,title,target,unit\n" +
	"2026-Q4,C1,objective,,company,,ceo@example.org,Grow,,\n" +
	"2026-Q4,C1.1,key_result,C1,,,ceo@example.org,Revenue,10,M EUR\n" +
	"2026-Q4,T1,objective,C1.1,team,Tech,cto@example.org,Ship faster,,\n"

func importPeopleCSV(t *testing.T, s *storage.Store, file string) {
	t.Helper()
	_, err := importer.ImportPeople(planCtx, s, strings.NewReader(file), "people.csv")
	noErr(t, err)
}

func importOKRCSV(t *testing.T, s *storage.Store, file string) {
	t.Helper()
	_, err := importer.ImportOKRs(planCtx, s, strings.NewReader(file), "okrs.csv")
	noErr(t, err)
}

// kindsOf counts entries by action and kind.
func kindsOf(entries []*throughline.AuditEntry) map[string]int {
	out := map[string]int{}
	for _, e := range entries {
		out[e.Action+" "+e.ObjectKind]++
	}
	return out
}

// An import records each row it creates or updates, and nothing for the
// rows it leaves alone: importing the same file again writes no entry.
func TestImportAuditsChangedRowsOnly(t *testing.T) {
	s := mustOpen(t)
	importPeopleCSV(t, s, auditPeopleFile)
	first := auditEntriesAfter(t, s, 0)
	if got := kindsOf(first); got["importPeople Team"] != 2 || got["importPeople Person"] != 2 ||
		len(first) != 4 {
		t.Fatalf("first people import: %s", describeEntries(first))
	}
	ceo, err := s.FindPersonByEmail(planCtx, "ceo@example.org")
	noErr(t, err)
	wantJSONFields(t, "cto", first[3].After, jsonFields{"email": "cto@example.org", "managerId": ceo.ID})
	if first[3].ActorID != nil || first[3].Before != nil {
		t.Errorf("a command-line import has actor %v, before %s", idOrNil(first[3].ActorID),
			orNull(first[3].Before))
	}
	importOKRCSV(t, s, auditOKRFile)
	mark := first[len(first)-1].ID
	okrs := auditEntriesAfter(t, s, mark)
	if got := kindsOf(okrs); got["importOKRs Cycle"] != 1 || got["importOKRs Objective"] != 2 ||
		got["importOKRs KeyResult"] != 1 || len(okrs) != 4 {
		t.Fatalf("first OKR import: %s", describeEntries(okrs))
	}
	mark = okrs[len(okrs)-1].ID

	importPeopleCSV(t, s, auditPeopleFile)
	importOKRCSV(t, s, auditOKRFile)
	if again := auditEntriesAfter(t, s, mark); len(again) != 0 {
		t.Errorf("re-importing unchanged files wrote entries: %s", describeEntries(again))
	}
}

// An edited row gets one entry with its values before and after; an
// objective that only moved to another parent is recorded as a change of
// the objective.
func TestImportAuditsEditedRows(t *testing.T) {
	s := mustOpen(t)
	importPeopleCSV(t, s, auditPeopleFile)
	importOKRCSV(t, s, auditOKRFile)
	mark := auditEntriesAfter(t, s, 0)
	last := mark[len(mark)-1].ID
	// The key result is recorded first, then the objectives with their
	// alignment.
	kr, c1, t1 := mark[len(mark)-3], mark[len(mark)-2], mark[len(mark)-1]
	if c1.ObjectKind != "Objective" || kr.ObjectKind != "KeyResult" || t1.ObjectKind != "Objective" {
		t.Fatalf("OKR import entries: %s", describeEntries(mark))
	}

	importPeopleCSV(t, s, strings.Replace(auditPeopleFile, "Theo,CTO", "Theo,Chief Technologist", 1))
	importOKRCSV(t, s, strings.Replace(auditOKRFile, "T1,objective,C1.1", "T1,objective,C1", 1))

	got := auditEntriesAfter(t, s, last)
	if len(got) != 2 {
		t.Fatalf("entries after the edits: %s", describeEntries(got))
	}
	wantChange(t, got[0], wantedEntry{"importPeople", "Person", *got[0].ObjectID,
		jsonFields{"email": "cto@example.org", "title": "CTO"},
		jsonFields{"email": "cto@example.org", "title": "Chief Technologist"}})
	wantChange(t, got[1], wantedEntry{"importOKRs", "Objective", *t1.ObjectID,
		jsonFields{"title": "Ship faster", "alignedTo": alignedToKR(*kr.ObjectID)},
		jsonFields{"title": "Ship faster", "alignedTo": alignedToObjective(*c1.ObjectID)}})
}

// A large import writes its entries in batches, full and partial, and
// loses none.
func TestLargeImportAuditsEveryRow(t *testing.T) {
	s := mustOpen(t)
	var b strings.Builder
	b.WriteString("email,name,title,team,manager_email\nceo@example.org,Cleo,CEO,Board,\n")
	for i := range 1200 {
		fmt.Fprintf(&b, "p%d@example.org,Person %d,Analyst,Board,ceo@example.org\n", i, i)
	}
	importPeopleCSV(t, s, b.String())

	people := throughline.AuditFilter{ObjectKind: "Person"}
	p, err := s.FindAuditEntries(planCtx, people, throughline.PageRequest{First: 1})
	noErr(t, err)
	if p.TotalCount != 1201 {
		t.Errorf("%d entries about people, want 1201", p.TotalCount)
	}
	last := auditEntriesAfter(t, s, 1200)
	if len(last) != 2 || last[1].Action != "importPeople" {
		t.Fatalf("the last entries: %s", describeEntries(last))
	}
	wantJSONFields(t, "last person", last[1].After, jsonFields{"email": "p1199@example.org"})
}
