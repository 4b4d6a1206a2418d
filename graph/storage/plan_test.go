package storage_test

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm/logger"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
)

var planCtx = context.Background()

// statementCounter is a gorm logger that counts the statements run.
type statementCounter struct {
	logger.Interface
	n atomic.Int64
}

func (q *statementCounter) Trace(context.Context, time.Time, func() (string, int64), error) {
	q.n.Add(1)
}

func openPlanStore(t *testing.T, opts storage.Options) *storage.Store {
	t.Helper()
	loc := storagetest.Location(t, "t.db")
	s, err := storage.Open(planCtx, loc, opts)
	if err != nil {
		t.Fatal(err)
	}
	locations.Store(s, loc)
	t.Cleanup(func() { s.Close() })
	return s
}

// planWorld is a small organisation with one key result that needs a
// capability, and a person to develop toward it.
type planWorld struct {
	s          *storage.Store
	cycle      *throughline.Cycle
	manager    *throughline.Person
	ada        *throughline.Person
	keyResult  *throughline.KeyResult
	capability *throughline.Capability
}

func mustPlanWorld(t *testing.T, opts storage.Options) *planWorld {
	t.Helper()
	w := &planWorld{s: openPlanStore(t, opts)}
	w.cycle = &throughline.Cycle{Name: "2026-Q4"}
	noErr(t, w.s.CreateCycle(planCtx, w.cycle))
	w.manager = w.person(t, "bo@example.com", nil)
	w.ada = w.person(t, "ada@example.com", &w.manager.ID)
	o := &throughline.Objective{CycleID: w.cycle.ID, Level: throughline.LevelCompany, Title: "Grow"}
	noErr(t, w.s.CreateObjective(planCtx, o, nil))
	w.keyResult = &throughline.KeyResult{ObjectiveID: o.ID, Title: "Win 30% of deals"}
	noErr(t, w.s.CreateKeyResult(planCtx, w.keyResult))
	w.capability = w.capabilityNamed(t, "Discovery")
	return w
}

func (w *planWorld) person(t *testing.T, email string, manager *int64) *throughline.Person {
	t.Helper()
	p := &throughline.Person{Email: email, Name: email, ManagerID: manager}
	noErr(t, w.s.CreatePerson(planCtx, p))
	return p
}

func (w *planWorld) capabilityNamed(t *testing.T, name string) *throughline.Capability {
	t.Helper()
	c := &throughline.Capability{Name: name}
	var levels []*throughline.CapabilityLevel
	for l := int32(1); l <= 5; l++ {
		levels = append(levels, &throughline.CapabilityLevel{Level: l, Name: "level"})
	}
	noErr(t, w.s.CreateCapability(planCtx, c, levels))
	return c
}

func (w *planWorld) mustPlan(t *testing.T, person *throughline.Person) *throughline.DevelopmentPlan {
	t.Helper()
	p := &throughline.DevelopmentPlan{PersonID: person.ID, CycleID: w.cycle.ID}
	noErr(t, w.s.CreatePlan(planCtx, p))
	return p
}

// executionGoal is a goal that serves the planWorld's key result.
func (w *planWorld) executionGoal(plan *throughline.DevelopmentPlan,
	title string,
) *throughline.DevelopmentGoal {
	return &throughline.DevelopmentGoal{
		PlanID: plan.ID, Lane: throughline.LaneExecution, Title: title,
		KeyResultID: &w.keyResult.ID, CapabilityID: &w.capability.ID,
	}
}

// mustAddGoal adds a goal at the plan's version and moves the plan on to
// the version the store returns.
func (w *planWorld) mustAddGoal(t *testing.T, plan *throughline.DevelopmentPlan,
	g *throughline.DevelopmentGoal,
) {
	t.Helper()
	p, err := w.s.AddGoal(planCtx, plan.Version, g)
	noErr(t, err)
	*plan = *p
}

func noErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantError fails unless err has the code and names the field.
func wantPlanError(t *testing.T, err error, code, field string) {
	t.Helper()
	if got := throughline.ErrorCode(err); got != code {
		t.Fatalf("error %v has code %q, want %q", err, got, code)
	}
	if !errorNames(err, field) {
		t.Fatalf("error %v does not name the field %q", err, field)
	}
}

func errorNames(err error, field string) bool {
	var ve *throughline.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			if p.Field == field {
				return true
			}
		}
		return false
	}
	return throughline.ErrorField(err) == field
}

func (w *planWorld) reload(t *testing.T, id int64) *throughline.DevelopmentPlan {
	t.Helper()
	p, err := w.s.FindPlanByID(planCtx, id)
	noErr(t, err)
	return p
}

func (w *planWorld) goals(t *testing.T, planID int64) []*throughline.DevelopmentGoal {
	t.Helper()
	gs, err := w.s.FindGoals(planCtx, planID)
	noErr(t, err)
	return gs
}

func TestCreatePlanOnePerPersonAndCycle(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	p := &throughline.DevelopmentPlan{
		PersonID: w.ada.ID, CycleID: w.cycle.ID, Status: throughline.StatusBlocked, Version: 7,
	}
	noErr(t, w.s.CreatePlan(planCtx, p))
	got := w.reload(t, p.ID)
	if got.Status != throughline.StatusOnTrack || got.Version != 1 {
		t.Errorf("new plan is %s at version %d, want ON_TRACK at 1", got.Status, got.Version)
	}

	again := &throughline.DevelopmentPlan{PersonID: w.ada.ID, CycleID: w.cycle.ID}
	wantPlanError(t, w.s.CreatePlan(planCtx, again), throughline.ECONFLICT, "cycle")

	nobody := &throughline.DevelopmentPlan{PersonID: 999, CycleID: w.cycle.ID}
	wantPlanError(t, w.s.CreatePlan(planCtx, nobody), throughline.ENOTFOUND, "personId")
}

func TestThirdExecutionGoalIsRefused(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)
	first := w.executionGoal(plan, "Run discovery calls")
	w.mustAddGoal(t, plan, first)
	w.mustAddGoal(t, plan, w.executionGoal(plan, "Write proposals"))
	if plan.Version != 3 {
		t.Fatalf("after two goals the plan is at version %d, want 3", plan.Version)
	}

	_, err := w.s.AddGoal(planCtx, plan.Version, w.executionGoal(plan, "One too many"))
	wantPlanError(t, err, throughline.EINVALID, "lane")
	if n := len(w.goals(t, plan.ID)); n != 2 {
		t.Errorf("the plan holds %d goals, want 2", n)
	}
	if v := w.reload(t, plan.ID).Version; v != 3 {
		t.Errorf("a refused goal moved the plan to version %d, want 3", v)
	}

	// A career goal takes no execution slot; achieving a goal frees one.
	career := &throughline.DevelopmentGoal{
		PlanID: plan.ID, Lane: throughline.LaneCareer, Title: "Lead a team",
	}
	w.mustAddGoal(t, plan, career)
	achieved := throughline.GoalAchieved
	_, err = w.s.UpdateGoal(planCtx, first.ID, plan.Version, throughline.GoalUpdate{State: &achieved})
	noErr(t, err)
	plan = w.reload(t, plan.ID)
	w.mustAddGoal(t, plan, w.executionGoal(plan, "Now there is room"))

	// Making the achieved goal active again needs a slot there is not.
	active := throughline.GoalActive
	_, err = w.s.UpdateGoal(planCtx, first.ID, plan.Version, throughline.GoalUpdate{State: &active})
	wantPlanError(t, err, throughline.EINVALID, "state")
}

