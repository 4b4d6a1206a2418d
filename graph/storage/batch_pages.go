package storage

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Pages of lists that hang under many parents at once, such as the
// objectives aligned to each key result of a strategy tree: one page of
// each parent's list, with the list's length, in one statement however
// many parents a level holds.

// RequirementPagesByCapability returns a page of each capability's
// requirements, oldest first.
func (s *Store) RequirementPagesByCapability(ctx context.Context, ids []int64,
	page throughline.PageRequest,
) (map[int64]*throughline.Page[*throughline.CapabilityRequirement], error) {
	q := pageQuery{
		cols: "r.*", id: "r.id", parent: "r.capability_id", partition: "r.capability_id",
		from: "capability_requirements r WHERE r.capability_id IN ?",
	}
	return readPages(s.read(ctx), q, ids, nil, page,
		func(r *pageRow[throughline.CapabilityRequirement]) int64 { return r.Item.CapabilityID },
		func(r *throughline.CapabilityRequirement) int64 { return r.ID })
}

// AlignedObjectivePagesByKeyResult returns a page of the objectives that
// align to each key result, oldest first.
func (s *Store) AlignedObjectivePagesByKeyResult(ctx context.Context, ids []int64,
	page throughline.PageRequest,
) (map[int64]*throughline.Page[*throughline.Objective], error) {
	return alignedPages(s.read(ctx), "parent_key_result_id", ids, page)
}

// AlignedObjectivePagesByObjective returns a page of the objectives that
// align directly to each objective, oldest first.
func (s *Store) AlignedObjectivePagesByObjective(ctx context.Context, ids []int64,
	page throughline.PageRequest,
) (map[int64]*throughline.Page[*throughline.Objective], error) {
	return alignedPages(s.read(ctx), "parent_objective_id", ids, page)
}

// alignedPages pages the objectives whose alignments point at the
// parents through column. An objective that names the same parent twice
// is listed once.
func alignedPages(db *gorm.DB, column string, ids []int64,
	page throughline.PageRequest,
) (map[int64]*throughline.Page[*throughline.Objective], error) {
	q := pageQuery{
		cols: "o.*", id: "o.id", parent: "a.parent", partition: "a.parent",
		from: "objectives o JOIN (SELECT DISTINCT objective_id, " + column +
			" AS parent FROM alignments WHERE " + column + " IN ?) a ON a.objective_id = o.id",
	}
	return readPages(db, q, ids, nil, page,
		func(r *pageRow[throughline.Objective]) int64 { return r.PageParent },
		func(o *throughline.Objective) int64 { return o.ID })
}

// CoveringGoalPages returns, for each {key result, capability} pair, a
// page of the active execution goals that serve the key result by
// building the capability, oldest first. reader keeps the goals of the
// plans a person may read, as PlanFilter's ReadableBy and Reports do;
// nil keeps every goal.
func (s *Store) CoveringGoalPages(ctx context.Context, pairs [][2]int64,
	page throughline.PageRequest, reader *throughline.PlanFilter,
) (map[[2]int64]*throughline.Page[*throughline.DevelopmentGoal], error) {
	q := pageQuery{
		cols: "g.*", id: "g.id", parent: "g.key_result_id",
		partition: "g.key_result_id, g.capability_id",
		from: "development_goals g WHERE (g.key_result_id, g.capability_id) IN ? " +
			"AND g.lane = ? AND g.state = ?",
	}
	extra := []any{throughline.LaneExecution, throughline.GoalActive}
	if reader != nil && reader.ReadableBy != nil {
		q.from += " AND g.plan_id IN (SELECT id FROM development_plans WHERE person_id = ?"
		extra = append(extra, *reader.ReadableBy)
		if reader.Reports {
			q.from += " OR person_id IN (" + reportsSQL + ")"
			extra = append(extra, *reader.ReadableBy)
		}
		q.from += ")"
	}
	tuples := make([][]any, len(pairs))
	for i, p := range pairs {
		tuples[i] = []any{p[0], p[1]}
	}
	return readPages(s.read(ctx), q, tuples, extra, page,
		func(r *pageRow[throughline.DevelopmentGoal]) [2]int64 {
			return [2]int64{*r.Item.KeyResultID, *r.Item.CapabilityID}
		},
		func(g *throughline.DevelopmentGoal) int64 { return g.ID })
}

// pageQuery says where the lists of one kind lie: the item's columns and
// ID, which orders each list; the parent's ID column; the columns that
// set one list apart (the parent's, or more); and the FROM clause, whose
// first placeholder takes the parents.
type pageQuery struct {
	cols, id, parent, partition, from string
}

// pageRow is an item with what the statement tells of its list: the
// parent, the list's length, and the item's place after the cursor (0
// for an item at or before it, kept only to carry the length).
type pageRow[T any] struct {
	Item       T `gorm:"embedded"`
	PageParent int64
	PageTotal  int64
	PageRank   int64
}

// pagesSQL numbers each list's items after the cursor and keeps the
// first page of them, one more to tell whether more follow, and each
// list's first item, which carries the length of a list the cursor has
// passed entirely.
const pagesSQL = `SELECT * FROM (
	SELECT %[1]s, %[2]s AS page_parent,
		COUNT(*) OVER (PARTITION BY %[3]s) AS page_total,
		ROW_NUMBER() OVER (PARTITION BY %[3]s ORDER BY %[4]s) AS page_first,
		SUM(CASE WHEN %[4]s > ? THEN 1 ELSE 0 END)
			OVER (PARTITION BY %[3]s ORDER BY %[4]s ROWS UNBOUNDED PRECEDING) AS page_rank
	FROM %[5]s) paged
WHERE page_rank BETWEEN 1 AND ? OR page_first = 1
ORDER BY page_parent, page_first`

// readPages reads a page of each parent's list, in one statement per
// chunk of parents. A parent with an empty list is left out.
func readPages[T any, P any, K comparable](db *gorm.DB, q pageQuery, parents []P,
	extra []any, page throughline.PageRequest,
	key func(*pageRow[T]) K, id func(*T) int64,
) (map[K]*throughline.Page[*T], error) {
	statement := fmt.Sprintf(pagesSQL, q.cols, q.parent, q.partition, q.id, q.from)
	items := map[K][]*T{}
	out := map[K]*throughline.Page[*T]{}
	for start := 0; start < len(parents); start += chunk {
		part := parents[start:min(start+chunk, len(parents))]
		args := append(append([]any{page.After, part}, extra...), page.First+1)
		var rows []*pageRow[T]
		if err := db.Raw(statement, args...).Scan(&rows).Error; err != nil {
			return nil, mapError(err)
		}
		for _, r := range rows {
			k := key(r)
			if out[k] == nil {
				out[k] = &throughline.Page[*T]{TotalCount: r.PageTotal}
			}
			if r.PageRank > 0 {
				items[k] = append(items[k], &r.Item)
			}
		}
	}
	for k, p := range out {
		trimPage(p, items[k], page.First, id)
	}
	return out, nil
}
