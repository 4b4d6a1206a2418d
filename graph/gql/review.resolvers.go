package gql

import (
	"context"
	"fmt"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
)

// CarriedFrom is the resolver for the carriedFrom field.
func (r *developmentGoalResolver) CarriedFrom(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.DevelopmentGoal, error) {
	panic(fmt.Errorf("not implemented: CarriedFrom - carriedFrom"))
}

// CheckInOverdue is the resolver for the checkInOverdue field.
func (r *developmentPlanResolver) CheckInOverdue(ctx context.Context, obj *throughline.DevelopmentPlan) (bool, error) {
	panic(fmt.Errorf("not implemented: CheckInOverdue - checkInOverdue"))
}

// QuarterlyReviewOverdue is the resolver for the quarterlyReviewOverdue field.
func (r *developmentPlanResolver) QuarterlyReviewOverdue(ctx context.Context, obj *throughline.DevelopmentPlan) (bool, error) {
	panic(fmt.Errorf("not implemented: QuarterlyReviewOverdue - quarterlyReviewOverdue"))
}

// OpenCycle is the resolver for the openCycle field.
func (r *mutationResolver) OpenCycle(ctx context.Context, input model.OpenCycleInput) (*model.OpenCyclePayload, error) {
	panic(fmt.Errorf("not implemented: OpenCycle - openCycle"))
}

// HoldQuarterlyReview is the resolver for the holdQuarterlyReview field.
func (r *mutationResolver) HoldQuarterlyReview(ctx context.Context, input model.HoldQuarterlyReviewInput) (*model.HoldQuarterlyReviewPayload, error) {
	panic(fmt.Errorf("not implemented: HoldQuarterlyReview - holdQuarterlyReview"))
}

// SetReviewRhythm is the resolver for the setReviewRhythm field.
func (r *mutationResolver) SetReviewRhythm(ctx context.Context, input model.SetReviewRhythmInput) (*model.SetReviewRhythmPayload, error) {
	panic(fmt.Errorf("not implemented: SetReviewRhythm - setReviewRhythm"))
}

// ResetCalendarFeed is the resolver for the resetCalendarFeed field.
func (r *mutationResolver) ResetCalendarFeed(ctx context.Context) (*model.ResetCalendarFeedPayload, error) {
	panic(fmt.Errorf("not implemented: ResetCalendarFeed - resetCalendarFeed"))
}

// ReviewRhythm is the resolver for the reviewRhythm field.
func (r *queryResolver) ReviewRhythm(ctx context.Context) (*throughline.Rhythm, error) {
	panic(fmt.Errorf("not implemented: ReviewRhythm - reviewRhythm"))
}

// DueCheckIns is the resolver for the dueCheckIns field.
func (r *queryResolver) DueCheckIns(ctx context.Context, includeIndirect *bool, withinDays *int32) ([]*model.DueCheckIn, error) {
	panic(fmt.Errorf("not implemented: DueCheckIns - dueCheckIns"))
}

// MonthlyEveryDays is the resolver for the monthlyEveryDays field.
func (r *reviewRhythmResolver) MonthlyEveryDays(ctx context.Context, obj *throughline.Rhythm) (int32, error) {
	panic(fmt.Errorf("not implemented: MonthlyEveryDays - monthlyEveryDays"))
}

// ReviewWindowDays is the resolver for the reviewWindowDays field.
func (r *reviewRhythmResolver) ReviewWindowDays(ctx context.Context, obj *throughline.Rhythm) (int32, error) {
	panic(fmt.Errorf("not implemented: ReviewWindowDays - reviewWindowDays"))
}

// ReviewLeadDays is the resolver for the reviewLeadDays field.
func (r *reviewRhythmResolver) ReviewLeadDays(ctx context.Context, obj *throughline.Rhythm) (int32, error) {
	panic(fmt.Errorf("not implemented: ReviewLeadDays - reviewLeadDays"))
}

// ReviewRhythm returns generated.ReviewRhythmResolver implementation.
func (r *Resolver) ReviewRhythm() generated.ReviewRhythmResolver { return &reviewRhythmResolver{r} }

type reviewRhythmResolver struct{ *Resolver }
