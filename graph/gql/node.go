package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/scalar"
	"throughline.dev/graph/loaders"
)

// maxNodes bounds one nodes(ids:) call, like a page.
const maxNodes = 100

// node fetches any object by global ID; an ID that names nothing gives
// nil, as node(id:) promises.
func (r *Resolver) node(ctx context.Context, gid string) (scalar.Node, error) {
	kind, id, ok := parseGlobalID(gid)
	if !ok {
		return nil, nil
	}
	v, err := r.nodeOfKind(ctx, kind, id)
	if err != nil || v == nil {
		return nil, err
	}
	return v, nil
}

func (r *Resolver) nodeOfKind(ctx context.Context, kind string, id int64) (scalar.Node, error) {
	l := loaders.For(ctx)
	switch kind {
	case throughline.KindCycle:
		return nilIfMissing(loaders.Load(ctx, l.Cycle, id, "cycle"))
	case throughline.KindTeam:
		return nilIfMissing(loaders.Load(ctx, l.Team, id, "team"))
	case throughline.KindPerson:
		return nilIfMissing(loaders.Load(ctx, l.Person, id, "person"))
	case throughline.KindObjective:
		return nilIfMissing(loaders.Load(ctx, l.Objective, id, "objective"))
	case throughline.KindKeyResult:
		return nilIfMissing(loaders.Load(ctx, l.KeyResult, id, "key result"))
	case throughline.KindCapability:
		return nilIfMissing(loaders.Load(ctx, l.Capability, id, "capability"))
	case throughline.KindPlan:
		return nilIfMissing(loaders.Load(ctx, l.Plan, id, "plan"))
	case throughline.KindGoal:
		return nilIfMissing(loaders.Load(ctx, l.Goal, id, "goal"))
	case throughline.KindProgressUpdate:
		return nilIfMissing(r.OKRs.FindProgressUpdateByID(ctx, id))
	case throughline.KindRequirement:
		return nilIfMissing(r.Capabilities.FindRequirementByID(ctx, id))
	case throughline.KindAssessment:
		return nilIfMissing(r.Capabilities.FindAssessmentByID(ctx, id))
	case throughline.KindAction:
		return nilIfMissing(r.Plans.FindActionByID(ctx, id))
	case throughline.KindCheckIn:
		return nilIfMissing(r.Plans.FindCheckInByID(ctx, id))
	case throughline.KindHandover, throughline.KindHandoverPack:
		return r.handoverNode(ctx, kind, id)
	case throughline.KindToken:
		return r.tokenNode(ctx, id)
	case throughline.KindAuditEntry:
		return r.auditEntryNode(ctx, id)
	}
	return nil, nil
}

// nilIfMissing gives node(id:) its null for objects that do not exist,
// without a typed nil hiding inside the interface.
func nilIfMissing[T any](v *T, err error) (scalar.Node, error) {
	v, err = orNotFound(v, err)
	if err != nil || v == nil {
		return nil, err
	}
	return v, nil
}

// prefetchNodes reads the objects nodes(ids:) asks for, one statement per
// kind, before node(id) finds each in turn.
func (r *Resolver) prefetchNodes(ctx context.Context, gids []string) error {
	byKind := map[string][]int64{}
	for _, gid := range gids {
		if kind, id, ok := parseGlobalID(gid); ok {
			byKind[kind] = append(byKind[kind], id)
		}
	}
	l := loaders.For(ctx)
	prefetch := map[string]func([]int64) error{
		throughline.KindCycle:        func(ids []int64) error { return l.Cycle.Prefetch(ctx, ids) },
		throughline.KindTeam:         func(ids []int64) error { return l.Team.Prefetch(ctx, ids) },
		throughline.KindPerson:       func(ids []int64) error { return l.Person.Prefetch(ctx, ids) },
		throughline.KindObjective:    func(ids []int64) error { return l.Objective.Prefetch(ctx, ids) },
		throughline.KindKeyResult:    func(ids []int64) error { return l.KeyResult.Prefetch(ctx, ids) },
		throughline.KindCapability:   func(ids []int64) error { return l.Capability.Prefetch(ctx, ids) },
		throughline.KindPlan:         func(ids []int64) error { return l.Plan.Prefetch(ctx, ids) },
		throughline.KindGoal:         func(ids []int64) error { return l.Goal.Prefetch(ctx, ids) },
		throughline.KindHandoverPack: func(ids []int64) error { return l.Pack.Prefetch(ctx, ids) },
	}
	for kind, ids := range byKind {
		if p := prefetch[kind]; p != nil {
			if err := p(ids); err != nil {
				return err
			}
		}
	}
	return nil
}
