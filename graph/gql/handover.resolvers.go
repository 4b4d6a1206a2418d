package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// ID is the resolver for the id field.
func (r *handoverResolver) ID(ctx context.Context, obj *throughline.Handover) (string, error) {
	return globalID(throughline.KindHandover, obj.ID), nil
}

// FromManager is the resolver for the fromManager field.
func (r *handoverResolver) FromManager(ctx context.Context, obj *throughline.Handover) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.FromManagerID, "person")
}

// ToManager is the resolver for the toManager field.
func (r *handoverResolver) ToManager(ctx context.Context, obj *throughline.Handover) (*throughline.Person, error) {
	return loaders.Load(ctx, loaders.For(ctx).Person, obj.ToManagerID, "person")
}

// CreatedBy is the resolver for the createdBy field.
func (r *handoverResolver) CreatedBy(ctx context.Context, obj *throughline.Handover) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.CreatedByID, "person")
}

// Packs is the resolver for the packs field.
func (r *handoverResolver) Packs(ctx context.Context, obj *throughline.Handover) ([]*throughline.HandoverPack, error) {
	return r.readablePacks(ctx, obj.ID)
}

// Acknowledged is the resolver for the acknowledged field.
func (r *handoverResolver) Acknowledged(ctx context.Context, obj *throughline.Handover) (bool, error) {
	packs, err := r.Handovers.FindPacks(ctx, obj.ID)
	if err != nil {
		return false, err
	}
	for _, p := range packs {
		if p.AcknowledgedAt == nil {
			return false, nil
		}
	}
	return true, nil
}

// ID is the resolver for the id field.
func (r *handoverPackResolver) ID(ctx context.Context, obj *throughline.HandoverPack) (string, error) {
	return globalID(throughline.KindHandoverPack, obj.ID), nil
}

// Handover is the resolver for the handover field.
func (r *handoverPackResolver) Handover(ctx context.Context, obj *throughline.HandoverPack) (*throughline.Handover, error) {
	if obj.HandoverID == nil {
		return nil, nil
	}
	return r.Handovers.FindHandoverByID(ctx, *obj.HandoverID)
}

// Person is the resolver for the person field.
func (r *handoverPackResolver) Person(ctx context.Context, obj *throughline.HandoverPack) (*throughline.Person, error) {
	return loaders.Load(ctx, loaders.For(ctx).Person, obj.PersonID, "person")
}

// FromManager is the resolver for the fromManager field.
func (r *handoverPackResolver) FromManager(ctx context.Context, obj *throughline.HandoverPack) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.FromManagerID, "person")
}

// Contents is the resolver for the contents field.
func (r *handoverPackResolver) Contents(ctx context.Context, obj *throughline.HandoverPack) (*throughline.HandoverContents, error) {
	return r.contentsOf(ctx, obj)
}

// AcknowledgedBy is the resolver for the acknowledgedBy field.
func (r *handoverPackResolver) AcknowledgedBy(ctx context.Context, obj *throughline.HandoverPack) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.AcknowledgedByID, "person")
}

// Markdown is the resolver for the markdown field.
func (r *handoverPackResolver) Markdown(ctx context.Context, obj *throughline.HandoverPack) (string, error) {
	return r.packMarkdown(ctx, obj)
}

// Manager is the resolver for the manager field.
func (r *managerStintResolver) Manager(ctx context.Context, obj *throughline.ManagerStint) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.ManagerID, "person")
}

// Handover is the resolver for the handover field.
func (r *managerStintResolver) Handover(ctx context.Context, obj *throughline.ManagerStint) (*throughline.Handover, error) {
	if obj.HandoverID == nil {
		return nil, nil
	}
	return r.handoverNodeOf(ctx, *obj.HandoverID)
}

// DraftHandoverPack is the resolver for the draftHandoverPack field.
func (r *mutationResolver) DraftHandoverPack(ctx context.Context, input model.DraftHandoverPackInput) (*model.DraftHandoverPackPayload, error) {
	p, err := r.draftPack(ctx, input)
	return payload(p, err, func(v *throughline.HandoverPack, ue []*model.UserError) *model.DraftHandoverPackPayload {
		return &model.DraftHandoverPackPayload{Pack: v, UserErrors: ue}
	})
}

