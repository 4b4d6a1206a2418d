package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// ID is the resolver for the id field.
func (r *auditEntryResolver) ID(ctx context.Context, obj *throughline.AuditEntry) (string, error) {
	return globalID(throughline.KindAuditEntry, obj.ID), nil
}

// Actor is the resolver for the actor field.
func (r *auditEntryResolver) Actor(ctx context.Context, obj *throughline.AuditEntry) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.ActorID, "person")
}

// ObjectID is the resolver for the objectId field.
func (r *auditEntryResolver) ObjectID(ctx context.Context, obj *throughline.AuditEntry) (*string, error) {
	if obj.ObjectID == nil {
		return nil, nil
	}
	id := globalID(obj.ObjectKind, *obj.ObjectID)
	return &id, nil
}

// CreateToken is the resolver for the createToken field.
func (r *mutationResolver) CreateToken(ctx context.Context, input model.CreateTokenInput) (*model.CreateTokenPayload, error) {
	t, secret, err := r.createToken(ctx, input)
	return payload(t, err, func(v *throughline.Token, ue []*model.UserError) *model.CreateTokenPayload {
		p := &model.CreateTokenPayload{Token: v, UserErrors: ue}
		if v != nil {
			p.Secret = &secret
		}
		return p
	})
}

// RevokeToken is the resolver for the revokeToken field.
func (r *mutationResolver) RevokeToken(ctx context.Context, input model.RevokeTokenInput) (*model.RevokeTokenPayload, error) {
	t, err := r.revokeToken(ctx, input)
	return payload(t, err, func(v *throughline.Token, ue []*model.UserError) *model.RevokeTokenPayload {
		return &model.RevokeTokenPayload{Token: v, UserErrors: ue}
	})
}

// Viewer is the resolver for the viewer field.
func (r *queryResolver) Viewer(ctx context.Context) (*throughline.Actor, error) {
	return actorFrom(ctx)
}

// Tokens is the resolver for the tokens field.
func (r *queryResolver) Tokens(ctx context.Context, first *int32, after *string) (*model.TokenConnection, error) {
	return r.findTokens(ctx, first, after)
}

// AuditLog is the resolver for the auditLog field.
func (r *queryResolver) AuditLog(ctx context.Context, objectID *string, actorID *string, first *int32, after *string) (*model.AuditEntryConnection, error) {
	return r.findAuditEntries(ctx, objectID, actorID, first, after)
}

// ID is the resolver for the id field.
func (r *tokenResolver) ID(ctx context.Context, obj *throughline.Token) (string, error) {
	return globalID(throughline.KindToken, obj.ID), nil
}

// Person is the resolver for the person field.
func (r *tokenResolver) Person(ctx context.Context, obj *throughline.Token) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.PersonID, "person")
}

// CreatedBy is the resolver for the createdBy field.
func (r *tokenResolver) CreatedBy(ctx context.Context, obj *throughline.Token) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.CreatedByID, "person")
}

// Person is the resolver for the person field.
func (r *viewerResolver) Person(ctx context.Context, obj *throughline.Actor) (*throughline.Person, error) {
	if obj.PersonID == 0 {
		return nil, nil
	}
	return loaders.Load(ctx, loaders.For(ctx).Person, obj.PersonID, "person")
}

// AuditEntry returns generated.AuditEntryResolver implementation.
func (r *Resolver) AuditEntry() generated.AuditEntryResolver { return &auditEntryResolver{r} }

// Token returns generated.TokenResolver implementation.
func (r *Resolver) Token() generated.TokenResolver { return &tokenResolver{r} }

// Viewer returns generated.ViewerResolver implementation.
func (r *Resolver) Viewer() generated.ViewerResolver { return &viewerResolver{r} }

type (
	auditEntryResolver struct{ *Resolver }
	tokenResolver      struct{ *Resolver }
	viewerResolver     struct{ *Resolver }
)
