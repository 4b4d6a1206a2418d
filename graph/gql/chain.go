package gql

import (
	"context"
	"sort"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
	"throughline.dev/graph/loaders"
)

// latestCheckIns is how many check-ins a chain shows under each goal.
const latestCheckIns = 3

// chainSource walks the cascade through the request's loaders, so the
// paths of every goal in a chain share their lookups.
type chainSource struct{ l *loaders.Loaders }

// chainSource implements throughline.ChainSource.
var _ throughline.ChainSource = chainSource{}

func (s chainSource) KeyResult(ctx context.Context, id int64) (*throughline.KeyResult, error) {
	return loaders.Load(ctx, s.l.KeyResult, id, "key result")
}

func (s chainSource) Objective(ctx context.Context, id int64) (*throughline.Objective, error) {
	return loaders.Load(ctx, s.l.Objective, id, "objective")
}

func (s chainSource) Alignments(ctx context.Context,
	objectiveID int64,
) ([]*throughline.Alignment, error) {
	return s.l.Alignments.Load(ctx, objectiveID)
}

// personChain builds the chain of a person in a cycle: nil when the person
// or the cycle does not exist, no goals when the person has no plan.
func (r *Resolver) personChain(ctx context.Context, personID string,
	cycle *string,
) (*model.PersonChain, error) {
	id, err := decodeID("personId", kindPerson, personID)
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
	if chain.Plan, err = orNotFound(r.Plans.FindPlanFor(ctx, person.ID, c.ID)); err != nil {
		return nil, err
	}
	if chain.Plan != nil {
		chain.Goals, err = r.goalChains(ctx, chain.Plan)
	}
	return chain, err
}

// goalChains builds one chain per goal of a plan, execution goals first.
func (r *Resolver) goalChains(ctx context.Context,
	plan *throughline.DevelopmentPlan,
) ([]*model.GoalChain, error) {
	goals, err := loaders.For(ctx).Goals.Load(ctx, plan.ID)
	if err != nil {
		return nil, err
	}
	goals = executionFirst(goals)
	latest := throughline.PageRequest{First: latestCheckIns}
	checkIns, err := r.Plans.FindCheckIns(ctx, plan.ID, latest)
	if err != nil {
		return nil, err
	}
	out := make([]*model.GoalChain, 0, len(goals))
	for _, g := range goals {
		gc, err := goalChain(ctx, g)
		if err != nil {
			return nil, err
		}
		gc.LatestCheckIns = nonNil(checkIns.Items)
		out = append(out, gc)
	}
	return out, nil
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

func goalChain(ctx context.Context, g *throughline.DevelopmentGoal) (*model.GoalChain, error) {
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
	paths, err := throughline.PathsUp(ctx, chainSource{loaders.For(ctx)}, *g.KeyResultID)
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
