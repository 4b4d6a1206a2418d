package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// CarriedFrom is the resolver for the carriedFrom field.
func (r *developmentGoalResolver) CarriedFrom(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.DevelopmentGoal, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Goal, obj.CarriedFromID, "development goal")
}

// CheckInOverdue is the resolver for the checkInOverdue field.
func (r *developmentPlanResolver) CheckInOverdue(ctx context.Context, obj *throughline.DevelopmentPlan) (bool, error) {
	late, _, err := r.planOverdue(ctx, obj.ID)
	return late, err
}

// QuarterlyReviewOverdue is the resolver for the quarterlyReviewOverdue field.
func (r *developmentPlanResolver) QuarterlyReviewOverdue(ctx context.Context, obj *throughline.DevelopmentPlan) (bool, error) {
	_, late, err := r.planOverdue(ctx, obj.ID)
	return late, err
}

// OpenCycle is the resolver for the openCycle field.
func (r *mutationResolver) OpenCycle(ctx context.Context, input model.OpenCycleInput) (*model.OpenCyclePayload, error) {
	opened, err := r.openCycle(ctx, input)
	return payload(opened, err, openCyclePayload)
}

// HoldQuarterlyReview is the resolver for the holdQuarterlyReview field.
func (r *mutationResolver) HoldQuarterlyReview(ctx context.Context, input model.HoldQuarterlyReviewInput) (*model.HoldQuarterlyReviewPayload, error) {
	held, err := r.holdQuarterlyReview(ctx, input)
	return payload(held, err, holdReviewPayload)
}

// SetReviewRhythm is the resolver for the setReviewRhythm field.
func (r *mutationResolver) SetReviewRhythm(ctx context.Context, input model.SetReviewRhythmInput) (*model.SetReviewRhythmPayload, error) {
	rh, err := r.setReviewRhythm(ctx, input)
	return payload(rh, err, setRhythmPayload)
}

// ResetCalendarFeed is the resolver for the resetCalendarFeed field.
func (r *mutationResolver) ResetCalendarFeed(ctx context.Context) (*model.ResetCalendarFeedPayload, error) {
	f, err := r.resetCalendarFeed(ctx)
	return payload(f, err, calendarFeedPayload)
}

// ReviewRhythm is the resolver for the reviewRhythm field.
func (r *queryResolver) ReviewRhythm(ctx context.Context) (*throughline.Rhythm, error) {
	rh, err := r.rhythm(ctx)
	if err != nil {
		return nil, err
	}
	return &rh, nil
}

// DueCheckIns is the resolver for the dueCheckIns field.
func (r *queryResolver) DueCheckIns(ctx context.Context, includeIndirect *bool, withinDays *int32, first *int32, after *string) (*model.DueCheckInConnection, error) {
	return r.dueCheckIns(ctx, includeIndirect, withinDays, first, after)
}

// MonthlyEveryDays is the resolver for the monthlyEveryDays field.
func (r *reviewRhythmResolver) MonthlyEveryDays(ctx context.Context, obj *throughline.Rhythm) (int32, error) {
	days, _, _ := obj.Days()
	return int32(days), nil
}

// ReviewWindowDays is the resolver for the reviewWindowDays field.
func (r *reviewRhythmResolver) ReviewWindowDays(ctx context.Context, obj *throughline.Rhythm) (int32, error) {
	_, days, _ := obj.Days()
	return int32(days), nil
}

// ReviewLeadDays is the resolver for the reviewLeadDays field.
func (r *reviewRhythmResolver) ReviewLeadDays(ctx context.Context, obj *throughline.Rhythm) (int32, error) {
	_, _, days := obj.Days()
	return int32(days), nil
}

// ReviewRhythm returns generated.ReviewRhythmResolver implementation.
func (r *Resolver) ReviewRhythm() generated.ReviewRhythmResolver { return &reviewRhythmResolver{r} }

type reviewRhythmResolver struct{ *Resolver }
