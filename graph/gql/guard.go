package gql

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
	"throughline.dev/graph/loaders"
)

// Guard holds every value a field resolves to against what the actor may
// read, whatever path reached it: node(id:), a nested field, a list or a
// connection. Plan content (plans, goals, actions, check-ins and
// assessments) is readable by HR, the person it belongs to, and managers
// above them; a value the actor may not read becomes null, and is dropped
// from lists. Lists the API can scope in SQL are scoped there too, so that
// page sizes and counts stay true; this is the net under them.
func (r *Resolver) Guard(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if err != nil || res == nil {
		return res, err
	}
	return guardValue(ctx, res)
}

func guardValue(ctx context.Context, v any) (any, error) {
	switch v := v.(type) {
	case *throughline.DevelopmentPlan:
		return keepIfVisible(ctx, v)
	case *throughline.DevelopmentGoal:
		return keepIfVisible(ctx, v)
	case *throughline.DevelopmentAction:
		return keepIfVisible(ctx, v)
	case *throughline.CheckIn:
		return keepIfVisible(ctx, v)
	case *throughline.Assessment:
		return keepIfVisible(ctx, v)
	case []*throughline.DevelopmentPlan:
		return visibleOnly(ctx, v)
	case []*throughline.DevelopmentGoal:
		return visibleOnly(ctx, v)
	case []*throughline.DevelopmentAction:
		return visibleOnly(ctx, v)
	case []*throughline.CheckIn:
		return visibleOnly(ctx, v)
	case []scalar.Node:
		return visibleNodes(ctx, v)
	}
	return guardContainer(ctx, v)
}

// visibleNodes nulls the entries of nodes(ids:) the actor may not read and
// keeps the others in place, as the list answers the IDs in order.
func visibleNodes(ctx context.Context, nodes []scalar.Node) ([]scalar.Node, error) {
	out := make([]scalar.Node, len(nodes))
	for i, n := range nodes {
		ok, err := readable(ctx, n)
		if err != nil {
			return nil, err
		}
		if ok {
			out[i] = n
		}
	}
	return out, nil
}

// readable reports whether the actor may read any value: plan content by
// the plan rule, everything else as far as this guard is concerned.
func readable(ctx context.Context, v any) (bool, error) {
	switch v.(type) {
	case *throughline.DevelopmentPlan, *throughline.DevelopmentGoal,
		*throughline.DevelopmentAction, *throughline.CheckIn, *throughline.Assessment:
		return canRead(ctx, v)
	}
	return true, nil
}

// guardContainer guards the API's own types that carry plan content.
func guardContainer(ctx context.Context, v any) (any, error) {
	switch v := v.(type) {
	case *model.DevelopmentPlanConnection:
		return v, guardPlans(ctx, v)
	case *model.CheckInConnection:
		return v, guardCheckIns(ctx, v)
	case *model.AssessmentConnection:
		return v, guardAssessments(ctx, v)
	case *model.DevelopmentGoalConnection:
		return v, guardGoals(ctx, v)
	case *model.PersonChain:
		return guardChain(ctx, v)
	}
	return v, nil
}

func guardPlans(ctx context.Context, c *model.DevelopmentPlanConnection) error {
	if c == nil {
		return nil
	}
	dropped, err := guardEdges(ctx, &c.Nodes, &c.Edges,
		func(e *model.DevelopmentPlanEdge) *throughline.DevelopmentPlan { return e.Node })
	if dropped {
		c.TotalCount, c.PageInfo = keptPage(c.Edges,
			func(e *model.DevelopmentPlanEdge) string { return e.Cursor })
	}
	return err
}

func guardCheckIns(ctx context.Context, c *model.CheckInConnection) error {
	if c == nil {
		return nil
	}
	dropped, err := guardEdges(ctx, &c.Nodes, &c.Edges,
		func(e *model.CheckInEdge) *throughline.CheckIn { return e.Node })
	if dropped {
		c.TotalCount, c.PageInfo = keptPage(c.Edges,
			func(e *model.CheckInEdge) string { return e.Cursor })
	}
	return err
}

// guardGoals is the net under the goals covering a key result, which the
// store already keeps to the plans the actor may read; a goal dropped
// here leaves the page to tell only of the goals kept.
func guardGoals(ctx context.Context, c *model.DevelopmentGoalConnection) error {
	if c == nil {
		return nil
	}
	dropped, err := guardEdges(ctx, &c.Nodes, &c.Edges,
		func(e *model.DevelopmentGoalEdge) *throughline.DevelopmentGoal { return e.Node })
	if dropped {
		c.TotalCount, c.PageInfo = keptPage(c.Edges,
			func(e *model.DevelopmentGoalEdge) string { return e.Cursor })
	}
	return err
}

