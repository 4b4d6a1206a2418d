package storage

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/importer"
)

// Store implements importer.Store.
var _ importer.Store = (*Store)(nil)

// The import's reads load whole tables once, in a few statements, and its
// writes go in batches: a file of 100,000 people costs a few hundred
// statements, not a few per person.

// OrgForImport returns every team and person by name and email, for the
// checks of a people or OKR file.
func (s *Store) OrgForImport(ctx context.Context) (*importer.OrgSnapshot, error) {
	db := s.read(ctx)
	snap := &importer.OrgSnapshot{}
	err := db.Raw(`SELECT t.name, COALESCE(p.name, '') AS parent
		FROM teams t LEFT JOIN teams p ON p.id = t.parent_id`).Scan(&snap.Teams).Error
	if err != nil {
		return nil, mapError(err)
	}
	err = db.Raw(`SELECT p.email, p.title, COALESCE(m.email, '') AS manager_email
		FROM people p LEFT JOIN people m ON m.id = p.manager_id`).Scan(&snap.People).Error
	if err != nil {
		return nil, mapError(err)
	}
	return snap, nil
}

// OKRsForImport returns every cycle, objective, key result and alignment,
// reduced to keys and links, for the checks of an OKR file.
func (s *Store) OKRsForImport(ctx context.Context) (*importer.OKRSnapshot, error) {
	db := s.read(ctx)
	snap := &importer.OKRSnapshot{}
	for _, q := range []struct {
		sql string
		out any
	}{
		{`SELECT name, starts_on, ends_on FROM cycles`, &snap.Cycles},
		{`SELECT o.id, c.name AS cycle, o.ref
			FROM objectives o JOIN cycles c ON c.id = o.cycle_id`, &snap.Objectives},
		{`SELECT id, objective_id, ref FROM key_results`, &snap.KeyResults},
		{`SELECT objective_id,
			COALESCE(parent_objective_id, 0) AS parent_objective_id,
			COALESCE(parent_key_result_id, 0) AS parent_key_result_id
			FROM alignments`, &snap.Alignments},
	} {
		if err := db.Raw(q.sql).Scan(q.out).Error; err != nil {
			return nil, mapError(err)
		}
	}
	return snap, nil
}

// importTx is one import's transaction, the time it writes as updated_at
// and the audit entries of what it changes.
type importTx struct {
	tx  *gorm.DB
	dia dialect
	now time.Time
	log *auditBatch
	// objectives holds the OKR file's objectives created or updated, until
	// their alignment is known: the log records both in one entry.
	objectives map[int64]objectiveChange
}

// objectiveChange is an objective's row before an import (nil when the
// import creates it) and after.
type objectiveChange struct{ before, after *throughline.Objective }

func (s *Store) newImportTx(ctx context.Context, tx *gorm.DB, action string) *importTx {
	now := s.Now()
	return &importTx{tx: tx, dia: s.dia, now: now, log: s.newAuditBatch(ctx, tx, now, action),
		objectives: map[int64]objectiveChange{}}
}

// checkNoLoops refuses the import when a self-referencing column (a team's
// parent, a person's manager) now leads a row back to itself.
func (im *importTx) checkNoLoops(table, column, what string) error {
	var links []struct{ ID, Parent int64 }
	err := im.tx.Raw(fmt.Sprintf("SELECT id, %s AS parent FROM %s WHERE %s IS NOT NULL",
		column, table, column)).Scan(&links).Error
	if err != nil {
		return mapError(err)
	}
	return loopError(links, what)
}

func loopError(links []struct{ ID, Parent int64 }, what string) error {
	parents := make(map[int64][]int64, len(links))
	for _, l := range links {
		parents[l.ID] = append(parents[l.ID], l.Parent)
	}
	if hasLoop(parents) {
		return throughline.Errorf(throughline.ECONFLICT,
			"the %s changed while the file was checked and would now loop; try again", what)
	}
	return nil
}

// hasLoop reports whether following parents from some node comes back to
// it, in one depth-first pass over the graph.
func hasLoop(parents map[int64][]int64) bool {
	const onPath, done = 1, 2
	state := make(map[int64]uint8, len(parents))
	var visit func(int64) bool
	visit = func(v int64) bool {
		switch state[v] {
		case onPath:
			return true
		case done:
			return false
		}
		state[v] = onPath
		for _, p := range parents[v] {
			if visit(p) {
				return true
			}
		}
		state[v] = done
		return false
	}
	for v := range parents {
		if visit(v) {
			return true
		}
	}
	return false
}

