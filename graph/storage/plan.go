package storage

import (
	"context"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Store implements throughline.PlanService.
var _ throughline.PlanService = (*Store)(nil)

// FindPlanByID returns a plan, or ENOTFOUND.
func (s *Store) FindPlanByID(ctx context.Context, id int64) (*throughline.DevelopmentPlan, error) {
	return firstByID[throughline.DevelopmentPlan](s.read(ctx), id, "development plan")
}

// FindPlanFor returns a person's plan for a cycle, or ENOTFOUND.
func (s *Store) FindPlanFor(ctx context.Context,
	personID, cycleID int64,
) (*throughline.DevelopmentPlan, error) {
	q := s.read(ctx).Where("person_id = ? AND cycle_id = ?", personID, cycleID)
	return takeOne[throughline.DevelopmentPlan](q,
		"person %d has no plan for cycle %d", personID, cycleID)
}

// FindPlans lists plans in the order they were made, optionally of one
// cycle, person, status or team (its direct members).
func (s *Store) FindPlans(ctx context.Context, f throughline.PlanFilter,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.DevelopmentPlan], error) {
	q := s.read(ctx)
	if f.CycleID != nil {
		q = q.Where("cycle_id = ?", *f.CycleID)
	}
	if f.PersonID != nil {
		q = q.Where("person_id = ?", *f.PersonID)
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.TeamID != nil {
		q = q.Where("person_id IN (SELECT id FROM people WHERE team_id = ?)", *f.TeamID)
	}
	if f.ReadableBy != nil {
		q = readableBy(q, *f.ReadableBy, f.Reports)
	}
	return findPage(q, page, func(p *throughline.DevelopmentPlan) int64 { return p.ID })
}

// CreatePlan stores a new plan, on track and at version 1, whatever the
// caller set. A person has one plan per cycle: a second is ECONFLICT on the
// field "cycle".
func (s *Store) CreatePlan(ctx context.Context, p *throughline.DevelopmentPlan) error {
	p.Status, p.StatusReason, p.Version = throughline.StatusOnTrack, "", 1
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := mustExist[throughline.Person](tx, &p.PersonID, "personId", "person"); err != nil {
			return err
		}
		if err := mustNotHaveLeft(tx, s.dia, &p.PersonID); err != nil {
			return err
		}
		if err := mustExist[throughline.Cycle](tx, &p.CycleID, "cycle", "cycle"); err != nil {
			return err
		}
		err := conflictOn(tx.Create(p).Error, "cycle",
			"this person already has a plan for the cycle")
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "createDevelopmentPlan", throughline.KindPlan, p.ID, nil, p)
	})
}

// SetPlanStatus moves a plan to a status, keeping a reason only for the
// statuses that need one.
func (s *Store) SetPlanStatus(ctx context.Context, id int64, version int32,
	status throughline.PlanStatus, reason string,
) (*throughline.DevelopmentPlan, error) {
	if err := throughline.CheckStatus(status, reason, "status", "reason"); err != nil {
		return nil, err
	}
	var p *throughline.DevelopmentPlan
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		p, err = s.movePlan(ctx, tx, "setPlanStatus", id, version, statusColumns(status, reason))
		return err
	})
	return p, err
}

// movePlan is bumpPlan for the writes that change the plan itself, its
// status, and records the plan before and after in the audit log.
func (s *Store) movePlan(ctx context.Context, tx *gorm.DB, action string, id int64,
	version int32, set map[string]any,
) (*throughline.DevelopmentPlan, error) {
	before, err := findNamed[throughline.DevelopmentPlan](tx, id, "planId", "development plan")
	if err != nil {
		return nil, err
	}
	p, err := s.bumpPlan(tx, id, version, set)
	if err != nil {
		return nil, err
	}
	return p, s.audit(ctx, tx, action, throughline.KindPlan, id, before, p)
}

func statusColumns(status throughline.PlanStatus, reason string) map[string]any {
	return map[string]any{
		"status":        status,
		"status_reason": throughline.StatusReason(status, reason),
	}
}

// bumpPlan is the optimistic lock every write to a plan goes through, in
// the writer's transaction: it raises the version from the one the caller
// read, with any other columns given, and returns the plan as it now is.
// When the stored version differs, someone changed the plan since it was
// read: nothing is written and the error is ECONFLICT on "version".
//
// One conditional UPDATE does it, which holds on PostgreSQL too: a second
// writer's UPDATE waits for the first to commit, then finds the version
// moved and matches no row. The row stays locked until the writer
// commits, so what a write checks after bumpPlan (such as the plan's
// execution goals) no other writer of the plan can change meanwhile.
func (s *Store) bumpPlan(tx *gorm.DB, id int64, version int32,
	set map[string]any,
) (*throughline.DevelopmentPlan, error) {
	cols := map[string]any{"version": gorm.Expr("version + 1"), "updated_at": s.Now()}
	for k, v := range set {
		cols[k] = v
	}
	res := tx.Model(&throughline.DevelopmentPlan{}).
		Where("id = ? AND version = ?", id, version).Updates(cols)
	if res.Error != nil {
		return nil, mapError(res.Error)
	}
	if res.RowsAffected == 0 {
		return nil, staleOrMissing(tx, id, version)
	}
	return firstByID[throughline.DevelopmentPlan](tx, id, "development plan")
}

