package gql

import (
	"context"
	"fmt"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/generated"
	"throughline.dev/graph/gql/model"
)

// ID is the resolver for the id field.
func (r *checkInResolver) ID(ctx context.Context, obj *throughline.CheckIn) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Plan is the resolver for the plan field.
func (r *checkInResolver) Plan(ctx context.Context, obj *throughline.CheckIn) (*throughline.DevelopmentPlan, error) {
	panic(fmt.Errorf("not implemented: Plan - plan"))
}

// Author is the resolver for the author field.
func (r *checkInResolver) Author(ctx context.Context, obj *throughline.CheckIn) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Author - author"))
}

// ObservedChange is the resolver for the observedChange field.
func (r *checkInResolver) ObservedChange(ctx context.Context, obj *throughline.CheckIn) (*throughline.ObservedChange, error) {
	panic(fmt.Errorf("not implemented: ObservedChange - observedChange"))
}

// Note is the resolver for the note field.
func (r *checkInResolver) Note(ctx context.Context, obj *throughline.CheckIn) (*string, error) {
	panic(fmt.Errorf("not implemented: Note - note"))
}

// ID is the resolver for the id field.
func (r *developmentActionResolver) ID(ctx context.Context, obj *throughline.DevelopmentAction) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Goal is the resolver for the goal field.
func (r *developmentActionResolver) Goal(ctx context.Context, obj *throughline.DevelopmentAction) (*throughline.DevelopmentGoal, error) {
	panic(fmt.Errorf("not implemented: Goal - goal"))
}

// Supporter is the resolver for the supporter field.
func (r *developmentActionResolver) Supporter(ctx context.Context, obj *throughline.DevelopmentAction) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Supporter - supporter"))
}

// SupporterRole is the resolver for the supporterRole field.
func (r *developmentActionResolver) SupporterRole(ctx context.Context, obj *throughline.DevelopmentAction) (*throughline.SupporterRole, error) {
	panic(fmt.Errorf("not implemented: SupporterRole - supporterRole"))
}

// Overdue is the resolver for the overdue field.
func (r *developmentActionResolver) Overdue(ctx context.Context, obj *throughline.DevelopmentAction) (bool, error) {
	panic(fmt.Errorf("not implemented: Overdue - overdue"))
}

// ID is the resolver for the id field.
func (r *developmentGoalResolver) ID(ctx context.Context, obj *throughline.DevelopmentGoal) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Plan is the resolver for the plan field.
func (r *developmentGoalResolver) Plan(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.DevelopmentPlan, error) {
	panic(fmt.Errorf("not implemented: Plan - plan"))
}

// KeyResult is the resolver for the keyResult field.
func (r *developmentGoalResolver) KeyResult(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.KeyResult, error) {
	panic(fmt.Errorf("not implemented: KeyResult - keyResult"))
}

// Capability is the resolver for the capability field.
func (r *developmentGoalResolver) Capability(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.Capability, error) {
	panic(fmt.Errorf("not implemented: Capability - capability"))
}

// Requirement is the resolver for the requirement field.
func (r *developmentGoalResolver) Requirement(ctx context.Context, obj *throughline.DevelopmentGoal) (*throughline.CapabilityRequirement, error) {
	panic(fmt.Errorf("not implemented: Requirement - requirement"))
}

// Gap is the resolver for the gap field.
func (r *developmentGoalResolver) Gap(ctx context.Context, obj *throughline.DevelopmentGoal) (*model.CapabilityGap, error) {
	panic(fmt.Errorf("not implemented: Gap - gap"))
}

// Actions is the resolver for the actions field.
func (r *developmentGoalResolver) Actions(ctx context.Context, obj *throughline.DevelopmentGoal) ([]*throughline.DevelopmentAction, error) {
	panic(fmt.Errorf("not implemented: Actions - actions"))
}

// ID is the resolver for the id field.
func (r *developmentPlanResolver) ID(ctx context.Context, obj *throughline.DevelopmentPlan) (string, error) {
	panic(fmt.Errorf("not implemented: ID - id"))
}

// Person is the resolver for the person field.
func (r *developmentPlanResolver) Person(ctx context.Context, obj *throughline.DevelopmentPlan) (*throughline.Person, error) {
	panic(fmt.Errorf("not implemented: Person - person"))
}

// Cycle is the resolver for the cycle field.
func (r *developmentPlanResolver) Cycle(ctx context.Context, obj *throughline.DevelopmentPlan) (*throughline.Cycle, error) {
	panic(fmt.Errorf("not implemented: Cycle - cycle"))
}

// ExecutionGoals is the resolver for the executionGoals field.
func (r *developmentPlanResolver) ExecutionGoals(ctx context.Context, obj *throughline.DevelopmentPlan) ([]*throughline.DevelopmentGoal, error) {
	panic(fmt.Errorf("not implemented: ExecutionGoals - executionGoals"))
}