func TestExecutionGoalLinks(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)

	unlinked := &throughline.DevelopmentGoal{PlanID: plan.ID, Lane: throughline.LaneExecution, Title: "x"}
	_, err := w.s.AddGoal(planCtx, plan.Version, unlinked)
	wantPlanError(t, err, throughline.EINVALID, "keyResultId")
	wantPlanError(t, err, throughline.EINVALID, "capabilityId")

	ghost := w.executionGoal(plan, "Serve a key result that is not there")
	missing := int64(999)
	ghost.KeyResultID = &missing
	_, err = w.s.AddGoal(planCtx, plan.Version, ghost)
	wantPlanError(t, err, throughline.ENOTFOUND, "keyResultId")

	tooHigh := w.executionGoal(plan, "Reach level 9")
	nine := int32(9)
	tooHigh.TargetLevel = &nine
	_, err = w.s.AddGoal(planCtx, plan.Version, tooHigh)
	wantPlanError(t, err, throughline.EINVALID, "targetLevel")

	if n := len(w.goals(t, plan.ID)); n != 0 {
		t.Errorf("refused goals left %d goals behind", n)
	}
	if v := w.reload(t, plan.ID).Version; v != 1 {
		t.Errorf("refused goals moved the plan to version %d, want 1", v)
	}
}

func TestStaleVersionIsAConflict(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)
	stale := plan.Version
	w.mustAddGoal(t, plan, w.executionGoal(plan, "Run discovery calls"))

	_, err := w.s.SetPlanStatus(planCtx, plan.ID, stale, throughline.StatusCompleted, "")
	wantPlanError(t, err, throughline.ECONFLICT, "version")
	_, err = w.s.AddGoal(planCtx, stale, w.executionGoal(plan, "Lost edit"))
	wantPlanError(t, err, throughline.ECONFLICT, "version")
	_, err = w.s.RecordCheckIn(planCtx, stale, &throughline.CheckIn{
		PlanID: plan.ID, Kind: throughline.CheckInMonthly, HeldOn: w.s.Today(),
		StatusAfter: throughline.StatusCompleted,
	})
	wantPlanError(t, err, throughline.ECONFLICT, "version")

	got := w.reload(t, plan.ID)
	if got.Status != throughline.StatusOnTrack || got.Version != plan.Version {
		t.Errorf("plan is %s at version %d, want ON_TRACK at %d", got.Status, got.Version, plan.Version)
	}
	if n := len(w.goals(t, plan.ID)); n != 1 {
		t.Errorf("the plan holds %d goals, want 1", n)
	}
	w.wantCheckIns(t, plan.ID, 0)

	_, err = w.s.SetPlanStatus(planCtx, 999, 1, throughline.StatusCompleted, "")
	wantPlanError(t, err, throughline.ENOTFOUND, "planId")
}

func TestSetPlanStatusReasons(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)

	_, err := w.s.SetPlanStatus(planCtx, plan.ID, 1, throughline.StatusBlocked, " ")
	wantPlanError(t, err, throughline.EINVALID, "reason")
	if v := w.reload(t, plan.ID).Version; v != 1 {
		t.Fatalf("a refused status moved the plan to version %d", v)
	}

	const reason = "no customer calls this month"
	got, err := w.s.SetPlanStatus(planCtx, plan.ID, 1, throughline.StatusBlocked, reason)
	noErr(t, err)
	if got.Status != throughline.StatusBlocked || got.StatusReason != reason || got.Version != 2 {
		t.Errorf("got %s %q at version %d", got.Status, got.StatusReason, got.Version)
	}
	got, err = w.s.SetPlanStatus(planCtx, plan.ID, 2, throughline.StatusOnTrack, "calls booked")
	noErr(t, err)
	if got.StatusReason != "" {
		t.Errorf("a plan back on track keeps the reason %q", got.StatusReason)
	}
}

