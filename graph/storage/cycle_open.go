package storage

import (
	"context"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// OpenCycle makes the cycle when missing and opens a plan in it for each
// person with a plan in the cycle before it. Two openings take turns: the
// second finds the cycle and the plans made, and opens nothing twice.
func (s *Store) OpenCycle(ctx context.Context, c *throughline.Cycle) (int, error) {
	opened := 0
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardCycles); err != nil {
			return err
		}
		if err := s.ensureCycle(ctx, tx, c); err != nil {
			return err
		}
		prev, err := cycleBefore(tx, c)
		if err != nil || prev == nil {
			return err
		}
		opened, err = s.openPlans(ctx, tx, prev, c)
		return err
	})
	return opened, err
}

// ensureCycle loads the cycle c names into c, or creates it. Dates given
// for a cycle that exists must be its dates: they are not changed here.
func (s *Store) ensureCycle(ctx context.Context, tx *gorm.DB, c *throughline.Cycle) error {
	found, err := takeOne[throughline.Cycle](tx.Where("name = ?", c.Name), "no cycle")
	if err == nil {
		return sameDates(c, found)
	}
	if throughline.ErrorCode(err) != throughline.ENOTFOUND {
		return err
	}
	start, end, quarter := throughline.QuarterDates(c.Name)
	if quarter && c.StartsOn.IsZero() && c.EndsOn.IsZero() {
		c.StartsOn, c.EndsOn = start, end
	}
	c.ID, c.StartsOn, c.EndsOn = 0, throughline.Day(c.StartsOn), throughline.Day(c.EndsOn)
	if err := c.Validate(); err != nil {
		return err
	}
	if err := tx.Create(c).Error; err != nil {
		return mapError(err)
	}
	return s.audit(ctx, tx, "openCycle", throughline.KindCycle, c.ID, nil, c)
}

// sameDates copies an existing cycle into c, refusing dates that differ
// from its own.
func sameDates(c, found *throughline.Cycle) error {
	var p throughline.Problems
	if !c.StartsOn.IsZero() && !throughline.Day(c.StartsOn).Equal(throughline.Day(found.StartsOn)) {
		p.Add("startsOn", "%s already exists and starts on %s", found.Name,
			found.StartsOn.Format(time.DateOnly))
	}
	if !c.EndsOn.IsZero() && !throughline.Day(c.EndsOn).Equal(throughline.Day(found.EndsOn)) {
		p.Add("endsOn", "%s already exists and ends on %s", found.Name,
			found.EndsOn.Format(time.DateOnly))
	}
	*c = *found
	return p.Err()
}

// cycleBefore finds the cycle that starts last before c does, or nil.
func cycleBefore(tx *gorm.DB, c *throughline.Cycle) (*throughline.Cycle, error) {
	var cycles []*throughline.Cycle
	err := tx.Where("starts_on < ? AND id <> ?", c.StartsOn, c.ID).
		Order("starts_on DESC, id DESC").Limit(1).Find(&cycles).Error
	if err != nil || len(cycles) == 0 {
		return nil, mapError(err)
	}
	return cycles[0], nil
}

// openPlans gives every person with a plan in prev, who has none in c and
// has not left, a plan in c waiting for its review, with their active
// career goals carried forward.
func (s *Store) openPlans(ctx context.Context, tx *gorm.DB,
	prev, c *throughline.Cycle,
) (int, error) {
	var old []*throughline.DevelopmentPlan
	err := tx.Where("cycle_id = ?", prev.ID).
		Where("person_id NOT IN (SELECT person_id FROM development_plans WHERE cycle_id = ?)", c.ID).
		Where("person_id IN (SELECT id FROM people WHERE left_on IS NULL)").
		Order("id").Find(&old).Error
	if err != nil || len(old) == 0 {
		return 0, mapError(err)
	}
	newPlans := make(map[int64]*throughline.DevelopmentPlan, len(old)) // by old plan ID
	rows := make([]*throughline.DevelopmentPlan, len(old))
	for i, p := range old {
		rows[i] = waitingPlan(p.PersonID, c)
		newPlans[p.ID] = rows[i]
	}
	if err := tx.CreateInBatches(rows, chunk/10).Error; err != nil {
		return 0, mapError(err)
	}
	goals, err := s.carryCareerGoals(tx, newPlans)
	if err != nil {
		return 0, err
	}
	return len(rows), s.auditOpened(ctx, tx, rows, goals)
}

// waitingPlan is a person's plan in a cycle whose review is not held yet.
func waitingPlan(personID int64, c *throughline.Cycle) *throughline.DevelopmentPlan {
	return &throughline.DevelopmentPlan{
		PersonID: personID, CycleID: c.ID, Status: throughline.StatusNeedsReset,
		StatusReason: throughline.NeedsResetReason(c.Name), Version: 1,
	}
}

// carryCareerGoals copies the active career goals of the old plans into
// the new plans they map to, and returns the copies.
func (s *Store) carryCareerGoals(tx *gorm.DB,
	newPlans map[int64]*throughline.DevelopmentPlan,
) ([]*throughline.DevelopmentGoal, error) {
	oldIDs := make([]int64, 0, len(newPlans))
	for id := range newPlans {
		oldIDs = append(oldIDs, id)
	}
	career := tx.Where("lane = ? AND state = ?", throughline.LaneCareer, throughline.GoalActive).
		Session(&gorm.Session{})
	byPlan, err := groupMany(career, "plan_id", "id", oldIDs,
		func(g *throughline.DevelopmentGoal) int64 { return g.PlanID })
	if err != nil {
		return nil, err
	}
	var copies []*throughline.DevelopmentGoal
	for _, id := range oldIDs {
		for _, g := range byPlan[id] {
			copies = append(copies, throughline.CarryOver(g, newPlans[id].ID, g.KeyResultID))
		}
	}
	if len(copies) == 0 {
		return nil, nil
	}
	return copies, mapError(tx.CreateInBatches(copies, chunk/10).Error)
}

func (s *Store) auditOpened(ctx context.Context, tx *gorm.DB,
	plans []*throughline.DevelopmentPlan, goals []*throughline.DevelopmentGoal,
) error {
	b := s.newAuditBatch(ctx, tx, s.Now(), "openCycle")
	for _, p := range plans {
		b.add(throughline.KindPlan, p.ID, nil, p)
	}
	for _, g := range goals {
		b.add(throughline.KindGoal, g.ID, nil, g)
	}
	return b.flush()
}
