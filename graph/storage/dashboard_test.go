package storage_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/demo"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
	"throughline.dev/graph/storage/synth"
)

// dashToday is the day both organisations are made on and read on.
var dashToday = time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)

// dashWorld is an organisation in a fresh store, the cycle the dashboard
// reads, and a team with teams below it.
type dashWorld struct {
	store   *storage.Store
	db      *sql.DB
	counter *storage.StatementCounter
	cycle   *throughline.Cycle
	team    int64
}

func openDashStore(t *testing.T, now func() time.Time) (*storage.Store, *storage.StatementCounter) {
	t.Helper()
	counter := &storage.StatementCounter{}
	s, err := storage.Open(context.Background(), storagetest.Location(t, "dash.db"),
		storage.Options{Now: now, Logger: counter})
	noErr(t, err)
	t.Cleanup(func() { s.Close() })
	return s, counter
}

// dashDemoWorld seeds the demo organisation.
func dashDemoWorld(t *testing.T) *dashWorld {
	t.Helper()
	ctx := context.Background()
	clock := &demo.Clock{}
	s, counter := openDashStore(t, clock.Now)
	_, err := demo.Seed(ctx, demo.Services{
		Org: s, OKRs: s, Capabilities: s, Plans: s, Clock: clock,
	}, dashToday)
	noErr(t, err)
	clock.Set(dashToday)
	w := &dashWorld{store: s, counter: counter, team: dashTeamNamed(t, s, "Product & Engineering")}
	w.db, err = s.SQL()
	noErr(t, err)
	w.cycle, err = s.FindCycleByName(ctx, throughline.QuarterOf(dashToday))
	noErr(t, err)
	return w
}

// dashSynthWorld generates a synthetic organisation of a thousand people
// and varies it, since the generator makes every plan alike.
func dashSynthWorld(t *testing.T) *dashWorld {
	t.Helper()
	ctx := context.Background()
	s, counter := openDashStore(t, func() time.Time { return dashToday })
	db, err := s.SQL()
	noErr(t, err)
	spec := synth.DefaultSpec(1000, dashToday)
	noErr(t, synth.Generate(ctx, db, spec))
	dashVary(t, s, db)
	w := &dashWorld{store: s, db: db, counter: counter, team: synth.TeamID(1)}
	w.cycle, err = s.FindCycleByName(ctx, spec.CycleName())
	noErr(t, err)
	return w
}

func dashTeamNamed(t *testing.T, s *storage.Store, name string) int64 {
	t.Helper()
	teams, err := s.TeamsByID(context.Background(), dashAllTeamIDs(t, s))
	noErr(t, err)
	for id, team := range teams {
		if team.Name == name {
			return id
		}
	}
	t.Fatalf("no team %q", name)
	return 0
}

