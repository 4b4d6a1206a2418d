package storage

import (
	"context"

	throughline "throughline.dev/graph"
)

// ancestorObjectivesSQL walks alignment up from the objectives of some key
// results: each step goes from an objective to the objectives it aligns
// to, directly or through a parent key result. UNION (not UNION ALL)
// stops at objectives already seen, so bad data with a loop still ends.
const ancestorObjectivesSQL = `WITH RECURSIVE up(id) AS (
	SELECT objective_id FROM key_results WHERE id IN ?
	UNION
	SELECT COALESCE(a.parent_objective_id, k.objective_id)
	FROM up
	JOIN alignments a ON a.objective_id = up.id
	LEFT JOIN key_results k ON k.id = a.parent_key_result_id
) SELECT id FROM up`

// Ancestry fetches every objective above some key results, their
// alignments and the key results those pass through: four queries for any
// depth.
func (s *Store) Ancestry(ctx context.Context, keyResultIDs []int64) (*throughline.Ancestry, error) {
	a := &throughline.Ancestry{}
	if len(keyResultIDs) == 0 {
		return a, nil
	}
	var objectiveIDs []int64
	db := s.read(ctx)
	if err := db.Raw(ancestorObjectivesSQL, keyResultIDs).Scan(&objectiveIDs).Error; err != nil {
		return nil, mapError(err)
	}
	var err error
	if a.ObjectiveByID, err = s.ObjectivesByID(ctx, objectiveIDs); err != nil {
		return nil, err
	}
	if a.AlignmentsOf, err = s.AlignmentsByObjective(ctx, objectiveIDs); err != nil {
		return nil, err
	}
	a.KeyResultByID, err = s.KeyResultsByID(ctx, append(parentKeyResults(a.AlignmentsOf), keyResultIDs...))
	return a, err
}

func parentKeyResults(alignments map[int64][]*throughline.Alignment) []int64 {
	var ids []int64
	for _, as := range alignments {
		for _, al := range as {
			if al.ParentKeyResultID != nil {
				ids = append(ids, *al.ParentKeyResultID)
			}
		}
	}
	return ids
}
