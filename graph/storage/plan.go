package storage

import (
	"context"

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

// CreatePlan stores a new plan at version 1, whatever the caller set: on
// track, or, for a person with a plan in the cycle before, waiting for
// the quarterly review that decides on that plan's goals, as the plans
// openCycle makes wait. A person has one plan per cycle: a second is
// ECONFLICT on the field "cycle".
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
		if err := waitForReview(tx, p); err != nil {
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
		if err := refuseSkippingReview(tx, id, status, throughline.CheckInMonthly, "status"); err != nil {
			return err
		}
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
	if err := throughline.CheckVersion("plan", version, p.Version); err != nil {
		return err
	}
	// The versions match again: another write came and went meanwhile.
	return throughline.FieldErrorf(throughline.ECONFLICT, "version",
		"the plan changed while it was written: reload it and make the change again")
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

// readableBy keeps the plans of a person and, with reports, of everyone
// below them.
func readableBy(q *gorm.DB, personID int64, reports bool) *gorm.DB {
	if !reports {
		return q.Where("person_id = ?", personID)
	}
	return q.Where("person_id = ? OR person_id IN ("+reportsSQL+")", personID, personID)
}

// waitForReview puts a new plan in NEEDS_RESET when its person had a plan
// in the cycle before, whose goals only a quarterly review decides on.
func waitForReview(tx *gorm.DB, p *throughline.DevelopmentPlan) error {
	cycle, prev, err := planBefore(tx, p)
	if err != nil || prev == nil {
		return err
	}
	p.Status, p.StatusReason = throughline.StatusNeedsReset, throughline.NeedsResetReason(cycle.Name)
	return nil
}
