package storage

import (
	"context"
	"database/sql/driver"
	"fmt"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/exchange"
)

// Store implements the exchange package's interfaces: it dumps the whole
// database for an export, and imports a whole export in one transaction.
var (
	_ exchange.Dumper = (*Store)(nil)
	_ exchange.Store  = (*Store)(nil)
	_ exchange.Tx     = (*Store)(nil)
)

// Dump reads every record an export carries, each table in the order its
// rows were made, all in one read transaction: the export of a server
// that keeps serving is the database as of one moment.
func (s *Store) Dump(ctx context.Context) (*exchange.Dump, error) {
	d := &exchange.Dump{}
	tables := []struct {
		rows  any
		order string
	}{
		{&d.Cycles, "id"}, {&d.Teams, "id"}, {&d.People, "id"},
		{&d.Objectives, "id"}, {&d.Alignments, "id"}, {&d.KeyResults, "id"},
		{&d.Progress, "id"}, {&d.Capabilities, "id"}, {&d.Levels, "capability_id, level"},
		{&d.Requirements, "id"}, {&d.Assessments, "id"}, {&d.Evidence, "id"},
		{&d.Plans, "id"}, {&d.Goals, "id"}, {&d.Actions, "id"}, {&d.CheckIns, "id"},
	}
	err := s.snapshot(ctx, func(db *gorm.DB) error {
		for _, t := range tables {
			if err := db.Order(t.order).Find(t.rows).Error; err != nil {
				return mapError(err)
			}
		}
		return dumpHandovers(db, d)
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// snapshot runs fn on one connection inside a read transaction, so that
// every query of fn sees the database as of one moment while writers
// carry on. It is begun by hand (dialect.beginSnapshot): on SQLite the
// store's own transactions take the write lock, which a long read must
// not hold.
func (s *Store) snapshot(ctx context.Context, fn func(db *gorm.DB) error) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, s.dia.beginSnapshot()); err != nil {
		return fmt.Errorf("storage: begin a read: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
			// A connection still inside a transaction must not go back
			// to the pool: ErrBadConn makes database/sql close it.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	db := s.db.Session(&gorm.Session{NewDB: true, Context: ctx})
	db.Statement.ConnPool = conn
	return fn(db)
}

// ImportTransaction runs fn on a store bound to one transaction: the
// importer's and ApplyGraph's own transactions become savepoints in it,
// so that a whole export is written or nothing is.
func (s *Store) ImportTransaction(ctx context.Context, fn func(exchange.Tx) error) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return fn(&Store{db: tx, dia: s.dia, now: s.now})
	})
}

