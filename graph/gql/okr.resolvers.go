package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
	"throughline.dev/graph/loaders"
)

// ID is the resolver for the id field.
func (r *keyResultResolver) ID(ctx context.Context, obj *throughline.KeyResult) (string, error) {
	return globalID(throughline.KindKeyResult, obj.ID), nil
}

// Objective is the resolver for the objective field.
func (r *keyResultResolver) Objective(ctx context.Context, obj *throughline.KeyResult) (*throughline.Objective, error) {
	return loaders.Load(ctx, loaders.For(ctx).Objective, obj.ObjectiveID, "objective")
}

// Owner is the resolver for the owner field.
func (r *keyResultResolver) Owner(ctx context.Context, obj *throughline.KeyResult) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.OwnerID, "person")
}

// Metric is the resolver for the metric field.
func (r *keyResultResolver) Metric(ctx context.Context, obj *throughline.KeyResult) (*model.Metric, error) {
	return metric(obj), nil
}

// ProgressUpdates is the resolver for the progressUpdates field.
func (r *keyResultResolver) ProgressUpdates(ctx context.Context, obj *throughline.KeyResult, first *int32, after *string) (*model.ProgressUpdateConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.OKRs.FindProgressUpdates(ctx, obj.ID, page)
	if err != nil {
		return nil, err
	}
	return progressUpdateConnection(p, page), nil
}

// AlignedObjectives is the resolver for the alignedObjectives field.
func (r *keyResultResolver) AlignedObjectives(ctx context.Context, obj *throughline.KeyResult, first *int32, after *string) (*model.ObjectiveConnection, error) {
	return pageOf(ctx, loaders.For(ctx).AlignedToKeyResult, obj.ID, first, after, objectiveConnection)
}

// Requirements is the resolver for the requirements field.
func (r *keyResultResolver) Requirements(ctx context.Context, obj *throughline.KeyResult) ([]*throughline.CapabilityRequirement, error) {
	reqs, err := loaders.For(ctx).Requirements.Load(ctx, obj.ID)
	return nonNil(reqs), err
}

// CapabilityCoverage is the resolver for the capabilityCoverage field.
func (r *keyResultResolver) CapabilityCoverage(ctx context.Context, obj *throughline.KeyResult) ([]*model.CapabilityCoverage, error) {
	return r.capabilityCoverage(ctx, obj.ID)
}

// CreateObjective is the resolver for the createObjective field.
func (r *mutationResolver) CreateObjective(ctx context.Context, input model.CreateObjectiveInput) (*model.CreateObjectivePayload, error) {
	o, err := r.createObjective(ctx, input)
	return payload(o, err, func(v *throughline.Objective, ue []*model.UserError) *model.CreateObjectivePayload {
		return &model.CreateObjectivePayload{Objective: v, UserErrors: ue}
	})
}

// UpdateObjective is the resolver for the updateObjective field.
func (r *mutationResolver) UpdateObjective(ctx context.Context, input model.UpdateObjectiveInput) (*model.UpdateObjectivePayload, error) {
	o, err := r.updateObjective(ctx, input)
	return payload(o, err, func(v *throughline.Objective, ue []*model.UserError) *model.UpdateObjectivePayload {
		return &model.UpdateObjectivePayload{Objective: v, UserErrors: ue}
	})
}

// CreateKeyResult is the resolver for the createKeyResult field.
func (r *mutationResolver) CreateKeyResult(ctx context.Context, input model.CreateKeyResultInput) (*model.CreateKeyResultPayload, error) {
	k, err := keyResultFromInput(input)
	if err == nil {
		err = r.OKRs.CreateKeyResult(ctx, k)
	}
	return payload(k, err, func(v *throughline.KeyResult, ue []*model.UserError) *model.CreateKeyResultPayload {
		return &model.CreateKeyResultPayload{KeyResult: v, UserErrors: ue}
	})
}

