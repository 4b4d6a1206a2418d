package gql

import (
	"context"
	"fmt"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
)

// ID is the resolver for the id field.
func (r *keyResultResolver) ID(ctx context.Context, obj *throughline.KeyResult) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Objective is the resolver for the objective field.
func (r *keyResultResolver) Objective(ctx context.Context, obj *throughline.KeyResult) (*throughline.Objective, error) {
	panic(fmt.Errorf("not implemented: Objective - objective"))
}

// Owner is the resolver for the owner field.
func (r *keyResultResolver) Owner(ctx context.Context, obj *throughline.KeyResult) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Owner - owner"))
}

// Metric is the resolver for the metric field.
func (r *keyResultResolver) Metric(ctx context.Context, obj *throughline.KeyResult) (*model.Metric, error) {
	panic(fmt.Errorf("not implemented: Metric - metric"))
}

// ProgressUpdates is the resolver for the progressUpdates field.
func (r *keyResultResolver) ProgressUpdates(ctx context.Context, obj *throughline.KeyResult, first *int32, after *string) (*model.ProgressUpdateConnection, error) {
	panic(fmt.Errorf("not implemented: ProgressUpdates - progressUpdates"))
}

// AlignedObjectives is the resolver for the alignedObjectives field.
func (r *keyResultResolver) AlignedObjectives(ctx context.Context, obj *throughline.KeyResult) ([]*throughline.Objective, error) {
	panic(fmt.Errorf("not implemented: AlignedObjectives - alignedObjectives"))
}

// Requirements is the resolver for the requirements field.
func (r *keyResultResolver) Requirements(ctx context.Context, obj *throughline.KeyResult) ([]*throughline.CapabilityRequirement, error) {
	panic(fmt.Errorf("not implemented: Requirements - requirements"))
}

// CapabilityCoverage is the resolver for the capabilityCoverage field.
func (r *keyResultResolver) CapabilityCoverage(ctx context.Context, obj *throughline.KeyResult) ([]*model.CapabilityCoverage, error) {
	panic(fmt.Errorf("not implemented: CapabilityCoverage - capabilityCoverage"))
}

// CreateObjective is the resolver for the createObjective field.
func (r *mutationResolver) CreateObjective(ctx context.Context, input model.CreateObjectiveInput) (*model.CreateObjectivePayload, error) {
	panic(fmt.Errorf("not implemented: CreateObjective - createObjective"))
}

// UpdateObjective is the resolver for the updateObjective field.
func (r *mutationResolver) UpdateObjective(ctx context.Context, input model.UpdateObjectiveInput) (*model.UpdateObjectivePayload, error) {
	panic(fmt.Errorf("not implemented: UpdateObjective - updateObjective"))
}

// CreateKeyResult is the resolver for the createKeyResult field.
func (r *mutationResolver) CreateKeyResult(ctx context.Context, input model.CreateKeyResultInput) (*model.CreateKeyResultPayload, error) {
	panic(fmt.Errorf("not implemented: CreateKeyResult - createKeyResult"))
}

// UpdateKeyResult is the resolver for the updateKeyResult field.
func (r *mutationResolver) UpdateKeyResult(ctx context.Context, input model.UpdateKeyResultInput) (*model.UpdateKeyResultPayload, error) {
	panic(fmt.Errorf("not implemented: UpdateKeyResult - updateKeyResult"))
}

// RecordProgress is the resolver for the recordProgress field.
func (r *mutationResolver) RecordProgress(ctx context.Context, input model.RecordProgressInput) (*model.RecordProgressPayload, error) {
	panic(fmt.Errorf("not implemented: RecordProgress - recordProgress"))
}

// ID is the resolver for the id field.
func (r *objectiveResolver) ID(ctx context.Context, obj *throughline.Objective) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Cycle is the resolver for the cycle field.
func (r *objectiveResolver) Cycle(ctx context.Context, obj *throughline.Objective) (*throughline.Cycle, error) {
	panic(fmt.Errorf("not implemented: Cycle - cycle"))
}

// Owner is the resolver for the owner field.
func (r *objectiveResolver) Owner(ctx context.Context, obj *throughline.Objective) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Owner - owner"))
}

// Team is the resolver for the team field.
func (r *objectiveResolver) Team(ctx context.Context, obj *throughline.Objective) (*throughline.Team, error) {
	panic(fmt.Errorf("not implemented: Team - team"))
}

// AlignedTo is the resolver for the alignedTo field.
func (r *objectiveResolver) AlignedTo(ctx context.Context, obj *throughline.Objective) ([]scalar.Node, error) {
	panic(fmt.Errorf("not implemented: AlignedTo - alignedTo"))
}

// AlignedObjectives is the resolver for the alignedObjectives field.
func (r *objectiveResolver) AlignedObjectives(ctx context.Context, obj *throughline.Objective) ([]*throughline.Objective, error) {
	panic(fmt.Errorf("not implemented: AlignedObjectives - alignedObjectives"))
}

// KeyResults is the resolver for the keyResults field.
func (r *objectiveResolver) KeyResults(ctx context.Context, obj *throughline.Objective) ([]*throughline.KeyResult, error) {
	panic(fmt.Errorf("not implemented: KeyResults - keyResults"))
}

// Progress is the resolver for the progress field.
func (r *objectiveResolver) Progress(ctx context.Context, obj *throughline.Objective) (float64, error) {
	panic(fmt.Errorf("not implemented: Progress - progress"))
}

// ID is the resolver for the id field.
func (r *progressUpdateResolver) ID(ctx context.Context, obj *throughline.ProgressUpdate) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// KeyResult is the resolver for the keyResult field.
func (r *progressUpdateResolver) KeyResult(ctx context.Context, obj *throughline.ProgressUpdate) (*throughline.KeyResult, error) {
	panic(fmt.Errorf("not implemented: KeyResult - keyResult"))
}

// RecordedBy is the resolver for the recordedBy field.
func (r *progressUpdateResolver) RecordedBy(ctx context.Context, obj *throughline.ProgressUpdate) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: RecordedBy - recordedBy"))
}

// Objectives is the resolver for the objectives field.
func (r *queryResolver) Objectives(ctx context.Context, cycle *string, level *throughline.ObjectiveLevel, teamID *string, first *int32, after *string) (*model.ObjectiveConnection, error) {
	panic(fmt.Errorf("not implemented: Objectives - objectives"))
}

// KeyResults is the resolver for the keyResults field.
func (r *queryResolver) KeyResults(ctx context.Context, cycle *string, critical *bool, first *int32, after *string) (*model.KeyResultConnection, error) {
	panic(fmt.Errorf("not implemented: KeyResults - keyResults"))
}

// KeyResult returns generated.KeyResultResolver implementation.
func (r *Resolver) KeyResult() generated.KeyResultResolver { return &keyResultResolver{r} }

// Objective returns generated.ObjectiveResolver implementation.
func (r *Resolver) Objective() generated.ObjectiveResolver { return &objectiveResolver{r} }

// ProgressUpdate returns generated.ProgressUpdateResolver implementation.
func (r *Resolver) ProgressUpdate() generated.ProgressUpdateResolver {
	return &progressUpdateResolver{r}
}

type (
	keyResultResolver      struct{ *Resolver }
	objectiveResolver      struct{ *Resolver }
	progressUpdateResolver struct{ *Resolver }
)
