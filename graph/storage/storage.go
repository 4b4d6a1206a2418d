// Package storage keeps Throughline's graph in a relational database
// through gorm: SQLite by default, PostgreSQL when several servers share
// one database. All SQL of the project lives here.
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
	now func() time.Time
}

// Options tune how a store is opened. The zero value is fine.
type Options struct {
	// Now replaces the clock, for tests.
	Now func() time.Time
	// Logger receives gorm's log lines; nil keeps gorm silent.
	Logger logger.Interface
}

// Open opens the SQLite database at path (created when missing) and brings
// its schema up to date.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	db, err := gorm.Open(sqlite.Open(sqliteDSN(path)), gormConfig(opts))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	s := &Store{db: db, now: opts.Now}
	if err := s.configurePool(); err != nil {
		return nil, err
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
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
		NowFunc:                func() time.Time { return opts.Now().UTC() },
		Logger:                 log,
		NamingStrategy:         naming{},
		TranslateError:         false,
	}
}

func (s *Store) configurePool() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	// SQLite serialises writers anyway; a few connections let reads run
	// beside one write under WAL.
	sqlDB.SetMaxOpenConns(8)
	sqlDB.SetMaxIdleConns(8)
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

// Now returns the store's clock reading.
func (s *Store) Now() time.Time { return s.now().UTC() }

// Today returns the store's current date.
func (s *Store) Today() time.Time { return throughline.Day(s.now()) }

// tx runs fn in one transaction and maps its error.
func (s *Store) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return mapError(s.db.WithContext(ctx).Transaction(fn))
}

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

// likePattern makes a case-insensitive substring pattern, escaping the
// wildcards a user may type.
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + strings.ToLower(r.Replace(s)) + "%"
}
