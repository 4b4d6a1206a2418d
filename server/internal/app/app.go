// Package app wires Throughline's parts together for the commands: it
// opens the database, the data directory's SQLite file or a PostgreSQL
// database, and builds the GraphQL resolvers on it.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"throughline.dev/graph/gql"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/httpapi"
)

// DatabaseFile is the SQLite file's name inside the data directory.
const DatabaseFile = "throughline.db"

// App is an open data directory.
type App struct {
	Store *storage.Store
	Now   func() time.Time
}

// Place says where a server keeps its data: a data directory of its own
// (its lock, the tokens of a first start), and the database, which is the
// SQLite file in the data directory unless DatabaseURL names a PostgreSQL
// database that several servers may share.
type Place struct {
	DataDir     string
	DatabaseURL string
}

// Postgres reports whether the database is on PostgreSQL.
func (p Place) Postgres() bool { return p.DatabaseURL != "" }

// Database is the location storage.Open takes.
func (p Place) Database() string {
	if p.Postgres() {
		return p.DatabaseURL
	}
	return filepath.Join(p.DataDir, DatabaseFile)
}

// String names the database for messages and logs, without a password.
func (p Place) String() string { return storage.RedactedLocation(p.Database()) }

// Open creates the data directory when missing (readable by its owner
// only, since it holds people's development data), opens its database and
// migrates it.
func Open(ctx context.Context, dataDir string) (*App, error) {
	return OpenAt(ctx, Place{DataDir: dataDir}, storage.Options{})
}

// OpenWith is Open with storage options, for benchmarks and tests that
// count statements or set the clock.
func OpenWith(ctx context.Context, dataDir string, opts storage.Options) (*App, error) {
	return OpenAt(ctx, Place{DataDir: dataDir}, opts)
}

// OpenAt is OpenWith for a database that may be on PostgreSQL.
func OpenAt(ctx context.Context, p Place, opts storage.Options) (*App, error) {
	if p.Postgres() && !storage.IsPostgres(p.DatabaseURL) {
		return nil, fmt.Errorf("app: the database URL must start with postgres:// or postgresql://")
	}
	if err := os.MkdirAll(p.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("app: data directory: %w", err)
	}
	if !p.Postgres() {
		if err := createPrivately(p.Database()); err != nil {
			return nil, err
		}
	}
	store, err := storage.Open(ctx, p.Database(), opts)
	if err != nil {
		return nil, err
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	return &App{Store: store, Now: now}, nil
}

// Close closes the database.
func (a *App) Close() error { return a.Store.Close() }

// Resolver builds the GraphQL resolvers on the app's store.
func (a *App) Resolver() *gql.Resolver {
	return &gql.Resolver{
		Org:          a.Store,
		OKRs:         a.Store,
		Capabilities: a.Store,
		Plans:        a.Store,
		Tokens:       a.Store,
		Audit:        a.Store,
		Handovers:    a.Store,
		Reviews:      a.Store,
		Dashboards:   a.Store,
		Now:          a.Now,
	}
}

// HTTPDeps returns what the HTTP API serves from this app.
func (a *App) HTTPDeps() (httpapi.Deps, error) {
	db, err := a.Store.SQL()
	if err != nil {
		return httpapi.Deps{}, err
	}
	return httpapi.Deps{Resolver: a.Resolver(), Loaders: a.Store, Tokens: a.Store, DB: db}, nil
}

// createPrivately creates the database file readable by its owner only
// before SQLite opens it; SQLite gives its -wal and -shm files the same
// permissions. An existing file is not opened at all: closing a
// descriptor of a database this process has open through SQLite would
// drop SQLite's locks on it (POSIX locks belong to the process), and
// another process could then take the database for unused and delete
// its write-ahead log under the server.
func createPrivately(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("app: database file: %w", err)
	}
	return f.Close()
}
