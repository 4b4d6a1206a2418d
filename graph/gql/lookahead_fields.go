package gql

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// prefetchers read ahead for the fields, by "Type.field", whose resolvers
// go through the request's loaders. Each fetches what the field's
// resolver will load, for every object of the level, and returns what the
// field resolves to.
var prefetchers = map[string]prefetcher{
	"Objective.owner": ref(people, func(o *throughline.Objective) (int64, bool) {
		return some(o.OwnerID)
	}),
	"Objective.team": ref(teams, func(o *throughline.Objective) (int64, bool) {
		return some(o.TeamID)
	}),
	"Objective.cycle": ref(cycles, func(o *throughline.Objective) (int64, bool) {
		return o.CycleID, true
	}),
	"Objective.keyResults": list(keyResultsOf, objectiveID),
	"Objective.progress":   list(keyResultsOf, objectiveID),
	"Objective.alignedObjectives": pages(alignedToObjective, parentID(objectiveID),
		objectiveConnection),
	"Objective.alignedTo": prefetchAlignedTo,

	"KeyResult.owner": ref(people, func(k *throughline.KeyResult) (int64, bool) {
		return some(k.OwnerID)
	}),
	"KeyResult.objective": ref(objectives, func(k *throughline.KeyResult) (int64, bool) {
		return k.ObjectiveID, true
	}),
	"KeyResult.alignedObjectives": pages(alignedToKeyResult, parentID(keyResultID),
		objectiveConnection),
	"KeyResult.requirements":       list(requirementsOf, keyResultID),
	"KeyResult.capabilityCoverage": prefetchCoverage,

	"Capability.requiredBy": pages(requiredBy, parentID(capabilityID), requirementConnection),

	"CapabilityCoverage.requirement": held(func(c *model.CapabilityCoverage) []any {
		return []any{c.Requirement}
	}),
	"CapabilityCoverage.goals": pages(coveringGoalsOf, coverageKey, goalConnection),

	"Person.manager": ref(people, func(p *throughline.Person) (int64, bool) { return some(p.ManagerID) }),
	"Person.team":    ref(teams, func(p *throughline.Person) (int64, bool) { return some(p.TeamID) }),
	"Person.plan":    prefetchPersonPlans,

	"DevelopmentPlan.person": ref(people, func(p *throughline.DevelopmentPlan) (int64, bool) {
		return p.PersonID, true
	}),
	"DevelopmentPlan.cycle": ref(cycles, func(p *throughline.DevelopmentPlan) (int64, bool) {
		return p.CycleID, true
	}),
	"DevelopmentPlan.executionGoals":         goalsInLaneOf(throughline.LaneExecution),
	"DevelopmentPlan.careerGoals":            goalsInLaneOf(throughline.LaneCareer),
	"DevelopmentPlan.warnings":               prefetchSnapshots,
	"DevelopmentPlan.nextCheckInDue":         prefetchSnapshots,
	"DevelopmentPlan.quarterlyReviewDue":     prefetchSnapshots,
	"DevelopmentPlan.quarterlyReviewHeld":    prefetchSnapshots,
	"DevelopmentPlan.checkInOverdue":         prefetchSnapshots,
	"DevelopmentPlan.quarterlyReviewOverdue": prefetchSnapshots,

	"DevelopmentGoal.plan": ref(plans, func(g *throughline.DevelopmentGoal) (int64, bool) {
		return g.PlanID, true
	}),
	"DevelopmentGoal.keyResult":   goalKeyResultRefs,
	"DevelopmentGoal.capability":  goalCapabilities,
	"DevelopmentGoal.requirement": prefetchRequirements,
	"DevelopmentGoal.gap":         prefetchGaps,
	"DevelopmentGoal.actions":     goalActions,

	"DevelopmentAction.supporter": actionSupporters,
	"DevelopmentAction.goal": ref(goals, func(a *throughline.DevelopmentAction) (int64, bool) {
		return a.GoalID, true
	}),

	"CheckIn.author": ref(people, func(c *throughline.CheckIn) (int64, bool) { return some(c.AuthorID) }),
	"CheckIn.plan":   ref(plans, func(c *throughline.CheckIn) (int64, bool) { return c.PlanID, true }),

	"CapabilityRequirement.capability": ref(capabilities,
		func(r *throughline.CapabilityRequirement) (int64, bool) { return r.CapabilityID, true }),
	"CapabilityRequirement.keyResult": ref(keyResults,
		func(r *throughline.CapabilityRequirement) (int64, bool) { return r.KeyResultID, true }),

	"HandoverPack.person": ref(people, func(p *throughline.HandoverPack) (int64, bool) {
		return p.PersonID, true
	}),
	"HandoverPack.fromManager": ref(people, func(p *throughline.HandoverPack) (int64, bool) {
		return some(p.FromManagerID)
	}),
	"HandoverPack.acknowledgedBy": ref(people, func(p *throughline.HandoverPack) (int64, bool) {
		return some(p.AcknowledgedByID)
	}),
	"HandoverPack.contents": prefetchPackContents,

	"ObjectiveConnection.nodes": held(func(c *model.ObjectiveConnection) []any {
		return anyOf(c.Nodes)
	}),
	"ObjectiveConnection.edges": held(func(c *model.ObjectiveConnection) []any {
		return anyOf(c.Edges)
	}),
	"ObjectiveEdge.node": held(func(e *model.ObjectiveEdge) []any { return []any{e.Node} }),
	"KeyResultConnection.nodes": held(func(c *model.KeyResultConnection) []any {
		return anyOf(c.Nodes)
	}),
	"KeyResultConnection.edges": held(func(c *model.KeyResultConnection) []any {
		return anyOf(c.Edges)
	}),
	"KeyResultEdge.node":     held(func(e *model.KeyResultEdge) []any { return []any{e.Node} }),
	"PersonConnection.nodes": held(func(c *model.PersonConnection) []any { return anyOf(c.Nodes) }),
	"PersonConnection.edges": held(func(c *model.PersonConnection) []any { return anyOf(c.Edges) }),
	"PersonEdge.node":        held(func(e *model.PersonEdge) []any { return []any{e.Node} }),
	"DevelopmentPlanConnection.nodes": held(func(c *model.DevelopmentPlanConnection) []any {
		return anyOf(c.Nodes)
	}),
	"DevelopmentPlanConnection.edges": held(func(c *model.DevelopmentPlanConnection) []any {
		return anyOf(c.Edges)
	}),
	"DevelopmentPlanEdge.node": held(func(e *model.DevelopmentPlanEdge) []any {
		return []any{e.Node}
	}),
	"CapabilityConnection.nodes": held(func(c *model.CapabilityConnection) []any {
		return anyOf(c.Nodes)
	}),
	"CapabilityConnection.edges": held(func(c *model.CapabilityConnection) []any {
		return anyOf(c.Edges)
	}),
	"CapabilityEdge.node": held(func(e *model.CapabilityEdge) []any { return []any{e.Node} }),
	"CapabilityRequirementConnection.nodes": held(func(c *model.CapabilityRequirementConnection) []any {
		return anyOf(c.Nodes)
	}),
	"CapabilityRequirementConnection.edges": held(func(c *model.CapabilityRequirementConnection) []any {
		return anyOf(c.Edges)
	}),
	"CapabilityRequirementEdge.node": held(func(e *model.CapabilityRequirementEdge) []any {
		return []any{e.Node}
	}),
	"DevelopmentGoalConnection.nodes": held(func(c *model.DevelopmentGoalConnection) []any {
		return anyOf(c.Nodes)
	}),
	"DevelopmentGoalConnection.edges": held(func(c *model.DevelopmentGoalConnection) []any {
		return anyOf(c.Edges)
	}),
	"DevelopmentGoalEdge.node": held(func(e *model.DevelopmentGoalEdge) []any {
		return []any{e.Node}
	}),
	"DueCheckInConnection.nodes": held(func(c *model.DueCheckInConnection) []any {
		return anyOf(c.Nodes)
	}),
	"DueCheckInConnection.edges": held(func(c *model.DueCheckInConnection) []any {
		return anyOf(c.Edges)
	}),
	"DueCheckInEdge.node": held(func(e *model.DueCheckInEdge) []any { return []any{e.Node} }),
	"DueCheckIn.person":   held(func(d *model.DueCheckIn) []any { return []any{d.Person} }),
	"DueCheckIn.plan":     held(func(d *model.DueCheckIn) []any { return []any{d.Plan} }),

	"PersonChain.plan":           held(func(c *model.PersonChain) []any { return []any{c.Plan} }),
	"PersonChain.goals":          held(func(c *model.PersonChain) []any { return anyOf(c.Goals) }),
	"GoalChain.goal":             held(func(g *model.GoalChain) []any { return []any{g.Goal} }),
	"GoalChain.requirement":      held(func(g *model.GoalChain) []any { return []any{g.Requirement} }),
	"GoalChain.actions":          held(func(g *model.GoalChain) []any { return anyOf(g.Actions) }),
	"GoalChain.pathsUp":          held(func(g *model.GoalChain) []any { return anyOf(g.PathsUp) }),
	"GoalChain.latestCheckIns":   held(func(g *model.GoalChain) []any { return anyOf(g.LatestCheckIns) }),
	"StrategyPath.steps":         held(func(p *model.StrategyPath) []any { return anyOf(p.Steps) }),
	"Dashboard.criticalCoverage": held(func(d *model.Dashboard) []any { return []any{d.CriticalCoverage} }),
}

