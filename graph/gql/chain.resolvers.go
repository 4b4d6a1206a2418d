package gql

import (
	"context"

	"throughline.dev/graph/gql/model"
)

// Chain is the resolver for the chain field.
func (r *queryResolver) Chain(ctx context.Context, personID string, cycle *string) (*model.PersonChain, error) {
	return r.personChain(ctx, personID, cycle)
}
