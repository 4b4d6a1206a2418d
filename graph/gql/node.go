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
