package storage

import (
	"context"
	"errors"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Store implements throughline.OKRService.
var _ throughline.OKRService = (*Store)(nil)

// FindObjectiveByID returns an objective, or ENOTFOUND.
func (s *Store) FindObjectiveByID(ctx context.Context, id int64) (*throughline.Objective, error) {
	return firstByID[throughline.Objective](s.read(ctx), id, "objective")
}

// FindObjectives lists objectives, optionally of one cycle, level, team or
// owner.
func (s *Store) FindObjectives(ctx context.Context, f throughline.ObjectiveFilter,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.Objective], error) {
	q := s.read(ctx)
	if f.CycleID != nil {
		q = q.Where("cycle_id = ?", *f.CycleID)
	}
	if f.Level != "" {
		q = q.Where("level = ?", f.Level)
	}
	if f.TeamID != nil {
		q = q.Where("team_id = ?", *f.TeamID)
	}
	if f.OwnerID != nil {
		q = q.Where("owner_id = ?", *f.OwnerID)
	}
	return findPage(q, page, func(o *throughline.Objective) int64 { return o.ID })
}

// CreateObjective stores a new objective aligned to its parents.
func (s *Store) CreateObjective(ctx context.Context, o *throughline.Objective,
	alignTo []throughline.AlignmentTarget,
) error {
	if err := throughline.CheckObjective(o); err != nil {
		return err
	}
	if err := throughline.CheckAlignmentTargets(o.Level, alignTo); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := mustExist[throughline.Cycle](tx, &o.CycleID, "cycle", "cycle"); err != nil {
			return err
		}
		if err := objectiveRefsExist(tx, o.OwnerID, o.TeamID); err != nil {
			return err
		}
		if err := tx.Create(o).Error; err != nil {
			return mapError(err)
		}
		if err := replaceAlignment(tx, o, alignTo); err != nil {
			return err
		}
		return s.auditObjective(ctx, tx, "createObjective", nil, o)
	})
}

// UpdateObjective changes an objective and, when asked, replaces what it
// aligns to, all in one transaction. Writers of alignment take turns, so
// that two changes checked at once cannot make a loop together.
func (s *Store) UpdateObjective(ctx context.Context, id int64,
	u throughline.ObjectiveUpdate,
) (*throughline.Objective, error) {
	var o *throughline.Objective
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardAlignment); err != nil {
			return err
		}
		var err error
		if o, err = firstByID[throughline.Objective](tx, id, "objective"); err != nil {
			return onField(err, "id")
		}
		before, err := objectiveNow(tx, o)
		if err != nil {
			return err
		}
		if err := applyObjectiveUpdate(tx, o, u); err != nil {
			return err
		}
		if err := tx.Save(o).Error; err != nil {
			return mapError(err)
		}
		if u.ReplaceAlignment {
			if err := replaceAlignment(tx, o, u.AlignTo); err != nil {
				return err
			}
		}
		return s.auditObjective(ctx, tx, "updateObjective", before, o)
	})
	return o, err
}

func applyObjectiveUpdate(tx *gorm.DB, o *throughline.Objective,
	u throughline.ObjectiveUpdate,
) error {
	if u.Title != nil {
		o.Title = *u.Title
	}
	if u.Description != nil {
		o.Description = *u.Description
	}
	if err := throughline.CheckObjective(o); err != nil {
		return err
	}
	if u.ReplaceAlignment {
		if err := throughline.CheckAlignmentTargets(o.Level, u.AlignTo); err != nil {
			return err
		}
	}
	if err := objectiveRefsExist(tx, u.OwnerID, u.TeamID); err != nil {
		return err
	}
	if u.OwnerID != nil {
		o.OwnerID = u.OwnerID
	}
	if u.TeamID != nil {
		o.TeamID = u.TeamID
	}
	return nil
}

func objectiveRefsExist(tx *gorm.DB, ownerID, teamID *int64) error {
	if err := mustExist[throughline.Person](tx, ownerID, "ownerId", "person"); err != nil {
		return err
	}
	return mustExist[throughline.Team](tx, teamID, "teamId", "team")
}

// SetAlignment replaces what an objective aligns to, taking turns with
// the other writers of alignment as UpdateObjective does.
func (s *Store) SetAlignment(ctx context.Context, objectiveID int64,
	alignTo []throughline.AlignmentTarget,
) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardAlignment); err != nil {
			return err
		}
		o, err := firstByID[throughline.Objective](tx, objectiveID, "objective")
		if err != nil {
			return err
		}
		if err := throughline.CheckAlignmentTargets(o.Level, alignTo); err != nil {
			return err
		}
		before, err := objectiveNow(tx, o)
		if err != nil {
			return err
		}
		if err := replaceAlignment(tx, o, alignTo); err != nil {
			return err
		}
		return s.auditObjective(ctx, tx, "setAlignment", before, o)
	})
}

