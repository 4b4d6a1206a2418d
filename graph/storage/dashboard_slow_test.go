package storage_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
)

// The slow way to the dashboard: load every plan in scope object by
// object, run the plan rules of the domain on each, and count with plain
// loops. The aggregate queries must agree with it on every figure.

// dashInputs is everything the slow way reads, for one cycle and scope.
type dashInputs struct {
	snaps    []*throughline.PlanSnapshot
	teams    map[int64]*throughline.Team
	goals    map[int64][]*throughline.DevelopmentGoal   // by plan, every state
	actions  map[int64][]*throughline.DevelopmentAction // by goal
	checkIns map[int64][]*throughline.CheckIn           // by plan
	critical []*throughline.KeyResult                   // in scope
	covered  map[int64]bool                             // by key result
}

// dashLoad reads the plans of a cycle whose people are in one of the
// teams (nil: everyone) and everything the figures need about them.
func dashLoad(t *testing.T, s *storage.Store, cycle int64,
	teams map[int64]bool,
) *dashInputs {
	t.Helper()
	ctx := context.Background()
	in := &dashInputs{}
	ids := dashPlanIDs(t, s, cycle, teams)
	snaps, err := s.PlanSnapshots(ctx, ids)
	noErr(t, err)
	for _, id := range ids {
		in.snaps = append(in.snaps, snaps[id])
	}
	in.teams, err = s.TeamsByID(ctx, dashAllTeamIDs(t, s))
	noErr(t, err)
	in.goals, err = s.GoalsByPlan(ctx, ids)
	noErr(t, err)
	in.actions, err = s.ActionsByGoal(ctx, dashGoalIDs(in.goals))
	noErr(t, err)
	in.checkIns = dashCheckIns(t, s, ids)
	in.critical, in.covered = dashCritical(t, s, cycle, teams)
	return in
}

func dashPlanIDs(t *testing.T, s *storage.Store, cycle int64, teams map[int64]bool) []int64 {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	next := throughline.PageRequest{First: throughline.MaxPageSize}
	for {
		p, err := s.FindPlans(ctx, throughline.PlanFilter{CycleID: &cycle}, next)
		noErr(t, err)
		for _, plan := range p.Items {
			person, err := s.FindPersonByID(ctx, plan.PersonID)
			noErr(t, err)
			if teams == nil || person.TeamID != nil && teams[*person.TeamID] {
				ids = append(ids, plan.ID)
			}
		}
		if !p.HasNextPage {
			return ids
		}
		next.After = p.IDs[len(p.IDs)-1]
	}
}

func dashAllTeamIDs(t *testing.T, s *storage.Store) []int64 {
	t.Helper()
	var ids []int64
	next := throughline.PageRequest{First: throughline.MaxPageSize}
	for {
		p, err := s.FindTeams(context.Background(), throughline.TeamFilter{}, next)
		noErr(t, err)
		ids = append(ids, p.IDs...)
		if !p.HasNextPage {
			return ids
		}
		next.After = p.IDs[len(p.IDs)-1]
	}
}

// dashSubtree returns the team and every team below it, walking the
// parent links in Go.
func dashSubtree(t *testing.T, s *storage.Store, root int64) map[int64]bool {
	t.Helper()
	teams, err := s.TeamsByID(context.Background(), dashAllTeamIDs(t, s))
	noErr(t, err)
	in := map[int64]bool{root: true}
	for grew := true; grew; {
		grew = false
		for _, team := range teams {
			if team.ParentID != nil && in[*team.ParentID] && !in[team.ID] {
				in[team.ID], grew = true, true
			}
		}
	}
	return in
}

func dashGoalIDs(goals map[int64][]*throughline.DevelopmentGoal) []int64 {
	var ids []int64
	for _, gs := range goals {
		for _, g := range gs {
			ids = append(ids, g.ID)
		}
	}
	return ids
}

