package storage_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm/logger"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
)

// reviewWorld is the planWorld at the end of 2026-Q4: Ada's plan holds two
// execution goals, an active and an achieved career goal; the next
// quarter is open with a key result of its own.
type reviewWorld struct {
	*planWorld
	t                   *testing.T
	plan                *throughline.DevelopmentPlan
	discovery, proposal *throughline.DevelopmentGoal
	career, done        *throughline.DevelopmentGoal
	next                *throughline.Cycle
	nextKR              *throughline.KeyResult
}

func mustReviewWorld(t *testing.T) *reviewWorld {
	t.Helper()
	w := &reviewWorld{planWorld: mustPlanWorld(t, storage.Options{}), t: t}
	w.plan = w.mustPlan(t, w.ada)
	w.discovery = w.executionGoal(w.plan, "Discovery calls")
	w.mustAddGoal(t, w.plan, w.discovery)
	w.proposal = w.executionGoal(w.plan, "Proposals")
	w.mustAddGoal(t, w.plan, w.proposal)
	w.career = &throughline.DevelopmentGoal{PlanID: w.plan.ID, Lane: throughline.LaneCareer,
		Title: "Lead a sales team", Horizon: "2027-Q4"}
	w.mustAddGoal(t, w.plan, w.career)
	w.done = &throughline.DevelopmentGoal{PlanID: w.plan.ID, Lane: throughline.LaneCareer,
		Title: "Present at the kick-off"}
	w.mustAddGoal(t, w.plan, w.done)
	achieved := throughline.GoalAchieved
	_, err := w.s.UpdateGoal(planCtx, w.done.ID, w.plan.Version,
		throughline.GoalUpdate{State: &achieved})
	noErr(t, err)
	w.plan = w.reload(t, w.plan.ID)

	w.next = &throughline.Cycle{Name: "2027-Q1"}
	noErr(t, w.s.CreateCycle(planCtx, w.next))
	o := &throughline.Objective{CycleID: w.next.ID, Level: throughline.LevelCompany, Title: "Grow"}
	noErr(t, w.s.CreateObjective(planCtx, o, nil))
	w.nextKR = &throughline.KeyResult{ObjectiveID: o.ID, Title: "Win 35% of deals"}
	noErr(t, w.s.CreateKeyResult(planCtx, w.nextKR))
	return w
}

// planIn returns a person's plan in a cycle.
func (w *reviewWorld) planIn(t *testing.T, person *throughline.Person,
	c *throughline.Cycle,
) *throughline.DevelopmentPlan {
	t.Helper()
	p, err := w.s.FindPlanFor(planCtx, person.ID, c.ID)
	noErr(t, err)
	return p
}

// review is a valid review of Ada's plan into 2027-Q1: discovery carried
// over, proposals achieved.
func (w *reviewWorld) review() *throughline.QuarterlyReview {
	return &throughline.QuarterlyReview{
		PlanID: w.plan.ID, Version: w.plan.Version, Cycle: w.next.Name,
		Decisions: []throughline.GoalDecisionFor{
			{GoalID: w.discovery.ID, Decision: throughline.DecisionCarryOver, KeyResultID: &w.nextKR.ID},
			{GoalID: w.proposal.ID, Decision: throughline.DecisionCloseAchieved},
		},
		CheckIn: &throughline.CheckIn{
			HeldOn: time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC), AuthorID: &w.manager.ID,
			CapabilityBuilding: "Discovery", RealWork: "Acme", StillHard: "budgets",
			SupportNeeded: "a coach", OutputImproved: "sharper notes",
		},
	}
}