// staleOrMissing explains why a versioned update matched no row.
func staleOrMissing(tx *gorm.DB, id int64, version int32) error {
	p, err := findNamed[throughline.DevelopmentPlan](tx, id, "planId", "development plan")
	if err != nil {
		return err
	}
	return throughline.FieldErrorf(throughline.ECONFLICT, "version",
		"the plan changed since it was read (you sent version %d, it is now at %d): "+
			"reload it and make the change again", version, p.Version)
}

// findNamed loads a row of T that an input field names, or ENOTFOUND on
// that field.
func findNamed[T any](tx *gorm.DB, id int64, field, what string) (*T, error) {
	v, err := firstByID[T](tx, id, what)
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return nil, throughline.FieldErrorf(throughline.ENOTFOUND, field,
			"no %s with ID %d", what, id)
	}
	return v, err
}

// FindGoalByID returns a goal, or ENOTFOUND.
func (s *Store) FindGoalByID(ctx context.Context, id int64) (*throughline.DevelopmentGoal, error) {
	return firstByID[throughline.DevelopmentGoal](s.read(ctx), id, "development goal")
}

// FindGoals lists a plan's goals, oldest first.
func (s *Store) FindGoals(ctx context.Context,
	planID int64,
) ([]*throughline.DevelopmentGoal, error) {
	var goals []*throughline.DevelopmentGoal
	err := s.read(ctx).Where("plan_id = ?", planID).Order("id").Find(&goals).Error
	return goals, mapError(err)
}

// AddGoal adds an active goal to a plan and returns the plan at its new
// version. The limit on execution goals is counted in the same
// transaction, so two people adding a goal at once cannot pass it.
func (s *Store) AddGoal(ctx context.Context, planVersion int32,
	g *throughline.DevelopmentGoal,
) (*throughline.DevelopmentPlan, error) {
	g.ID, g.State = 0, throughline.GoalActive
	var p *throughline.DevelopmentPlan
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		if p, err = s.bumpPlan(tx, g.PlanID, planVersion, nil); err != nil {
			return err
		}
		if err := checkGoalWrite(tx, g, false); err != nil {
			return err
		}
		if err := tx.Create(g).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "addDevelopmentGoal", throughline.KindGoal, g.ID, nil, g)
	})
	return p, err
}

// UpdateGoal changes a goal. Making a goal ACHIEVED or DROPPED frees its
// execution slot; making it ACTIVE again needs a free one.
func (s *Store) UpdateGoal(ctx context.Context, id int64, planVersion int32,
	u throughline.GoalUpdate,
) (*throughline.DevelopmentGoal, error) {
	var g *throughline.DevelopmentGoal
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		g, err = findNamed[throughline.DevelopmentGoal](tx, id, "id", "development goal")
		if err != nil {
			return err
		}
		if _, err := s.bumpPlan(tx, g.PlanID, planVersion, nil); err != nil {
			return err
		}
		before, heldSlot := *g, holdsExecutionSlot(g)
		applyGoalUpdate(g, u)
		if err := checkGoalWrite(tx, g, heldSlot); err != nil {
			return err
		}
		if err := tx.Save(g).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "updateDevelopmentGoal", throughline.KindGoal, g.ID, &before, g)
	})
	return g, err
}

func applyGoalUpdate(g *throughline.DevelopmentGoal, u throughline.GoalUpdate) {
	setOpt(&g.Title, u.Title)
	setOpt(&g.ChangeInWork, u.ChangeInWork)
	setOpt(&g.Horizon, u.Horizon)
	setOpt(&g.State, u.State)
	if u.KeyResultID != nil {
		g.KeyResultID = u.KeyResultID
	}
	if u.CapabilityID != nil {
		g.CapabilityID = u.CapabilityID
	}
	if u.TargetLevel != nil {
		g.TargetLevel = u.TargetLevel
	}
}

// setOpt copies an optional new value over a field.
func setOpt[T any](field *T, v *T) {
	if v != nil {
		*field = *v
	}
}

func holdsExecutionSlot(g *throughline.DevelopmentGoal) bool {
	return g.Lane == throughline.LaneExecution && g.State == throughline.GoalActive
}

