package storage

import (
	"context"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Batch lookups of the OKR and capability areas that fan out in a query,
// in the shape loaders.Source asks for: one call, any number of keys, a
// map keyed by the asked-for ID.

// ObjectivesAlignedToKeyResult lists, per key result, the objectives that
// align to it.
func (s *Store) ObjectivesAlignedToKeyResult(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.Objective, error) {
	return alignedObjectives(s.read(ctx), "parent_key_result_id", ids,
		func(a *throughline.Alignment) int64 { return *a.ParentKeyResultID })
}

// ObjectivesAlignedToObjective lists, per objective, the objectives that
// align to it directly.
func (s *Store) ObjectivesAlignedToObjective(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.Objective, error) {
	return alignedObjectives(s.read(ctx), "parent_objective_id", ids,
		func(a *throughline.Alignment) int64 { return *a.ParentObjectiveID })
}

// alignedObjectives reads the alignments whose parent column is in ids,
// then the objectives they belong to: two queries however many parents.
func alignedObjectives(db *gorm.DB, column string, ids []int64,
	parent func(*throughline.Alignment) int64,
) (map[int64][]*throughline.Objective, error) {
	links, err := groupMany(db, column, "objective_id", ids, parent)
	if err != nil {
		return nil, err
	}
	var childIDs []int64
	for _, group := range links {
		for _, a := range group {
			childIDs = append(childIDs, a.ObjectiveID)
		}
	}
	children, err := byIDs(db, childIDs, func(o *throughline.Objective) int64 { return o.ID })
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]*throughline.Objective, len(links))
	for id, group := range links {
		for _, a := range group {
			if o, ok := children[a.ObjectiveID]; ok {
				out[id] = append(out[id], o)
			}
		}
	}
	return out, nil
}

// CoveringGoalsByKeyResult lists, per key result, the active execution
// goals that serve it: the people building what it needs.
func (s *Store) CoveringGoalsByKeyResult(ctx context.Context,
	ids []int64,
) (map[int64][]*throughline.DevelopmentGoal, error) {
	// A new session, so that each chunk's query starts from the filter
	// rather than adding to the previous chunk's conditions.
	q := s.read(ctx).Where("lane = ? AND state = ? AND capability_id IS NOT NULL",
		throughline.LaneExecution, throughline.GoalActive).Session(&gorm.Session{})
	return groupMany(q, "key_result_id", "id", ids,
		func(g *throughline.DevelopmentGoal) int64 { return *g.KeyResultID })
}

// CoveringGoalCounts counts, for each {key result, capability} pair, the
// active execution goals of anyone that serve the key result by building
// the capability; pairs nobody covers are absent.
func (s *Store) CoveringGoalCounts(ctx context.Context,
	pairs [][2]int64,
) (map[[2]int64]int64, error) {
	out := make(map[[2]int64]int64, len(pairs))
	for start := 0; start < len(pairs); start += chunk {
		part := pairs[start:min(start+chunk, len(pairs))]
		tuples := make([][]any, len(part))
		for i, p := range part {
			tuples[i] = []any{p[0], p[1]}
		}
		var rows []struct{ KeyResultID, CapabilityID, Goals int64 }
		err := s.read(ctx).Model(&throughline.DevelopmentGoal{}).
			Select("key_result_id, capability_id, COUNT(*) AS goals").
			Where("(key_result_id, capability_id) IN ? AND lane = ? AND state = ?",
				tuples, throughline.LaneExecution, throughline.GoalActive).
			Group("key_result_id, capability_id").Scan(&rows).Error
		if err != nil {
			return nil, mapError(err)
		}
		for _, r := range rows {
			out[[2]int64{r.KeyResultID, r.CapabilityID}] = r.Goals
		}
	}
	return out, nil
}
