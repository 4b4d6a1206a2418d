package storage

import (
	"context"

	throughline "throughline.dev/graph"
)

// More of the loaders.Source implementation: lookups that a screen makes
// once per person, plan or goal, read here for all of them in one query.

// LatestCheckIns returns up to n check-ins of each plan, newest first (the
// later record first on a day), in one windowed query rather than every
// check-in of every plan.
func (s *Store) LatestCheckIns(ctx context.Context, planIDs []int64,
	n int,
) (map[int64][]*throughline.CheckIn, error) {
	out := make(map[int64][]*throughline.CheckIn, len(planIDs))
	err := eachChunk(planIDs, func(part []int64) error {
		var rows []*throughline.CheckIn
		err := s.read(ctx).Raw(`SELECT * FROM (
				SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.plan_id
					ORDER BY c.held_on DESC, c.id DESC) AS newest
				FROM check_ins c WHERE c.plan_id IN ?) latest
			WHERE newest <= ? ORDER BY plan_id, newest`, part, n).
			Scan(&rows).Error
		for _, c := range rows {
			out[c.PlanID] = append(out[c.PlanID], c)
		}
		return err
	})
	return out, mapError(err)
}

// LatestAssessments returns the newest assessment (the later record on a
// day) of each person in each capability asked for, keyed by {person,
// capability}; pairs never assessed are absent.
func (s *Store) LatestAssessments(ctx context.Context,
	pairs [][2]int64,
) (map[[2]int64]*throughline.Assessment, error) {
	out := make(map[[2]int64]*throughline.Assessment, len(pairs))
	for start := 0; start < len(pairs); start += chunk {
		part := pairs[start:min(start+chunk, len(pairs))]
		rows, err := s.latestAssessments(ctx, part)
		if err != nil {
			return nil, err
		}
		for _, a := range rows {
			out[[2]int64{a.PersonID, a.CapabilityID}] = a
		}
	}
	return out, nil
}

func (s *Store) latestAssessments(ctx context.Context,
	pairs [][2]int64,
) ([]*throughline.Assessment, error) {
	values := make([][]any, len(pairs))
	for i, p := range pairs {
		values[i] = []any{p[0], p[1]}
	}
	var rows []*throughline.Assessment
	err := s.read(ctx).Table("assessments AS a").Select("a.*").
		Where("(a.person_id, a.capability_id) IN ?", values).
		Where(`NOT EXISTS (SELECT 1 FROM assessments n
			WHERE n.person_id = a.person_id AND n.capability_id = a.capability_id
			AND (n.assessed_on > a.assessed_on
				OR (n.assessed_on = a.assessed_on AND n.id > a.id)))`).
		Find(&rows).Error
	return rows, mapError(err)
}

// PacksByID returns handover packs by ID.
func (s *Store) PacksByID(ctx context.Context, ids []int64) (map[int64]*throughline.HandoverPack, error) {
	return byIDs(s.read(ctx), ids, func(p *throughline.HandoverPack) int64 { return p.ID })
}

// KeyResultsOwned returns the key results each person owns in a cycle,
// keyed by {person, cycle}, oldest first: one query per cycle asked for.
func (s *Store) KeyResultsOwned(ctx context.Context,
	keys [][2]int64,
) (map[[2]int64][]*throughline.KeyResult, error) {
	owners := map[int64][]int64{}
	for _, k := range keys {
		owners[k[1]] = append(owners[k[1]], k[0])
	}
	out := make(map[[2]int64][]*throughline.KeyResult, len(keys))
	for cycle, people := range owners {
		inCycle := s.read(ctx).Model(&throughline.Objective{}).
			Select("id").Where("cycle_id = ?", cycle)
		byOwner, err := groupMany(s.read(ctx).Where("objective_id IN (?)", inCycle),
			"owner_id", "id", people, func(k *throughline.KeyResult) int64 { return *k.OwnerID })
		if err != nil {
			return nil, err
		}
		for owner, krs := range byOwner {
			out[[2]int64{owner, cycle}] = krs
		}
	}
	return out, nil
}
