package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

func assessmentConnection(p *throughline.Page[*throughline.Assessment],
	page throughline.PageRequest,
) *model.AssessmentConnection {
	return &model.AssessmentConnection{
		Edges: edges(p, func(c string, n *throughline.Assessment) *model.AssessmentEdge {
			return &model.AssessmentEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}

func (r *Resolver) findCapabilities(ctx context.Context,
	first *int32, after *string,
) (*model.CapabilityConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Capabilities.FindCapabilities(ctx, page)
	if err != nil {
		return nil, err
	}
	return &model.CapabilityConnection{
		Edges: edges(p, func(c string, n *throughline.Capability) *model.CapabilityEdge {
			return &model.CapabilityEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

// capabilityCoverage pairs each requirement of a key result with whether
// anybody builds that capability for it; the goals that do are paged by
// coveringGoals.
func (r *Resolver) capabilityCoverage(ctx context.Context,
	keyResultID int64,
) ([]*model.CapabilityCoverage, error) {
	l := loaders.For(ctx)
	reqs, err := l.Requirements.Load(ctx, keyResultID)
	if err != nil || len(reqs) == 0 {
		return []*model.CapabilityCoverage{}, err
	}
	counts, err := l.CoveringGoalCount.LoadAll(ctx, keys(reqs, requirementPair))
	if err != nil {
		return nil, err
	}
	out := make([]*model.CapabilityCoverage, len(reqs))
	for i, req := range reqs {
		out[i] = &model.CapabilityCoverage{Requirement: req, Covered: counts[i] > 0}
	}
	return out, nil
}

// requirementPair is the {key result, capability} a requirement links.
func requirementPair(r *throughline.CapabilityRequirement) ([2]int64, bool) {
	return [2]int64{r.KeyResultID, r.CapabilityID}, true
}

// coveringGoals pages the active execution goals building a requirement's
// capability for its key result. The store keeps only the goals of plans
// the actor may read, so that the count tells of no other.
func coveringGoals(ctx context.Context, req *throughline.CapabilityRequirement,
	first *int32, after *string,
) (*model.DevelopmentGoalConnection, error) {
	key, err := coverageOf(ctx, req)
	if err != nil {
		return nil, err
	}
	return pageOf(ctx, loaders.For(ctx).CoveringGoals, key, first, after, goalConnection)
}

// coverageOf names a requirement's covering goals as the actor may read
// them: every plan for HR, else their own and, for a manager, those of
// everyone below them.
func coverageOf(ctx context.Context,
	req *throughline.CapabilityRequirement,
) (loaders.Coverage, error) {
	c := loaders.Coverage{KeyResultID: req.KeyResultID, CapabilityID: req.CapabilityID}
	var f throughline.PlanFilter
	if err := scopeToReader(ctx, &f); err != nil {
		return c, err
	}
	c.Everyone, c.Reports = f.ReadableBy == nil, f.Reports
	if f.ReadableBy != nil {
		c.Reader = *f.ReadableBy
	}
	return c, nil
}

// capabilityFromInput numbers the scale's levels from 1 in the order
// given.
func capabilityFromInput(in model.CreateCapabilityInput) (*throughline.Capability,
	[]*throughline.CapabilityLevel,
) {
	c := &throughline.Capability{Name: in.Name}
	if in.Description != nil {
		c.Description = *in.Description
	}
	levels := make([]*throughline.CapabilityLevel, len(in.Levels))
	for i, l := range in.Levels {
		levels[i] = &throughline.CapabilityLevel{
			Level: int32(i + 1), Name: l.Name, Descriptor: l.Descriptor,
		}
	}
	return c, levels
}

func requirementFromInput(in model.SetCapabilityRequirementInput,
) (*throughline.CapabilityRequirement, error) {
	r := &throughline.CapabilityRequirement{Level: in.Level, Reason: in.Reason}
	var err error
	if r.KeyResultID, err = decodeID("keyResultId", throughline.KindKeyResult, in.KeyResultID); err != nil {
		return nil, err
	}
	r.CapabilityID, err = decodeID("capabilityId", throughline.KindCapability, in.CapabilityID)
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Resolver) removeRequirement(ctx context.Context,
	in model.RemoveCapabilityRequirementInput,
) (*string, error) {
	id, err := decodeID("id", throughline.KindRequirement, in.ID)
	if err != nil {
		return nil, err
	}
	if err := r.Capabilities.RemoveRequirement(ctx, id); err != nil {
		return nil, err
	}
	return &in.ID, nil
}

func assessmentFromInput(in model.RecordAssessmentInput,
) (*throughline.Assessment, []*throughline.Evidence, error) {
	a := &throughline.Assessment{Level: in.Level}
	if in.AssessedOn != nil {
		a.AssessedOn = *in.AssessedOn
	}
	if in.Note != nil {
		a.Note = *in.Note
	}
	var err error
	if a.PersonID, err = decodeID("personId", throughline.KindPerson, in.PersonID); err != nil {
		return nil, nil, err
	}
	a.CapabilityID, err = decodeID("capabilityId", throughline.KindCapability, in.CapabilityID)
	if err != nil {
		return nil, nil, err
	}
	a.AssessedByID, err = decodeOptionalID("assessedById", throughline.KindPerson, in.AssessedByID)
	if err != nil {
		return nil, nil, err
	}
	evidence := make([]*throughline.Evidence, len(in.Evidence))
	for i, e := range in.Evidence {
		evidence[i] = &throughline.Evidence{
			Kind: e.Kind, Description: e.Description, ObservedOn: e.ObservedOn,
		}
	}
	return a, evidence, nil
}

func (r *Resolver) recordAssessment(ctx context.Context,
	in model.RecordAssessmentInput,
) (*throughline.Assessment, error) {
	a, evidence, err := assessmentFromInput(in)
	if err != nil {
		return nil, err
	}
	if err := mayAssess(ctx, a.PersonID); err != nil {
		return nil, err
	}
	if a.AssessedByID == nil {
		if actor, _ := actorFrom(ctx); actor != nil && actor.PersonID != 0 {
			a.AssessedByID = &actor.PersonID
		}
	}
	return a, r.Capabilities.RecordAssessment(ctx, a, evidence)
}

// mayAssess lets HR and the managers above a person assess them.
func mayAssess(ctx context.Context, personID int64) error {
	a, err := actorFrom(ctx)
	if err != nil {
		return err
	}
	if a.Has(throughline.RoleHR) {
		return nil
	}
	return mayEditPlanOf(ctx, personID, "personId")
}
