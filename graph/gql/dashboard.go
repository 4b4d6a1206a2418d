package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
)

// dashboard computes HR's dashboard for a cycle, the current quarter's
// when none is named, or answers null when there is no such cycle. Only HR
// reads it: it counts every plan of the organisation.
func (r *Resolver) dashboard(ctx context.Context,
	cycleName, teamID *string,
) (*model.Dashboard, error) {
	if err := require(ctx, "read the dashboard", isHR); err != nil {
		return nil, err
	}
	team, err := r.dashboardTeam(ctx, teamID)
	if err != nil {
		return nil, err
	}
	c, err := r.cycleOrCurrent(ctx, cycleName)
	if err != nil || c == nil {
		return nil, err
	}
	f := throughline.DashboardFilter{CycleID: c.ID, Today: r.today()}
	if team != nil {
		f.TeamID = &team.ID
	}
	d, err := r.Dashboards.Dashboard(ctx, f)
	if err != nil {
		return nil, err
	}
	return dashboardModel(c, team, d), nil
}

func isHR(a *throughline.Actor) bool { return a.Has(throughline.RoleHR) }

// dashboardTeam finds the team that narrows the dashboard, nil for none.
// An unknown team is an error on teamId rather than null: figures for the
// whole organisation under a mistyped team would mislead.
func (r *Resolver) dashboardTeam(ctx context.Context, gid *string) (*throughline.Team, error) {
	id, err := decodeOptionalID("teamId", throughline.KindTeam, gid)
	if err != nil || id == nil {
		return nil, err
	}
	t, err := r.Org.FindTeamByID(ctx, *id)
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return nil, throughline.FieldErrorf(throughline.ENOTFOUND, "teamId",
			"no team with ID %q", *gid)
	}
	return t, err
}

func dashboardModel(c *throughline.Cycle, t *throughline.Team,
	d *throughline.Dashboard,
) *model.Dashboard {
	return &model.Dashboard{
		Cycle:               c,
		Team:                t,
		CriticalCoverage:    coverageModel(d.Coverage),
		PlanStatusByTeam:    statusModel(d.StatusByTeam),
		MilestoneAttainment: milestoneModel(d.Milestones),
		ObservedChange:      observedModel(d.Observed),
		Cadence:             cadenceModel(d.Cadence),
		WarningCounts:       warningCountModel(d.Warnings),
	}
}

func coverageModel(c throughline.CriticalCoverage) *model.CriticalCoverage {
	return &model.CriticalCoverage{
		Total: int32(c.Total), Covered: int32(c.Covered), Share: c.Share(),
		UncoveredKeyResults: c.Uncovered,
	}
}

func statusModel(teams []throughline.TeamPlanStatus) []*model.TeamPlanStatus {
	out := make([]*model.TeamPlanStatus, len(teams))
	for i, t := range teams {
		out[i] = &model.TeamPlanStatus{
			Team:       t.Team,
			OnTrack:    int32(t.Counts[throughline.StatusOnTrack]),
			Blocked:    int32(t.Counts[throughline.StatusBlocked]),
			Completed:  int32(t.Counts[throughline.StatusCompleted]),
			NeedsReset: int32(t.Counts[throughline.StatusNeedsReset]),
		}
	}
	return out
}

func milestoneModel(m throughline.MilestoneAttainment) *model.MilestoneAttainment {
	return &model.MilestoneAttainment{
		Due: int32(m.Due), DoneOnTime: int32(m.DoneOnTime), Share: m.Share(),
	}
}

// observedModel lists every change, from worse to better, with the ones
// nobody observed at zero, so that the distribution reads the same way
// every time.
func observedModel(o throughline.ObservedChanges) *model.ObservedChangeSummary {
	dist := make([]*model.ObservedChangeCount, len(throughline.ObservedChangeScale))
	for i, c := range throughline.ObservedChangeScale {
		dist[i] = &model.ObservedChangeCount{Change: c, Count: int32(o[c])}
	}
	s := &model.ObservedChangeSummary{Distribution: dist}
	if mean, ok := o.Mean(); ok {
		s.Mean = &mean
	}
	return s
}

func cadenceModel(c throughline.CadenceCompliance) *model.CadenceCompliance {
	return &model.CadenceCompliance{
		ActivePlans:    int32(c.ActivePlans),
		CheckInsOnTime: int32(c.CheckInsOnTime),
		CheckInShare:   c.CheckInShare(),
		ReviewsDue:     int32(c.ReviewsDue),
		ReviewsHeld:    int32(c.ReviewsHeld),
		ReviewShare:    c.ReviewShare(),
	}
}

// warningCountModel lists every rule, those no plan breaks at zero.
func warningCountModel(counts map[throughline.WarningCode]int) []*model.WarningCount {
	out := make([]*model.WarningCount, len(throughline.WarningCodes))
	for i, code := range throughline.WarningCodes {
		out[i] = &model.WarningCount{Code: code, Plans: int32(counts[code])}
	}
	return out
}

// uncovered pages the critical key results nobody builds capability for.
// TODO: the dashboard's store reads every uncovered key result of the
// scope and the page is cut here; reading only the page would take a
// page request in DashboardService and a LIMIT in its coverage query.
func uncovered(all []*throughline.KeyResult, first *int32,
	after *string,
) (*model.KeyResultConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p := pageInMemory(all, func(k *throughline.KeyResult) int64 { return k.ID }, page)
	return keyResultConnection(p, page), nil
}
