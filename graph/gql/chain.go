package gql

import (
	"context"
	"errors"
	"sort"
	"sync"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
	"throughline.dev/graph/loaders"
)

// latestCheckIns is how many check-ins a chain shows under each goal.
const latestCheckIns = 3

// personChain builds the chain of a person in a cycle: nil when the person
// or the cycle does not exist, no goals when the person has no plan.
func (r *Resolver) personChain(ctx context.Context, personID string,
	cycle *string,
) (*model.PersonChain, error) {
	id, err := decodeID("personId", throughline.KindPerson, personID)
	if err != nil {
		return nil, err
	}
	person, err := orNotFound(loaders.Load(ctx, loaders.For(ctx).Person, id, "person"))
	if err != nil || person == nil {
		return nil, err
	}
	c, err := r.cycleOrCurrent(ctx, cycle)
	if err != nil || c == nil {
		return nil, err
	}
	chain := &model.PersonChain{Person: person, Cycle: c, Goals: []*model.GoalChain{}}
	if chain.Plan, err = planFor(ctx, person.ID, c.ID); err != nil {
		return nil, err
	}
	if chain.Plan != nil {
		chain.Goals, err = r.goalChains(ctx, chain.Plan)
	}
	return chain, err
}

// goalChains builds one chain per goal of a plan, execution goals first.
// Everything above the goals is fetched at once, and the goals' own
// lookups run side by side so that the loaders batch them.
func (r *Resolver) goalChains(ctx context.Context,
	plan *throughline.DevelopmentPlan,
) ([]*model.GoalChain, error) {
	l := loaders.For(ctx)
	goals, err := l.Goals.Load(ctx, plan.ID)
	if err != nil {
		return nil, err
	}
	goals = executionFirst(notDropped(goals))
	up, err := r.OKRs.Ancestry(ctx, goalKeyResults(goals))
	if err != nil {
		return nil, err
	}
	primeAncestry(l, up)
	if err := prefetchGoalChains(ctx, goals); err != nil {
		return nil, err
	}
	checkIns, err := l.LatestCheckIns.Load(ctx, plan.ID)
	if err != nil {
		return nil, err
	}
	checkIns = checkIns[:min(len(checkIns), latestCheckIns)]
	out, err := parallel(goals, func(g *throughline.DevelopmentGoal) (*model.GoalChain, error) {
		return goalChain(ctx, g, up)
	})
	for _, gc := range out {
		gc.LatestCheckIns = nonNil(checkIns)
	}
	return out, err
}

// notDropped leaves out the goals the plan gave up: a chain shows the
// work that is building capability, or built it.
func notDropped(goals []*throughline.DevelopmentGoal) []*throughline.DevelopmentGoal {
	out := make([]*throughline.DevelopmentGoal, 0, len(goals))
	for _, g := range goals {
		if g.State != throughline.GoalDropped {
			out = append(out, g)
		}
	}
	return out
}

// prefetchGoalChains reads what each goal's chain loads, its actions and
// requirement, for all the goals at once: the chains are built side by
// side, and their loads would otherwise batch as they happen to run.
func prefetchGoalChains(ctx context.Context, goals []*throughline.DevelopmentGoal) error {
	l := loaders.For(ctx)
	if err := l.Actions.Prefetch(ctx, keys(goals, goalID)); err != nil {
		return err
	}
	return l.Requirements.Prefetch(ctx, goalKeyResults(goals))
}

// primeAncestry gives the loaders the key results and objectives the
// ancestry read, which the chain's steps show.
func primeAncestry(l *loaders.Loaders, up *throughline.Ancestry) {
	for id, k := range up.KeyResultByID {
		l.KeyResult.Prime(id, k)
	}
	for id, o := range up.ObjectiveByID {
		l.Objective.Prime(id, o)
	}
}

func goalKeyResults(goals []*throughline.DevelopmentGoal) []int64 {
	var ids []int64
	for _, g := range goals {
		if g.KeyResultID != nil {
			ids = append(ids, *g.KeyResultID)
		}
	}
	return ids
}

// parallel maps fn over items concurrently and keeps their order; the
// first error wins.
func parallel[T, R any](items []T, fn func(T) (R, error)) ([]R, error) {
	out := make([]R, len(items))
	errs := make([]error, len(items))
	var wg sync.WaitGroup
	for i, item := range items {
		wg.Go(func() { out[i], errs[i] = fn(item) })
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// executionFirst orders goals with the execution lane first, each lane
// oldest first.
func executionFirst(goals []*throughline.DevelopmentGoal) []*throughline.DevelopmentGoal {
	out := append([]*throughline.DevelopmentGoal(nil), goals...)
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Lane == throughline.LaneExecution && out[j].Lane != throughline.LaneExecution
	})
	return out
}

func goalChain(ctx context.Context, g *throughline.DevelopmentGoal,
	up *throughline.Ancestry,
) (*model.GoalChain, error) {
	gc := &model.GoalChain{Goal: g, PathsUp: []*model.StrategyPath{}}
	var err error
	if gc.Requirement, err = requirementFor(ctx, g); err != nil {
		return nil, err
	}
	if gc.Actions, err = loaders.For(ctx).Actions.Load(ctx, g.ID); err != nil {
		return nil, err
	}
	gc.Actions = nonNil(gc.Actions)
	if g.KeyResultID == nil {
		return gc, nil
	}
	paths, err := throughline.PathsUp(ctx, up, *g.KeyResultID)
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		gc.PathsUp = append(gc.PathsUp, strategyPath(p))
	}
	return gc, nil
}

// strategyPath turns a domain path into the schema's: its steps as the
// key results and objectives themselves, the members of StrategyNode.
func strategyPath(p throughline.StrategyPath) *model.StrategyPath {
	steps := make([]scalar.Node, 0, len(p))
	for _, s := range p {
		if s.KeyResult != nil {
			steps = append(steps, s.KeyResult)
		} else {
			steps = append(steps, s.Objective)
		}
	}
	top := p.Top()
	return &model.StrategyPath{
		Steps:                   steps,
		ReachesCompanyObjective: top != nil && top.Level == throughline.LevelCompany,
	}
}
