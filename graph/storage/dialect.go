package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// The SQL that differs between SQLite and PostgreSQL lives in this file,
// as methods of the store's dialect; the rest of the package writes the
// SQL both engines share.
//
// Concurrency differs most. SQLite lets one write transaction run at a
// time (ours begin IMMEDIATE), so a check made inside a transaction holds
// until it commits. PostgreSQL runs writers side by side under READ
// COMMITTED, so a write whose rule reads other rows first locks what the
// rule depends on: the row it changes (forUpdate), the row it reads
// (forShare), or, for rules over a whole tree such as "no reporting
// loops", a guard every writer of that tree takes (serialize). On SQLite
// these are no-ops.
type dialect interface {
	// name is gorm's name of the engine, and the folder of its migrations.
	name() string
	gooseDialect() goose.Dialect
	// migrationOptions are the goose options that keep two servers from
	// migrating one database at once.
	migrationOptions() ([]goose.ProviderOption, error)
	// day is SQL for the date part of a DATE or TIMESTAMP expression.
	day(expr string) string
	// beginSnapshot begins a read-only transaction that sees one moment.
	beginSnapshot() string
	// bindVar is the nth placeholder (from 1) of SQL sent without gorm.
	bindVar(n int) string
	// forUpdate locks the rows q reads until the transaction ends.
	forUpdate(q *gorm.DB) *gorm.DB
	// forShare keeps the rows q reads from changing until the
	// transaction ends, without stopping others from reading them.
	forShare(q *gorm.DB) *gorm.DB
	// serialize makes the writers that take one of the guards wait for
	// each other, until the transaction ends.
	serialize(tx *gorm.DB, guards ...guard) error
	// exclusive runs fn while no other process runs it with the same
	// guard on the same database.
	exclusive(ctx context.Context, db *sql.DB, g guard, fn func() error) error
	// updateByID is a statement that sets columns of many rows by ID:
	// rows hold the ID first, then one value per column.
	updateByID(table string, cols []string, rows [][]any, now time.Time) (string, []any, error)
}

// guard names a rule over many rows whose writers must take turns on
// PostgreSQL. A transaction takes its guards before anything else, in
// this order, so that no two transactions wait for each other in a
// circle.
type guard int32

const (
	guardTeamTree  guard = iota + 1 // a team tree without loops
	guardReporting                  // reporting lines without loops, handovers
	guardAlignment                  // alignment without loops
	guardCycles                     // one plan per person when a cycle opens
	guardSeed                       // the demo seeded once (a session lock)
)

// sqliteDialect is SQLite, one writer at a time.
type sqliteDialect struct{}

func (sqliteDialect) name() string                { return "sqlite" }
func (sqliteDialect) gooseDialect() goose.Dialect { return goose.DialectSQLite3 }

// migrationOptions needs no lock: the data directory's lock keeps a
// second server off the file.
func (sqliteDialect) migrationOptions() ([]goose.ProviderOption, error) { return nil, nil }

// day compares days only: rows written through gorm hold
// '2026-10-05 00:00:00+00:00' and rows imported in bulk may hold
// '2026-10-05'.
func (sqliteDialect) day(expr string) string { return "date(" + expr + ")" }

// beginSnapshot is deferred: the store's own transactions begin
// IMMEDIATE and take the write lock, which a long read must not hold.
func (sqliteDialect) beginSnapshot() string              { return "BEGIN DEFERRED" }
func (sqliteDialect) bindVar(int) string                 { return "?" }
func (sqliteDialect) forUpdate(q *gorm.DB) *gorm.DB      { return q }
func (sqliteDialect) forShare(q *gorm.DB) *gorm.DB       { return q }
func (sqliteDialect) serialize(*gorm.DB, ...guard) error { return nil }

// exclusive runs fn at once: the data directory's lock keeps a second
// server off a SQLite file.
func (sqliteDialect) exclusive(_ context.Context, _ *sql.DB, _ guard, fn func() error) error {
	return fn()
}

// updateByID joins the table to a VALUES list of (id, values...).
func (sqliteDialect) updateByID(table string, cols []string, rows [][]any,
	now time.Time,
) (string, []any, error) {
	sets := make([]string, len(cols))
	for i, c := range cols {
		sets[i] = fmt.Sprintf("%s = v.column%d", c, i+2)
	}
	tuple := "(?" + strings.Repeat(", ?", len(cols)) + ")"
	values := strings.TrimSuffix(strings.Repeat(tuple+", ", len(rows)), ", ")
	sql := fmt.Sprintf("UPDATE %s SET %s, updated_at = ? FROM (VALUES %s) AS v "+
		"WHERE %s.id = v.column1", table, strings.Join(sets, ", "), values, table)
	args := make([]any, 0, 1+len(rows)*(len(cols)+1))
	args = append(args, now)
	for _, r := range rows {
		args = append(args, r...)
	}
	return sql, args, nil
}

