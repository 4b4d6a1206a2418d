package gql

import (
	"context"

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
	case kindCycle:
		return nilIfMissing(loaders.Load(ctx, l.Cycle, id, "cycle"))
	case kindTeam:
		return nilIfMissing(loaders.Load(ctx, l.Team, id, "team"))
	case kindPerson:
		return nilIfMissing(loaders.Load(ctx, l.Person, id, "person"))
	case kindObjective:
		return nilIfMissing(loaders.Load(ctx, l.Objective, id, "objective"))
	case kindKeyResult:
		return nilIfMissing(loaders.Load(ctx, l.KeyResult, id, "key result"))
	case kindCapability:
		return nilIfMissing(loaders.Load(ctx, l.Capability, id, "capability"))
	case kindPlan:
		return nilIfMissing(loaders.Load(ctx, l.Plan, id, "plan"))
	case kindGoal:
		return nilIfMissing(loaders.Load(ctx, l.Goal, id, "goal"))
	case kindProgress:
		return nilIfMissing(r.OKRs.FindProgressUpdateByID(ctx, id))
	case kindRequirement:
		return nilIfMissing(r.Capabilities.FindRequirementByID(ctx, id))
	case kindAssessment:
		return nilIfMissing(r.Capabilities.FindAssessmentByID(ctx, id))
	case kindAction:
		return nilIfMissing(r.Plans.FindActionByID(ctx, id))
	case kindCheckIn:
		return nilIfMissing(r.Plans.FindCheckInByID(ctx, id))
	case kindHandover, kindHandoverPack:
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
