package gql

import (
	"context"
	"fmt"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
)

// ID is the resolver for the id field.
func (r *assessmentResolver) ID(ctx context.Context, obj *throughline.Assessment) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Person is the resolver for the person field.
func (r *assessmentResolver) Person(ctx context.Context, obj *throughline.Assessment) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Person - person"))
}

// Capability is the resolver for the capability field.
func (r *assessmentResolver) Capability(ctx context.Context, obj *throughline.Assessment) (*throughline.Capability, error) {
	panic(fmt.Errorf("not implemented: Capability - capability"))
}

// AssessedBy is the resolver for the assessedBy field.
func (r *assessmentResolver) AssessedBy(ctx context.Context, obj *throughline.Assessment) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: AssessedBy - assessedBy"))
}

// Evidence is the resolver for the evidence field.
func (r *assessmentResolver) Evidence(ctx context.Context, obj *throughline.Assessment) ([]*throughline.Evidence, error) {
	panic(fmt.Errorf("not implemented: Evidence - evidence"))
}

// ID is the resolver for the id field.
func (r *capabilityResolver) ID(ctx context.Context, obj *throughline.Capability) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Levels is the resolver for the levels field.
func (r *capabilityResolver) Levels(ctx context.Context, obj *throughline.Capability) ([]*throughline.CapabilityLevel, error) {
	panic(fmt.Errorf("not implemented: Levels - levels"))
}

// RequiredBy is the resolver for the requiredBy field.
func (r *capabilityResolver) RequiredBy(ctx context.Context, obj *throughline.Capability) ([]*throughline.CapabilityRequirement, error) {
	panic(fmt.Errorf("not implemented: RequiredBy - requiredBy"))
}

// ID is the resolver for the id field.
func (r *capabilityRequirementResolver) ID(ctx context.Context, obj *throughline.CapabilityRequirement) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// KeyResult is the resolver for the keyResult field.
func (r *capabilityRequirementResolver) KeyResult(ctx context.Context, obj *throughline.CapabilityRequirement) (*throughline.KeyResult, error) {
	panic(fmt.Errorf("not implemented: KeyResult - keyResult"))
}

// Capability is the resolver for the capability field.
func (r *capabilityRequirementResolver) Capability(ctx context.Context, obj *throughline.CapabilityRequirement) (*throughline.Capability, error) {
	panic(fmt.Errorf("not implemented: Capability - capability"))
}

// CreateCapability is the resolver for the createCapability field.
func (r *mutationResolver) CreateCapability(ctx context.Context, input model.CreateCapabilityInput) (*model.CreateCapabilityPayload, error) {
	panic(fmt.Errorf("not implemented: CreateCapability - createCapability"))
}

// SetCapabilityRequirement is the resolver for the setCapabilityRequirement field.
func (r *mutationResolver) SetCapabilityRequirement(ctx context.Context, input model.SetCapabilityRequirementInput) (*model.SetCapabilityRequirementPayload, error) {
	panic(fmt.Errorf("not implemented: SetCapabilityRequirement - setCapabilityRequirement"))
}

// RemoveCapabilityRequirement is the resolver for the removeCapabilityRequirement field.
func (r *mutationResolver) RemoveCapabilityRequirement(ctx context.Context, input model.RemoveCapabilityRequirementInput) (*model.RemoveCapabilityRequirementPayload, error) {
	panic(fmt.Errorf("not implemented: RemoveCapabilityRequirement - removeCapabilityRequirement"))
}

// RecordAssessment is the resolver for the recordAssessment field.
func (r *mutationResolver) RecordAssessment(ctx context.Context, input model.RecordAssessmentInput) (*model.RecordAssessmentPayload, error) {
	panic(fmt.Errorf("not implemented: RecordAssessment - recordAssessment"))
}

// Capabilities is the resolver for the capabilities field.
func (r *queryResolver) Capabilities(ctx context.Context, first *int32, after *string) (*model.CapabilityConnection, error) {
	panic(fmt.Errorf("not implemented: Capabilities - capabilities"))
}

// Assessment returns generated.AssessmentResolver implementation.
func (r *Resolver) Assessment() generated.AssessmentResolver { return &assessmentResolver{r} }

// Capability returns generated.CapabilityResolver implementation.
func (r *Resolver) Capability() generated.CapabilityResolver { return &capabilityResolver{r} }

// CapabilityRequirement returns generated.CapabilityRequirementResolver implementation.
func (r *Resolver) CapabilityRequirement() generated.CapabilityRequirementResolver {
	return &capabilityRequirementResolver{r}
}

type (
	assessmentResolver            struct{ *Resolver }
	capabilityResolver            struct{ *Resolver }
	capabilityRequirementResolver struct{ *Resolver }
)
