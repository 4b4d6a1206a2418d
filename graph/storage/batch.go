package storage

import (
	"context"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// chunk keeps IN lists well under SQLite's limit of bound parameters.
const chunk = 500

// byIDs loads rows of T whose id is in ids, keyed by ID.
func byIDs[T any](db *gorm.DB, ids []int64, id func(*T) int64) (map[int64]*T, error) {
	return groupOne(db, "id", ids, id)
}

// groupOne loads rows of T whose column is in keys, one row per key.
func groupOne[T any](db *gorm.DB, column string, keys []int64,
	key func(*T) int64,
) (map[int64]*T, error) {
	out := make(map[int64]*T, len(keys))
	err := eachChunk(keys, func(part []int64) error {
		var rows []*T
		if err := db.Where(column+" IN ?", part).Find(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			out[key(r)] = r
		}
		return nil
	})
	return out, mapError(err)
}

// groupMany loads rows of T whose column is in keys, grouped by key, in
// the order given by orderBy.
func groupMany[T any](db *gorm.DB, column, orderBy string, keys []int64,
	key func(*T) int64,
) (map[int64][]*T, error) {
	out := make(map[int64][]*T, len(keys))
	err := eachChunk(keys, func(part []int64) error {
		var rows []*T
		q := db.Where(column+" IN ?", part).Order(orderBy)
		if err := q.Find(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			out[key(r)] = append(out[key(r)], r)
		}
		return nil
	})
	return out, mapError(err)
}

func eachChunk(keys []int64, fn func([]int64) error) error {
	for len(keys) > 0 {
		n := min(len(keys), chunk)
		if err := fn(keys[:n]); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// The loaders.Source implementation: one query per call.

func (s *Store) CyclesByID(ctx context.Context, ids []int64) (map[int64]*throughline.Cycle, error) {
	return byIDs(s.read(ctx), ids, func(v *throughline.Cycle) int64 { return v.ID })
}

func (s *Store) TeamsByID(ctx context.Context, ids []int64) (map[int64]*throughline.Team, error) {
	return byIDs(s.read(ctx), ids, func(v *throughline.Team) int64 { return v.ID })
}

func (s *Store) PeopleByID(ctx context.Context, ids []int64) (map[int64]*throughline.Person, error) {
	return byIDs(s.read(ctx), ids, func(v *throughline.Person) int64 { return v.ID })
}

func (s *Store) ObjectivesByID(ctx context.Context, ids []int64) (map[int64]*throughline.Objective, error) {
	return byIDs(s.read(ctx), ids, func(v *throughline.Objective) int64 { return v.ID })
}

func (s *Store) KeyResultsByID(ctx context.Context, ids []int64) (map[int64]*throughline.KeyResult, error) {
	return byIDs(s.read(ctx), ids, func(v *throughline.KeyResult) int64 { return v.ID })
}

func (s *Store) CapabilitiesByID(ctx context.Context,
	ids []int64,
) (map[int64]*throughline.Capability, error) {
	return byIDs(s.read(ctx), ids, func(v *throughline.Capability) int64 { return v.ID })
}

func (s *Store) PlansByID(ctx context.Context, ids []int64) (map[int64]*throughline.DevelopmentPlan, error) {
	return byIDs(s.read(ctx), ids, func(v *throughline.DevelopmentPlan) int64 { return v.ID })
}

func (s *Store) GoalsByID(ctx context.Context, ids []int64) (map[int64]*throughline.DevelopmentGoal, error) {
	return byIDs(s.read(ctx), ids, func(v *throughline.DevelopmentGoal) int64 { return v.ID })
}

func (s *Store) AlignmentsByObjective(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.Alignment, error) {
	return groupMany(s.read(ctx), "objective_id", "id", ids,
		func(v *throughline.Alignment) int64 { return v.ObjectiveID })
}

func (s *Store) KeyResultsByObjective(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.KeyResult, error) {
	return groupMany(s.read(ctx), "objective_id", "id", ids,
		func(v *throughline.KeyResult) int64 { return v.ObjectiveID })
}

func (s *Store) GoalsByPlan(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.DevelopmentGoal, error) {
	return groupMany(s.read(ctx), "plan_id", "id", ids,
		func(v *throughline.DevelopmentGoal) int64 { return v.PlanID })
}

func (s *Store) ActionsByGoal(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.DevelopmentAction, error) {
	return groupMany(s.read(ctx), "goal_id", "id", ids,
		func(v *throughline.DevelopmentAction) int64 { return v.GoalID })
}

func (s *Store) LevelsByCapability(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.CapabilityLevel, error) {
	return groupMany(s.read(ctx), "capability_id", "level", ids,
		func(v *throughline.CapabilityLevel) int64 { return v.CapabilityID })
}

func (s *Store) EvidenceByAssessment(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.Evidence, error) {
	return groupMany(s.read(ctx), "assessment_id", "id", ids,
		func(v *throughline.Evidence) int64 { return v.AssessmentID })
}

func (s *Store) RequirementsByKeyResult(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.CapabilityRequirement, error) {
	return groupMany(s.read(ctx), "key_result_id", "id", ids,
		func(v *throughline.CapabilityRequirement) int64 { return v.KeyResultID })
}

func (s *Store) CyclesByName(ctx context.Context, names []string) (map[string]*throughline.Cycle, error) {
	var rows []*throughline.Cycle
	if err := s.read(ctx).Where("name IN ?", names).Find(&rows).Error; err != nil {
		return nil, mapError(err)
	}
	out := make(map[string]*throughline.Cycle, len(rows))
	for _, c := range rows {
		out[c.Name] = c
	}
	return out, nil
}

// PlansFor finds the plans of several people, one query per cycle asked
// for (a request almost always asks about one cycle).
func (s *Store) PlansFor(ctx context.Context,
	keys []throughline.PlanKey,
) (map[throughline.PlanKey]*throughline.DevelopmentPlan, error) {
	people := map[int64][]int64{}
	for _, k := range keys {
		people[k.CycleID] = append(people[k.CycleID], k.PersonID)
	}
	out := make(map[throughline.PlanKey]*throughline.DevelopmentPlan, len(keys))
	for cycle, ids := range people {
		plans, err := groupOne(s.read(ctx).Where("cycle_id = ?", cycle), "person_id", ids,
			func(p *throughline.DevelopmentPlan) int64 { return p.PersonID })
		if err != nil {
			return nil, err
		}
		for person, p := range plans {
			out[throughline.PlanKey{PersonID: person, CycleID: cycle}] = p
		}
	}
	return out, nil
}
