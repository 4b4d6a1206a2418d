package gql

import (
	"context"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// ID is the resolver for the id field.
func (r *checkInResolver) ID(ctx context.Context, obj *throughline.CheckIn) (string, error) {
	return globalID(throughline.KindCheckIn, obj.ID), nil
}

// Plan is the resolver for the plan field.
func (r *checkInResolver) Plan(ctx context.Context, obj *throughline.CheckIn) (*throughline.DevelopmentPlan, error) {
	return loaders.Load(ctx, loaders.For(ctx).Plan, obj.PlanID, "development plan")
}

// Author is the resolver for the author field.
func (r *checkInResolver) Author(ctx context.Context, obj *throughline.CheckIn) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.AuthorID, "person")
}

// ObservedChange is the resolver for the observedChange field.
func (r *checkInResolver) ObservedChange(ctx context.Context, obj *throughline.CheckIn) (*throughline.ObservedChange, error) {
	return emptyIsNull(obj.ObservedChange), nil
}

// Note is the resolver for the note field.
func (r *checkInResolver) Note(ctx context.Context, obj *throughline.CheckIn) (*string, error) {
	return checkInNote(ctx, obj), nil
}

// ID is the resolver for the id field.
func (r *developmentActionResolver) ID(ctx context.Context, obj *throughline.DevelopmentAction) (string, error) {
	return globalID(throughline.KindAction, obj.ID), nil
}

// Goal is the resolver for the goal field.
func (r *developmentActionResolver) Goal(ctx context.Context, obj *throughline.DevelopmentAction) (*throughline.DevelopmentGoal, error) {
	return loaders.Load(ctx, loaders.For(ctx).Goal, obj.GoalID, "development goal")
}

// Supporter is the resolver for the supporter field.
func (r *developmentActionResolver) Supporter(ctx context.Context, obj *throughline.DevelopmentAction) (*throughline.Person, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Person, obj.SupporterID, "person")
}

// SupporterRole is the resolver for the supporterRole field.
func (r *developmentActionResolver) SupporterRole(ctx context.Context, obj *throughline.DevelopmentAction) (*throughline.SupporterRole, error) {
	return emptyIsNull(obj.SupporterRole), nil
}

// Overdue is the resolver for the overdue field.
func (r *developmentActionResolver) Overdue(ctx context.Context, obj *throughline.DevelopmentAction) (bool, error) {
	return overdue(obj, r.today()), nil
}

// ID is the resolver for the id field.
func (r *developmentGoalResolver) ID(ctx context.Context, obj *throughline.DevelopmentGoal) (string, error) {
	return globalID(throughline.KindGoal, obj.ID), nil
}

// Plan is the resolver for the plan field.
func (r *developmentGoalResolver) Plan(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.DevelopmentPlan, error) {
	return loaders.Load(ctx, loaders.For(ctx).Plan, obj.PlanID, "development plan")
}

// KeyResult is the resolver for the keyResult field.
func (r *developmentGoalResolver) KeyResult(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.KeyResult, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).KeyResult, obj.KeyResultID, "key result")
}

// Capability is the resolver for the capability field.
func (r *developmentGoalResolver) Capability(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.Capability, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Capability, obj.CapabilityID, "capability")
}

// Requirement is the resolver for the requirement field.
func (r *developmentGoalResolver) Requirement(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.CapabilityRequirement, error) {
	return requirementFor(ctx, obj)
}

// Gap is the resolver for the gap field.
func (r *developmentGoalResolver) Gap(ctx context.Context, obj *throughline.DevelopmentGoal) (*model.CapabilityGap, error) {
	return r.goalGap(ctx, obj)
}

// Actions is the resolver for the actions field.
func (r *developmentGoalResolver) Actions(ctx context.Context, obj *throughline.DevelopmentGoal) ([]*throughline.DevelopmentAction, error) {
	actions, err := loaders.For(ctx).Actions.Load(ctx, obj.ID)
	return nonNil(actions), err
}

