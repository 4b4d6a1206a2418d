package gql

import (
	"context"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// snapshot builds what the plan rules read for one plan.
func (r *Resolver) snapshot(ctx context.Context, planID int64) (*throughline.PlanSnapshot, error) {
	return loaders.Load(ctx, loaders.For(ctx).Snapshot, planID, "development plan")
}

// planWarnings checks a plan against the plan rules as of today.
func (r *Resolver) planWarnings(ctx context.Context, planID int64) ([]*throughline.Warning, error) {
	s, rhythm, err := r.snapshotAndRhythm(ctx, planID)
	if err != nil {
		return nil, err
	}
	ws := throughline.Warnings(s, r.today(), rhythm)
	out := make([]*throughline.Warning, len(ws))
	for i := range ws {
		out[i] = &ws[i]
	}
	return out, nil
}

// goalsInLane returns a plan's goals of one lane, oldest first.
func goalsInLane(ctx context.Context, planID int64,
	lane throughline.Lane,
) ([]*throughline.DevelopmentGoal, error) {
	all, err := loaders.For(ctx).Goals.Load(ctx, planID)
	if err != nil {
		return nil, err
	}
	out := []*throughline.DevelopmentGoal{}
	for _, g := range all {
		if g.Lane == lane {
			out = append(out, g)
		}
	}
	return out, nil
}

// requirementFor returns the requirement of a goal's key result for the
// goal's capability, or nil when the goal names neither or the key
// result states no such requirement.
func requirementFor(ctx context.Context,
	g *throughline.DevelopmentGoal,
) (*throughline.CapabilityRequirement, error) {
	if g.KeyResultID == nil || g.CapabilityID == nil {
		return nil, nil
	}
	reqs, err := loaders.For(ctx).Requirements.Load(ctx, *g.KeyResultID)
	if err != nil {
		return nil, err
	}
	for _, req := range reqs {
		if req.CapabilityID == *g.CapabilityID {
			return req, nil
		}
	}
	return nil, nil
}

// goalGap measures a goal against the level needed: the key result's
// requirement, else the goal's own target. A goal with no capability, or
// with neither level, has no gap (nil).
func (r *Resolver) goalGap(ctx context.Context,
	g *throughline.DevelopmentGoal,
) (*model.CapabilityGap, error) {
	if g.CapabilityID == nil {
		return nil, nil
	}
	req, err := requirementFor(ctx, g)
	if err != nil {
		return nil, err
	}
	gap := &model.CapabilityGap{}
	switch {
	case req != nil:
		gap.Required = req.Level
	case g.TargetLevel != nil:
		gap.Required = *g.TargetLevel
	default:
		return nil, nil
	}
	if gap.Assessment, err = r.latestAssessment(ctx, g); err != nil {
		return nil, err
	}
	if gap.Assessment != nil {
		gap.Current = gap.Assessment.Level
	}
	gap.Gap = throughline.Gap(gap.Required, gap.Current)
	return gap, nil
}

// latestAssessment finds the newest assessment of the goal's person in
// the goal's capability, or nil when there is none.
func (r *Resolver) latestAssessment(ctx context.Context,
	g *throughline.DevelopmentGoal,
) (*throughline.Assessment, error) {
	plan, err := loaders.Load(ctx, loaders.For(ctx).Plan, g.PlanID, "development plan")
	if err != nil {
		return nil, err
	}
	return loaders.For(ctx).LatestAssessment.Load(ctx, [2]int64{plan.PersonID, *g.CapabilityID})
}

// overdue reports whether an action is open and past its due date.
func overdue(a *throughline.DevelopmentAction, today time.Time) bool {
	return a.DoneOn == nil && a.DueOn != nil && a.DueOn.Before(today)
}

// checkInNote gives a check-in's note, or null when the note is private
// and the actor did not write it.
func checkInNote(ctx context.Context, c *throughline.CheckIn) *string {
	a, err := actorFrom(ctx)
	mine := err == nil && c.AuthorID != nil && a.PersonID == *c.AuthorID
	if c.NotePrivate && !mine {
		return nil
	}
	note := c.Note
	return &note
}

// emptyIsNull gives GraphQL null for an enum a row leaves empty.
func emptyIsNull[T ~string](v T) *T {
	if v == "" {
		return nil
	}
	return &v
}

func (r *Resolver) checkIns(ctx context.Context, planID int64,
	first *int32, after *string,
) (*model.CheckInConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Plans.FindCheckIns(ctx, planID, page)
	if err != nil {
		return nil, err
	}
	return &model.CheckInConnection{
		Edges: edges(p, func(c string, n *throughline.CheckIn) *model.CheckInEdge {
			return &model.CheckInEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

func (r *Resolver) findPlans(ctx context.Context, cycle *string,
	status *throughline.PlanStatus, teamID *string, first *int32, after *string,
) (*model.DevelopmentPlanConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f, ok, err := r.planFilter(ctx, cycle, status, teamID)
	if err != nil {
		return nil, err
	}
	if err := scopeToReader(ctx, &f); err != nil {
		return nil, err
	}
	p := &throughline.Page[*throughline.DevelopmentPlan]{}
	if ok {
		if p, err = r.Plans.FindPlans(ctx, f, page); err != nil {
			return nil, err
		}
	}
	return &model.DevelopmentPlanConnection{
		Edges: edges(p, func(c string, n *throughline.DevelopmentPlan) *model.DevelopmentPlanEdge {
			return &model.DevelopmentPlanEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

// planFilter reads the filters of developmentPlans. ok is false when the
// named cycle does not exist, so no plan can match.
func (r *Resolver) planFilter(ctx context.Context, cycle *string,
	status *throughline.PlanStatus, teamID *string,
) (f throughline.PlanFilter, ok bool, err error) {
	if f.TeamID, err = decodeOptionalID("teamId", throughline.KindTeam, teamID); err != nil {
		return f, false, err
	}
	if status != nil {
		f.Status = *status
	}
	if cycle == nil {
		return f, true, nil
	}
	c, err := orNotFound(r.Org.FindCycleByName(ctx, *cycle))
	if err != nil || c == nil {
		return f, false, err
	}
	f.CycleID = &c.ID
	return f, true, nil
}

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

// scopeToReader limits a list of plans to those the actor may read, in
// SQL, so that pages and counts hold only those.
func scopeToReader(ctx context.Context, f *throughline.PlanFilter) error {
	a, err := actorFrom(ctx)
	if err != nil || a.Has(throughline.RoleHR) {
		return err
	}
	f.ReadableBy, f.Reports = &a.PersonID, a.Has(throughline.RoleManager)
	return nil
}