func dashCheckIns(t *testing.T, s *storage.Store, plans []int64) map[int64][]*throughline.CheckIn {
	t.Helper()
	out := map[int64][]*throughline.CheckIn{}
	for _, id := range plans {
		next := throughline.PageRequest{First: throughline.MaxPageSize}
		for {
			p, err := s.FindCheckIns(context.Background(), id, next)
			noErr(t, err)
			out[id] = append(out[id], p.Items...)
			if !p.HasNextPage {
				break
			}
			next.After = p.IDs[len(p.IDs)-1]
		}
	}
	return out
}

// dashCritical lists the cycle's critical key results of objectives of
// the teams (nil: all), and which have covering goals.
func dashCritical(t *testing.T, s *storage.Store, cycle int64,
	teams map[int64]bool,
) ([]*throughline.KeyResult, map[int64]bool) {
	t.Helper()
	ctx := context.Background()
	critical := true
	p, err := s.FindKeyResults(ctx, throughline.KeyResultFilter{CycleID: &cycle, Critical: &critical},
		throughline.PageRequest{First: throughline.MaxPageSize})
	noErr(t, err)
	if p.HasNextPage {
		t.Fatalf("more than %d critical key results", throughline.MaxPageSize)
	}
	var krs []*throughline.KeyResult
	covered := map[int64]bool{}
	for _, k := range p.Items {
		o, err := s.FindObjectiveByID(ctx, k.ObjectiveID)
		noErr(t, err)
		if teams != nil && (o.TeamID == nil || !teams[*o.TeamID]) {
			continue
		}
		goals, err := s.CoveringGoals(ctx, k.ID)
		noErr(t, err)
		krs, covered[k.ID] = append(krs, k), len(goals) > 0
	}
	return krs, covered
}

// slowDashboard computes every figure from the inputs, as of today.
func slowDashboard(in *dashInputs, today time.Time, r throughline.Rhythm) *throughline.Dashboard {
	today = throughline.Day(today)
	d := &throughline.Dashboard{
		Observed: throughline.ObservedChanges{},
		Warnings: map[throughline.WarningCode]int{},
	}
	slowCoverage(d, in)
	slowStatusByTeam(d, in)
	for _, s := range in.snaps {
		slowWarnings(d, s, today, r)
		slowCadence(d, s, today, r)
		slowMilestones(d, in, s.Plan.ID, today)
		if c := dashLatestCheckIn(in.checkIns[s.Plan.ID]); c != nil && c.ObservedChange != "" {
			d.Observed[c.ObservedChange]++
		}
	}
	return d
}

func slowCoverage(d *throughline.Dashboard, in *dashInputs) {
	d.Coverage.Uncovered = []*throughline.KeyResult{}
	for _, k := range in.critical {
		d.Coverage.Total++
		if in.covered[k.ID] {
			d.Coverage.Covered++
		} else {
			d.Coverage.Uncovered = append(d.Coverage.Uncovered, k)
		}
	}
}

func slowStatusByTeam(d *throughline.Dashboard, in *dashInputs) {
	byTeam := map[int64]map[throughline.PlanStatus]int{}
	for _, s := range in.snaps {
		if s.Person.TeamID == nil {
			continue
		}
		id := *s.Person.TeamID
		if byTeam[id] == nil {
			byTeam[id] = map[throughline.PlanStatus]int{}
		}
		byTeam[id][s.Plan.Status]++
	}
	for id, counts := range byTeam {
		st := throughline.TeamPlanStatus{Team: in.teams[id], Counts: counts}
		d.StatusByTeam = append(d.StatusByTeam, st)
	}
	slices.SortFunc(d.StatusByTeam, func(a, b throughline.TeamPlanStatus) int {
		return strings.Compare(a.Team.Name, b.Team.Name)
	})
}

// slowWarnings counts each code once per plan, however many goals raise
// it.
func slowWarnings(d *throughline.Dashboard, s *throughline.PlanSnapshot, today time.Time,
	r throughline.Rhythm,
) {
	seen := map[throughline.WarningCode]bool{}
	for _, w := range throughline.Warnings(s, today, r) {
		if !seen[w.Code] {
			seen[w.Code] = true
			d.Warnings[w.Code]++
		}
	}
}