// CareerGoals is the resolver for the careerGoals field.
func (r *developmentPlanResolver) CareerGoals(ctx context.Context, obj *throughline.DevelopmentPlan) ([]*throughline.DevelopmentGoal, error) {
	panic(fmt.Errorf("not implemented: CareerGoals - careerGoals"))
}

// CheckIns is the resolver for the checkIns field.
func (r *developmentPlanResolver) CheckIns(ctx context.Context, obj *throughline.DevelopmentPlan, first *int32, after *string) (*model.CheckInConnection, error) {
	panic(fmt.Errorf("not implemented: CheckIns - checkIns"))
}

// Warnings is the resolver for the warnings field.
func (r *developmentPlanResolver) Warnings(ctx context.Context, obj *throughline.DevelopmentPlan) ([]*throughline.Warning, error) {
	panic(fmt.Errorf("not implemented: Warnings - warnings"))
}

// NextCheckInDue is the resolver for the nextCheckInDue field.
func (r *developmentPlanResolver) NextCheckInDue(ctx context.Context, obj *throughline.DevelopmentPlan) (*time.Time, error) {
	panic(fmt.Errorf("not implemented: NextCheckInDue - nextCheckInDue"))
}

// QuarterlyReviewDue is the resolver for the quarterlyReviewDue field.
func (r *developmentPlanResolver) QuarterlyReviewDue(ctx context.Context, obj *throughline.DevelopmentPlan) (*time.Time, error) {
	panic(fmt.Errorf("not implemented: QuarterlyReviewDue - quarterlyReviewDue"))
}

// QuarterlyReviewHeld is the resolver for the quarterlyReviewHeld field.
func (r *developmentPlanResolver) QuarterlyReviewHeld(ctx context.Context, obj *throughline.DevelopmentPlan) (bool, error) {
	panic(fmt.Errorf("not implemented: QuarterlyReviewHeld - quarterlyReviewHeld"))
}

// CreateDevelopmentPlan is the resolver for the createDevelopmentPlan field.
func (r *mutationResolver) CreateDevelopmentPlan(ctx context.Context, input model.CreateDevelopmentPlanInput) (*model.CreateDevelopmentPlanPayload, error) {
	panic(fmt.Errorf("not implemented: CreateDevelopmentPlan - createDevelopmentPlan"))
}

// SetPlanStatus is the resolver for the setPlanStatus field.
func (r *mutationResolver) SetPlanStatus(ctx context.Context, input model.SetPlanStatusInput) (*model.SetPlanStatusPayload, error) {
	panic(fmt.Errorf("not implemented: SetPlanStatus - setPlanStatus"))
}

// AddDevelopmentGoal is the resolver for the addDevelopmentGoal field.
func (r *mutationResolver) AddDevelopmentGoal(ctx context.Context, input model.AddDevelopmentGoalInput) (*model.AddDevelopmentGoalPayload, error) {
	panic(fmt.Errorf("not implemented: AddDevelopmentGoal - addDevelopmentGoal"))
}

// UpdateDevelopmentGoal is the resolver for the updateDevelopmentGoal field.
func (r *mutationResolver) UpdateDevelopmentGoal(ctx context.Context, input model.UpdateDevelopmentGoalInput) (*model.UpdateDevelopmentGoalPayload, error) {
	panic(fmt.Errorf("not implemented: UpdateDevelopmentGoal - updateDevelopmentGoal"))
}

// AddDevelopmentAction is the resolver for the addDevelopmentAction field.
func (r *mutationResolver) AddDevelopmentAction(ctx context.Context, input model.AddDevelopmentActionInput) (*model.AddDevelopmentActionPayload, error) {
	panic(fmt.Errorf("not implemented: AddDevelopmentAction - addDevelopmentAction"))
}

// UpdateDevelopmentAction is the resolver for the updateDevelopmentAction field.
func (r *mutationResolver) UpdateDevelopmentAction(ctx context.Context, input model.UpdateDevelopmentActionInput) (*model.UpdateDevelopmentActionPayload, error) {
	panic(fmt.Errorf("not implemented: UpdateDevelopmentAction - updateDevelopmentAction"))
}

// RecordCheckIn is the resolver for the recordCheckIn field.
func (r *mutationResolver) RecordCheckIn(ctx context.Context, input model.RecordCheckInInput) (*model.RecordCheckInPayload, error) {
	panic(fmt.Errorf("not implemented: RecordCheckIn - recordCheckIn"))
}

// Goal is the resolver for the goal field.
func (r *planWarningResolver) Goal(ctx context.Context, obj *throughline.Warning) (*throughline.DevelopmentGoal, error) {
	panic(fmt.Errorf("not implemented: Goal - goal"))
}

// DevelopmentPlans is the resolver for the developmentPlans field.
func (r *queryResolver) DevelopmentPlans(ctx context.Context, cycle *string, status *throughline.PlanStatus, teamID *string, first *int32, after *string) (*model.DevelopmentPlanConnection, error) {
	panic(fmt.Errorf("not implemented: DevelopmentPlans - developmentPlans"))
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
