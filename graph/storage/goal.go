package storage

import (
	"context"
	"errors"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

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
			return onStateField(err)
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
	if err := checkKeyResultCycle(tx, g); err != nil {
		return err
	}
	return checkTargetLevel(tx, g)
}

// onStateField names the state as the field at fault when an update makes
// a goal active beyond the plan's execution slots: an update cannot change
// the lane, which the rule names for a goal being added.
func onStateField(err error) error {
	var ve *throughline.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			if p.Field == "lane" {
				p.Field = "state"
			}
		}
	}
	return err
}

// checkKeyResultCycle applies throughline.CheckKeyResultCycle to the
// cycles the goal's key result and plan are in.
func checkKeyResultCycle(tx *gorm.DB, g *throughline.DevelopmentGoal) error {
	if g.Lane != throughline.LaneExecution || g.KeyResultID == nil {
		return nil
	}
	var rows []struct{ KeyResultCycle, PlanCycle string }
	err := tx.Raw(`SELECT kc.name AS key_result_cycle, pc.name AS plan_cycle
		FROM key_results k
		JOIN objectives o ON o.id = k.objective_id
		JOIN cycles kc ON kc.id = o.cycle_id
		JOIN development_plans p ON p.id = ?
		JOIN cycles pc ON pc.id = p.cycle_id
		WHERE k.id = ?`, g.PlanID, *g.KeyResultID).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return mapError(err)
	}
	return throughline.CheckKeyResultCycle(g.Lane, rows[0].KeyResultCycle, rows[0].PlanCycle)
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
