package storage

import (
	"context"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

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
		err := refuseSkippingReview(tx, c.PlanID, c.StatusAfter, c.Kind, "statusAfter")
		if err != nil {
			return err
		}
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