// checkGoalWrite applies the goal rules inside the writer's transaction:
// the domain rules with the plan's other active execution goals counted
// (none when the goal already held a slot before this change), then the
// references and the target level against the capability's scale.
func checkGoalWrite(tx *gorm.DB, g *throughline.DevelopmentGoal, heldSlot bool) error {
	others := 0
	if holdsExecutionSlot(g) && !heldSlot {
		n, err := activeExecutionGoals(tx, g.PlanID, g.ID)
		if err != nil {
			return err
		}
		others = n
	}
	if err := throughline.CheckGoal(g, others); err != nil {
		return err
	}
	err := mustExist[throughline.KeyResult](tx, g.KeyResultID, "keyResultId", "key result")
	if err != nil {
		return err
	}
	err = mustExist[throughline.Capability](tx, g.CapabilityID, "capabilityId", "capability")
	if err != nil {
		return err
	}
	return checkTargetLevel(tx, g)
}

// activeExecutionGoals counts a plan's active execution goals other than
// the one with ID except.
func activeExecutionGoals(tx *gorm.DB, planID, except int64) (int, error) {
	var n int64
	err := tx.Model(&throughline.DevelopmentGoal{}).
		Where("plan_id = ? AND lane = ? AND state = ? AND id <> ?",
			planID, throughline.LaneExecution, throughline.GoalActive, except).
		Count(&n).Error
	return int(n), mapError(err)
}

// checkTargetLevel keeps a goal's target within its capability's scale.
func checkTargetLevel(tx *gorm.DB, g *throughline.DevelopmentGoal) error {
	if g.TargetLevel == nil || g.CapabilityID == nil {
		return nil
	}
	var levels int64
	err := tx.Model(&throughline.CapabilityLevel{}).
		Where("capability_id = ?", *g.CapabilityID).Count(&levels).Error
	if err != nil || levels == 0 {
		return mapError(err)
	}
	return throughline.CheckLevel("targetLevel", *g.TargetLevel, int(levels))
}

// FindActionByID returns an action, or ENOTFOUND.
func (s *Store) FindActionByID(ctx context.Context,
	id int64,
) (*throughline.DevelopmentAction, error) {
	return firstByID[throughline.DevelopmentAction](s.read(ctx), id, "development action")
}

// FindActions lists a goal's actions, oldest first.
func (s *Store) FindActions(ctx context.Context,
	goalID int64,
) ([]*throughline.DevelopmentAction, error) {
	var actions []*throughline.DevelopmentAction
	err := s.read(ctx).Where("goal_id = ?", goalID).Order("id").Find(&actions).Error
	return actions, mapError(err)
}

// AddAction adds an action to a goal and raises the version of the goal's
// plan.
func (s *Store) AddAction(ctx context.Context, planVersion int32,
	a *throughline.DevelopmentAction,
) error {
	a.ID, a.DueOn, a.DoneOn = 0, dayOf(a.DueOn), dayOf(a.DoneOn)
	if err := throughline.CheckAction(a); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		g, err := findNamed[throughline.DevelopmentGoal](tx, a.GoalID, "goalId", "development goal")
		if err != nil {
			return err
		}
		if _, err := s.bumpPlan(tx, g.PlanID, planVersion, nil); err != nil {
			return err
		}
		err = mustExist[throughline.Person](tx, a.SupporterID, "supporterId", "person")
		if err != nil {
			return err
		}
		if err := tx.Create(a).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "addDevelopmentAction", throughline.KindAction, a.ID, nil, a)
	})
}

// UpdateAction changes an action. A done date marks it complete;
// ClearDoneOn reopens it.
func (s *Store) UpdateAction(ctx context.Context, id int64, planVersion int32,
	u throughline.ActionUpdate,
) (*throughline.DevelopmentAction, error) {
	var a *throughline.DevelopmentAction
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		a, err = findNamed[throughline.DevelopmentAction](tx, id, "id", "development action")
		if err != nil {
			return err
		}
		g, err := firstByID[throughline.DevelopmentGoal](tx, a.GoalID, "development goal")
		if err != nil {
			return err
		}
		if _, err := s.bumpPlan(tx, g.PlanID, planVersion, nil); err != nil {
			return err
		}
		before := *a
		if err := applyActionUpdate(tx, a, u); err != nil {
			return err
		}
		if err := tx.Save(a).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "updateDevelopmentAction", throughline.KindAction, a.ID, &before, a)
	})
	return a, err
}