// HoldsData reports whether the database holds any cycle, team, person or
// capability: anything a whole export would clash with. Tokens do not
// count, so that the bootstrap admin token does not stand in the way.
func (s *Store) HoldsData(ctx context.Context) (bool, error) {
	var held bool
	err := s.read(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM cycles)
		OR EXISTS (SELECT 1 FROM teams) OR EXISTS (SELECT 1 FROM people)
		OR EXISTS (SELECT 1 FROM capabilities)`).Scan(&held).Error
	return held, mapError(err)
}

// ApplyGraph writes what a graph document holds beyond the people and
// OKR files, which must be imported already: the references of the
// document are resolved against them. A reference that names nothing is
// reported with its field (every one of the first kind of record that
// has any) and nothing is written. Each record it creates or changes gets
// an audit entry, importAll; the manager history, which the API does not
// log either, gets none. A document of format version 2 or later brings
// the whole manager history: it replaces the stints the people file made.
func (s *Store) ApplyGraph(ctx context.Context, g *exchange.Graph) (exchange.Summary, error) {
	var sum exchange.Summary
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardTeamTree, guardAlignment); err != nil {
			return err
		}
		sum = exchange.Summary{}
		w := &graphWriter{tx: tx, sum: &sum, log: s.newAuditBatch(ctx, tx, s.Now(), "importAll")}
		if err := w.loadKeys(); err != nil {
			return err
		}
		return w.write(g)
	})
	if err != nil {
		return exchange.Summary{}, err
	}
	return sum, nil
}

// graphWriter writes one graph document in the caller's transaction. It
// keeps the ID of every record by its natural key, and the problems found
// resolving keys.
type graphWriter struct {
	tx  *gorm.DB
	sum *exchange.Summary
	p   throughline.Problems
	log *auditBatch

	people, teams, cycles, capabilities map[string]int64
	objectives, keyResults              map[exchange.Ref]int64
	levels                              map[int64]throughline.ObjectiveLevel
	handovers                           []*throughline.Handover // as the document lists them
}

// write runs the steps in an order where each finds what it refers to,
// and stops at the first step with a problem.
func (w *graphWriter) write(g *exchange.Graph) error {
	steps := []func(*exchange.Graph) error{
		w.writeCycles, w.writeTeams, w.writeObjectives, w.writeKeyResults,
		w.writeCapabilities, w.writeRequirements, w.writeAssessments, w.writePlans,
		w.writeDepartures, w.writeHandovers, w.writeDrafts, w.writeHistory, w.writeRhythm,
	}
	for _, step := range steps {
		if err := step(g); err != nil {
			return err
		}
		if err := w.p.Err(); err != nil {
			return err
		}
	}
	return w.log.flush()
}

// keyRow is a record's ID and natural key, as loadKeys reads them.
type keyRow struct {
	ID    int64
	Key   string
	Cycle string
	Level throughline.ObjectiveLevel
}

func (w *graphWriter) loadKeys() error {
	var err error
	load := func(sql string) map[string]int64 {
		var rows []keyRow
		if err == nil {
			err = w.tx.Raw(sql).Scan(&rows).Error
		}
		m := make(map[string]int64, len(rows))
		for _, r := range rows {
			m[r.Key] = r.ID
		}
		return m
	}
	w.people = load(`SELECT id, email AS key FROM people`)
	w.teams = load(`SELECT id, name AS key FROM teams`)
	w.cycles = load(`SELECT id, name AS key FROM cycles`)
	w.capabilities = load(`SELECT id, name AS key FROM capabilities`)
	if err != nil {
		return mapError(err)
	}
	return w.loadRefs()
}

// loadRefs loads the objectives and key results that have refs, by cycle
// and ref, and the level of each objective.
func (w *graphWriter) loadRefs() error {
	var objs, krs []keyRow
	err := w.tx.Raw(`SELECT o.id, c.name AS cycle, o.ref AS key, o.level
		FROM objectives o JOIN cycles c ON c.id = o.cycle_id`).Scan(&objs).Error
	if err == nil {
		err = w.tx.Raw(`SELECT k.id, c.name AS cycle, k.ref AS key FROM key_results k
			JOIN objectives o ON o.id = k.objective_id JOIN cycles c ON c.id = o.cycle_id
			WHERE k.ref <> ''`).Scan(&krs).Error
	}
	if err != nil {
		return mapError(err)
	}
	w.objectives = map[exchange.Ref]int64{}
	w.levels = map[int64]throughline.ObjectiveLevel{}
	for _, o := range objs {
		w.levels[o.ID] = o.Level
		if o.Key != "" {
			w.objectives[exchange.Ref{Cycle: o.Cycle, Ref: o.Key}] = o.ID
		}
	}
	w.keyResults = map[exchange.Ref]int64{}
	for _, k := range krs {
		w.keyResults[exchange.Ref{Cycle: k.Cycle, Ref: k.Key}] = k.ID
	}
	return nil
}

// lookup returns the ID of the record key names, or records a problem on
// field, saying what was looked for, and returns 0.
func lookup[K comparable](w *graphWriter, ids map[K]int64, field string, key K,
	format string, args ...any,
) int64 {
	id, ok := ids[key]
	if !ok {
		w.p.Add(field, format, args...)
	}
	return id
}

func (w *graphWriter) person(field, email string) int64 {
	return lookup(w, w.people, field, email, "nobody has the email %q", email)
}

// optionalPerson returns nil for no email.
func (w *graphWriter) optionalPerson(field, email string) *int64 {
	if email == "" {
		return nil
	}
	id := w.person(field, email)
	return &id
}

func (w *graphWriter) capability(field, name string) int64 {
	return lookup(w, w.capabilities, field, name, "no capability is named %q", name)
}

func (w *graphWriter) keyResult(field string, r exchange.Ref) int64 {
	return lookup(w, w.keyResults, field, r,
		"no key result in cycle %q has the ref %q", r.Cycle, r.Ref)
}

// exec runs a statement of the import and maps its error.
func (w *graphWriter) exec(sql string, args ...any) error {
	return mapError(w.tx.Exec(sql, args...).Error)
}

// insertAll stores new rows, a few hundred per statement, sets their IDs
// and adds their number to n.
func insertAll[T any](tx *gorm.DB, rows []*T, n *int) error {
	if len(rows) == 0 {
		return nil
	}
	if err := tx.CreateInBatches(rows, chunk).Error; err != nil {
		return mapError(err)
	}
	*n += len(rows)
	return nil
}

// insertLogged is insertAll with an audit entry for each new row, of the
// kind given.
func insertLogged[T any](w *graphWriter, kind string, rows []*T, id func(*T) int64,
	n *int,
) error {
	if err := insertAll(w.tx, rows, n); err != nil {
		return err
	}
	for _, r := range rows {
		w.log.add(kind, id(r), nil, r)
	}
	return nil
}
