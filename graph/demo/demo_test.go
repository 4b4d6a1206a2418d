package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/demo"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
)

// world is a freshly seeded store and the day it was seeded on.
type world struct {
	t       *testing.T
	ctx     context.Context
	store   *storage.Store
	sum     demo.Summary
	today   time.Time
	current *throughline.Cycle
}

// mustSeed seeds a new database as of today.
func mustSeed(t *testing.T, today time.Time) *world {
	t.Helper()
	ctx := context.Background()
	clock := &demo.Clock{}
	store, err := storage.Open(ctx, storagetest.Location(t, "demo.db"),
		storage.Options{Now: clock.Now})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	sum, err := demo.Seed(ctx, services(store, clock), today)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	current, err := store.FindCycleByName(ctx, throughline.QuarterOf(today))
	if err != nil {
		t.Fatalf("current cycle: %v", err)
	}
	return &world{t: t, ctx: ctx, store: store, sum: sum, today: today, current: current}
}

func services(s *storage.Store, clock *demo.Clock) demo.Services {
	return demo.Services{
		Org: s, OKRs: s, Capabilities: s, Plans: s, Handovers: s, Reviews: s, Clock: clock,
	}
}

// Short names for the paging types keep the list reads on one line.
type (
	req         = throughline.PageRequest
	page[T any] = throughline.Page[T]
)

// all reads every page of a list.
func all[T any](t *testing.T, fetch func(req) (*page[T], error)) []T {
	t.Helper()
	var items []T
	next := req{First: throughline.MaxPageSize}
	for range 100 {
		p, err := fetch(next)
		if err != nil {
			t.Fatalf("list: %v", err)
		}
		items = append(items, p.Items...)
		if !p.HasNextPage {
			return items
		}
		next.After = p.IDs[len(p.IDs)-1]
	}
	t.Fatalf("list: more than 100 pages")
	return nil
}

// The demo must keep its promises whatever the day of seeding: in the
// middle of a quarter, on its first day (when most history falls before
// the quarter) and on its last.
var seedDays = []struct {
	name  string
	today time.Time
}{
	{"mid-quarter", time.Date(2026, 5, 14, 9, 30, 0, 0, time.UTC)},
	{"first day of a quarter", time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)},
	{"last day of a quarter", time.Date(2027, 3, 31, 17, 0, 0, 0, time.UTC)},
}

func TestSeedKeepsItsPromises(t *testing.T) {
	for _, day := range seedDays {
		t.Run(day.name, func(t *testing.T) {
			w := mustSeed(t, day.today)
			t.Run("org", w.checkOrg)
			t.Run("okrs", w.checkOKRs)
			t.Run("framework", w.checkFramework)
			t.Run("evidence", w.checkEvidence)
			t.Run("plans", w.checkPlans)
			t.Run("warnings", w.checkWarnings)
			t.Run("coverage", w.checkCoverage)
			t.Run("chain", w.checkChain)
			t.Run("handovers", w.checkHandovers)
			t.Run("departure", w.checkDeparture)
			t.Run("review", w.checkReview)
		})
	}
}

func (w *world) people() []*throughline.Person {
	return all(w.t, func(p req) (*page[*throughline.Person], error) {
		return w.store.FindPeople(w.ctx, throughline.PersonFilter{}, p)
	})
}

func (w *world) checkOrg(t *testing.T) {
	people := w.people()
	if len(people) < 35 || len(people) > 45 || len(people) != w.sum.People {
		t.Errorf("%d people stored, summary says %d; want about forty", len(people), w.sum.People)
	}
	var noManager []string
	for _, p := range people {
		if p.ManagerID == nil {
			noManager = append(noManager, p.Name)
		}
		if p.TeamID == nil || p.Title == "" || !strings.HasSuffix(p.Email, "@"+demo.Domain) {
			t.Errorf("%s: team %v, title %q, email %q", p.Name, p.TeamID, p.Title, p.Email)
		}
	}
	if len(noManager) != 2 {
		t.Errorf("people without a manager: %v; want the CEO and one waiting for a handover", noManager)
	}
	if depth := w.teamDepth(); depth < 3 {
		t.Errorf("team tree is %d deep, want at least 3", depth)
	}
}