// setRows updates columns of many rows by ID, a few hundred rows per
// statement (dialect.updateByID), so an import that changes every row
// still costs few statements. Every row also gets updated_at = now. rows
// hold the ID first, then one value per column.
func (im *importTx) setRows(table string, cols []string, rows [][]any) error {
	per := max(1, 4*chunk/(len(cols)+1))
	for len(rows) > 0 {
		n := min(len(rows), per)
		sql, args, err := im.dia.updateByID(table, cols, rows[:n], im.now)
		if err != nil {
			return err
		}
		if err := im.tx.Exec(sql, args...).Error; err != nil {
			return mapError(err)
		}
		rows = rows[n:]
	}
	return nil
}

// byDepth groups n new rows so that each group points only at rows stored
// already or created in an earlier group; parent returns the index of the
// new row that row i points at, or -1. The checks before an import refuse
// loops, so one here means the data changed underneath.
func byDepth(n int, parent func(int) int) ([][]int, error) {
	depth := make([]int, n)
	for i := range depth {
		depth[i] = -1
	}
	var groups [][]int
	for i := range n {
		d, err := depthOf(i, parent, depth)
		if err != nil {
			return nil, err
		}
		for len(groups) <= d {
			groups = append(groups, nil)
		}
		groups[d] = append(groups[d], i)
	}
	return groups, nil
}

// depthOf walks up from row i to a row of known depth, or to the top, and
// records the depth of every row on the way.
func depthOf(i int, parent func(int) int, depth []int) (int, error) {
	var path []int
	j := i
	for j >= 0 && depth[j] < 0 {
		if len(path) > len(depth) {
			return 0, throughline.Errorf(throughline.ECONFLICT,
				"the new rows of the file point at each other in a loop")
		}
		path = append(path, j)
		j = parent(j)
	}
	d := -1
	if j >= 0 {
		d = depth[j]
	}
	for k := len(path) - 1; k >= 0; k-- {
		d++
		depth[path[k]] = d
	}
	return depth[i], nil
}

// insert stores new rows, a few hundred per statement, and sets their IDs.
func (im *importTx) insert(rows any) error {
	if reflect.ValueOf(rows).Len() == 0 {
		return nil
	}
	return mapError(im.tx.CreateInBatches(rows, chunk).Error)
}

// loadKeyed loads every row of T and returns their IDs and the rows by a
// natural key (a name or an email).
func loadKeyed[T any](tx *gorm.DB,
	key func(*T) (string, int64),
) (map[string]int64, map[string]*T, error) {
	var rows []*T
	if err := tx.Find(&rows).Error; err != nil {
		return nil, nil, mapError(err)
	}
	ids := make(map[string]int64, len(rows))
	byKey := make(map[string]*T, len(rows))
	for _, r := range rows {
		k, id := key(r)
		ids[k], byKey[k] = id, r
	}
	return ids, byKey, nil
}

// idsByName loads the IDs of the rows of T whose column (a name or an
// email) is one of names.
func idsByName[T any](db *gorm.DB, column string, names []string,
	key func(*T) (string, int64),
) (map[string]int64, error) {
	rows, err := findIn[T](db, column, names)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]int64, len(names))
	for _, r := range rows {
		k, id := key(r)
		ids[k] = id
	}
	return ids, nil
}

// missing returns the wanted items whose key has no ID yet, each once,
// and the position of each among them.
func missing[T any](want []T, ids map[string]int64,
	key func(T) string,
) ([]T, map[string]int) {
	var fresh []T
	index := map[string]int{}
	for _, w := range want {
		k := key(w)
		if _, stored := ids[k]; stored {
			continue
		}
		if _, dup := index[k]; !dup {
			index[k] = len(fresh)
			fresh = append(fresh, w)
		}
	}
	return fresh, index
}

func mapped[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// findIn loads the rows of T whose column is one of keys, in parts small
// enough for one IN list each.
func findIn[T any](db *gorm.DB, column string, keys []string) ([]*T, error) {
	var out []*T
	db = db.Session(&gorm.Session{}) // each part starts from db's conditions
	for len(keys) > 0 {
		n := min(len(keys), chunk)
		var part []*T
		if err := db.Where(column+" IN ?", keys[:n]).Find(&part).Error; err != nil {
			return nil, mapError(err)
		}
		out, keys = append(out, part...), keys[n:]
	}
	return out, nil
}

// indexOr returns the index of a key, or -1 when it is not there.
func indexOr(index map[string]int, key string) int {
	if i, ok := index[key]; ok {
		return i
	}
	return -1
}

// optionalID looks a name up; "" or an unknown name gives nil.
func optionalID(ids map[string]int64, name string) *int64 {
	if id, ok := ids[name]; ok && name != "" {
		return &id
	}
	return nil
}

func sameID(a, b *int64) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

func sameRef(a *int64, b int64) bool { return a != nil && *a == b }

func sameValue(a, b *float64) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