// The read-ahead of a goal's links, which a handover pack reads too.
var (
	goalKeyResultRefs = ref(keyResults, func(g *throughline.DevelopmentGoal) (int64, bool) {
		return some(g.KeyResultID)
	})
	goalCapabilities = ref(capabilities, func(g *throughline.DevelopmentGoal) (int64, bool) {
		return some(g.CapabilityID)
	})
	goalActions      = list(actionsOf, goalID)
	actionSupporters = ref(people, func(a *throughline.DevelopmentAction) (int64, bool) {
		return some(a.SupporterID)
	})
)

// ref reads ahead a reference: the objects one loader finds by a key of
// each object of the level.
func ref[T, V any](loader func(*loaders.Loaders) *loaders.Loader[int64, *V],
	key func(*T) (int64, bool),
) prefetcher {
	return func(ctx context.Context, _ *Resolver, _ graphql.CollectedField, objs []any) ([]any, error) {
		return fetched(ctx, loader(loaders.For(ctx)), keys(each[T](objs), key))
	}
}

// list reads ahead a list: the lists one loader finds by a key of each
// object of the level, run together.
func list[T, V any](loader func(*loaders.Loaders) *loaders.Loader[int64, []*V],
	key func(*T) (int64, bool),
) prefetcher {
	return func(ctx context.Context, _ *Resolver, _ graphql.CollectedField, objs []any) ([]any, error) {
		return fetchedLists(ctx, loader(loaders.For(ctx)), keys(each[T](objs), key))
	}
}

