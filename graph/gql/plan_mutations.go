package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
)

func (r *Resolver) createPlan(ctx context.Context,
	in model.CreateDevelopmentPlanInput,
) (*throughline.DevelopmentPlan, error) {
	personID, err := decodeID("personId", throughline.KindPerson, in.PersonID)
	if err != nil {
		return nil, err
	}
	if err := mayEditPlanOf(ctx, personID, "personId"); err != nil {
		return nil, err
	}
	c, err := r.Org.FindCycleByName(ctx, in.Cycle)
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return nil, throughline.FieldErrorf(throughline.ENOTFOUND, "cycle",
			"no cycle named %q", in.Cycle)
	}
	if err != nil {
		return nil, err
	}
	p := &throughline.DevelopmentPlan{PersonID: personID, CycleID: c.ID}
	if err := r.Plans.CreatePlan(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

func (r *Resolver) setPlanStatus(ctx context.Context,
	in model.SetPlanStatusInput,
) (*throughline.DevelopmentPlan, error) {
	id, err := decodeID("planId", throughline.KindPlan, in.PlanID)
	if err != nil {
		return nil, err
	}
	if err := mayEditPlan(ctx, id, "planId"); err != nil {
		return nil, err
	}
	return r.Plans.SetPlanStatus(ctx, id, in.Version, in.Status, deref(in.Reason))
}

// addedGoal is what addDevelopmentGoal returns: the goal and the plan at
// its new version.
type addedGoal struct {
	goal *throughline.DevelopmentGoal
	plan *throughline.DevelopmentPlan
}

func (r *Resolver) addGoal(ctx context.Context,
	in model.AddDevelopmentGoalInput,
) (addedGoal, error) {
	g, err := goalFromInput(in)
	if err != nil {
		return addedGoal{}, err
	}
	if err := mayEditPlan(ctx, g.PlanID, "planId"); err != nil {
		return addedGoal{}, err
	}
	p, err := r.Plans.AddGoal(ctx, in.Version, g)
	return addedGoal{goal: g, plan: p}, err
}

func goalFromInput(in model.AddDevelopmentGoalInput) (*throughline.DevelopmentGoal, error) {
	planID, err := decodeID("planId", throughline.KindPlan, in.PlanID)
	if err != nil {
		return nil, err
	}
	g := &throughline.DevelopmentGoal{
		PlanID: planID, Lane: in.Lane, Title: in.Title, TargetLevel: in.TargetLevel,
		ChangeInWork: deref(in.ChangeInWork), Horizon: deref(in.Horizon),
	}
	g.KeyResultID, err = decodeOptionalID("keyResultId", throughline.KindKeyResult, in.KeyResultID)
	if err != nil {
		return nil, err
	}
	g.CapabilityID, err = decodeOptionalID("capabilityId", throughline.KindCapability, in.CapabilityID)
	if err != nil {
		return nil, err
	}
	return g, nil
}

func (r *Resolver) updateGoal(ctx context.Context,
	in model.UpdateDevelopmentGoalInput,
) (*throughline.DevelopmentGoal, error) {
	id, err := decodeID("id", throughline.KindGoal, in.ID)
	if err != nil {
		return nil, err
	}
	if err := mayEditGoal(ctx, id, "id"); err != nil {
		return nil, err
	}
	u := throughline.GoalUpdate{
		Title: in.Title, ChangeInWork: in.ChangeInWork, TargetLevel: in.TargetLevel,
		Horizon: in.Horizon, State: in.State,
	}
	u.KeyResultID, err = decodeOptionalID("keyResultId", throughline.KindKeyResult, in.KeyResultID)
	if err != nil {
		return nil, err
	}
	u.CapabilityID, err = decodeOptionalID("capabilityId", throughline.KindCapability, in.CapabilityID)
	if err != nil {
		return nil, err
	}
	return r.Plans.UpdateGoal(ctx, id, in.Version, u)
}

func (r *Resolver) addAction(ctx context.Context,
	in model.AddDevelopmentActionInput,
) (*throughline.DevelopmentAction, error) {
	goalID, err := decodeID("goalId", throughline.KindGoal, in.GoalID)
	if err != nil {
		return nil, err
	}
	if err := mayEditGoal(ctx, goalID, "goalId"); err != nil {
		return nil, err
	}
	if err := r.roomForAction(ctx, goalID); err != nil {
		return nil, err
	}
	if err := throughline.CheckActionDates(in.DueOn, nil, r.today()); err != nil {
		return nil, err
	}
	a := &throughline.DevelopmentAction{
		GoalID: goalID, Kind: in.Kind, Title: in.Title, DueOn: in.DueOn,
		SupporterRole: deref(in.SupporterRole),
	}
	a.SupporterID, err = decodeOptionalID("supporterId", throughline.KindPerson, in.SupporterID)
	if err != nil {
		return nil, err
	}
	if err := r.Plans.AddAction(ctx, in.Version, a); err != nil {
		return nil, err
	}
	return a, nil
}

// roomForAction applies the bound on a goal's actions. The count is read
// before the store's transaction, and holds there all the same: adding an
// action raises the plan's version, so an action added meanwhile makes
// the store refuse the version this one was sent with.
func (r *Resolver) roomForAction(ctx context.Context, goalID int64) error {
	actions, err := r.Plans.FindActions(ctx, goalID)
	if err != nil {
		return err
	}
	return throughline.CheckActionRoom(len(actions), "goalId")
}

func (r *Resolver) updateAction(ctx context.Context,
	in model.UpdateDevelopmentActionInput,
) (*throughline.DevelopmentAction, error) {
	id, err := decodeID("id", throughline.KindAction, in.ID)
	if err != nil {
		return nil, err
	}
	if err := r.mayUpdateAction(ctx, id); err != nil {
		return nil, err
	}
	if err := throughline.CheckActionDates(in.DueOn, in.DoneOn, r.today()); err != nil {
		return nil, err
	}
	u := throughline.ActionUpdate{
		Title: in.Title, SupporterRole: in.SupporterRole, DueOn: in.DueOn,
		DoneOn: in.DoneOn, ClearDoneOn: deref(in.Reopen), Outcome: in.Outcome,
	}
	u.SupporterID, err = decodeOptionalID("supporterId", throughline.KindPerson, in.SupporterID)
	if err != nil {
		return nil, err
	}
	return r.Plans.UpdateAction(ctx, id, in.Version, u)
}

// recordedCheckIn is what recordCheckIn returns: the check-in and the
// plan at its new status and version.
type recordedCheckIn struct {
	checkIn *throughline.CheckIn
	plan    *throughline.DevelopmentPlan
}

func (r *Resolver) recordCheckIn(ctx context.Context,
	in model.RecordCheckInInput,
) (recordedCheckIn, error) {
	planID, err := decodeID("planId", throughline.KindPlan, in.PlanID)
	if err != nil {
		return recordedCheckIn{}, err
	}
	if err := mayEditPlan(ctx, planID, "planId"); err != nil {
		return recordedCheckIn{}, err
	}
	c := checkInFromInput(planID, in)
	if in.HeldOn == nil {
		c.HeldOn = r.today()
	}
	if err := throughline.CheckHeldOn(c.HeldOn, r.today(), "check-in"); err != nil {
		return recordedCheckIn{}, err
	}
	if a, _ := actorFrom(ctx); a != nil && a.PersonID != 0 {
		c.AuthorID = &a.PersonID
	}
	p, err := r.Plans.RecordCheckIn(ctx, in.Version, c)
	return recordedCheckIn{checkIn: c, plan: p}, err
}

func checkInFromInput(planID int64, in model.RecordCheckInInput) *throughline.CheckIn {
	c := &throughline.CheckIn{
		PlanID: planID, Kind: in.Kind,
		CapabilityBuilding: deref(in.CapabilityBuilding),
		RealWork:           deref(in.RealWork),
		StillHard:          deref(in.StillHard),
		SupportNeeded:      deref(in.SupportNeeded),
		OutputImproved:     deref(in.OutputImproved),
		ObservedChange:     deref(in.ObservedChange),
		StatusAfter:        in.StatusAfter,
		StatusReason:       deref(in.StatusReason),
		Note:               deref(in.Note),
		NotePrivate:        deref(in.NotePrivate),
	}
	if in.HeldOn != nil {
		c.HeldOn = *in.HeldOn
	}
	return c
}

// deref reads an optional input, the zero value when it was left out.
func deref[T any](v *T) T {
	if v == nil {
		var zero T
		return zero
	}
	return *v
}

// The payload builders of the plan mutations, for payload().

func createPlanPayload(p *throughline.DevelopmentPlan,
	ue []*model.UserError,
) *model.CreateDevelopmentPlanPayload {
	return &model.CreateDevelopmentPlanPayload{Plan: p, UserErrors: ue}
}

func setPlanStatusPayload(p *throughline.DevelopmentPlan,
	ue []*model.UserError,
) *model.SetPlanStatusPayload {
	return &model.SetPlanStatusPayload{Plan: p, UserErrors: ue}
}

func addGoalPayload(v addedGoal, ue []*model.UserError) *model.AddDevelopmentGoalPayload {
	return &model.AddDevelopmentGoalPayload{Goal: v.goal, Plan: v.plan, UserErrors: ue}
}

func updateGoalPayload(g *throughline.DevelopmentGoal,
	ue []*model.UserError,
) *model.UpdateDevelopmentGoalPayload {
	return &model.UpdateDevelopmentGoalPayload{Goal: g, UserErrors: ue}
}

func addActionPayload(a *throughline.DevelopmentAction,
	ue []*model.UserError,
) *model.AddDevelopmentActionPayload {
	return &model.AddDevelopmentActionPayload{Action: a, UserErrors: ue}
}

func updateActionPayload(a *throughline.DevelopmentAction,
	ue []*model.UserError,
) *model.UpdateDevelopmentActionPayload {
	return &model.UpdateDevelopmentActionPayload{Action: a, UserErrors: ue}
}

func checkInPayload(v recordedCheckIn, ue []*model.UserError) *model.RecordCheckInPayload {
	return &model.RecordCheckInPayload{CheckIn: v.checkIn, Plan: v.plan, UserErrors: ue}
}

// mayUpdateAction checks the actor may change an action: its person or a
// manager above them.
func (r *Resolver) mayUpdateAction(ctx context.Context, actionID int64) error {
	a, err := r.Plans.FindActionByID(ctx, actionID)
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return throughline.FieldErrorf(throughline.ENOTFOUND, "id", "no such action")
	}
	if err != nil {
		return err
	}
	person, err := goalOwner(ctx, a.GoalID, "id")
	if err != nil {
		return err
	}
	return mayUpdateActionsOf(ctx, person, "id")
}
