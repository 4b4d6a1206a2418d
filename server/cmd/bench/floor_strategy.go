package main

import (
	"context"
	"database/sql"
	"strings"

	throughline "throughline.dev/graph"
)

// The strategy tree's floor: three statements per page. The page of
// objectives with owners, teams and the cycle's count; their key results;
// the alignments up from the page's objectives and down to its key
// results, of which the tree lists the first few of each key result.

const strategyPageSQL = `SELECT o.id, o.title, o.level, pe.name, t.name, COUNT(*) OVER ()
FROM objectives o
LEFT JOIN people pe ON pe.id = o.owner_id
LEFT JOIN teams t ON t.id = o.team_id
WHERE o.cycle_id = (SELECT id FROM cycles WHERE name = ?)
ORDER BY o.id
LIMIT ?`

const strategyAlignmentsSQL = `SELECT 0, a.objective_id, a.parent_key_result_id, ''
FROM alignments a WHERE a.objective_id IN (%[1]s)
UNION ALL
SELECT 1, a.parent_key_result_id, o.id, o.title
FROM alignments a JOIN objectives o ON o.id = a.objective_id
WHERE a.parent_key_result_id IN (SELECT k.id FROM key_results k WHERE k.objective_id IN (%[1]s))`

func strategyFloor(ctx context.Context, f *floorDB, cycleName string) (figures, error) {
	fig := figures{}
	var ids []int64
	err := f.rows(ctx, strategyPageSQL, []any{cycleName, strategyPage + 1},
		func(rs *sql.Rows) error {
			var id int64
			var total int
			var title string
			var level throughline.ObjectiveLevel
			var owner, team sql.NullString
			err := rs.Scan(&id, &title, &level, &owner, &team, &total)
			fig["objectives in the cycle"] = float64(total)
			if len(ids) == strategyPage {
				fig["more pages"] = 1
				return err
			}
			ids = append(ids, id)
			fig["objectives"]++
			fig["objectives "+string(level)]++
			fig["objectives with an owner"] += boolFigure(owner.Valid)
			fig["objectives with a team"] += boolFigure(team.Valid)
			return err
		})
	if err != nil {
		return nil, err
	}
	fig["more pages"] += 0
	if err := strategyKeyResults(ctx, f, ids, fig); err != nil {
		return nil, err
	}
	return fig, strategyAlignments(ctx, f, ids, fig)
}

func strategyKeyResults(ctx context.Context, f *floorDB, ids []int64, fig figures) error {
	krs, err := keyResultsOf(ctx, f, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		fig["objective progress"] += throughline.ObjectiveProgress(krs[id])
		for _, k := range krs[id] {
			fig["key results"]++
			fig["key results critical"] += boolFigure(k.Critical)
			fig["key result progress"] += k.Progress()
		}
	}
	return nil
}

func strategyAlignments(ctx context.Context, f *floorDB, ids []int64, fig figures) error {
	if len(ids) == 0 {
		return nil
	}
	list := placeholders(len(ids))
	query := strings.ReplaceAll(strategyAlignmentsSQL, "%[1]s", list)
	args := append(anys(ids), anys(ids)...)
	listed := map[int64]int{}
	return f.rows(ctx, query, args, func(rs *sql.Rows) error {
		var down int
		var from int64
		var to sql.NullInt64
		var title string
		err := rs.Scan(&down, &from, &to, &title)
		switch {
		case down == 1:
			fig["objectives aligned to key results"]++
			listed[from]++
			fig["aligned objectives listed"] += boolFigure(listed[from] <= strategyAlignedPage)
		case to.Valid:
			fig["aligned to a KeyResult"]++
		default:
			fig["aligned to a Objective"]++
		}
		return err
	})
}
