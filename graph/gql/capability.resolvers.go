package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// ID is the resolver for the id field.
func (r *assessmentResolver) ID(ctx context.Context, obj *throughline.Assessment) (string, error) {
	return globalID(throughline.KindAssessment, obj.ID), nil
}

// Person is the resolver for the person field.
func (r *assessmentResolver) Person(ctx context.Context, obj *throughline.Assessment) (*throughline.Person, error) {
	return loaders.Load(ctx, loaders.For(ctx).Person, obj.PersonID, "person")
}

// Capability is the resolver for the capability field.
func (r *assessmentResolver) Capability(ctx context.Context, obj *throughline.Assessment) (*throughline.Capability, error) {
	return loaders.Load(ctx, loaders.For(ctx).Capability, obj.CapabilityID, "capability")
}

// AssessedBy is the resolver for the assessedBy field.
func (r *assessmentResolver) AssessedBy(ctx context.Context, obj *throughline.Assessment) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.AssessedByID, "person")
}

// Evidence is the resolver for the evidence field.
func (r *assessmentResolver) Evidence(ctx context.Context, obj *throughline.Assessment) ([]*throughline.Evidence, error) {
	ev, err := loaders.For(ctx).Evidence.Load(ctx, obj.ID)
	return nonNil(ev), err
}

// ID is the resolver for the id field.
func (r *capabilityResolver) ID(ctx context.Context, obj *throughline.Capability) (string, error) {
	return globalID(throughline.KindCapability, obj.ID), nil
}

// Levels is the resolver for the levels field.
func (r *capabilityResolver) Levels(ctx context.Context, obj *throughline.Capability) ([]*throughline.CapabilityLevel, error) {
	levels, err := loaders.For(ctx).Levels.Load(ctx, obj.ID)
	return nonNil(levels), err
}

// RequiredBy is the resolver for the requiredBy field.
func (r *capabilityResolver) RequiredBy(ctx context.Context, obj *throughline.Capability, first *int32, after *string) (*model.CapabilityRequirementConnection, error) {
	return pageOf(ctx, loaders.For(ctx).RequiredBy, obj.ID, first, after, requirementConnection)
}

// Goals is the resolver for the goals field.
func (r *capabilityCoverageResolver) Goals(ctx context.Context, obj *model.CapabilityCoverage, first *int32, after *string) (*model.DevelopmentGoalConnection, error) {
	return coveringGoals(ctx, obj.Requirement, first, after)
}

// ID is the resolver for the id field.
func (r *capabilityRequirementResolver) ID(ctx context.Context, obj *throughline.CapabilityRequirement) (string, error) {
	return globalID(throughline.KindRequirement, obj.ID), nil
}

// KeyResult is the resolver for the keyResult field.
func (r *capabilityRequirementResolver) KeyResult(ctx context.Context, obj *throughline.CapabilityRequirement) (*throughline.KeyResult, error) {
	return loaders.Load(ctx, loaders.For(ctx).KeyResult, obj.KeyResultID, "key result")
}

// Capability is the resolver for the capability field.
func (r *capabilityRequirementResolver) Capability(ctx context.Context, obj *throughline.CapabilityRequirement) (*throughline.Capability, error) {
	return loaders.Load(ctx, loaders.For(ctx).Capability, obj.CapabilityID, "capability")
}

// CreateCapability is the resolver for the createCapability field.
func (r *mutationResolver) CreateCapability(ctx context.Context, input model.CreateCapabilityInput) (*model.CreateCapabilityPayload, error) {
	c, levels := capabilityFromInput(input)
	err := r.Capabilities.CreateCapability(ctx, c, levels)
	return payload(c, err, func(v *throughline.Capability, ue []*model.UserError) *model.CreateCapabilityPayload {
		return &model.CreateCapabilityPayload{Capability: v, UserErrors: ue}
	})
}

// SetCapabilityRequirement is the resolver for the setCapabilityRequirement field.
func (r *mutationResolver) SetCapabilityRequirement(ctx context.Context, input model.SetCapabilityRequirementInput) (*model.SetCapabilityRequirementPayload, error) {
	req, err := requirementFromInput(input)
	if err == nil {
		err = r.Capabilities.SetRequirement(ctx, req)
	}
	return payload(req, err, func(v *throughline.CapabilityRequirement, ue []*model.UserError) *model.SetCapabilityRequirementPayload {
		return &model.SetCapabilityRequirementPayload{Requirement: v, UserErrors: ue}
	})
}

// RemoveCapabilityRequirement is the resolver for the removeCapabilityRequirement field.
func (r *mutationResolver) RemoveCapabilityRequirement(ctx context.Context, input model.RemoveCapabilityRequirementInput) (*model.RemoveCapabilityRequirementPayload, error) {
	id, err := r.removeRequirement(ctx, input)
	return payload(id, err, func(v *string, ue []*model.UserError) *model.RemoveCapabilityRequirementPayload {
		return &model.RemoveCapabilityRequirementPayload{RemovedID: v, UserErrors: ue}
	})
}

// RecordAssessment is the resolver for the recordAssessment field.
func (r *mutationResolver) RecordAssessment(ctx context.Context, input model.RecordAssessmentInput) (*model.RecordAssessmentPayload, error) {
	a, err := r.recordAssessment(ctx, input)
	return payload(a, err, func(v *throughline.Assessment, ue []*model.UserError) *model.RecordAssessmentPayload {
		return &model.RecordAssessmentPayload{Assessment: v, UserErrors: ue}
	})
}

// Capabilities is the resolver for the capabilities field.
func (r *queryResolver) Capabilities(ctx context.Context, first *int32, after *string) (*model.CapabilityConnection, error) {
	return r.findCapabilities(ctx, first, after)
}

// Assessment returns generated.AssessmentResolver implementation.
func (r *Resolver) Assessment() generated.AssessmentResolver { return &assessmentResolver{r} }

// Capability returns generated.CapabilityResolver implementation.
func (r *Resolver) Capability() generated.CapabilityResolver { return &capabilityResolver{r} }

// CapabilityCoverage returns generated.CapabilityCoverageResolver implementation.
func (r *Resolver) CapabilityCoverage() generated.CapabilityCoverageResolver {
	return &capabilityCoverageResolver{r}
}

// CapabilityRequirement returns generated.CapabilityRequirementResolver implementation.
func (r *Resolver) CapabilityRequirement() generated.CapabilityRequirementResolver {
	return &capabilityRequirementResolver{r}
}

type (
	assessmentResolver            struct{ *Resolver }
	capabilityResolver            struct{ *Resolver }
	capabilityCoverageResolver    struct{ *Resolver }
	capabilityRequirementResolver struct{ *Resolver }
)
