package gql

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/loaders"
)

// Read-ahead for the fields whose resolvers take several steps.

// prefetchOwners reads what the guard reads to find whose plan content an
// object is: the plan of goals and check-ins, the goal and plan of
// actions.
func prefetchOwners(ctx context.Context, name string, objs []any) error {
	l := loaders.For(ctx)
	switch name {
	case "DevelopmentGoal":
		return l.Plan.Prefetch(ctx, keys(each[throughline.DevelopmentGoal](objs),
			func(g *throughline.DevelopmentGoal) (int64, bool) { return g.PlanID, true }))
	case "CheckIn":
		return l.Plan.Prefetch(ctx, keys(each[throughline.CheckIn](objs),
			func(c *throughline.CheckIn) (int64, bool) { return c.PlanID, true }))
	case "DevelopmentAction":
		goals, err := fetched(ctx, l.Goal, keys(each[throughline.DevelopmentAction](objs),
			func(a *throughline.DevelopmentAction) (int64, bool) { return a.GoalID, true }))
		if err != nil {
			return err
		}
		return prefetchOwners(ctx, "DevelopmentGoal", goals)
	}
	return nil
}

// prefetchAlignedTo reads the alignments of the objectives, then the key
// results and objectives they point to.
func prefetchAlignedTo(ctx context.Context, _ *Resolver, _ graphql.CollectedField,
	objs []any,
) ([]any, error) {
	l := loaders.For(ctx)
	links, err := fetchedLists(ctx, l.Alignments,
		keys(each[throughline.Objective](objs), objectiveID))
	if err != nil {
		return nil, err
	}
	aligned := each[throughline.Alignment](links)
	krs, err := fetched(ctx, l.KeyResult, keys(aligned,
		func(a *throughline.Alignment) (int64, bool) { return some(a.ParentKeyResultID) }))
	if err != nil {
		return nil, err
	}
	parents, err := fetched(ctx, l.Objective, keys(aligned,
		func(a *throughline.Alignment) (int64, bool) { return some(a.ParentObjectiveID) }))
	return append(krs, parents...), err
}

// prefetchPersonPlans reads the people's plans in the cycle the field
// names, or the current one.
func prefetchPersonPlans(ctx context.Context, r *Resolver, f graphql.CollectedField,
	objs []any,
) ([]any, error) {
	cycle, err := r.prefetchCycle(ctx, cycleArgument(ctx, f))
	if err != nil || cycle == nil {
		return nil, err
	}
	return fetched(ctx, loaders.For(ctx).PlanFor, keys(each[throughline.Person](objs),
		func(p *throughline.Person) (throughline.PlanKey, bool) {
			return throughline.PlanKey{PersonID: p.ID, CycleID: cycle.ID}, true
		}))
}

// cycleArgument is the cycle a field's `cycle` argument names, or nil.
func cycleArgument(ctx context.Context, f graphql.CollectedField) *string {
	args := f.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
	if name, ok := args["cycle"].(string); ok {
		return &name
	}
	return nil
}

// prefetchCycle reads, at once, the cycle cycleOrCurrent will find.
func (r *Resolver) prefetchCycle(ctx context.Context, name *string) (*throughline.Cycle, error) {
	n := throughline.QuarterOf(r.today())
	if name != nil {
		n = *name
	}
	l := loaders.For(ctx).CycleByName
	if err := l.Prefetch(ctx, []string{n}); err != nil {
		return nil, err
	}
	return orNotFound(loaders.Load(ctx, l, n, "cycle"))
}

// goalsInLaneOf reads the plans' goals and keeps those of one lane.
func goalsInLaneOf(lane throughline.Lane) prefetcher {
	return func(ctx context.Context, _ *Resolver, _ graphql.CollectedField, objs []any) ([]any, error) {
		goals, err := fetchedLists(ctx, loaders.For(ctx).Goals,
			keys(each[throughline.DevelopmentPlan](objs), planID))
		var out []any
		for _, g := range each[throughline.DevelopmentGoal](goals) {
			if g.Lane == lane {
				out = append(out, g)
			}
		}
		return out, err
	}
}

// prefetchSnapshots reads what the plan rules read of the plans, and the
// rhythm.
func prefetchSnapshots(ctx context.Context, _ *Resolver, _ graphql.CollectedField,
	objs []any,
) ([]any, error) {
	return nil, snapshotsOf(ctx, keys(each[throughline.DevelopmentPlan](objs), planID))
}

func snapshotsOf(ctx context.Context, planIDs []int64) error {
	l := loaders.For(ctx)
	if err := l.Snapshot.Prefetch(ctx, planIDs); err != nil {
		return err
	}
	_, err := l.Rhythm.Load(ctx)
	return err
}

