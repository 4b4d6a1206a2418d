package gql

import (
	"context"
	"fmt"

	"throughline.dev/graph/gql/model"
)

// Dashboard is the resolver for the dashboard field.
func (r *queryResolver) Dashboard(ctx context.Context, cycle *string, teamID *string) (*model.Dashboard, error) {
	panic(fmt.Errorf("not implemented: Dashboard - dashboard"))
}
