package storage

import (
	"context"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// kindRhythm names the review rhythm in the audit log.
const kindRhythm = "ReviewRhythm"

// rhythmRow is the one row of review_rhythm.
type rhythmRow struct {
	ID               int64
	MonthlyEveryDays int
	ReviewWindowDays int
	ReviewLeadDays   int
	UpdatedAt        time.Time
}

func (rhythmRow) TableName() string { return "review_rhythm" }

func (r *rhythmRow) rhythm() throughline.Rhythm {
	return throughline.RhythmOfDays(r.MonthlyEveryDays, r.ReviewWindowDays, r.ReviewLeadDays)
}

// ReviewRhythm returns the rhythm HR set. The migration writes the
// default row; a database without it holds plans to the default.
func (s *Store) ReviewRhythm(ctx context.Context) (throughline.Rhythm, error) {
	return rhythmIn(s.read(ctx))
}

// rhythmIn reads the review rhythm through db, which may be a
// transaction's.
func rhythmIn(db *gorm.DB) (throughline.Rhythm, error) {
	row, err := firstByID[rhythmRow](db, 1, "review rhythm")
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return throughline.DefaultRhythm, nil
	}
	if err != nil {
		return throughline.Rhythm{}, err
	}
	return row.rhythm(), nil
}

// SetReviewRhythm stores a new rhythm for every plan.
func (s *Store) SetReviewRhythm(ctx context.Context,
	r throughline.Rhythm,
) (throughline.Rhythm, error) {
	if err := r.Check(); err != nil {
		return throughline.Rhythm{}, err
	}
	m, w, l := r.Days()
	after := &rhythmRow{
		ID: 1, MonthlyEveryDays: m, ReviewWindowDays: w, ReviewLeadDays: l, UpdatedAt: s.Now(),
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		before, err := firstByID[rhythmRow](s.forUpdate(tx), 1, "review rhythm")
		if err != nil && throughline.ErrorCode(err) != throughline.ENOTFOUND {
			return err
		}
		if err := tx.Save(after).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "setReviewRhythm", kindRhythm, 1, before, after)
	})
	if err != nil {
		return throughline.Rhythm{}, err
	}
	return after.rhythm(), nil
}

// ReportPlans lists the people below a manager who have not left, by
// name, each with their plan in the cycle that holds today and in the
// next cycle, if HR has opened it.
func (s *Store) ReportPlans(ctx context.Context, managerID int64, includeIndirect bool,
	today time.Time,
) ([]*throughline.ReportPlan, error) {
	db := s.read(ctx)
	people, err := reportsOf(db, managerID, includeIndirect)
	if err != nil {
		return nil, err
	}
	cycle, err := cycleHolding(db, today)
	if err != nil {
		return nil, err
	}
	plans, err := plansIn(db, cycle, people)
	if err != nil {
		return nil, err
	}
	next, err := cycleAfter(db, today)
	if err != nil {
		return nil, err
	}
	nextPlans, err := plansIn(db, next, people)
	if err != nil {
		return nil, err
	}
	out := make([]*throughline.ReportPlan, len(people))
	for i, p := range people {
		out[i] = &throughline.ReportPlan{
			Person: p, Direct: p.ManagerID != nil && *p.ManagerID == managerID,
			Cycle: cycle, Plan: plans[p.ID], NextCycle: next, NextPlan: nextPlans[p.ID],
		}
	}
	return out, nil
}

// cycleAfter finds the first cycle to start after a day, or nil.
func cycleAfter(db *gorm.DB, day time.Time) (*throughline.Cycle, error) {
	var cycles []*throughline.Cycle
	err := db.Where("starts_on > ?", throughline.Day(day)).
		Order("starts_on, id").Limit(1).Find(&cycles).Error
	if err != nil || len(cycles) == 0 {
		return nil, mapError(err)
	}
	return cycles[0], nil
}

// plansIn loads the people's plans in a cycle, by person ID; none when
// there is no cycle.
func plansIn(db *gorm.DB, cycle *throughline.Cycle,
	people []*throughline.Person,
) (map[int64]*throughline.DevelopmentPlan, error) {
	if cycle == nil {
		return map[int64]*throughline.DevelopmentPlan{}, nil
	}
	ids := make([]int64, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	return groupOne(db.Where("cycle_id = ?", cycle.ID).Session(&gorm.Session{}),
		"person_id", ids, func(p *throughline.DevelopmentPlan) int64 { return p.PersonID })
}

// reportsOf loads the people below a manager who have not left.
func reportsOf(db *gorm.DB, managerID int64, indirect bool) ([]*throughline.Person, error) {
	q := db.Where("left_on IS NULL")
	if indirect {
		q = q.Where("id IN ("+reportsSQL+")", managerID)
	} else {
		q = q.Where("manager_id = ?", managerID)
	}
	var people []*throughline.Person
	err := q.Order("name, id").Find(&people).Error
	return people, mapError(err)
}

// cycleHolding finds the cycle that holds a day, the latest to start when
// cycles overlap, or nil when none does.
func cycleHolding(db *gorm.DB, day time.Time) (*throughline.Cycle, error) {
	d := throughline.Day(day)
	var cycles []*throughline.Cycle
	err := db.Where("starts_on <= ? AND ends_on >= ?", d, d).
		Order("starts_on DESC, id DESC").Limit(1).Find(&cycles).Error
	if err != nil || len(cycles) == 0 {
		return nil, mapError(err)
	}
	return cycles[0], nil
}
