package storage_test

import (
	"context"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
)

// dashDay is a day relative to dashToday.
func dashDay(offset int) *time.Time {
	d := throughline.Day(dashToday).AddDate(0, 0, offset)
	return &d
}

// dashEdges is a cycle with two plans whose dates sit on the edges of
// today, and the team of their people.
type dashEdges struct {
	cycle *throughline.Cycle
	team  *throughline.Team
}

// newDashEdges makes Ada's plan, with milestones on every edge, a review
// as its window opens and a check-in a rhythm ago to the day; and Bo's,
// with a dropped goal whose milestone no longer counts and a check-in a
// day more than a rhythm ago.
func newDashEdges(t *testing.T, s *storage.Store) *dashEdges {
	t.Helper()
	ctx := context.Background()
	e := &dashEdges{
		cycle: &throughline.Cycle{Name: "2026-Q4"}, team: &throughline.Team{Name: "Edge"},
	}
	e.cycle.StartsOn, e.cycle.EndsOn, _ = throughline.QuarterDates(e.cycle.Name)
	noErr(t, s.CreateCycle(ctx, e.cycle))
	noErr(t, s.CreateTeam(ctx, e.team))
	boss := dashPerson(t, s, "boss", nil, nil)
	ada := dashPlanOf(t, s, dashPerson(t, s, "ada", &e.team.ID, &boss.ID), e.cycle)
	bo := dashPlanOf(t, s, dashPerson(t, s, "bo", &e.team.ID, &boss.ID), e.cycle)

	goal := dashCareerGoal(t, s, ada)
	for _, a := range []struct{ due, done *time.Time }{
		{dashDay(-1), nil},         // due yesterday, open: missed
		{dashDay(0), nil},          // due today, open: not yet due
		{dashDay(-1), dashDay(-1)}, // done on the day: met
		{dashDay(-1), dashDay(0)},  // done a day late: missed
		{dashDay(3), dashDay(0)},   // done early: met
		{nil, dashDay(-5)},         // no due date: no milestone
	} {
		dashAction(t, s, ada, goal, a.due, a.done)
	}
	dashCheckIn(t, s, ada, throughline.CheckInQuarterly, -60, throughline.ChangeNone)
	dashCheckIn(t, s, ada, throughline.CheckInMonthly, -31, throughline.ChangeSomeImprovement)

	dropped := dashCareerGoal(t, s, bo)
	dashAction(t, s, bo, dropped, dashDay(-1), nil)
	state := throughline.GoalDropped
	_, err := s.UpdateGoal(ctx, dropped.ID, dashVersion(t, s, bo),
		throughline.GoalUpdate{State: &state})
	noErr(t, err)
	dashCheckIn(t, s, bo, throughline.CheckInMonthly, -32, throughline.ChangeClearImprovement)
	return e
}

// TestDashboardJudgesDaysAtTheirEdges pins the figures of the two plans,
// with the numbers written out.
func TestDashboardJudgesDaysAtTheirEdges(t *testing.T) {
	s, _ := openDashStore(t, func() time.Time { return dashToday })
	e := newDashEdges(t, s)
	d, err := s.Dashboard(context.Background(),
		throughline.DashboardFilter{CycleID: e.cycle.ID, Today: dashToday})
	noErr(t, err)
	if want := (throughline.MilestoneAttainment{Due: 4, DoneOnTime: 2}); d.Milestones != want {
		t.Errorf("milestones %+v, want %+v", d.Milestones, want)
	}
	want := throughline.CadenceCompliance{
		ActivePlans: 2, CheckInsOnTime: 1, ReviewsDue: 2, ReviewsHeld: 1,
	}
	if d.Cadence != want {
		t.Errorf("cadence %+v, want %+v", d.Cadence, want)
	}
	if mean, ok := d.Observed.Mean(); !ok || mean != 1.5 {
		t.Errorf("mean observed change %v (%v), want 1.5", mean, ok)
	}
	wantDashWarnings(t, d, map[throughline.WarningCode]int{
		throughline.WarnMonthlyCheckInOverdue:  1,
		throughline.WarnQuarterlyReviewOverdue: 1,
		throughline.WarnNoSupporter:            1,
	})
	if len(d.StatusByTeam) != 1 || d.StatusByTeam[0].Team.ID != e.team.ID ||
		d.StatusByTeam[0].Counts[throughline.StatusOnTrack] != 2 {
		t.Errorf("status by team %+v, want Edge with two plans on track", d.StatusByTeam)
	}
	if d.Coverage.Total != 0 || d.Coverage.Share() != 0 || len(d.Coverage.Uncovered) != 0 {
		t.Errorf("coverage %+v, want none", d.Coverage)
	}
}

// wantDashWarnings checks every rule's count: those not named are zero.
func wantDashWarnings(t *testing.T, d *throughline.Dashboard,
	want map[throughline.WarningCode]int,
) {
	t.Helper()
	for _, code := range throughline.WarningCodes {
		if d.Warnings[code] != want[code] {
			t.Errorf("%s: %d plans, want %d", code, d.Warnings[code], want[code])
		}
	}
}

func dashPerson(t *testing.T, s *storage.Store, name string,
	team, manager *int64,
) *throughline.Person {
	t.Helper()
	p := &throughline.Person{
		Email: name + "@edge.example", Name: name, TeamID: team, ManagerID: manager,
	}
	noErr(t, s.CreatePerson(context.Background(), p))
	return p
}

func dashPlanOf(t *testing.T, s *storage.Store, p *throughline.Person,
	c *throughline.Cycle,
) *throughline.DevelopmentPlan {
	t.Helper()
	plan := &throughline.DevelopmentPlan{PersonID: p.ID, CycleID: c.ID}
	noErr(t, s.CreatePlan(context.Background(), plan))
	return plan
}

// dashVersion reads the plan's version, which every write raises.
func dashVersion(t *testing.T, s *storage.Store, plan *throughline.DevelopmentPlan) int32 {
	t.Helper()
	p, err := s.FindPlanByID(context.Background(), plan.ID)
	noErr(t, err)
	return p.Version
}

func dashCareerGoal(t *testing.T, s *storage.Store,
	plan *throughline.DevelopmentPlan,
) *throughline.DevelopmentGoal {
	t.Helper()
	g := &throughline.DevelopmentGoal{
		PlanID: plan.ID, Lane: throughline.LaneCareer, Title: "Lead a team", Horizon: "2027-Q4",
	}
	_, err := s.AddGoal(context.Background(), dashVersion(t, s, plan), g)
	noErr(t, err)
	return g
}

func dashAction(t *testing.T, s *storage.Store, plan *throughline.DevelopmentPlan,
	g *throughline.DevelopmentGoal, due, done *time.Time,
) {
	t.Helper()
	a := &throughline.DevelopmentAction{
		GoalID: g.ID, Kind: throughline.ActionExperience, Title: "Run the launch",
		DueOn: due, DoneOn: done,
	}
	noErr(t, s.AddAction(context.Background(), dashVersion(t, s, plan), a))
}

func dashCheckIn(t *testing.T, s *storage.Store, plan *throughline.DevelopmentPlan,
	kind throughline.CheckInKind, offset int, change throughline.ObservedChange,
) {
	t.Helper()
	c := &throughline.CheckIn{
		PlanID: plan.ID, Kind: kind, HeldOn: *dashDay(offset),
		ObservedChange: change, StatusAfter: throughline.StatusOnTrack,
	}
	_, err := s.RecordCheckIn(context.Background(), dashVersion(t, s, plan), c)
	noErr(t, err)
}