func guardAssessments(ctx context.Context, c *model.AssessmentConnection) error {
	if c == nil {
		return nil
	}
	dropped, err := guardEdges(ctx, &c.Nodes, &c.Edges,
		func(e *model.AssessmentEdge) *throughline.Assessment { return e.Node })
	if dropped {
		c.TotalCount, c.PageInfo = keptPage(c.Edges,
			func(e *model.AssessmentEdge) string { return e.Cursor })
	}
	return err
}

// guardEdges drops what the actor may not read from a connection's nodes
// and edges alike, and reports whether it dropped anything.
func guardEdges[T, E any](ctx context.Context, nodes *[]T, edges *[]E,
	node func(E) T,
) (dropped bool, err error) {
	n := len(*nodes)
	if *nodes, err = visibleOnly(ctx, *nodes); err != nil {
		return false, err
	}
	kept := (*edges)[:0]
	for _, e := range *edges {
		ok, err := canRead(ctx, node(e))
		if err != nil {
			return false, err
		}
		if ok {
			kept = append(kept, e)
		}
	}
	*edges = kept
	return len(*nodes) < n, nil
}

// keptPage gives the count and page of a connection the guard filtered.
// The store's count and cursors included what the actor may not read, and
// a count tells of records as surely as the records do. The lists filtered
// here hold one person's content, which an actor reads all or none of, so
// the kept page is all there is for them.
func keptPage[E any](edges []E, cursor func(E) string) (int32, *model.PageInfo) {
	p := &model.PageInfo{}
	if len(edges) > 0 {
		first, last := cursor(edges[0]), cursor(edges[len(edges)-1])
		p.StartCursor, p.EndCursor = &first, &last
	}
	return int32(len(edges)), p
}

// guardChain keeps the person and cycle of a chain but hides a plan the
// actor may not read, and with it every goal.
func guardChain(ctx context.Context, c *model.PersonChain) (*model.PersonChain, error) {
	if c == nil || c.Plan == nil {
		return c, nil
	}
	ok, err := canRead(ctx, c.Plan)
	if err != nil || ok {
		return c, err
	}
	return &model.PersonChain{Person: c.Person, Cycle: c.Cycle, Goals: []*model.GoalChain{}}, nil
}

func keepIfVisible[T any](ctx context.Context, v *T) (*T, error) {
	if v == nil {
		return nil, nil
	}
	ok, err := canRead(ctx, v)
	if err != nil || !ok {
		return nil, err
	}
	return v, nil
}

func visibleOnly[T any](ctx context.Context, items []T) ([]T, error) {
	out := make([]T, 0, len(items))
	for _, it := range items {
		ok, err := canRead(ctx, it)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, it)
		}
	}
	return out, nil
}

// canRead reports whether the actor may read a piece of plan content.
func canRead(ctx context.Context, v any) (bool, error) {
	a, err := actorFrom(ctx)
	if err != nil {
		return false, nil
	}
	person, err := ownerOf(ctx, v)
	if err != nil {
		return false, err
	}
	return a.CanReadPlanOf(ctx, person)
}

// ownerOf finds whose plan content v is, through the request's loaders.
func ownerOf(ctx context.Context, v any) (int64, error) {
	switch v := v.(type) {
	case *throughline.DevelopmentPlan:
		return v.PersonID, nil
	case *throughline.Assessment:
		return v.PersonID, nil
	case *throughline.DevelopmentGoal:
		return ownerOfPlan(ctx, v.PlanID)
	case *throughline.CheckIn:
		return ownerOfPlan(ctx, v.PlanID)
	case *throughline.DevelopmentAction:
		g, err := loaders.Load(ctx, loaders.For(ctx).Goal, v.GoalID, "goal")
		if err != nil {
			return 0, err
		}
		return ownerOfPlan(ctx, g.PlanID)
	}
	return 0, throughline.Errorf(throughline.EINTERNAL, "no owner rule for %T", v)
}

func ownerOfPlan(ctx context.Context, planID int64) (int64, error) {
	p, err := loaders.Load(ctx, loaders.For(ctx).Plan, planID, "plan")
	if err != nil {
		return 0, err
	}
	return p.PersonID, nil
}
