package gql

import (
	"context"

	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
)

// Uncovered is the resolver for the uncovered field.
func (r *criticalCoverageResolver) Uncovered(ctx context.Context, obj *model.CriticalCoverage, first *int32, after *string) (*model.KeyResultConnection, error) {
	return uncovered(obj.UncoveredKeyResults, first, after)
}

// Dashboard is the resolver for the dashboard field.
func (r *queryResolver) Dashboard(ctx context.Context, cycle *string, teamID *string) (*model.Dashboard, error) {
	return r.dashboard(ctx, cycle, teamID)
}

// CriticalCoverage returns generated.CriticalCoverageResolver implementation.
func (r *Resolver) CriticalCoverage() generated.CriticalCoverageResolver {
	return &criticalCoverageResolver{r}
}

type criticalCoverageResolver struct{ *Resolver }