func TestOpenCycleTwiceIsHarmless(t *testing.T) {
	w := mustReviewWorld(t)
	w.mustPlan(t, w.manager)
	gone := w.person(t, "gone@example.com", &w.manager.ID)
	w.mustPlan(t, gone)
	db, err := w.s.SQL()
	noErr(t, err)
	_, err = db.Exec(w.s.Rebind("UPDATE people SET left_on = '2026-12-01' WHERE id = ?"), gone.ID)
	noErr(t, err)

	c := &throughline.Cycle{Name: "2027-Q1"}
	opened, err := w.s.OpenCycle(planCtx, c)
	noErr(t, err)
	if opened != 2 || c.ID != w.next.ID {
		t.Fatalf("opened %d plans in cycle %d, want 2 (Ada and Bo, not who left) in %d",
			opened, c.ID, w.next.ID)
	}
	again, err := w.s.OpenCycle(planCtx, &throughline.Cycle{Name: "2027-Q1"})
	noErr(t, err)
	if again != 0 {
		t.Errorf("opening again opened %d plans, want 0", again)
	}

	p := w.planIn(t, w.ada, w.next)
	wantReason := "the quarterly review for 2027-Q1 has not been held"
	if p.Status != throughline.StatusNeedsReset || p.StatusReason != wantReason {
		t.Errorf("new plan is %s %q, want NEEDS_RESET %q", p.Status, p.StatusReason, wantReason)
	}
	goals := w.goals(t, p.ID)
	if len(goals) != 1 || goals[0].Title != w.career.Title || goals[0].CarriedFromID == nil ||
		*goals[0].CarriedFromID != w.career.ID || goals[0].State != throughline.GoalActive {
		t.Errorf("new plan's goals = %+v, want the active career goal carried once", goals)
	}
	if got := w.goals(t, w.planIn(t, w.manager, w.next).ID); len(got) != 0 {
		t.Errorf("Bo's new plan has %d goals, want none", len(got))
	}
	if _, err := w.s.FindPlanFor(planCtx, gone.ID, w.next.ID); throughline.ErrorCode(err) !=
		throughline.ENOTFOUND {
		t.Errorf("who left got a plan: %v", err)
	}
}

func TestOpenCycleMakesTheCycle(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	w.mustPlan(t, w.ada)
	c := &throughline.Cycle{Name: "2027-Q1"}
	opened, err := w.s.OpenCycle(planCtx, c)
	noErr(t, err)
	if opened != 1 || c.StartsOn.Format(time.DateOnly) != "2027-01-01" ||
		c.EndsOn.Format(time.DateOnly) != "2027-03-31" {
		t.Errorf("opened %d in %+v, want 1 in the quarter's dates", opened, c)
	}

	// A named cycle needs dates; dates that contradict a cycle are refused.
	_, err = w.s.OpenCycle(planCtx, &throughline.Cycle{Name: "Spring push"})
	wantPlanError(t, err, throughline.EINVALID, "startsOn")
	_, err = w.s.OpenCycle(planCtx, &throughline.Cycle{Name: "2027-Q1",
		StartsOn: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)})
	wantPlanError(t, err, throughline.EINVALID, "startsOn")

	// The first cycle has none before it: nothing to open.
	first := &throughline.Cycle{Name: "2020-Q1"}
	opened, err = w.s.OpenCycle(planCtx, first)
	noErr(t, err)
	if opened != 0 || first.ID == 0 {
		t.Errorf("opened %d plans in %+v, want a new cycle with none", opened, first)
	}
}

func TestQuarterlyReviewCarriesAndCloses(t *testing.T) {
	w := mustReviewWorld(t)
	_, err := w.s.OpenCycle(planCtx, &throughline.Cycle{Name: "2027-Q1"})
	noErr(t, err)
	q := w.review()
	p, err := w.s.HoldQuarterlyReview(planCtx, q)
	noErr(t, err)

	if p.Status != throughline.StatusOnTrack || p.StatusReason != "" || p.CycleID != w.next.ID ||
		p.Version != 2 {
		t.Errorf("new plan = %+v, want on track in 2027-Q1 at version 2", p)
	}
	if old := w.reload(t, w.plan.ID); old.Version != w.plan.Version+1 {
		t.Errorf("old plan at version %d, want %d", old.Version, w.plan.Version+1)
	}
	byTitle := map[string]*throughline.DevelopmentGoal{}
	for _, g := range w.goals(t, p.ID) {
		byTitle[g.Title] = g
	}
	carried := byTitle["Discovery calls"]
	if len(byTitle) != 2 || carried == nil || carried.CarriedFromID == nil ||
		*carried.CarriedFromID != w.discovery.ID || *carried.KeyResultID != w.nextKR.ID ||
		carried.Lane != throughline.LaneExecution || byTitle["Lead a sales team"] == nil {
		t.Errorf("new plan's goals = %v, want discovery carried to the new key result "+
			"and the career goal once", byTitle)
	}
	for _, g := range w.goals(t, w.plan.ID) {
		want := map[int64]throughline.GoalState{w.proposal.ID: throughline.GoalAchieved,
			w.done.ID: throughline.GoalAchieved}[g.ID]
		if want == "" {
			want = throughline.GoalActive
		}
		if g.State != want {
			t.Errorf("old goal %q is %s, want %s", g.Title, g.State, want)
		}
	}
	page, err := w.s.FindCheckIns(planCtx, p.ID, throughline.PageRequest{First: 5})
	noErr(t, err)
	if len(page.Items) != 1 || page.Items[0].Kind != throughline.CheckInQuarterly ||
		page.Items[0].SupportNeeded != "a coach" || page.Items[0].ID != q.CheckIn.ID {
		t.Errorf("new plan's check-ins = %+v, want the review", page.Items)
	}
}

