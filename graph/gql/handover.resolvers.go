package gql

import (
	"context"
	"fmt"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
)

// ID is the resolver for the id field.
func (r *handoverResolver) ID(ctx context.Context, obj *throughline.Handover) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// FromManager is the resolver for the fromManager field.
func (r *handoverResolver) FromManager(ctx context.Context, obj *throughline.Handover) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: FromManager - fromManager"))
}

// ToManager is the resolver for the toManager field.
func (r *handoverResolver) ToManager(ctx context.Context, obj *throughline.Handover) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: ToManager - toManager"))
}

// CreatedBy is the resolver for the createdBy field.
func (r *handoverResolver) CreatedBy(ctx context.Context, obj *throughline.Handover) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: CreatedBy - createdBy"))
}

// Packs is the resolver for the packs field.
func (r *handoverResolver) Packs(ctx context.Context, obj *throughline.Handover) ([]*throughline.HandoverPack, error) {
	panic(fmt.Errorf("not implemented: Packs - packs"))
}

// Acknowledged is the resolver for the acknowledged field.
func (r *handoverResolver) Acknowledged(ctx context.Context, obj *throughline.Handover) (bool, error) {
	panic(fmt.Errorf("not implemented: Acknowledged - acknowledged"))
}

// ID is the resolver for the id field.
func (r *handoverPackResolver) ID(ctx context.Context, obj *throughline.HandoverPack) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Handover is the resolver for the handover field.
func (r *handoverPackResolver) Handover(ctx context.Context, obj *throughline.HandoverPack) (*throughline.Handover, error) {
	panic(fmt.Errorf("not implemented: Handover - handover"))
}

// Person is the resolver for the person field.
func (r *handoverPackResolver) Person(ctx context.Context, obj *throughline.HandoverPack) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Person - person"))
}

// FromManager is the resolver for the fromManager field.
func (r *handoverPackResolver) FromManager(ctx context.Context, obj *throughline.HandoverPack) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: FromManager - fromManager"))
}

// Contents is the resolver for the contents field.
func (r *handoverPackResolver) Contents(ctx context.Context, obj *throughline.HandoverPack) (*throughline.HandoverContents, error) {
	panic(fmt.Errorf("not implemented: Contents - contents"))
}

// AcknowledgedBy is the resolver for the acknowledgedBy field.
func (r *handoverPackResolver) AcknowledgedBy(ctx context.Context, obj *throughline.HandoverPack) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: AcknowledgedBy - acknowledgedBy"))
}

// Markdown is the resolver for the markdown field.
func (r *handoverPackResolver) Markdown(ctx context.Context, obj *throughline.HandoverPack) (string, error) {
	panic(fmt.Errorf("not implemented: Markdown - markdown"))
}

// Manager is the resolver for the manager field.
func (r *managerStintResolver) Manager(ctx context.Context, obj *throughline.ManagerStint) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Manager - manager"))
}

// Handover is the resolver for the handover field.
func (r *managerStintResolver) Handover(ctx context.Context, obj *throughline.ManagerStint) (*throughline.Handover, error) {
	panic(fmt.Errorf("not implemented: Handover - handover"))
}

// DraftHandoverPack is the resolver for the draftHandoverPack field.
func (r *mutationResolver) DraftHandoverPack(ctx context.Context, input model.DraftHandoverPackInput) (*model.DraftHandoverPackPayload, error) {
	panic(fmt.Errorf("not implemented: DraftHandoverPack - draftHandoverPack"))
}

// HandOver is the resolver for the handOver field.
func (r *mutationResolver) HandOver(ctx context.Context, input model.HandOverInput) (*model.HandOverPayload, error) {
	panic(fmt.Errorf("not implemented: HandOver - handOver"))
}

// AcknowledgeHandoverPack is the resolver for the acknowledgeHandoverPack field.
func (r *mutationResolver) AcknowledgeHandoverPack(ctx context.Context, input model.AcknowledgeHandoverPackInput) (*model.AcknowledgeHandoverPackPayload, error) {
	panic(fmt.Errorf("not implemented: AcknowledgeHandoverPack - acknowledgeHandoverPack"))
}

// RecordDeparture is the resolver for the recordDeparture field.
func (r *mutationResolver) RecordDeparture(ctx context.Context, input model.RecordDepartureInput) (*model.RecordDeparturePayload, error) {
	panic(fmt.Errorf("not implemented: RecordDeparture - recordDeparture"))
}

// ManagerHistory is the resolver for the managerHistory field.
func (r *personResolver) ManagerHistory(ctx context.Context, obj *throughline.Person) ([]*throughline.ManagerStint, error) {
	panic(fmt.Errorf("not implemented: ManagerHistory - managerHistory"))
}

// Handovers is the resolver for the handovers field.
func (r *personResolver) Handovers(ctx context.Context, obj *throughline.Person, first *int32, after *string) (*model.HandoverConnection, error) {
	panic(fmt.Errorf("not implemented: Handovers - handovers"))
}

// AwaitingHandover is the resolver for the awaitingHandover field.
func (r *personResolver) AwaitingHandover(ctx context.Context, obj *throughline.Person) (bool, error) {
	panic(fmt.Errorf("not implemented: AwaitingHandover - awaitingHandover"))
}

// Handovers is the resolver for the handovers field.
func (r *queryResolver) Handovers(ctx context.Context, pendingOnly *bool, first *int32, after *string) (*model.HandoverConnection, error) {
	panic(fmt.Errorf("not implemented: Handovers - handovers"))
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