// HandOver is the resolver for the handOver field.
func (r *mutationResolver) HandOver(ctx context.Context, input model.HandOverInput) (*model.HandOverPayload, error) {
	h, err := r.handOver(ctx, input)
	return payload(h, err, func(v *throughline.Handover, ue []*model.UserError) *model.HandOverPayload {
		return &model.HandOverPayload{Handover: v, UserErrors: ue}
	})
}

// AcknowledgeHandoverPack is the resolver for the acknowledgeHandoverPack field.
func (r *mutationResolver) AcknowledgeHandoverPack(ctx context.Context, input model.AcknowledgeHandoverPackInput) (*model.AcknowledgeHandoverPackPayload, error) {
	p, err := r.acknowledgePack(ctx, input)
	return payload(p, err, func(v *throughline.HandoverPack, ue []*model.UserError) *model.AcknowledgeHandoverPackPayload {
		return &model.AcknowledgeHandoverPackPayload{Pack: v, UserErrors: ue}
	})
}

// RecordDeparture is the resolver for the recordDeparture field.
func (r *mutationResolver) RecordDeparture(ctx context.Context, input model.RecordDepartureInput) (*model.RecordDeparturePayload, error) {
	d, err := r.recordDeparture(ctx, input)
	return payload(d, err, func(v departure, ue []*model.UserError) *model.RecordDeparturePayload {
		return &model.RecordDeparturePayload{Person: v.person, AwaitingHandover: nonNil(v.reports), UserErrors: ue}
	})
}

// HandoverDraft is the resolver for the handoverDraft field.
func (r *personResolver) HandoverDraft(ctx context.Context, obj *throughline.Person) (*throughline.HandoverPack, error) {
	return r.draftOf(ctx, obj.ID)
}

// ManagerHistory is the resolver for the managerHistory field.
func (r *personResolver) ManagerHistory(ctx context.Context, obj *throughline.Person) ([]*throughline.ManagerStint, error) {
	return r.Resolver.Handovers.ManagerHistory(ctx, obj.ID)
}

// Handovers is the resolver for the handovers field.
func (r *personResolver) Handovers(ctx context.Context, obj *throughline.Person, first *int32, after *string) (*model.HandoverConnection, error) {
	return r.findHandovers(ctx, throughline.HandoverFilter{PersonID: &obj.ID}, first, after)
}

// AwaitingHandover is the resolver for the awaitingHandover field.
func (r *personResolver) AwaitingHandover(ctx context.Context, obj *throughline.Person) (bool, error) {
	// Only someone with no manager can be waiting for one: answering the
	// rest without a query keeps lists of people at a query per level.
	if obj.ManagerID != nil || obj.LeftOn != nil {
		return false, nil
	}
	return r.Resolver.Handovers.AwaitingHandover(ctx, obj.ID)
}

// Handovers is the resolver for the handovers field.
func (r *queryResolver) Handovers(ctx context.Context, pendingOnly *bool, first *int32, after *string) (*model.HandoverConnection, error) {
	f := throughline.HandoverFilter{PendingOnly: pendingOnly != nil && *pendingOnly}
	return r.findHandovers(ctx, f, first, after)
}

// Handover returns generated.HandoverResolver implementation.
func (r *Resolver) Handover() generated.HandoverResolver { return &handoverResolver{r} }

// HandoverPack returns generated.HandoverPackResolver implementation.
func (r *Resolver) HandoverPack() generated.HandoverPackResolver { return &handoverPackResolver{r} }

// ManagerStint returns generated.ManagerStintResolver implementation.
func (r *Resolver) ManagerStint() generated.ManagerStintResolver { return &managerStintResolver{r} }

type (
	handoverResolver     struct{ *Resolver }
	handoverPackResolver struct{ *Resolver }
	managerStintResolver struct{ *Resolver }
)
