package gql

import (
	"context"

	"throughline.dev/graph/gql/model"
)

// Dashboard is the resolver for the dashboard field.
func (r *queryResolver) Dashboard(ctx context.Context, cycle *string, teamID *string) (*model.Dashboard, error) {
	return r.dashboard(ctx, cycle, teamID)
}
