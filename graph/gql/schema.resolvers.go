package gql

import (
	"context"
	"fmt"

	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/scalar"
)

// Node is the resolver for the node field.
func (r *queryResolver) Node(ctx context.Context, id string) (scalar.Node, error) {
	panic(fmt.Errorf("not implemented: Node - node"))
}

// Nodes is the resolver for the nodes field.
func (r *queryResolver) Nodes(ctx context.Context, ids []string) ([]scalar.Node, error) {
	panic(fmt.Errorf("not implemented: Nodes - nodes"))
}

// Mutation returns generated.MutationResolver implementation.
func (r *Resolver) Mutation() generated.MutationResolver { return &mutationResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type (
	mutationResolver struct{ *Resolver }
	queryResolver    struct{ *Resolver }
)