// dashVary breaks each plan rule in some plans, puts dates on the edges
// of today and of the rhythm, and mixes the two ways dates are stored:
// 'YYYY-MM-DD' text as the generator writes them, and the Go driver's
// text for a time.Time.
func dashVary(t *testing.T, store *storage.Store, db *sql.DB) {
	t.Helper()
	day := func(offset int) string { return dashToday.AddDate(0, 0, offset).Format(time.DateOnly) }
	at := func(offset int) time.Time { return throughline.Day(dashToday).AddDate(0, 0, offset) }
	steps := []dashStep{
		// Goals leave the rules' view, or take a third execution slot.
		{`UPDATE development_goals SET state = 'DROPPED' WHERE id % 17 = 0`, nil},
		{`UPDATE development_goals SET state = 'ACHIEVED' WHERE id % 19 = 0`, nil},
		{`INSERT INTO development_goals (plan_id, lane, title, key_result_id, capability_id,
			target_level, state, created_at, updated_at)
			SELECT plan_id, lane, 'A third', key_result_id, capability_id, target_level,
			'ACTIVE', created_at, updated_at FROM development_goals
			WHERE lane = 'EXECUTION' AND plan_id % 23 = 0 AND id % 3 = 1`, nil},
		{`UPDATE development_goals SET key_result_id = NULL
			WHERE lane = 'EXECUTION' AND id % 29 = 0`, nil},
		{`UPDATE development_goals SET target_level = NULL WHERE id % 10 = 0`, nil},
		// Supporters, kinds, and goals without actions.
		{`UPDATE development_actions SET supporter_id = NULL WHERE id % 7 = 0`, nil},
		{`UPDATE development_actions SET kind = 'EXPOSURE' WHERE id % 11 = 0`, nil},
		{`UPDATE development_actions SET kind = 'EDUCATION' WHERE id % 13 = 0`, nil},
		{`DELETE FROM development_actions WHERE goal_id % 43 = 0`, nil},
		// People without a manager or a team.
		{`UPDATE people SET manager_id = NULL WHERE id % 31 = 0`, nil},
		{`UPDATE people SET team_id = NULL WHERE id % 41 = 0`, nil},
		{`UPDATE people SET manager_id = NULL, team_id = NULL WHERE id % 97 = 0`, nil},
		// Gaps: no evidence, closed gaps, no requirement, newer and tied
		// assessments.
		{`DELETE FROM evidence WHERE assessment_id % 5 = 0`, nil},
		{`UPDATE assessments SET level = 4 WHERE id % 9 = 0`, nil},
		{`DELETE FROM capability_requirements WHERE id % 13 = 0`, nil},
		{`UPDATE capability_requirements SET level = 1 WHERE id % 6 = 1`, nil},
		{`DELETE FROM assessments WHERE id % 14 = 0`, nil},
		{`INSERT INTO assessments (person_id, capability_id, level, assessed_on, created_at)
			SELECT person_id, capability_id, 5, ?, created_at FROM assessments
			WHERE id % 8 = 0`, []any{at(-1)}},
		{`INSERT INTO assessments (person_id, capability_id, level, assessed_on, created_at)
			SELECT person_id, capability_id, 1, assessed_on, created_at FROM assessments
			WHERE id % 12 = 0`, nil},
		// Plans with no check-in, made long ago or a rhythm ago to the day.
		{`DELETE FROM check_ins WHERE plan_id % 37 = 0`, nil},
		{`UPDATE development_plans SET created_at = ? WHERE id % 74 = 0`,
			[]any{at(-40).Add(6 * time.Hour)}},
		{`UPDATE development_plans SET created_at = ? WHERE id % 111 = 0`,
			[]any{at(-31).Add(15 * time.Hour)}},
		// Latest check-ins (every tenth record) on the edge of the rhythm.
		{`UPDATE check_ins SET held_on = ? WHERE id % 10 = 0 AND plan_id % 5 = 1`,
			[]any{at(-31)}},
		{`UPDATE check_ins SET held_on = ? WHERE id % 10 = 0 AND plan_id % 5 = 2`,
			[]any{day(-32)}},
		{`UPDATE check_ins SET held_on = ? WHERE id % 10 = 0 AND plan_id % 5 = 3`,
			[]any{at(-32)}},
		{`UPDATE check_ins SET observed_change = '' WHERE id % 6 = 0`, nil},
		{`INSERT INTO check_ins (plan_id, kind, held_on, observed_change, status_after,
			created_at) SELECT plan_id, kind, held_on, 'DECLINED', status_after, created_at
			FROM check_ins WHERE id % 10 = 0 AND plan_id % 7 = 0`, nil},
		// Quarterly reviews as the window opens, a day before, and within.
		{dashAddReview + `WHERE id % 3 = 0`, []any{day(-60)}},
		{dashAddReview + `WHERE id % 3 = 1`, []any{at(-61)}},
		{dashAddReview + `WHERE id % 4 = 2`, []any{day(-40)}},
		// Milestones due yesterday, done late, done on the day, due today,
		// done early, and without a due date.
		{`UPDATE development_actions SET due_on = ?, done_on = NULL WHERE id % 9 = 1`,
			[]any{day(-1)}},
		{`UPDATE development_actions SET due_on = ?, done_on = ? WHERE id % 9 = 2`,
			[]any{at(-1), day(0)}},
		{`UPDATE development_actions SET due_on = ?, done_on = ? WHERE id % 9 = 3`,
			[]any{day(-1), at(-1)}},
		{`UPDATE development_actions SET due_on = ?, done_on = NULL WHERE id % 9 = 4`,
			[]any{at(0)}},
		{`UPDATE development_actions SET due_on = ?, done_on = ? WHERE id % 9 = 5`,
			[]any{day(3), day(0)}},
		{`UPDATE development_actions SET due_on = NULL WHERE id % 9 = 6`, nil},
	}
	for _, s := range append(steps, dashCoverageSteps()...) {
		if _, err := db.Exec(store.Rebind(s.sql), s.args...); err != nil {
			t.Fatalf("%.60s: %v", s.sql, err)
		}
	}
}