// replaceAlignment swaps an objective's parents for new ones, inside the
// caller's transaction, once the new parents exist and make no loop. The
// targets have passed CheckAlignmentTargets.
func replaceAlignment(tx *gorm.DB, o *throughline.Objective,
	alignTo []throughline.AlignmentTarget,
) error {
	alignTo = distinctTargets(alignTo)
	parents, err := parentObjectives(tx, alignTo)
	if err != nil {
		return err
	}
	err = throughline.CheckNoLoop("alignTo", o.ID, parents, objectiveParents(tx))
	if err != nil {
		return err
	}
	err = tx.Where("objective_id = ?", o.ID).Delete(&throughline.Alignment{}).Error
	if err != nil {
		return mapError(err)
	}
	for _, t := range alignTo {
		a := &throughline.Alignment{
			ObjectiveID: o.ID, ParentKeyResultID: t.KeyResultID, ParentObjectiveID: t.ObjectiveID,
		}
		if err := tx.Create(a).Error; err != nil {
			return mapError(err)
		}
	}
	return nil
}

// distinctTargets drops repeated parents: aligning twice to the same
// parent says nothing more than aligning once.
func distinctTargets(targets []throughline.AlignmentTarget) []throughline.AlignmentTarget {
	type key struct {
		kr bool
		id int64
	}
	seen := map[key]bool{}
	var out []throughline.AlignmentTarget
	for _, t := range targets {
		k := key{kr: t.KeyResultID != nil}
		if k.kr {
			k.id = *t.KeyResultID
		} else {
			k.id = *t.ObjectiveID
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

// parentObjectives returns the objective above each target, for the loop
// check: the objective a key result measures, or the objective itself.
func parentObjectives(tx *gorm.DB, targets []throughline.AlignmentTarget) ([]int64, error) {
	out := make([]int64, 0, len(targets))
	for _, t := range targets {
		if t.ObjectiveID != nil {
			err := mustExist[throughline.Objective](tx, t.ObjectiveID, "alignTo", "objective")
			if err != nil {
				return nil, err
			}
			out = append(out, *t.ObjectiveID)
			continue
		}
		kr, err := takeOne[throughline.KeyResult](tx.Where("id = ?", *t.KeyResultID),
			"no key result with ID %d", *t.KeyResultID)
		if err != nil {
			return nil, onField(err, "alignTo")
		}
		out = append(out, kr.ObjectiveID)
	}
	return out, nil
}

// objectiveParents reads the objectives one step above an objective in
// the alignment graph: each parent objective, and the objective of each
// parent key result.
func objectiveParents(tx *gorm.DB) func(int64) ([]int64, error) {
	return func(id int64) ([]int64, error) {
		var ids []int64
		err := tx.Table("alignments AS a").
			Joins("LEFT JOIN key_results AS k ON k.id = a.parent_key_result_id").
			Where("a.objective_id = ?", id).
			Pluck("COALESCE(a.parent_objective_id, k.objective_id)", &ids).Error
		return ids, mapError(err)
	}
}

// FindAlignments lists what an objective aligns to.
func (s *Store) FindAlignments(ctx context.Context, objectiveID int64) ([]*throughline.Alignment, error) {
	m, err := s.AlignmentsByObjective(ctx, []int64{objectiveID})
	return nonNilSlice(m[objectiveID]), err
}

// FindAlignedObjectives lists objectives that align to a key result.
func (s *Store) FindAlignedObjectives(ctx context.Context,
	keyResultID int64,
) ([]*throughline.Objective, error) {
	m, err := s.ObjectivesAlignedToKeyResult(ctx, []int64{keyResultID})
	return nonNilSlice(m[keyResultID]), err
}

// FindObjectivesAlignedToObjective lists objectives that align to another
// objective directly.
func (s *Store) FindObjectivesAlignedToObjective(ctx context.Context,
	objectiveID int64,
) ([]*throughline.Objective, error) {
	m, err := s.ObjectivesAlignedToObjective(ctx, []int64{objectiveID})
	return nonNilSlice(m[objectiveID]), err
}

// FindKeyResultByID returns a key result, or ENOTFOUND.
func (s *Store) FindKeyResultByID(ctx context.Context, id int64) (*throughline.KeyResult, error) {
	return firstByID[throughline.KeyResult](s.read(ctx), id, "key result")
}

// FindKeyResults lists key results, optionally of one cycle, objective or
// owner, or only the critical ones (or only the others).
func (s *Store) FindKeyResults(ctx context.Context, f throughline.KeyResultFilter,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.KeyResult], error) {
	q := s.read(ctx)
	if f.CycleID != nil {
		inCycle := s.read(ctx).Model(&throughline.Objective{}).
			Select("id").Where("cycle_id = ?", *f.CycleID)
		q = q.Where("objective_id IN (?)", inCycle)
	}
	if f.ObjectiveID != nil {
		q = q.Where("objective_id = ?", *f.ObjectiveID)
	}
	if f.OwnerID != nil {
		q = q.Where("owner_id = ?", *f.OwnerID)
	}
	if f.Critical != nil {
		q = q.Where("critical = ?", *f.Critical)
	}
	return findPage(q, page, func(k *throughline.KeyResult) int64 { return k.ID })
}

// CreateKeyResult stores a new key result: a metric when it has a target,
// done / not done when it has none.
func (s *Store) CreateKeyResult(ctx context.Context, k *throughline.KeyResult) error {
	if err := throughline.CheckKeyResult(k); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		err := mustExist[throughline.Objective](tx, &k.ObjectiveID, "objectiveId", "objective")
		if err != nil {
			return err
		}
		if err := mustExist[throughline.Person](tx, k.OwnerID, "ownerId", "person"); err != nil {
			return err
		}
		if err := tx.Create(k).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "createKeyResult", throughline.KindKeyResult, k.ID, nil, k)
	})
}