func TestRecordCheckInMovesStatus(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)

	c := &throughline.CheckIn{
		PlanID: plan.ID, Kind: throughline.CheckInMonthly,
		HeldOn:             time.Date(2026, 11, 3, 15, 0, 0, 0, time.UTC),
		CapabilityBuilding: "discovery", RealWork: "Acme calls",
		ObservedChange: throughline.ChangeSomeImprovement,
		StatusAfter:    throughline.StatusNeedsReset, StatusReason: "the key result was cancelled",
	}
	got, err := w.s.RecordCheckIn(planCtx, plan.Version, c)
	noErr(t, err)
	if got.Status != throughline.StatusNeedsReset || got.StatusReason != c.StatusReason || got.Version != 2 {
		t.Errorf("plan is %s %q at version %d", got.Status, got.StatusReason, got.Version)
	}
	stored, err := w.s.FindCheckInByID(planCtx, c.ID)
	noErr(t, err)
	if !stored.HeldOn.Equal(time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)) || stored.RealWork != "Acme calls" {
		t.Errorf("stored check-in held %s, real work %q", stored.HeldOn, stored.RealWork)
	}

	blocked := &throughline.CheckIn{
		PlanID: plan.ID, Kind: throughline.CheckInMonthly, HeldOn: w.s.Today(),
		StatusAfter: throughline.StatusBlocked,
	}
	_, err = w.s.RecordCheckIn(planCtx, got.Version, blocked)
	wantPlanError(t, err, throughline.EINVALID, "statusReason")
	w.wantCheckIns(t, plan.ID, 1)
	if p := w.reload(t, plan.ID); p.Status != throughline.StatusNeedsReset || p.Version != 2 {
		t.Errorf("a refused check-in left the plan %s at version %d", p.Status, p.Version)
	}
}

func (w *planWorld) wantCheckIns(t *testing.T, planID int64, want int64) {
	t.Helper()
	p, err := w.s.FindCheckIns(planCtx, planID, throughline.PageRequest{First: 1})
	noErr(t, err)
	if p.TotalCount != want {
		t.Errorf("the plan has %d check-ins, want %d", p.TotalCount, want)
	}
}

func TestCheckInsPageNewestFirst(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)
	// Recorded out of order, with two on one day.
	days := []string{"2026-10-05", "2026-12-01", "2026-11-02", "2026-11-02", "2026-10-20"}
	ids := map[string][]int64{}
	for _, d := range days {
		day, _ := time.Parse(time.DateOnly, d)
		c := &throughline.CheckIn{
			PlanID: plan.ID, Kind: throughline.CheckInMonthly, HeldOn: day,
			StatusAfter: throughline.StatusOnTrack,
		}
		p, err := w.s.RecordCheckIn(planCtx, plan.Version, c)
		noErr(t, err)
		plan = p
		ids[d] = append(ids[d], c.ID)
	}
	want := []int64{ids["2026-12-01"][0], ids["2026-11-02"][1], ids["2026-11-02"][0],
		ids["2026-10-20"][0], ids["2026-10-05"][0]}

	var got []int64
	page := throughline.PageRequest{First: 2}
	for range 4 {
		p, err := w.s.FindCheckIns(planCtx, plan.ID, page)
		noErr(t, err)
		if p.TotalCount != 5 {
			t.Fatalf("total %d, want 5", p.TotalCount)
		}
		got = append(got, p.IDs...)
		if !p.HasNextPage {
			break
		}
		page.After = p.IDs[len(p.IDs)-1]
	}
	if !slices.Equal(got, want) {
		t.Errorf("check-ins in order %v, want %v", got, want)
	}

	_, err := w.s.FindCheckIns(planCtx, plan.ID, throughline.PageRequest{First: 2, After: 999})
	wantPlanError(t, err, throughline.EINVALID, "after")
}