// held reads ahead objects that a value already holds: nothing to fetch.
func held[T any](children func(*T) []any) prefetcher {
	return func(_ context.Context, _ *Resolver, _ graphql.CollectedField, objs []any) ([]any, error) {
		var out []any
		for _, o := range each[T](objs) {
			out = append(out, objectsOf(children(o))...)
		}
		return out, nil
	}
}

// fetched prefetches keys through a by-key loader and returns the objects
// found; keys with no object are left for their resolver to report.
func fetched[K comparable, V any](ctx context.Context, l *loaders.Loader[K, *V],
	ks []K,
) ([]any, error) {
	if err := l.Prefetch(ctx, ks); err != nil {
		return nil, err
	}
	out := make([]any, 0, len(ks))
	for _, k := range ks {
		if v, err := l.Load(ctx, k); err == nil && v != nil {
			out = append(out, v)
		}
	}
	return out, nil
}

// fetchedLists prefetches keys through a loader of lists and returns
// every item of every list.
func fetchedLists[K comparable, V any](ctx context.Context, l *loaders.Loader[K, []*V],
	ks []K,
) ([]any, error) {
	if err := l.Prefetch(ctx, ks); err != nil {
		return nil, err
	}
	var out []any
	for _, k := range ks {
		items, _ := l.Load(ctx, k)
		out = append(out, anyOf(items)...)
	}
	return out, nil
}

// The request's loaders that reading ahead fills.

func people(l *loaders.Loaders) *loaders.Loader[int64, *throughline.Person] { return l.Person }
func teams(l *loaders.Loaders) *loaders.Loader[int64, *throughline.Team]    { return l.Team }
func cycles(l *loaders.Loaders) *loaders.Loader[int64, *throughline.Cycle]  { return l.Cycle }
func objectives(l *loaders.Loaders) *loaders.Loader[int64, *throughline.Objective] {
	return l.Objective
}
func keyResults(l *loaders.Loaders) *loaders.Loader[int64, *throughline.KeyResult] {
	return l.KeyResult
}
func capabilities(l *loaders.Loaders) *loaders.Loader[int64, *throughline.Capability] {
	return l.Capability
}
func plans(l *loaders.Loaders) *loaders.Loader[int64, *throughline.DevelopmentPlan] { return l.Plan }
func goals(l *loaders.Loaders) *loaders.Loader[int64, *throughline.DevelopmentGoal] { return l.Goal }

func keyResultsOf(l *loaders.Loaders) *loaders.Loader[int64, []*throughline.KeyResult] {
	return l.KeyResults
}

func alignedToObjective(l *loaders.Loaders) *loaders.Loader[loaders.PageKey[int64],
	*throughline.Page[*throughline.Objective]] {
	return l.AlignedToObjective
}

func alignedToKeyResult(l *loaders.Loaders) *loaders.Loader[loaders.PageKey[int64],
	*throughline.Page[*throughline.Objective]] {
	return l.AlignedToKeyResult
}

func requiredBy(l *loaders.Loaders) *loaders.Loader[loaders.PageKey[int64],
	*throughline.Page[*throughline.CapabilityRequirement]] {
	return l.RequiredBy
}

func coveringGoalsOf(l *loaders.Loaders) *loaders.Loader[loaders.PageKey[loaders.Coverage],
	*throughline.Page[*throughline.DevelopmentGoal]] {
	return l.CoveringGoals
}

func requirementsOf(l *loaders.Loaders) *loaders.Loader[int64, []*throughline.CapabilityRequirement] {
	return l.Requirements
}

func actionsOf(l *loaders.Loaders) *loaders.Loader[int64, []*throughline.DevelopmentAction] {
	return l.Actions
}

func objectiveID(o *throughline.Objective) (int64, bool)   { return o.ID, true }
func capabilityID(c *throughline.Capability) (int64, bool) { return c.ID, true }
func keyResultID(k *throughline.KeyResult) (int64, bool)   { return k.ID, true }
func goalID(g *throughline.DevelopmentGoal) (int64, bool)  { return g.ID, true }
func planID(p *throughline.DevelopmentPlan) (int64, bool)  { return p.ID, true }