// dashStep is one change dashVary makes.
type dashStep struct {
	sql  string
	args []any
}

// dashCoverageSteps point an active execution goal without a capability
// at one uncovered critical key result, which stays uncovered, and one
// with a capability at another, which becomes covered.
func dashCoverageSteps() []dashStep {
	spec := synth.DefaultSpec(1000, dashToday)
	relink := `UPDATE development_goals SET key_result_id = ?, capability_id = %s,
		state = 'ACTIVE' WHERE id = ?`
	return []dashStep{
		{fmt.Sprintf(relink, "NULL"), []any{spec.KeyResultID(4, 2, 0), 3*200 + 1}},
		{fmt.Sprintf(relink, "1"), []any{spec.KeyResultID(5, 2, 0), 3*250 + 1}},
	}
}

const dashAddReview = `INSERT INTO check_ins (plan_id, kind, held_on, observed_change,
	status_after, created_at)
	SELECT id, 'QUARTERLY', ?, 'SOME_IMPROVEMENT', 'ON_TRACK', created_at
	FROM development_plans `

// dashRhythms are the rhythms the dashboard is checked under: the
// default, and one HR changed in the review_rhythm table.
var dashRhythms = []struct {
	name                  string
	monthly, window, lead int
}{
	{"default rhythm", 31, 21, 14},
	{"changed rhythm", 20, 40, 3},
}

func (w *dashWorld) setRhythm(t *testing.T, monthly, window, lead int) throughline.Rhythm {
	t.Helper()
	_, err := w.db.Exec(w.store.Rebind(`UPDATE review_rhythm SET monthly_every_days = ?,
		review_window_days = ?, review_lead_days = ? WHERE id = 1`), monthly, window, lead)
	noErr(t, err)
	day := 24 * time.Hour
	return throughline.Rhythm{
		MonthlyEvery: time.Duration(monthly) * day,
		ReviewWindow: time.Duration(window) * day,
		ReviewLead:   time.Duration(lead) * day,
	}
}

// days are the days the dashboard is read on: around today, and around
// the day the cycle's review window closes.
func (w *dashWorld) days(r throughline.Rhythm) []time.Time {
	closes := throughline.Day(w.cycle.StartsOn.Add(r.ReviewWindow))
	return []time.Time{
		dashToday.AddDate(0, 0, -1), dashToday, dashToday.AddDate(0, 0, 1),
		closes, closes.AddDate(0, 0, 1),
	}
}

// TestDashboardMatchesThePlanRules compares every figure of the dashboard
// with the same figure computed the slow way, for the whole organisation
// and for one team's subtree, under two rhythms and on several days.
func TestDashboardMatchesThePlanRules(t *testing.T) {
	worlds := []struct {
		name string
		make func(*testing.T) *dashWorld
	}{
		{"demo", dashDemoWorld},
		{"synthetic", dashSynthWorld},
	}
	for _, world := range worlds {
		t.Run(world.name, func(t *testing.T) {
			w := world.make(t)
			scopes := []struct {
				name  string
				team  *int64
				teams map[int64]bool
			}{
				{"organisation", nil, nil},
				{"subtree", &w.team, dashSubtree(t, w.store, w.team)},
			}
			for _, scope := range scopes {
				in := dashLoad(t, w.store, w.cycle.ID, scope.teams)
				t.Run(scope.name, func(t *testing.T) { w.checkAll(t, in, scope.team) })
			}
		})
	}
}