func slowCadence(d *throughline.Dashboard, s *throughline.PlanSnapshot, today time.Time,
	r throughline.Rhythm,
) {
	if s.Plan.Status == throughline.StatusCompleted {
		return
	}
	c := &d.Cadence
	c.ActivePlans++
	if !today.After(s.NextCheckInDue(r)) {
		c.CheckInsOnTime++
	}
	if due, held := s.QuarterlyReviewDue(r); today.After(due) {
		c.ReviewsDue++
		if held {
			c.ReviewsHeld++
		}
	}
}

func slowMilestones(d *throughline.Dashboard, in *dashInputs, plan int64, today time.Time) {
	for _, g := range in.goals[plan] {
		if g.State == throughline.GoalDropped {
			continue
		}
		for _, a := range in.actions[g.ID] {
			if a.DueOn == nil {
				continue
			}
			due, done := throughline.Day(*a.DueOn), a.DoneOn != nil
			if !done && !due.Before(today) {
				continue
			}
			d.Milestones.Due++
			if done && !throughline.Day(*a.DoneOn).After(due) {
				d.Milestones.DoneOnTime++
			}
		}
	}
}

// dashLatestCheckIn picks the check-in held last, the later record breaking
// a tie, or nil.
func dashLatestCheckIn(cs []*throughline.CheckIn) *throughline.CheckIn {
	var latest *throughline.CheckIn
	for _, c := range cs {
		if latest == nil || c.HeldOn.After(latest.HeldOn) ||
			c.HeldOn.Equal(latest.HeldOn) && c.ID > latest.ID {
			latest = c
		}
	}
	return latest
}

// wantSameDashboard compares every figure of two dashboards.
func wantSameDashboard(t *testing.T, got, want *throughline.Dashboard) {
	t.Helper()
	gc, wc := got.Coverage, want.Coverage
	if gc.Total != wc.Total || gc.Covered != wc.Covered {
		t.Errorf("coverage %d of %d, want %d of %d", gc.Covered, gc.Total, wc.Covered, wc.Total)
	}
	if g, w := dashKRIDs(gc.Uncovered), dashKRIDs(wc.Uncovered); !slices.Equal(g, w) {
		t.Errorf("uncovered key results %v, want %v", g, w)
	}
	g, w := dashStatusRows(got.StatusByTeam), dashStatusRows(want.StatusByTeam)
	if !slices.Equal(g, w) {
		t.Errorf("status by team\n got %v\nwant %v", g, w)
	}
	if got.Milestones != want.Milestones {
		t.Errorf("milestones %+v, want %+v", got.Milestones, want.Milestones)
	}
	for c := range got.Observed {
		if !c.Valid() {
			t.Errorf("observed %q, which is no change", c)
		}
	}
	for _, c := range throughline.ObservedChangeScale {
		if got.Observed[c] != want.Observed[c] {
			t.Errorf("observed %s: %d plans, want %d", c, got.Observed[c], want.Observed[c])
		}
	}
	if got.Cadence != want.Cadence {
		t.Errorf("cadence %+v, want %+v", got.Cadence, want.Cadence)
	}
	for _, code := range throughline.WarningCodes {
		if got.Warnings[code] != want.Warnings[code] {
			t.Errorf("%s: %d plans, want %d", code, got.Warnings[code], want.Warnings[code])
		}
	}
}

func dashKRIDs(krs []*throughline.KeyResult) []int64 {
	ids := make([]int64, len(krs))
	for i, k := range krs {
		ids[i] = k.ID
	}
	return ids
}

// dashStatusRows renders status counts as comparable strings, in order.
func dashStatusRows(rows []throughline.TeamPlanStatus) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		var b strings.Builder
		b.WriteString(r.Team.Name)
		for _, s := range []throughline.PlanStatus{
			throughline.StatusOnTrack, throughline.StatusBlocked,
			throughline.StatusCompleted, throughline.StatusNeedsReset,
		} {
			b.WriteString(" " + string(s) + "=" + strconv.Itoa(r.Counts[s]))
		}
		out[i] = b.String()
	}
	return out
}