// postgresDialect is PostgreSQL, shared by several servers. Its locks are
// scoped to one schema: space is a hash of the database and schema names.
type postgresDialect struct{ space int32 }

func (postgresDialect) name() string                { return "postgres" }
func (postgresDialect) gooseDialect() goose.Dialect { return goose.DialectPostgres }

// migrationOptions hold an advisory lock while goose migrates, so that
// servers started together migrate one after the other; the second finds
// nothing left to do.
func (d postgresDialect) migrationOptions() ([]goose.ProviderOption, error) {
	locker, err := lock.NewPostgresSessionLocker(
		// One bigint key: PostgreSQL keeps it apart from the pairs of
		// integers serialize locks.
		lock.WithLockID(int64(d.space)),
		lock.WithLockTimeout(1, 300),
	)
	if err != nil {
		return nil, fmt.Errorf("storage: migration lock: %w", err)
	}
	return []goose.ProviderOption{goose.WithSessionLocker(locker)}, nil
}

// day casts in the session's time zone, which Open sets to UTC.
func (postgresDialect) day(expr string) string { return "CAST(" + expr + " AS date)" }

func (postgresDialect) beginSnapshot() string {
	return "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
}

func (postgresDialect) bindVar(n int) string { return "$" + strconv.Itoa(n) }

// forUpdate takes NO KEY UPDATE locks: they do not stop other writers
// from inserting rows that refer to the locked one.
func (postgresDialect) forUpdate(q *gorm.DB) *gorm.DB {
	return q.Clauses(clause.Locking{Strength: "NO KEY UPDATE"})
}

func (postgresDialect) forShare(q *gorm.DB) *gorm.DB {
	return q.Clauses(clause.Locking{Strength: clause.LockingStrengthShare})
}

// serialize takes transaction advisory locks, released at commit or
// rollback.
func (d postgresDialect) serialize(tx *gorm.DB, guards ...guard) error {
	sorted := slices.Clone(guards)
	slices.Sort(sorted)
	for _, g := range slices.Compact(sorted) {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?, ?)", d.space, int32(g)).Error; err != nil {
			return mapError(err)
		}
	}
	return nil
}

// exclusive holds a session advisory lock on a connection of its own
// while fn runs; PostgreSQL drops it if the process dies.
func (d postgresDialect) exclusive(ctx context.Context, db *sql.DB, g guard,
	fn func() error,
) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1, $2)", d.space, int32(g)); err != nil {
		return fmt.Errorf("storage: lock: %w", err)
	}
	defer unlockOrDiscard(conn, d.space, g)
	return fn()
}

// unlockOrDiscard releases a session lock; a connection that may still
// hold it is closed rather than put back in the pool.
func unlockOrDiscard(conn *sql.Conn, space int32, g guard) {
	_, err := conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1, $2)",
		space, int32(g))
	if err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}

// updateByID reads the rows from one JSON parameter typed as the table's
// own row type, so every value gets its column's type: PostgreSQL would
// type a VALUES list of parameters as text.
func (postgresDialect) updateByID(table string, cols []string, rows [][]any,
	now time.Time,
) (string, []any, error) {
	objs := make([]map[string]any, len(rows))
	for i, r := range rows {
		obj := make(map[string]any, len(cols)+1)
		obj["id"] = r[0]
		for j, c := range cols {
			obj[c] = r[j+1]
		}
		objs[i] = obj
	}
	b, err := json.Marshal(objs)
	if err != nil {
		return "", nil, fmt.Errorf("storage: update %s: %w", table, err)
	}
	sets := make([]string, len(cols))
	for i, c := range cols {
		sets[i] = fmt.Sprintf("%s = v.%s", c, c)
	}
	sql := fmt.Sprintf("UPDATE %s SET %s, updated_at = ? "+
		"FROM jsonb_populate_recordset(NULL::%s, CAST(? AS jsonb)) AS v WHERE %s.id = v.id",
		table, strings.Join(sets, ", "), table, table)
	return sql, []any{now, string(b)}, nil
}