func (w *dashWorld) checkAll(t *testing.T, in *dashInputs, team *int64) {
	if len(in.snaps) == 0 {
		t.Fatal("no plans in scope")
	}
	for _, rh := range dashRhythms {
		r := w.setRhythm(t, rh.monthly, rh.window, rh.lead)
		for _, day := range w.days(r) {
			f := throughline.DashboardFilter{CycleID: w.cycle.ID, TeamID: team, Today: day}
			got, err := w.store.Dashboard(context.Background(), f)
			noErr(t, err)
			want := slowDashboard(in, day, r)
			t.Run(rh.name+" on "+day.Format(time.DateOnly), func(t *testing.T) {
				wantSameDashboard(t, got, want)
			})
		}
	}
}

// The synthetic organisation must give every figure something to count,
// or agreeing on it would prove little.
func TestDashboardSyntheticOrganisationVaries(t *testing.T) {
	w := dashSynthWorld(t)
	d, err := w.store.Dashboard(context.Background(),
		throughline.DashboardFilter{CycleID: w.cycle.ID, Today: dashToday})
	noErr(t, err)
	for _, code := range throughline.WarningCodes {
		if n := d.Warnings[code]; n == 0 || n == 1000 {
			t.Errorf("%s: %d of 1000 plans; want some but not all", code, n)
		}
	}
	if d.Coverage.Covered == 0 || len(d.Coverage.Uncovered) == 0 {
		t.Errorf("coverage %+v: want covered and uncovered key results", d.Coverage)
	}
	m := d.Milestones
	if m.DoneOnTime == 0 || m.DoneOnTime == m.Due {
		t.Errorf("milestones %+v: want some met and some missed", m)
	}
	c := d.Cadence
	if c.CheckInsOnTime == 0 || c.CheckInsOnTime == c.ActivePlans ||
		c.ReviewsHeld == 0 || c.ReviewsHeld == c.ReviewsDue {
		t.Errorf("cadence %+v: want plans on and off rhythm", c)
	}
	for _, change := range throughline.ObservedChangeScale {
		if d.Observed[change] == 0 {
			t.Errorf("no plan observed %s", change)
		}
	}
}

// The dashboard costs the same statements for a thousand plans as for
// forty: it counts in SQL and loads no plan.
func TestDashboardStatementsDoNotGrowWithPlans(t *testing.T) {
	demoWorld, synthWorld := dashDemoWorld(t), dashSynthWorld(t)
	for _, scope := range []string{"organisation", "subtree"} {
		small, large := demoWorld.statements(t, scope), synthWorld.statements(t, scope)
		if small != large || large > 20 {
			t.Errorf("%s: %d statements for 40 people, %d for 1000; want the same, at most 20",
				scope, small, large)
		}
	}
}

// statements counts what one reading of the dashboard runs.
func (w *dashWorld) statements(t *testing.T, scope string) int64 {
	t.Helper()
	f := throughline.DashboardFilter{CycleID: w.cycle.ID, Today: dashToday}
	if scope == "subtree" {
		f.TeamID = &w.team
	}
	before, _ := w.counter.Counts()
	_, err := w.store.Dashboard(context.Background(), f)
	noErr(t, err)
	after, _ := w.counter.Counts()
	return after - before
}

// An unknown cycle or team is ENOTFOUND on the field that names it.
func TestDashboardUnknownCycleOrTeam(t *testing.T) {
	s, _ := openDashStore(t, nil)
	ctx := context.Background()
	c := &throughline.Cycle{Name: "2026-Q4"}
	c.StartsOn, c.EndsOn, _ = throughline.QuarterDates(c.Name)
	noErr(t, s.CreateCycle(ctx, c))
	missing := int64(999)
	type filter = throughline.DashboardFilter
	for _, tc := range []struct {
		name  string
		f     filter
		field string
	}{
		{"cycle", filter{CycleID: missing, Today: dashToday}, "cycle"},
		{"team", filter{CycleID: c.ID, TeamID: &missing, Today: dashToday}, "teamId"},
	} {
		_, err := s.Dashboard(ctx, tc.f)
		code, field := throughline.ErrorCode(err), throughline.ErrorField(err)
		if code != throughline.ENOTFOUND || field != tc.field {
			t.Errorf("unknown %s: %v; want NOT_FOUND on %s", tc.name, err, tc.field)
		}
	}
}