func applyActionUpdate(tx *gorm.DB, a *throughline.DevelopmentAction,
	u throughline.ActionUpdate,
) error {
	if u.ClearDoneOn && u.DoneOn != nil {
		return throughline.FieldErrorf(throughline.EINVALID, "reopen",
			"an action cannot be marked done and reopened at once")
	}
	err := mustExist[throughline.Person](tx, u.SupporterID, "supporterId", "person")
	if err != nil {
		return err
	}
	setOpt(&a.Title, u.Title)
	setOpt(&a.SupporterRole, u.SupporterRole)
	setOpt(&a.Outcome, u.Outcome)
	if u.SupporterID != nil {
		a.SupporterID = u.SupporterID
	}
	if u.DueOn != nil {
		a.DueOn = dayOf(u.DueOn)
	}
	if u.DoneOn != nil {
		a.DoneOn = dayOf(u.DoneOn)
	}
	if u.ClearDoneOn {
		a.DoneOn = nil
	}
	return throughline.CheckAction(a)
}

// dayOf drops the time of an optional date: dates carry no time.
func dayOf(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	d := throughline.Day(*t)
	return &d
}

// FindCheckInByID returns a check-in, or ENOTFOUND.
func (s *Store) FindCheckInByID(ctx context.Context, id int64) (*throughline.CheckIn, error) {
	return firstByID[throughline.CheckIn](s.read(ctx), id, "check-in")
}

// FindCheckIns lists a plan's check-ins newest first: by the day held,
// then by ID. The cursor is the ID of the last check-in seen; the page
// after it starts below that check-in's place in the order, so check-ins
// recorded meanwhile do not shift the pages.
func (s *Store) FindCheckIns(ctx context.Context, planID int64,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.CheckIn], error) {
	db := s.read(ctx)
	p := &throughline.Page[*throughline.CheckIn]{}
	err := db.Model(&throughline.CheckIn{}).Where("plan_id = ?", planID).Count(&p.TotalCount).Error
	if err != nil {
		return nil, mapError(err)
	}
	q := db.Where("plan_id = ?", planID)
	if page.After > 0 {
		if q, err = afterCheckIn(db, q, planID, page.After); err != nil {
			return nil, err
		}
	}
	var items []*throughline.CheckIn
	err = q.Order("held_on DESC, id DESC").Limit(page.First + 1).Find(&items).Error
	if err != nil {
		return nil, mapError(err)
	}
	trimPage(p, items, page.First, func(c *throughline.CheckIn) int64 { return c.ID })
	return p, nil
}

// afterCheckIn narrows q to the check-ins that come after the cursor's
// in newest-first order, comparing the stored values themselves.
func afterCheckIn(db, q *gorm.DB, planID, after int64) (*gorm.DB, error) {
	cur := db.Model(&throughline.CheckIn{}).Where("id = ? AND plan_id = ?", after, planID)
	var n int64
	if err := cur.Count(&n).Error; err != nil {
		return nil, mapError(err)
	}
	if n == 0 {
		return nil, throughline.FieldErrorf(throughline.EINVALID, "after",
			"the cursor does not point into this list of check-ins")
	}
	return q.Where("(held_on, id) < (SELECT held_on, id FROM check_ins WHERE id = ?)", after), nil
}

// trimPage cuts the one extra item a page query fetches to learn whether
// more follow.
func trimPage[T any](p *throughline.Page[*T], items []*T, first int, id func(*T) int64) {
	if len(items) > first {
		p.HasNextPage = true
		items = items[:first]
	}
	p.Items = items
	for _, it := range items {
		p.IDs = append(p.IDs, id(it))
	}
}

// RecordCheckIn stores a check-in and moves its plan to the status after
// it, in one transaction. The check-in keeps the reason as given; the plan
// keeps it only for a status that needs one.
func (s *Store) RecordCheckIn(ctx context.Context, planVersion int32,
	c *throughline.CheckIn,
) (*throughline.DevelopmentPlan, error) {
	c.ID, c.HeldOn = 0, throughline.Day(c.HeldOn)
	if err := throughline.CheckCheckIn(c); err != nil {
		return nil, err
	}
	var p *throughline.DevelopmentPlan
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		cols := statusColumns(c.StatusAfter, c.StatusReason)
		if p, err = s.movePlan(ctx, tx, "recordCheckIn", c.PlanID, planVersion, cols); err != nil {
			return err
		}
		if err := mustExist[throughline.Person](tx, c.AuthorID, "authorId", "person"); err != nil {
			return err
		}
		if err := tx.Create(c).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "recordCheckIn", throughline.KindCheckIn, c.ID, nil, c)
	})
	return p, err
}

// readableBy keeps the plans of a person and, with reports, of everyone
// below them.
func readableBy(q *gorm.DB, personID int64, reports bool) *gorm.DB {
	if !reports {
		return q.Where("person_id = ?", personID)
	}
	return q.Where("person_id = ? OR person_id IN ("+reportsSQL+")", personID, personID)
}
