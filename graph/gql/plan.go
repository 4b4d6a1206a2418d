package gql

import (
	"context"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// snapshot builds what the plan rules read for one plan.
func (r *Resolver) snapshot(ctx context.Context, planID int64) (*throughline.PlanSnapshot, error) {
	return loaders.Load(ctx, loaders.For(ctx).Snapshot, planID, "development plan")
}

// planWarnings checks a plan against the plan rules as of today.
func (r *Resolver) planWarnings(ctx context.Context, planID int64) ([]*throughline.Warning, error) {
	s, rhythm, err := r.snapshotAndRhythm(ctx, planID)
	if err != nil {
		return nil, err
	}
	ws := throughline.Warnings(s, r.today(), rhythm)
	out := make([]*throughline.Warning, len(ws))
	for i := range ws {
		out[i] = &ws[i]
	}
	return out, nil
}

// goalsInLane returns a plan's goals of one lane, oldest first.
func goalsInLane(ctx context.Context, planID int64,
	lane throughline.Lane,
) ([]*throughline.DevelopmentGoal, error) {
	all, err := loaders.For(ctx).Goals.Load(ctx, planID)
	if err != nil {
		return nil, err
	}
	out := []*throughline.DevelopmentGoal{}
	for _, g := range all {
		if g.Lane == lane {
			out = append(out, g)
		}
	}
	return out, nil
}

// requirementFor returns the requirement of a goal's key result for the
// goal's capability, or nil when the goal names neither or the key
// result states no such requirement.
func requirementFor(ctx context.Context,
	g *throughline.DevelopmentGoal,
) (*throughline.CapabilityRequirement, error) {
	if g.KeyResultID == nil || g.CapabilityID == nil {
		return nil, nil
	}
	reqs, err := loaders.For(ctx).Requirements.Load(ctx, *g.KeyResultID)
	if err != nil {
		return nil, err
	}
	for _, req := range reqs {
		if req.CapabilityID == *g.CapabilityID {
			return req, nil
		}
	}
	return nil, nil
}

// goalGap measures a goal against the level needed: the key result's
// requirement, else the goal's own target. A goal with no capability, or
// with neither level, has no gap (nil).
func (r *Resolver) goalGap(ctx context.Context,
	g *throughline.DevelopmentGoal,
) (*model.CapabilityGap, error) {
	if g.CapabilityID == nil {
		return nil, nil
	}
	req, err := requirementFor(ctx, g)
	if err != nil {
		return nil, err
	}
	gap := &model.CapabilityGap{}
	switch {
	case req != nil:
		gap.Required = req.Level
	case g.TargetLevel != nil:
		gap.Required = *g.TargetLevel
	default:
		return nil, nil
	}
	if gap.Assessment, err = r.latestAssessment(ctx, g); err != nil {
		return nil, err
	}
	if gap.Assessment != nil {
		gap.Current = gap.Assessment.Level
	}
	gap.Gap = throughline.Gap(gap.Required, gap.Current)
	return gap, nil
}

// latestAssessment finds the newest assessment of the goal's person in
// the goal's capability, or nil when there is none.
func (r *Resolver) latestAssessment(ctx context.Context,
	g *throughline.DevelopmentGoal,
) (*throughline.Assessment, error) {
	plan, err := loaders.Load(ctx, loaders.For(ctx).Plan, g.PlanID, "development plan")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).LatestAssessment.Load(ctx, [2]int64{plan.PersonID, *g.CapabilityID})
}

// overdue reports whether an action is open and past its due date.
func overdue(a *throughline.DevelopmentAction, today time.Time) bool {
	return a.DoneOn == nil && a.DueOn != nil && a.DueOn.Before(today)
}

// checkInNote gives a check-in's note, or null when the note is private
// and the actor did not write it.
func checkInNote(ctx context.Context, c *throughline.CheckIn) *string {
	a, err := actorFrom(ctx)
	mine := err == nil && c.AuthorID != nil && a.PersonID == *c.AuthorID
	if c.NotePrivate && !mine {
		return nil
	}
	note := c.Note
	return &note
}

// emptyIsNull gives GraphQL null for an enum a row leaves empty.
func emptyIsNull[T ~string](v T) *T {
	if v == "" {
		return nil
	}
	return &v
}

func (r *Resolver) checkIns(ctx context.Context, planID int64,
	first *int32, after *string,
) (*model.CheckInConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Plans.FindCheckIns(ctx, planID, page)
	if err != nil {
		return nil, err
	}
	return &model.CheckInConnection{
		Edges: edges(p, func(c string, n *throughline.CheckIn) *model.CheckInEdge {
			return &model.CheckInEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

func (r *Resolver) findPlans(ctx context.Context, cycle *string,
	status *throughline.PlanStatus, teamID *string, first *int32, after *string,
) (*model.DevelopmentPlanConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f, ok, err := r.planFilter(ctx, cycle, status, teamID)
	if err != nil {
		return nil, err
	}
	if err := scopeToReader(ctx, &f); err != nil {
		return nil, err
	}
	p := &throughline.Page[*throughline.DevelopmentPlan]{}
	if ok {
		if p, err = r.Plans.FindPlans(ctx, f, page); err != nil {
			return nil, err
		}
	}
	return &model.DevelopmentPlanConnection{
		Edges: edges(p, func(c string, n *throughline.DevelopmentPlan) *model.DevelopmentPlanEdge {
			return &model.DevelopmentPlanEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

// planFilter reads the filters of developmentPlans. ok is false when the
// named cycle does not exist, so no plan can match.
func (r *Resolver) planFilter(ctx context.Context, cycle *string,
	status *throughline.PlanStatus, teamID *string,
) (f throughline.PlanFilter, ok bool, err error) {
	if f.TeamID, err = decodeOptionalID("teamId", throughline.KindTeam, teamID); err != nil {
		return f, false, err
	}
	if status != nil {
		f.Status = *status
	}
	if cycle == nil {
		return f, true, nil
	}
	c, err := orNotFound(r.Org.FindCycleByName(ctx, *cycle))
	if err != nil || c == nil {
		return f, false, err
	}
	f.CycleID = &c.ID
	return f, true, nil
}

// scopeToReader limits a list of plans to those the actor may read, in
// SQL, so that pages and counts hold only those.
func scopeToReader(ctx context.Context, f *throughline.PlanFilter) error {
	a, err := actorFrom(ctx)
	if err != nil || a.Has(throughline.RoleHR) {
		return err
	}
	f.ReadableBy, f.Reports = &a.PersonID, a.Has(throughline.RoleManager)
	return nil
}
