package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
)

// Node is the resolver for the node field.
func (r *queryResolver) Node(ctx context.Context, id string) (scalar.Node, error) {
	return r.node(ctx, id)
}

// Nodes is the resolver for the nodes field.
func (r *queryResolver) Nodes(ctx context.Context, ids []string) ([]scalar.Node, error) {
	if len(ids) > maxNodes {
		return nil, throughline.FieldErrorf(throughline.EINVALID, "ids",
			"ask for at most %d IDs at once, not %d", maxNodes, len(ids))
	}
	if err := r.prefetchNodes(ctx, ids); err != nil {
		return nil, err
	}
	out := make([]scalar.Node, len(ids))
	for i, id := range ids {
		n, err := r.node(ctx, id)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// ServerInfo is the resolver for the serverInfo field.
func (r *queryResolver) ServerInfo(ctx context.Context) (*model.ServerInfo, error) {
	return &model.ServerInfo{Version: throughline.Version, SchemaVersion: throughline.SchemaVersion}, nil
}

// Mutation returns generated.MutationResolver implementation.
func (r *Resolver) Mutation() generated.MutationResolver { return &mutationResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type (
	mutationResolver struct{ *Resolver }
	queryResolver    struct{ *Resolver }
)