func TestActionDoneAndReopened(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)
	g := w.executionGoal(plan, "Run discovery calls")
	w.mustAddGoal(t, plan, g)

	ghost := int64(999)
	a := &throughline.DevelopmentAction{
		GoalID: g.ID, Kind: throughline.ActionExposure, Title: "Shadow Bo", SupporterID: &ghost,
	}
	wantPlanError(t, w.s.AddAction(planCtx, plan.Version, a), throughline.ENOTFOUND, "supporterId")
	a.SupporterID = &w.manager.ID
	noErr(t, w.s.AddAction(planCtx, plan.Version, a))
	plan.Version++

	done := time.Date(2026, 11, 10, 18, 30, 0, 0, time.UTC)
	got, err := w.s.UpdateAction(planCtx, a.ID, plan.Version, throughline.ActionUpdate{DoneOn: &done})
	noErr(t, err)
	plan.Version++
	if got.DoneOn == nil || !got.DoneOn.Equal(throughline.Day(done)) {
		t.Fatalf("done on %v, want %s", got.DoneOn, done.Format(time.DateOnly))
	}

	_, err = w.s.UpdateAction(planCtx, a.ID, plan.Version,
		throughline.ActionUpdate{DoneOn: &done, ClearDoneOn: true})
	wantPlanError(t, err, throughline.EINVALID, "reopen")

	got, err = w.s.UpdateAction(planCtx, a.ID, plan.Version, throughline.ActionUpdate{ClearDoneOn: true})
	noErr(t, err)
	if got.DoneOn != nil {
		t.Errorf("a reopened action is still done on %s", got.DoneOn)
	}
	if v := w.reload(t, plan.ID).Version; v != plan.Version+1 {
		t.Errorf("plan at version %d, want %d", v, plan.Version+1)
	}
}

func TestFindPlansFilters(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	team := &throughline.Team{Name: "Sales"}
	noErr(t, w.s.CreateTeam(planCtx, team))
	cy := &throughline.Person{Email: "cy@example.com", Name: "Cy", TeamID: &team.ID}
	noErr(t, w.s.CreatePerson(planCtx, cy))
	w.mustPlan(t, w.ada)
	cyPlan := w.mustPlan(t, cy)
	_, err := w.s.SetPlanStatus(planCtx, cyPlan.ID, 1, throughline.StatusBlocked, "no budget")
	noErr(t, err)

	tests := []struct {
		name string
		f    throughline.PlanFilter
		want int64
	}{
		{name: "all", want: 2},
		{name: "cycle", f: throughline.PlanFilter{CycleID: &w.cycle.ID}, want: 2},
		{name: "status", f: throughline.PlanFilter{Status: throughline.StatusBlocked}, want: 1},
		{name: "team", f: throughline.PlanFilter{TeamID: &team.ID}, want: 1},
		{name: "person", f: throughline.PlanFilter{PersonID: &w.ada.ID}, want: 1},
	}
	for _, tt := range tests {
		p, err := w.s.FindPlans(planCtx, tt.f, throughline.PageRequest{First: 10})
		noErr(t, err)
		if p.TotalCount != tt.want || int64(len(p.Items)) != tt.want {
			t.Errorf("%s: %d plans (%d on the page), want %d", tt.name, p.TotalCount, len(p.Items), tt.want)
		}
	}
}

