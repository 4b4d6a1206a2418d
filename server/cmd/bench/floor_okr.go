package main

import (
	"context"
	"database/sql"
	"fmt"

	throughline "throughline.dev/graph"
)

// What the chain and the strategy tree share: key results and the
// progress of objectives, which is the mean of their key results'.

// keyResultColumns are the columns of a key result that its title and
// progress need, in the order scanKeyResult reads them.
const keyResultColumns = `%[1]s.id, %[1]s.objective_id, %[1]s.title, %[1]s.start_value,
	%[1]s.target_value, %[1]s.current_value, %[1]s.done, %[1]s.confidence, %[1]s.critical`

// krColumns names keyResultColumns for the table alias a.
func krColumns(alias string) string { return fmt.Sprintf(keyResultColumns, alias) }

// scanKeyResult reads krColumns, followed by more destinations.
func scanKeyResult(rs *sql.Rows, more ...any) (*throughline.KeyResult, error) {
	k := &throughline.KeyResult{}
	dest := append([]any{&k.ID, &k.ObjectiveID, &k.Title, &k.StartValue, &k.TargetValue,
		&k.CurrentValue, &k.Done, &k.Confidence, &k.Critical}, more...)
	return k, rs.Scan(dest...)
}

// keyResultsOf reads the key results of some objectives, by objective, in
// one statement.
func keyResultsOf(ctx context.Context, f *floorDB,
	objectiveIDs []int64,
) (map[int64][]*throughline.KeyResult, error) {
	out := map[int64][]*throughline.KeyResult{}
	if len(objectiveIDs) == 0 {
		return out, nil
	}
	query := `SELECT ` + krColumns("k") + ` FROM key_results k
		WHERE k.objective_id IN (` + placeholders(len(objectiveIDs)) + `) ORDER BY k.id`
	err := f.rows(ctx, query, anys(objectiveIDs), func(rs *sql.Rows) error {
		k, err := scanKeyResult(rs)
		out[k.ObjectiveID] = append(out[k.ObjectiveID], k)
		return err
	})
	return out, err
}