// ID is the resolver for the id field.
func (r *developmentPlanResolver) ID(ctx context.Context, obj *throughline.DevelopmentPlan) (string, error) {
	return globalID(throughline.KindPlan, obj.ID), nil
}

// Person is the resolver for the person field.
func (r *developmentPlanResolver) Person(ctx context.Context, obj *throughline.DevelopmentPlan) (*throughline.Person, error) {
	return loaders.Load(ctx, loaders.For(ctx).Person, obj.PersonID, "person")
}

// Cycle is the resolver for the cycle field.
func (r *developmentPlanResolver) Cycle(ctx context.Context, obj *throughline.DevelopmentPlan) (*throughline.Cycle, error) {
	return loaders.Load(ctx, loaders.For(ctx).Cycle, obj.CycleID, "cycle")
}

// ExecutionGoals is the resolver for the executionGoals field.
func (r *developmentPlanResolver) ExecutionGoals(ctx context.Context, obj *throughline.DevelopmentPlan) ([]*throughline.DevelopmentGoal, error) {
	return goalsInLane(ctx, obj.ID, throughline.LaneExecution)
}

// CareerGoals is the resolver for the careerGoals field.
func (r *developmentPlanResolver) CareerGoals(ctx context.Context, obj *throughline.DevelopmentPlan) ([]*throughline.DevelopmentGoal, error) {
	return goalsInLane(ctx, obj.ID, throughline.LaneCareer)
}

// CheckIns is the resolver for the checkIns field.
func (r *developmentPlanResolver) CheckIns(ctx context.Context, obj *throughline.DevelopmentPlan, first *int32, after *string) (*model.CheckInConnection, error) {
	return r.checkIns(ctx, obj.ID, first, after)
}

// Warnings is the resolver for the warnings field.
func (r *developmentPlanResolver) Warnings(ctx context.Context, obj *throughline.DevelopmentPlan) ([]*throughline.Warning, error) {
	return r.planWarnings(ctx, obj.ID)
}

// NextCheckInDue is the resolver for the nextCheckInDue field.
func (r *developmentPlanResolver) NextCheckInDue(ctx context.Context, obj *throughline.DevelopmentPlan) (*time.Time, error) {
	s, rhythm, err := r.snapshotAndRhythm(ctx, obj.ID)
	if err != nil {
		return nil, err
	}
	due := s.NextCheckInDue(rhythm)
	return &due, nil
}

// QuarterlyReviewDue is the resolver for the quarterlyReviewDue field.
func (r *developmentPlanResolver) QuarterlyReviewDue(ctx context.Context, obj *throughline.DevelopmentPlan) (*time.Time, error) {
	s, rhythm, err := r.snapshotAndRhythm(ctx, obj.ID)
	if err != nil {
		return nil, err
	}
	due, _ := s.QuarterlyReviewDue(rhythm)
	return &due, nil
}

// QuarterlyReviewHeld is the resolver for the quarterlyReviewHeld field.
func (r *developmentPlanResolver) QuarterlyReviewHeld(ctx context.Context, obj *throughline.DevelopmentPlan) (bool, error) {
	s, rhythm, err := r.snapshotAndRhythm(ctx, obj.ID)
	if err != nil {
		return false, err
	}
	_, held := s.QuarterlyReviewDue(rhythm)
	return held, nil
}

// CreateDevelopmentPlan is the resolver for the createDevelopmentPlan field.
func (r *mutationResolver) CreateDevelopmentPlan(ctx context.Context, input model.CreateDevelopmentPlanInput) (*model.CreateDevelopmentPlanPayload, error) {
	p, err := r.createPlan(ctx, input)
	return payload(p, err, createPlanPayload)
}