// A snapshot carries what the warnings read: active goals and their
// actions, the gap from the key result's requirement (else the goal's
// target) and its evidence, and the latest check-ins of each kind.
func TestPlanSnapshots(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)
	required := w.executionGoal(plan, "Discovery to level 4")
	w.mustAddGoal(t, plan, required)
	noErr(t, w.s.SetRequirement(planCtx, &throughline.CapabilityRequirement{
		KeyResultID: w.keyResult.ID, CapabilityID: w.capability.ID, Level: 4,
		Reason: "deals are won in discovery",
	}))
	other := w.capabilityNamed(t, "Writing")
	targeted := w.executionGoal(plan, "Writing to level 3")
	three := int32(3)
	targeted.CapabilityID, targeted.TargetLevel = &other.ID, &three
	w.mustAddGoal(t, plan, targeted)
	w.assess(t, w.ada.ID, w.capability.ID, 2, "2026-10-02", true)
	w.assess(t, w.ada.ID, w.capability.ID, 3, "2026-11-02", false)
	w.assess(t, w.ada.ID, other.ID, 1, "2026-10-02", true)
	w.mustCheckIn(t, plan, throughline.CheckInQuarterly, "2026-10-03")
	w.mustCheckIn(t, plan, throughline.CheckInMonthly, "2026-11-20")
	w.mustCheckIn(t, plan, throughline.CheckInMonthly, "2026-11-04")

	snaps, err := w.s.PlanSnapshots(planCtx, []int64{plan.ID, 999})
	noErr(t, err)
	if len(snaps) != 1 {
		t.Fatalf("%d snapshots, want 1 (the missing plan left out)", len(snaps))
	}
	s := snaps[plan.ID]
	if s.Person.ID != w.ada.ID || s.Cycle.ID != w.cycle.ID || len(s.Goals) != 2 {
		t.Fatalf("snapshot of person %d, cycle %d, %d goals", s.Person.ID, s.Cycle.ID, len(s.Goals))
	}
	wantGap := map[int64]throughline.GoalGap{
		required.ID: {Required: 4, Current: 3, Assessed: true, HasEvidence: false},
		targeted.ID: {Required: 3, Current: 1, Assessed: true, HasEvidence: true},
	}
	for id, want := range wantGap {
		if got := s.Gaps[id]; got != want {
			t.Errorf("gap of goal %d = %+v, want %+v", id, got, want)
		}
	}
	if !onDay(s.LastCheckIn, "2026-11-20") || !onDay(s.LastQuarterly, "2026-10-03") {
		t.Errorf("last check-in %v, last quarterly %v", s.LastCheckIn, s.LastQuarterly)
	}
}

// Snapshots of many plans cost the same queries as one.
func TestPlanSnapshotsQueriesDoNotGrowWithPlans(t *testing.T) {
	counter := &statementCounter{Interface: logger.Discard}
	w := mustPlanWorld(t, storage.Options{Logger: counter})
	var ids []int64
	for i, email := range []string{"a@example.com", "b@example.com", "c@example.com"} {
		p := w.mustPlan(t, w.person(t, email, nil))
		w.mustAddGoal(t, p, w.executionGoal(p, "Goal"))
		w.assess(t, p.PersonID, w.capability.ID, int32(i+1), "2026-10-02", true)
		w.mustCheckIn(t, p, throughline.CheckInMonthly, "2026-11-20")
		ids = append(ids, p.ID)
	}
	queries := func(ids []int64) int64 {
		before := counter.n.Load()
		snaps, err := w.s.PlanSnapshots(planCtx, ids)
		noErr(t, err)
		if len(snaps) != len(ids) {
			t.Fatalf("%d snapshots, want %d", len(snaps), len(ids))
		}
		return counter.n.Load() - before
	}
	one, three := queries(ids[:1]), queries(ids)
	t.Logf("one plan: %d queries; three plans: %d", one, three)
	if one != three || one == 0 {
		t.Errorf("one plan took %d queries, three took %d; want the same", one, three)
	}
}

func (w *planWorld) assess(t *testing.T, personID, capabilityID int64, level int32,
	on string, evidence bool,
) {
	t.Helper()
	day, _ := time.Parse(time.DateOnly, on)
	a := &throughline.Assessment{
		PersonID: personID, CapabilityID: capabilityID, Level: level, AssessedOn: day,
	}
	var ev []*throughline.Evidence
	if evidence {
		ev = []*throughline.Evidence{{
			Kind: throughline.EvidenceWeakDiscoveryCall, Description: "missed the budget question",
		}}
	}
	noErr(t, w.s.RecordAssessment(planCtx, a, ev))
}

func (w *planWorld) mustCheckIn(t *testing.T, plan *throughline.DevelopmentPlan,
	kind throughline.CheckInKind, on string,
) {
	t.Helper()
	day, _ := time.Parse(time.DateOnly, on)
	c := &throughline.CheckIn{
		PlanID: plan.ID, Kind: kind, HeldOn: day, StatusAfter: throughline.StatusOnTrack,
	}
	p, err := w.s.RecordCheckIn(planCtx, plan.Version, c)
	noErr(t, err)
	*plan = *p
}

func onDay(t *time.Time, day string) bool {
	return t != nil && t.Format(time.DateOnly) == day
}