// teamDepth returns the number of teams on the longest path to a root.
func (w *world) teamDepth() int {
	teams := all(w.t, func(p req) (*page[*throughline.Team], error) {
		return w.store.FindTeams(w.ctx, throughline.TeamFilter{}, p)
	})
	parent := map[int64]*int64{}
	for _, tm := range teams {
		parent[tm.ID] = tm.ParentID
		if tm.LeadID == nil {
			w.t.Errorf("team %q has no lead", tm.Name)
		}
	}
	deepest := 0
	for _, tm := range teams {
		d := 1
		for p := parent[tm.ID]; p != nil && d < 10; p = parent[*p] {
			d++
		}
		deepest = max(deepest, d)
	}
	return deepest
}

func (w *world) keyResults(c *throughline.Cycle, critical *bool) []*throughline.KeyResult {
	f := throughline.KeyResultFilter{CycleID: &c.ID, Critical: critical}
	return all(w.t, func(p req) (*page[*throughline.KeyResult], error) {
		return w.store.FindKeyResults(w.ctx, f, p)
	})
}

func (w *world) previous() *throughline.Cycle {
	start, _, _ := throughline.QuarterDates(w.current.Name)
	c, err := w.store.FindCycleByName(w.ctx, throughline.QuarterOf(start.AddDate(0, 0, -1)))
	if err != nil {
		w.t.Fatalf("previous quarter: %v", err)
	}
	return c
}

