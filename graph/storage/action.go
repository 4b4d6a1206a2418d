package storage

import (
	"context"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

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
