package storage

// STUB: placeholder methods so the module builds while this area is
// written. Replace the whole file.

import (
	"context"
	"time"

	throughline "throughline.dev/graph"
)

var _ = time.Now

func (s *Store) FindPlanByID(ctx context.Context, id int64) (*throughline.DevelopmentPlan, error) {
	return nil, errStub
}

func (s *Store) FindPlanFor(ctx context.Context, personID, cycleID int64) (*throughline.DevelopmentPlan, error) {
	return nil, errStub
}

func (s *Store) FindPlans(ctx context.Context, f throughline.PlanFilter, page throughline.PageRequest) (*throughline.Page[*throughline.DevelopmentPlan], error) {
	return nil, errStub
}

func (s *Store) CreatePlan(ctx context.Context, p *throughline.DevelopmentPlan) error {
	return errStub
}

func (s *Store) SetPlanStatus(ctx context.Context, id int64, version int32, status throughline.PlanStatus, reason string) (*throughline.DevelopmentPlan, error) {
	return nil, errStub
}

func (s *Store) FindGoalByID(ctx context.Context, id int64) (*throughline.DevelopmentGoal, error) {
	return nil, errStub
}

func (s *Store) FindGoals(ctx context.Context, planID int64) ([]*throughline.DevelopmentGoal, error) {
	return nil, errStub
}

func (s *Store) AddGoal(ctx context.Context, planVersion int32, g *throughline.DevelopmentGoal) (*throughline.DevelopmentPlan, error) {
	return nil, errStub
}

func (s *Store) UpdateGoal(ctx context.Context, id int64, planVersion int32, u throughline.GoalUpdate) (*throughline.DevelopmentGoal, error) {
	return nil, errStub
}

func (s *Store) FindActionByID(ctx context.Context, id int64) (*throughline.DevelopmentAction, error) {
	return nil, errStub
}

func (s *Store) FindActions(ctx context.Context, goalID int64) ([]*throughline.DevelopmentAction, error) {
	return nil, errStub
}

func (s *Store) AddAction(ctx context.Context, planVersion int32, a *throughline.DevelopmentAction) error {
	return errStub
}

func (s *Store) UpdateAction(ctx context.Context, id int64, planVersion int32, u throughline.ActionUpdate) (*throughline.DevelopmentAction, error) {
	return nil, errStub
}

func (s *Store) FindCheckInByID(ctx context.Context, id int64) (*throughline.CheckIn, error) {
	return nil, errStub
}

func (s *Store) FindCheckIns(ctx context.Context, planID int64, page throughline.PageRequest) (*throughline.Page[*throughline.CheckIn], error) {
	return nil, errStub
}

func (s *Store) RecordCheckIn(ctx context.Context, planVersion int32, c *throughline.CheckIn) (*throughline.DevelopmentPlan, error) {
	return nil, errStub
}
