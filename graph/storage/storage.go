// Package storage keeps Throughline's graph in a relational database
// through gorm: SQLite by default, PostgreSQL when several servers share
// one database. All SQL of the project lives here; what differs between
// the two engines lives in dialect.go.
//
// Exported methods own their transactions: they open one, call small
// unexported helpers and commit, so that every change that must happen
// together does. Database errors become domain error codes in one place,
// errors.go.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"

	throughline "throughline.dev/graph"
)

// Store implements the domain's services on one database.
type Store struct {
	db  *gorm.DB
	dia dialect
	now func() time.Time
}

// Options tune how a store is opened. The zero value is fine.
type Options struct {
	// Now replaces the clock, for tests.
	Now func() time.Time
	// Logger receives gorm's log lines; nil keeps gorm silent.
	Logger logger.Interface
}

// Open opens the database at location and brings its schema up to date:
// a SQLite file path (the file is created when missing), or a
// postgres:// or postgresql:// URL, whose search_path, when given, names
// the schema to use.
func Open(ctx context.Context, location string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s, err := connect(ctx, location, opts)
	if err != nil {
		return nil, err
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// IsPostgres reports whether a database location is a PostgreSQL URL
// rather than a SQLite file path.
func IsPostgres(location string) bool {
	return strings.HasPrefix(location, "postgres://") ||
		strings.HasPrefix(location, "postgresql://")
}

// Engine names the store's database engine: "sqlite" or "postgres".
func (s *Store) Engine() string { return s.dia.name() }

// connect opens the database at location without migrating it.
func connect(ctx context.Context, location string, opts Options) (*Store, error) {
	if IsPostgres(location) {
		return connectPostgres(ctx, location, opts)
	}
	return connectSQLite(location, opts)
}

func connectSQLite(path string, opts Options) (*Store, error) {
	db, err := gorm.Open(sqlite.Open(sqliteDSN(path)), gormConfig(opts))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	s := &Store{db: db, dia: sqliteDialect{}, now: opts.Now}
	// SQLite serialises writers anyway; a few connections let reads run
	// beside one write under WAL.
	return s, s.configurePool(8)
}

// sqliteDSN holds the settings that survive concurrent writers and power
// loss: WAL with full sync, immediate write transactions so that two
// writers never deadlock on an upgrade from a read lock, a busy timeout,
// and foreign keys on.
func sqliteDSN(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_busy_timeout", "5000")
	q.Set("_txlock", "immediate")
	q.Set("_foreign_keys", "on")
	return "file:" + path + "?" + q.Encode()
}

func gormConfig(opts Options) *gorm.Config {
	log := opts.Logger
	if log == nil {
		log = logger.Discard
	}
	return &gorm.Config{
		// Writes open their own transactions; reads need none.
		SkipDefaultTransaction: true,
		NowFunc:                func() time.Time { return storedTime(opts.Now()) },
		Logger:                 log,
		NamingStrategy:         naming{},
		TranslateError:         false,
	}
}

func (s *Store) configurePool(conns int) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	sqlDB.SetMaxOpenConns(conns)
	sqlDB.SetMaxIdleConns(conns)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return nil
}

// naming is gorm's default naming but for nouns whose plural gorm gets
// wrong.
type naming struct{ schema.NamingStrategy }

func (n naming) TableName(name string) string {
	switch name {
	case "Evidence":
		return "evidence"
	case "AuditEntry":
		return "audit_log"
	}
	return n.NamingStrategy.TableName(name)
}

// Close closes the database.
func (s *Store) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// SQL returns the underlying database handle, for health checks, backups
// and benchmarks that compare against hand-written SQL.
func (s *Store) SQL() (*sql.DB, error) { return s.db.DB() }

// Exclusively runs fn while no other server runs Exclusively on the same
// database, for the work of a first start (the bootstrap token, the demo
// seed) that must happen once when several servers start together. On
// SQLite it runs fn at once: the data directory's lock keeps a second
// server off the file.
func (s *Store) Exclusively(ctx context.Context, fn func() error) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	return s.dia.exclusive(ctx, sqlDB, guardSeed, fn)
}

// Now returns the store's clock reading.
func (s *Store) Now() time.Time { return storedTime(s.now()) }

// storedTime is a time as both engines keep it: in UTC, to the
// microsecond (PostgreSQL keeps no finer), so that what a write returns
// equals what a read finds.
func storedTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// Today returns the store's current date.
func (s *Store) Today() time.Time { return throughline.Day(s.now()) }

// tx runs fn in one transaction and maps its error.
func (s *Store) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return mapError(s.db.WithContext(ctx).Transaction(fn))
}

// forUpdate locks the rows a query of a write transaction reads, for a
// change computed from them: see dialect.
func (s *Store) forUpdate(tx *gorm.DB) *gorm.DB { return s.dia.forUpdate(tx) }

// read returns a handle for reads outside any transaction.
func (s *Store) read(ctx context.Context) *gorm.DB {
	return s.db.WithContext(ctx)
}

// firstByID loads one row of T by ID, or ENOTFOUND naming what.
func firstByID[T any](db *gorm.DB, id int64, what string) (*T, error) {
	return takeOne[T](db.Where("id = ?", id), "no %s with ID %d", what, id)
}

// takeOne loads the one row of T a query selects, or ENOTFOUND with the
// message given.
func takeOne[T any](q *gorm.DB, format string, args ...any) (*T, error) {
	var v T
	err := q.Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, throughline.Errorf(throughline.ENOTFOUND, format, args...)
	}
	if err != nil {
		return nil, mapError(err)
	}
	return &v, nil
}

// findPage loads one page of T, ordered by ID, from a query that already
// holds its filters. id reads an item's ID for the cursors.
func findPage[T any](q *gorm.DB, page throughline.PageRequest,
	id func(*T) int64,
) (*throughline.Page[*T], error) {
	p := &throughline.Page[*T]{}
	if err := q.Session(&gorm.Session{}).Model(new(T)).Count(&p.TotalCount).Error; err != nil {
		return nil, mapError(err)
	}
	var items []*T
	err := q.Session(&gorm.Session{}).Where("id > ?", page.After).
		Order("id").Limit(page.First + 1).Find(&items).Error
	if err != nil {
		return nil, mapError(err)
	}
	if len(items) > page.First {
		p.HasNextPage = true
		items = items[:page.First]
	}
	p.Items = items
	for _, it := range items {
		p.IDs = append(p.IDs, id(it))
	}
	return p, nil
}

// Rebind writes the "?" placeholders of hand-written SQL as the store's
// engine wants them, for tests and benchmarks that run such SQL through
// SQL() on either engine. The SQL must hold no "?" of its own.
func (s *Store) Rebind(query string) string {
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r != '?' {
			b.WriteRune(r)
			continue
		}
		n++
		b.WriteString(s.dia.bindVar(n))
	}
	return b.String()
}

// likePattern makes a case-insensitive substring pattern, escaping the
// wildcards a user may type.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + strings.ToLower(r.Replace(s)) + "%"
}
