package gql

import (
	"context"
	"fmt"

	"throughline.dev/graph/gql/model"
)

// Chain is the resolver for the chain field.
func (r *queryResolver) Chain(ctx context.Context, personID string, cycle *string) (*model.PersonChain, error) {
	panic(fmt.Errorf("not implemented: Chain - chain"))
}