func (w *world) checkOKRs(t *testing.T) {
	objectives := all(t, func(p req) (*page[*throughline.Objective], error) {
		return w.store.FindObjectives(w.ctx, throughline.ObjectiveFilter{CycleID: &w.current.ID}, p)
	})
	levels, twoParents := map[throughline.ObjectiveLevel]int{}, 0
	for _, o := range objectives {
		levels[o.Level]++
		parents, err := w.store.FindAlignments(w.ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(parents) >= 2 {
			twoParents++
		}
	}
	if len(levels) != 3 || twoParents == 0 {
		t.Errorf("objectives by level %v, %d with two parents", levels, twoParents)
	}
	w.checkKeyResults(t)
	w.checkTracking(t, w.previous(), 8)
	if w.today.Sub(w.current.StartsOn) >= 28*24*time.Hour {
		w.checkTracking(t, w.current, 15)
	}
}

func (w *world) checkKeyResults(t *testing.T) {
	units := map[string]bool{}
	var done, notDone, critical int
	for _, k := range w.keyResults(w.current, nil) {
		units[k.Unit] = true
		switch {
		case k.IsMetric():
		case k.Done:
			done++
		default:
			notDone++
		}
		if k.Critical {
			critical++
		}
	}
	if len(units) < 5 || done == 0 || notDone == 0 || critical < 3 {
		t.Errorf("units %v, %d done and %d not done, %d critical", units, done, notDone, critical)
	}
}

// checkTracking checks that at least want key results of a cycle have
// progress updates with confidence on three different days or more, all
// within the cycle and not after today. A cycle younger than four weeks is
// too young to expect that of.
func (w *world) checkTracking(t *testing.T, c *throughline.Cycle, want int) {
	tracked := 0
	for _, k := range w.keyResults(c, nil) {
		updates := all(t, func(p req) (*page[*throughline.ProgressUpdate], error) {
			return w.store.FindProgressUpdates(w.ctx, k.ID, p)
		})
		days := map[time.Time]bool{}
		for _, u := range updates {
			day := throughline.Day(u.RecordedAt)
			if u.Confidence == nil || day.After(w.today) || !c.Contains(day) {
				t.Errorf("%q: update on %s with confidence %v", k.Title, day, u.Confidence)
			}
			days[day] = true
		}
		if len(days) >= 3 {
			tracked++
		}
	}
	if tracked < want {
		t.Errorf("%s: %d key results tracked over three days or more, want %d", c.Name, tracked, want)
	}
}

func (w *world) checkFramework(t *testing.T) {
	capabilities := all(t, func(p req) (*page[*throughline.Capability], error) {
		return w.store.FindCapabilities(w.ctx, p)
	})
	if len(capabilities) < 6 || len(capabilities) > 8 {
		t.Errorf("%d capabilities, want 6 to 8", len(capabilities))
	}
	for _, c := range capabilities {
		levels, err := w.store.FindCapabilityLevels(w.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(levels) != 5 {
			t.Errorf("%s has %d levels, want 5", c.Name, len(levels))
		}
		for _, l := range levels {
			if l.Name == "" || l.Descriptor == "" {
				t.Errorf("%s level %d: name %q, descriptor %q", c.Name, l.Level, l.Name, l.Descriptor)
			}
		}
	}
	reqs, err := w.store.FindRequirements(w.ctx, throughline.RequirementFilter{})
	if err != nil || len(reqs) < 15 {
		t.Fatalf("%d requirements (%v), want 15 or more", len(reqs), err)
	}
	for _, r := range reqs {
		if r.Reason == "" {
			t.Errorf("requirement %d has no reason", r.ID)
		}
	}
}

func (w *world) checkEvidence(t *testing.T) {
	f := throughline.AssessmentFilter{AllVersions: true}
	assessments := all(t, func(p req) (*page[*throughline.Assessment], error) {
		return w.store.FindAssessments(w.ctx, f, p)
	})
	kinds := map[throughline.EvidenceKind]int{}
	for _, a := range assessments {
		evidence, err := w.store.FindEvidence(w.ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evidence {
			kinds[e.Kind]++
		}
	}
	for _, k := range []throughline.EvidenceKind{
		throughline.EvidenceMissedDeadline, throughline.EvidenceWeakDiscoveryCall,
		throughline.EvidencePoorHandover, throughline.EvidenceUnclearDecision,
		throughline.EvidenceAvoidableRework, throughline.EvidenceOther,
	} {
		if kinds[k] == 0 {
			t.Errorf("no evidence of kind %s (have %v)", k, kinds)
		}
	}
}

// planView is a plan with everything inside it.
type planView struct {
	plan     *throughline.DevelopmentPlan
	goals    []*throughline.DevelopmentGoal
	actions  []*throughline.DevelopmentAction
	checkIns []*throughline.CheckIn
}

func (w *world) plans() []planView {
	f := throughline.PlanFilter{CycleID: &w.current.ID}
	plans := all(w.t, func(p req) (*page[*throughline.DevelopmentPlan], error) {
		return w.store.FindPlans(w.ctx, f, p)
	})
	views := make([]planView, len(plans))
	for i, p := range plans {
		views[i] = w.planView(p)
	}
	return views
}

func (w *world) planView(p *throughline.DevelopmentPlan) planView {
	v := planView{plan: p}
	var err error
	if v.goals, err = w.store.FindGoals(w.ctx, p.ID); err != nil {
		w.t.Fatal(err)
	}
	for _, g := range v.goals {
		actions, err := w.store.FindActions(w.ctx, g.ID)
		if err != nil {
			w.t.Fatal(err)
		}
		v.actions = append(v.actions, actions...)
	}
	v.checkIns = all(w.t, func(pr req) (*page[*throughline.CheckIn], error) {
		return w.store.FindCheckIns(w.ctx, p.ID, pr)
	})
	return v
}

// tally counts what HR should find in the current cycle's plans.
type tally struct {
	statuses map[throughline.PlanStatus]int
	lanes    map[throughline.Lane]int
	kinds    map[throughline.ActionKind]int
	roles    map[throughline.SupporterRole]int
	timing   map[string]int
	checkIns map[throughline.CheckInKind]int
	changes  map[throughline.ObservedChange]int
	private  int
}

func (w *world) checkPlans(t *testing.T) {
	plans := w.plans()
	if ics := w.individualContributors(); len(plans) < ics*2/3 {
		t.Errorf("%d plans for %d individual contributors, want most of them", len(plans), ics)
	}
	n := tally{
		statuses: map[throughline.PlanStatus]int{}, lanes: map[throughline.Lane]int{},
		kinds: map[throughline.ActionKind]int{}, roles: map[throughline.SupporterRole]int{},
		timing: map[string]int{}, checkIns: map[throughline.CheckInKind]int{},
		changes: map[throughline.ObservedChange]int{},
	}
	for _, v := range plans {
		w.count(t, &n, v)
	}
	counts := []struct {
		what string
		got  int
		want int
	}{
		{"plan statuses", len(n.statuses), 4},
		{"goal lanes", len(n.lanes), 2},
		{"action kinds", len(n.kinds), 3},
		{"supporter roles", len(n.roles), 3},
		{"action timings (overdue, on time, late)", len(n.timing), 3},
		{"check-in kinds", len(n.checkIns), 2},
		{"observed changes", len(n.changes), 4},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s: %d kinds, want %d", c.what, c.got, c.want)
		}
	}
	if n.private == 0 {
		t.Errorf("no private check-in notes")
	}
}

// individualContributors counts people nobody reports to.
func (w *world) individualContributors() int {
	people := w.people()
	managers := map[int64]bool{}
	for _, p := range people {
		if p.ManagerID != nil {
			managers[*p.ManagerID] = true
		}
	}
	return len(people) - len(managers)
}

func (w *world) count(t *testing.T, n *tally, v planView) {
	n.statuses[v.plan.Status]++
	if v.plan.Status.NeedsReason() && v.plan.StatusReason == "" {
		t.Errorf("plan %d is %s with no reason", v.plan.ID, v.plan.Status)
	}
	for _, g := range v.goals {
		n.lanes[g.Lane]++
		w.checkGoal(t, g)
	}
	for _, a := range v.actions {
		n.kinds[a.Kind]++
		if a.SupporterID != nil {
			n.roles[a.SupporterRole]++
		}
		if timing := w.timing(a); timing != "" {
			n.timing[timing]++
		}
	}
	for _, c := range v.checkIns {
		n.checkIns[c.Kind]++
		n.changes[c.ObservedChange]++
		if c.NotePrivate {
			n.private++
		}
		for i, answer := range []string{c.CapabilityBuilding, c.RealWork, c.StillHard,
			c.SupportNeeded, c.OutputImproved} {
			if answer == "" {
				t.Errorf("check-in %d leaves prompt %d unanswered", c.ID, i+1)
			}
		}
	}
}

func (w *world) checkGoal(t *testing.T, g *throughline.DevelopmentGoal) {
	switch g.Lane {
	case throughline.LaneExecution:
		if g.KeyResultID == nil || g.CapabilityID == nil || g.ChangeInWork == "" {
			t.Errorf("execution goal %q lacks a key result, capability or change", g.Title)
		}
	case throughline.LaneCareer:
		start, _, ok := throughline.QuarterDates(g.Horizon)
		if !ok || !start.After(w.current.EndsOn) {
			t.Errorf("career goal %q has horizon %q, want a later quarter", g.Title, g.Horizon)
		}
	}
}

// timing says whether an action is overdue, done on time or done late.
func (w *world) timing(a *throughline.DevelopmentAction) string {
	switch {
	case a.DueOn == nil:
		return ""
	case a.DoneOn == nil && a.DueOn.Before(throughline.Day(w.today)):
		return "overdue"
	case a.DoneOn == nil:
		return ""
	case a.DoneOn.After(*a.DueOn):
		return "late"
	default:
		return "on time"
	}
}

func (w *world) checkWarnings(t *testing.T) {
	var ids []int64
	for _, v := range w.plans() {
		ids = append(ids, v.plan.ID)
	}
	snaps, err := w.store.PlanSnapshots(w.ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[throughline.WarningCode]int{}
	for _, s := range snaps {
		for _, warning := range throughline.Warnings(s, w.today, throughline.DefaultRhythm) {
			codes[warning.Code]++
		}
	}
	for _, c := range []throughline.WarningCode{
		throughline.WarnMonthlyCheckInOverdue, throughline.WarnGapWithoutEvidence,
		throughline.WarnNoManager, throughline.WarnEducationOnly,
	} {
		if codes[c] == 0 {
			t.Errorf("no plan shows %s (warnings: %v)", c, codes)
		}
	}
	if overdue := codes[throughline.WarnMonthlyCheckInOverdue]; overdue > len(ids)/4 {
		t.Errorf("%d of %d plans are overdue; most should be on rhythm", overdue, len(ids))
	}
	if late := codes[throughline.WarnQuarterlyReviewOverdue]; late > len(ids)/4 {
		t.Errorf("%d of %d plans miss their quarterly review", late, len(ids))
	}
}

func (w *world) checkCoverage(t *testing.T) {
	critical := true
	var covered, uncovered int
	for _, k := range w.keyResults(w.current, &critical) {
		goals, err := w.store.CoveringGoals(w.ctx, k.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(goals) == 0 {
			uncovered++
		} else {
			covered++
		}
	}
	if covered == 0 || uncovered == 0 {
		t.Errorf("%d critical key results covered, %d uncovered; want both", covered, uncovered)
	}
}

// checkChain walks up from Mei-Lin's execution goals: one must reach a
// company objective through four levels of objectives.
func (w *world) checkChain(t *testing.T) {
	meilin, err := w.store.FindPersonByEmail(w.ctx, "meilin.chen@"+demo.Domain)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := w.store.FindPlanFor(w.ctx, meilin.ID, w.current.ID)
	if err != nil {
		t.Fatal(err)
	}
	deepest := 0
	for _, g := range w.planView(plan).goals {
		if g.KeyResultID == nil {
			continue
		}
		paths, err := throughline.PathsUp(w.ctx, chainSource{w.store}, *g.KeyResultID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if p.Top().Level == throughline.LevelCompany {
				deepest = max(deepest, objectivesOn(p))
			}
		}
	}
	if deepest < 4 {
		t.Errorf("deepest path to a company objective has %d objectives, want 4", deepest)
	}
}

func objectivesOn(p throughline.StrategyPath) int {
	n := 0
	for _, step := range p {
		if step.Objective != nil {
			n++
		}
	}
	return n
}

// chainSource reads a chain straight from the store.
type chainSource struct{ s *storage.Store }

func (c chainSource) KeyResult(ctx context.Context, id int64) (*throughline.KeyResult, error) {
	return c.s.FindKeyResultByID(ctx, id)
}

func (c chainSource) Objective(ctx context.Context, id int64) (*throughline.Objective, error) {
	return c.s.FindObjectiveByID(ctx, id)
}

func (c chainSource) Alignments(ctx context.Context, id int64) ([]*throughline.Alignment, error) {
	return c.s.FindAlignments(ctx, id)
}

func TestSeedRefusesADatabaseWithData(t *testing.T) {
	w := mustSeed(t, seedDays[0].today)
	before := len(w.people())

	_, err := demo.Seed(w.ctx, services(w.store, nil), w.today)
	if !demo.IsNotEmpty(err) || throughline.ErrorCode(err) != throughline.ECONFLICT {
		t.Fatalf("second seed: %v, want ErrNotEmpty", err)
	}
	if after := len(w.people()); after != before {
		t.Errorf("second seed changed the people from %d to %d", before, after)
	}
}

func TestEmptyIsTrueOnlyForANewDatabase(t *testing.T) {
	ctx := context.Background()
	store, err := storage.Open(ctx, storagetest.Location(t, "t.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	svc := services(store, nil)
	if empty, err := demo.Empty(ctx, svc); err != nil || !empty {
		t.Fatalf("new database: empty %v, %v", empty, err)
	}
	if err := store.CreateCycle(ctx, &throughline.Cycle{Name: "2026-Q2"}); err != nil {
		t.Fatal(err)
	}
	if empty, err := demo.Empty(ctx, svc); err != nil || empty {
		t.Fatalf("database with a cycle: empty %v, %v", empty, err)
	}
}