// SetPlanStatus is the resolver for the setPlanStatus field.
func (r *mutationResolver) SetPlanStatus(ctx context.Context, input model.SetPlanStatusInput) (*model.SetPlanStatusPayload, error) {
	p, err := r.setPlanStatus(ctx, input)
	return payload(p, err, setPlanStatusPayload)
}

// AddDevelopmentGoal is the resolver for the addDevelopmentGoal field.
func (r *mutationResolver) AddDevelopmentGoal(ctx context.Context, input model.AddDevelopmentGoalInput) (*model.AddDevelopmentGoalPayload, error) {
	added, err := r.addGoal(ctx, input)
	return payload(added, err, addGoalPayload)
}

// UpdateDevelopmentGoal is the resolver for the updateDevelopmentGoal field.
func (r *mutationResolver) UpdateDevelopmentGoal(ctx context.Context, input model.UpdateDevelopmentGoalInput) (*model.UpdateDevelopmentGoalPayload, error) {
	g, err := r.updateGoal(ctx, input)
	return payload(g, err, updateGoalPayload)
}

// AddDevelopmentAction is the resolver for the addDevelopmentAction field.
func (r *mutationResolver) AddDevelopmentAction(ctx context.Context, input model.AddDevelopmentActionInput) (*model.AddDevelopmentActionPayload, error) {
	a, err := r.addAction(ctx, input)
	return payload(a, err, addActionPayload)
}

// UpdateDevelopmentAction is the resolver for the updateDevelopmentAction field.
func (r *mutationResolver) UpdateDevelopmentAction(ctx context.Context, input model.UpdateDevelopmentActionInput) (*model.UpdateDevelopmentActionPayload, error) {
	a, err := r.updateAction(ctx, input)
	return payload(a, err, updateActionPayload)
}

// RecordCheckIn is the resolver for the recordCheckIn field.
func (r *mutationResolver) RecordCheckIn(ctx context.Context, input model.RecordCheckInInput) (*model.RecordCheckInPayload, error) {
	rec, err := r.recordCheckIn(ctx, input)
	return payload(rec, err, checkInPayload)
}

// Goal is the resolver for the goal field.
func (r *planWarningResolver) Goal(ctx context.Context, obj *throughline.Warning) (*throughline.DevelopmentGoal, error) {
	return loaders.LoadOptional(ctx, loaders.For(ctx).Goal, obj.GoalID, "development goal")
}

// DevelopmentPlans is the resolver for the developmentPlans field.
func (r *queryResolver) DevelopmentPlans(ctx context.Context, cycle *string, status *throughline.PlanStatus, teamID *string, first *int32, after *string) (*model.DevelopmentPlanConnection, error) {
	return r.findPlans(ctx, cycle, status, teamID, first, after)
}

// CheckIn returns generated.CheckInResolver implementation.
func (r *Resolver) CheckIn() generated.CheckInResolver { return &checkInResolver{r} }

// DevelopmentAction returns generated.DevelopmentActionResolver implementation.
func (r *Resolver) DevelopmentAction() generated.DevelopmentActionResolver {
	return &developmentActionResolver{r}
}

// DevelopmentGoal returns generated.DevelopmentGoalResolver implementation.
func (r *Resolver) DevelopmentGoal() generated.DevelopmentGoalResolver {
	return &developmentGoalResolver{r}
}

// DevelopmentPlan returns generated.DevelopmentPlanResolver implementation.
func (r *Resolver) DevelopmentPlan() generated.DevelopmentPlanResolver {
	return &developmentPlanResolver{r}
}

// PlanWarning returns generated.PlanWarningResolver implementation.
func (r *Resolver) PlanWarning() generated.PlanWarningResolver { return &planWarningResolver{r} }

type (
	checkInResolver           struct{ *Resolver }
	developmentActionResolver struct{ *Resolver }
	developmentGoalResolver   struct{ *Resolver }
	developmentPlanResolver   struct{ *Resolver }
	planWarningResolver       struct{ *Resolver }
)