// UpdateKeyResult is the resolver for the updateKeyResult field.
func (r *mutationResolver) UpdateKeyResult(ctx context.Context, input model.UpdateKeyResultInput) (*model.UpdateKeyResultPayload, error) {
	k, err := r.updateKeyResult(ctx, input)
	return payload(k, err, func(v *throughline.KeyResult, ue []*model.UserError) *model.UpdateKeyResultPayload {
		return &model.UpdateKeyResultPayload{KeyResult: v, UserErrors: ue}
	})
}

// RecordProgress is the resolver for the recordProgress field.
func (r *mutationResolver) RecordProgress(ctx context.Context, input model.RecordProgressInput) (*model.RecordProgressPayload, error) {
	rec, err := r.recordProgress(ctx, input)
	return payload(rec, err, func(v progressRecorded, ue []*model.UserError) *model.RecordProgressPayload {
		return &model.RecordProgressPayload{
			KeyResult: v.keyResult, ProgressUpdate: v.update, UserErrors: ue,
		}
	})
}

// ID is the resolver for the id field.
func (r *objectiveResolver) ID(ctx context.Context, obj *throughline.Objective) (string, error) {
	return globalID(throughline.KindObjective, obj.ID), nil
}

// Cycle is the resolver for the cycle field.
func (r *objectiveResolver) Cycle(ctx context.Context, obj *throughline.Objective) (*throughline.Cycle, error) {
	return loaders.Load(ctx, loaders.For(ctx).Cycle, obj.CycleID, "cycle")
}

// Owner is the resolver for the owner field.
func (r *objectiveResolver) Owner(ctx context.Context, obj *throughline.Objective) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.OwnerID, "person")
}

// Team is the resolver for the team field.
func (r *objectiveResolver) Team(ctx context.Context, obj *throughline.Objective) (*throughline.Team, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Team, obj.TeamID, "team")
}

// AlignedTo is the resolver for the alignedTo field.
func (r *objectiveResolver) AlignedTo(ctx context.Context, obj *throughline.Objective) ([]scalar.Node, error) {
	return alignmentParents(ctx, obj.ID)
}

// AlignedObjectives is the resolver for the alignedObjectives field.
func (r *objectiveResolver) AlignedObjectives(ctx context.Context, obj *throughline.Objective, first *int32, after *string) (*model.ObjectiveConnection, error) {
	return pageOf(ctx, loaders.For(ctx).AlignedToObjective, obj.ID, first, after, objectiveConnection)
}

// KeyResults is the resolver for the keyResults field.
func (r *objectiveResolver) KeyResults(ctx context.Context, obj *throughline.Objective) ([]*throughline.KeyResult, error) {
	krs, err := loaders.For(ctx).KeyResults.Load(ctx, obj.ID)
	return nonNil(krs), err
}

// Progress is the resolver for the progress field.
func (r *objectiveResolver) Progress(ctx context.Context, obj *throughline.Objective) (float64, error) {
	return objectiveProgress(ctx, obj.ID)
}

// ID is the resolver for the id field.
func (r *progressUpdateResolver) ID(ctx context.Context, obj *throughline.ProgressUpdate) (string, error) {
	return globalID(throughline.KindProgressUpdate, obj.ID), nil
}

// KeyResult is the resolver for the keyResult field.
func (r *progressUpdateResolver) KeyResult(ctx context.Context, obj *throughline.ProgressUpdate) (*throughline.KeyResult, error) {
	return loaders.Load(ctx, loaders.For(ctx).KeyResult, obj.KeyResultID, "key result")
}

// RecordedBy is the resolver for the recordedBy field.
func (r *progressUpdateResolver) RecordedBy(ctx context.Context, obj *throughline.ProgressUpdate) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.RecordedByID, "person")
}

// Objectives is the resolver for the objectives field.
func (r *queryResolver) Objectives(ctx context.Context, cycle *string, level *throughline.ObjectiveLevel, teamID *string, first *int32, after *string) (*model.ObjectiveConnection, error) {
	return r.findObjectives(ctx, cycle, level, teamID, first, after)
}

// KeyResults is the resolver for the keyResults field.
func (r *queryResolver) KeyResults(ctx context.Context, cycle *string, critical *bool, first *int32, after *string) (*model.KeyResultConnection, error) {
	return r.findKeyResults(ctx, cycle, critical, first, after)
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