// Without openCycle the review makes the plan and carries career goals.
func TestQuarterlyReviewMakesTheNewPlan(t *testing.T) {
	w := mustReviewWorld(t)
	p, err := w.s.HoldQuarterlyReview(planCtx, w.review())
	noErr(t, err)
	var career *throughline.DevelopmentGoal
	for _, g := range w.goals(t, p.ID) {
		if g.Lane == throughline.LaneCareer {
			career = g
		}
	}
	if p.Status != throughline.StatusOnTrack || career == nil ||
		*career.CarriedFromID != w.career.ID {
		t.Errorf("plan %+v with career goal %+v", p, career)
	}
}

func TestQuarterlyReviewProblemsWriteNothing(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(w *reviewWorld, q *throughline.QuarterlyReview)
		field string
		says  string
	}{
		{"missing decision", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Decisions = q.Decisions[:1]
		}, "decisions", `no decision for "Proposals"`},
		{"decision on a career goal", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Decisions = append(q.Decisions, throughline.GoalDecisionFor{
				GoalID: w.career.ID, Decision: throughline.DecisionCloseDropped})
		}, "decisions", `"Lead a sales team" is not an active execution goal`},
		{"decision on another plan's goal", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Decisions = append(q.Decisions, throughline.GoalDecisionFor{
				GoalID: 9999, Decision: throughline.DecisionCloseDropped})
		}, "decisions", "decision 3 names no goal of this plan"},
		{"two decisions on a goal", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Decisions[1].GoalID = w.discovery.ID
		}, "decisions", `"Discovery calls" has more than one decision`},
		{"carried over without a key result", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Decisions[0].KeyResultID = nil
		}, "decisions", `"Discovery calls": carrying it over needs a key result`},
		{"key result of the old cycle", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Decisions[0].KeyResultID = &w.keyResult.ID
		}, "decisions", "the key result is not in 2027-Q1"},
		{"a third execution goal", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Decisions[1] = throughline.GoalDecisionFor{GoalID: w.proposal.ID,
				Decision: throughline.DecisionCarryOver, KeyResultID: &w.nextKR.ID}
			next := w.planIn(w.t, w.ada, w.next)
			g := w.executionGoal(next, "Pricing")
			g.KeyResultID = &w.nextKR.ID
			w.mustAddGoal(w.t, next, g)
		}, "decisions", "the new plan would hold 3 execution goals"},
		{"unknown cycle", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Cycle = "2031-Q1"
		}, "cycle", "no cycle named"},
		{"an earlier cycle", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Cycle = "2026-Q4"
		}, "cycle", "is not later"},
		{"stale version", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.Version--
		}, "version", "changed since it was read"},
		{"no day held", func(w *reviewWorld, q *throughline.QuarterlyReview) {
			q.CheckIn.HeldOn = time.Time{}
		}, "heldOn", "date it was held"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := mustReviewWorld(t)
			_, err := w.s.OpenCycle(planCtx, &throughline.Cycle{Name: "2027-Q1"})
			noErr(t, err)
			q := w.review()
			c.edit(w, q)
			before := w.state(t)
			_, err = w.s.HoldQuarterlyReview(planCtx, q)
			if !errorNames(err, c.field) || !strings.Contains(err.Error(), c.says) {
				t.Fatalf("error %v, want one on %s saying %q", err, c.field, c.says)
			}
			if after := w.state(t); after != before {
				t.Errorf("a refused review changed the plans:\n%s\nto\n%s", before, after)
			}
		})
	}
}