// UpdateKeyResult changes a key result's definition. Giving a done / not
// done result a target makes it a metric. The row is locked as it is
// read, so that the whole row saved is the one just read.
func (s *Store) UpdateKeyResult(ctx context.Context, id int64,
	u throughline.KeyResultUpdate,
) (*throughline.KeyResult, error) {
	var k *throughline.KeyResult
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		if k, err = firstByID[throughline.KeyResult](s.forUpdate(tx), id, "key result"); err != nil {
			return onField(err, "id")
		}
		if err := mustExist[throughline.Person](tx, u.OwnerID, "ownerId", "person"); err != nil {
			return err
		}
		before := *k
		applyKeyResultUpdate(k, u)
		if err := throughline.CheckKeyResult(k); err != nil {
			return err
		}
		if err := tx.Save(k).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "updateKeyResult", throughline.KindKeyResult, k.ID, &before, k)
	})
	return k, err
}

func applyKeyResultUpdate(k *throughline.KeyResult, u throughline.KeyResultUpdate) {
	if u.Title != nil {
		k.Title = *u.Title
	}
	if u.OwnerID != nil {
		k.OwnerID = u.OwnerID
	}
	if u.StartValue != nil {
		k.StartValue = u.StartValue
	}
	if u.TargetValue != nil {
		k.TargetValue = u.TargetValue
	}
	if u.Unit != nil {
		k.Unit = *u.Unit
	}
	if u.Critical != nil {
		k.Critical = *u.Critical
	}
}

// RecordProgress stores an update and applies it to its key result in one
// transaction; earlier updates stay as the history. The key result is
// locked as it is read: an update keeps the confidence it does not give
// from the one before, and updates to one key result are stored in the
// order they are applied.
func (s *Store) RecordProgress(ctx context.Context,
	u *throughline.ProgressUpdate,
) (*throughline.KeyResult, error) {
	var k *throughline.KeyResult
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		k, err = firstByID[throughline.KeyResult](s.forUpdate(tx), u.KeyResultID, "key result")
		if err != nil {
			return onField(err, "keyResultId")
		}
		err = mustExist[throughline.Person](tx, u.RecordedByID, "recordedById", "person")
		if err != nil {
			return err
		}
		before := *k
		if err := throughline.ApplyProgress(k, u); err != nil {
			return err
		}
		u.RecordedAt = s.Now()
		if err := tx.Create(u).Error; err != nil {
			return mapError(err)
		}
		if err := tx.Save(k).Error; err != nil {
			return mapError(err)
		}
		return s.auditProgress(ctx, tx, u, &before, k)
	})
	if err != nil {
		return nil, err
	}
	return k, nil
}

// auditProgress records what recording progress changed: the new update,
// and its key result before and after.
func (s *Store) auditProgress(ctx context.Context, tx *gorm.DB, u *throughline.ProgressUpdate,
	before, after *throughline.KeyResult,
) error {
	if err := s.audit(ctx, tx, "recordProgress", throughline.KindProgressUpdate, u.ID, nil, u); err != nil {
		return err
	}
	return s.audit(ctx, tx, "recordProgress", throughline.KindKeyResult, after.ID, before, after)
}

// FindProgressUpdateByID returns a progress update, or ENOTFOUND.
func (s *Store) FindProgressUpdateByID(ctx context.Context, id int64) (*throughline.ProgressUpdate, error) {
	return firstByID[throughline.ProgressUpdate](s.read(ctx), id, "progress update")
}

// FindProgressUpdates lists a key result's updates, oldest first.
func (s *Store) FindProgressUpdates(ctx context.Context, keyResultID int64,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.ProgressUpdate], error) {
	q := s.read(ctx).Where("key_result_id = ?", keyResultID)
	return findPage(q, page, func(u *throughline.ProgressUpdate) int64 { return u.ID })
}

// onField names the input field a domain error without one concerns, so
// that a missing record the user referred to comes back as a user error on
// that field.
func onField(err error, field string) error {
	var de *throughline.Error
	if errors.As(err, &de) && de.Field == "" {
		return throughline.FieldErrorf(de.Code, field, "%s", de.Message)
	}
	return err
}

// nonNilSlice gives callers an empty list rather than nil for "none".
func nonNilSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