// prefetchRequirements reads the requirements of the goals' key results.
func prefetchRequirements(ctx context.Context, _ *Resolver, _ graphql.CollectedField,
	objs []any,
) ([]any, error) {
	_, err := fetchedLists(ctx, loaders.For(ctx).Requirements,
		keys(each[throughline.DevelopmentGoal](objs),
			func(g *throughline.DevelopmentGoal) (int64, bool) { return some(g.KeyResultID) }))
	return nil, err
}

// prefetchGaps reads what goalGap reads: the requirement, the plan and
// the person's latest assessment in the goal's capability.
func prefetchGaps(ctx context.Context, r *Resolver, f graphql.CollectedField,
	objs []any,
) ([]any, error) {
	if _, err := prefetchRequirements(ctx, r, f, objs); err != nil {
		return nil, err
	}
	return nil, latestAssessmentsOf(ctx, each[throughline.DevelopmentGoal](objs))
}

// latestAssessmentsOf reads the goals' plans, then each person's latest
// assessment in each goal's capability.
func latestAssessmentsOf(ctx context.Context, goals []*throughline.DevelopmentGoal) error {
	l := loaders.For(ctx)
	if _, err := fetched(ctx, l.Plan, keys(goals,
		func(g *throughline.DevelopmentGoal) (int64, bool) { return g.PlanID, true })); err != nil {
		return err
	}
	pairs := keys(goals, func(g *throughline.DevelopmentGoal) ([2]int64, bool) {
		p, err := l.Plan.Load(ctx, g.PlanID)
		if err != nil || p == nil || g.CapabilityID == nil {
			return [2]int64{}, false
		}
		return [2]int64{p.PersonID, *g.CapabilityID}, true
	})
	return l.LatestAssessment.Prefetch(ctx, pairs)
}

// prefetchPackContents reads what packContents reads, for every draft
// pack of the level; a pack frozen at its move holds its contents.
func prefetchPackContents(ctx context.Context, r *Resolver, _ graphql.CollectedField,
	objs []any,
) ([]any, error) {
	var people []int64
	for _, p := range each[throughline.HandoverPack](objs) {
		if p.Snapshot == nil {
			people = append(people, p.PersonID)
		}
	}
	cycle, err := r.prefetchCycle(ctx, nil)
	if err != nil || cycle == nil || len(people) == 0 {
		return nil, err
	}
	if err := prefetchDeliverables(ctx, people, cycle.ID); err != nil {
		return nil, err
	}
	planKeys := make([]throughline.PlanKey, len(people))
	for i, p := range people {
		planKeys[i] = throughline.PlanKey{PersonID: p, CycleID: cycle.ID}
	}
	plans, err := fetched(ctx, loaders.For(ctx).PlanFor, planKeys)
	if err != nil {
		return nil, err
	}
	return nil, prefetchPlanContents(ctx, each[throughline.DevelopmentPlan](plans))
}

// prefetchDeliverables reads the key results the people own in the cycle
// and their objectives.
func prefetchDeliverables(ctx context.Context, people []int64, cycleID int64) error {
	l := loaders.For(ctx)
	owners := make([][2]int64, len(people))
	for i, p := range people {
		owners[i] = [2]int64{p, cycleID}
	}
	krs, err := fetchedLists(ctx, l.OwnedKeyResults, owners)
	if err != nil {
		return err
	}
	_, err = fetched(ctx, l.Objective, keys(each[throughline.KeyResult](krs),
		func(k *throughline.KeyResult) (int64, bool) { return k.ObjectiveID, true }))
	return err
}

// prefetchPlanContents reads the plans' goals with their capabilities,
// key results, gaps, actions and supporters, their latest check-ins and
// what the plan rules read.
func prefetchPlanContents(ctx context.Context, plans []*throughline.DevelopmentPlan) error {
	l := loaders.For(ctx)
	ids := keys(plans, planID)
	for _, p := range plans {
		l.Plan.Prime(p.ID, p)
	}
	goals, err := fetchedLists(ctx, l.Goals, ids)
	if err != nil {
		return err
	}
	steps := []func() error{
		func() error { return prefetchGoalLinks(ctx, each[throughline.DevelopmentGoal](goals)) },
		func() error { return l.LatestCheckIns.Prefetch(ctx, ids) },
		func() error { return snapshotsOf(ctx, ids) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// prefetchGoalLinks reads the goals' capabilities, key results,
// requirements, gaps, actions and supporters.
func prefetchGoalLinks(ctx context.Context, goals []*throughline.DevelopmentGoal) error {
	all, none := anyOf(goals), graphql.CollectedField{}
	for _, p := range []prefetcher{goalCapabilities, goalKeyResultRefs, prefetchRequirements} {
		if _, err := p(ctx, nil, none, all); err != nil {
			return err
		}
	}
	actions, err := goalActions(ctx, nil, none, all)
	if err != nil {
		return err
	}
	if _, err := actionSupporters(ctx, nil, none, actions); err != nil {
		return err
	}
	return latestAssessmentsOf(ctx, goals)
}