// state sums up both of Ada's plans, their goals and check-ins.
func (w *reviewWorld) state(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, p := range []*throughline.DevelopmentPlan{w.plan, w.planIn(t, w.ada, w.next)} {
		p = w.reload(t, p.ID)
		checkIns, err := w.s.FindCheckIns(planCtx, p.ID, throughline.PageRequest{First: 10})
		noErr(t, err)
		fmt.Fprintf(&b, "%s v%d, %d check-ins:", p.Status, p.Version, checkIns.TotalCount)
		for _, g := range w.goals(t, p.ID) {
			b.WriteString(" " + g.Title + "=" + string(g.State))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestReviewRhythmIsStored(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	r, err := w.s.ReviewRhythm(planCtx)
	noErr(t, err)
	if r != throughline.DefaultRhythm {
		t.Errorf("rhythm before HR sets one = %+v, want the default", r)
	}
	want := throughline.RhythmOfDays(14, 10, 7)
	got, err := w.s.SetReviewRhythm(planCtx, want)
	noErr(t, err)
	if read, err := w.s.ReviewRhythm(planCtx); err != nil || got != want || read != want {
		t.Errorf("set %+v, read %+v (%v), want %+v", got, read, err, want)
	}
	_, err = w.s.SetReviewRhythm(planCtx, throughline.RhythmOfDays(3, 0, 93))
	for _, f := range []string{"monthlyEveryDays", "reviewWindowDays", "reviewLeadDays"} {
		wantPlanError(t, err, throughline.EINVALID, f)
	}
	if read, _ := w.s.ReviewRhythm(planCtx); read != want {
		t.Errorf("a refused rhythm changed it to %+v", read)
	}
}

func TestCalendarFeedSecret(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	first, err := w.s.ResetCalendarFeed(planCtx, w.manager.ID)
	noErr(t, err)
	if id, err := w.s.CalendarFeedOwner(planCtx, first); err != nil || id != w.manager.ID {
		t.Fatalf("first secret opens %d (%v), want %d", id, err, w.manager.ID)
	}
	second, err := w.s.ResetCalendarFeed(planCtx, w.manager.ID)
	noErr(t, err)
	if second == first {
		t.Fatal("reset kept the secret")
	}
	for _, secret := range []string{first, "tlcal_guess", ""} {
		if _, err := w.s.CalendarFeedOwner(planCtx, secret); throughline.ErrorCode(err) !=
			throughline.ENOTFOUND {
			t.Errorf("secret %q: %v, want not found", secret, err)
		}
	}
	if id, err := w.s.CalendarFeedOwner(planCtx, second); err != nil || id != w.manager.ID {
		t.Errorf("new secret opens %d (%v)", id, err)
	}
	_, err = w.s.ResetCalendarFeed(planCtx, 9999)
	wantPlanError(t, err, throughline.ENOTFOUND, "personId")
}

func TestReportPlansDirectAndIndirect(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	plan := w.mustPlan(t, w.ada)
	cy := w.person(t, "cy@example.com", &w.ada.ID)
	today := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

	direct, err := w.s.ReportPlans(planCtx, w.manager.ID, false, today)
	noErr(t, err)
	if len(direct) != 1 || direct[0].Person.ID != w.ada.ID || !direct[0].Direct ||
		direct[0].Plan == nil || direct[0].Plan.ID != plan.ID || direct[0].Cycle.ID != w.cycle.ID {
		t.Fatalf("direct reports = %+v", direct)
	}
	all, err := w.s.ReportPlans(planCtx, w.manager.ID, true, today)
	noErr(t, err)
	if len(all) != 2 || all[1].Person.ID != cy.ID || all[1].Direct || all[1].Plan != nil {
		t.Errorf("all reports = %+v, want Ada then Cy, indirect and without a plan", all)
	}
	outside, err := w.s.ReportPlans(planCtx, w.manager.ID, false, today.AddDate(1, 0, 0))
	noErr(t, err)
	if len(outside) != 1 || outside[0].Cycle != nil || outside[0].Plan != nil {
		t.Errorf("with no cycle holding today: %+v", outside[0])
	}
}

// A manager's due list reads every report's plan in one batch: the
// statements it runs do not grow with the number of reports.
func TestDueReviewsQueriesDoNotGrowWithReports(t *testing.T) {
	counter := &statementCounter{Interface: logger.Discard}
	w := mustPlanWorld(t, storage.Options{Logger: counter})
	one := w.person(t, "one@example.com", nil)
	three := w.person(t, "three@example.com", nil)
	for i, manager := range []*throughline.Person{one, three, three, three} {
		p := w.mustPlan(t, w.person(t, fmt.Sprintf("r%d@example.com", i), &manager.ID))
		w.mustAddGoal(t, p, w.executionGoal(p, "Goal"))
		w.mustCheckIn(t, p, throughline.CheckInMonthly, "2026-11-02")
	}
	today := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	queries := func(m *throughline.Person) (int64, int) {
		before := counter.n.Load()
		dues, err := throughline.DueReviewsOf(planCtx, w.s, w.s.PlanSnapshots,
			throughline.DueQuery{ManagerID: m.ID, Today: today, Rhythm: throughline.DefaultRhythm})
		noErr(t, err)
		for _, d := range dues {
			if !onDay(d.NextCheckInDue, "2026-12-03") {
				t.Errorf("%s: check-in due %v, want 2026-12-03", d.Person.Name, d.NextCheckInDue)
			}
		}
		return counter.n.Load() - before, len(dues)
	}
	q1, n1 := queries(one)
	q3, n3 := queries(three)
	if n1 != 1 || n3 != 3 || q1 != q3 {
		t.Errorf("%d reports took %d statements, %d took %d; want the same count", n1, q1, n3, q3)
	}
}
