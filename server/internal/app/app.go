// Package app wires Throughline's parts together for the commands: it
// opens the data directory's database and builds the GraphQL resolvers on
// it.
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

// Open creates the data directory when missing (readable by its owner
// only, since it holds people's development data), opens its database and
// migrates it.
func Open(ctx context.Context, dataDir string) (*App, error) {
	return OpenWith(ctx, dataDir, storage.Options{})
}

// OpenWith is Open with storage options, for benchmarks and tests that
// count statements or set the clock.
func OpenWith(ctx context.Context, dataDir string, opts storage.Options) (*App, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("app: data directory: %w", err)
	}
	path := filepath.Join(dataDir, DatabaseFile)
	if err := createPrivately(path); err != nil {
		return nil, err
	}
	store, err := storage.Open(ctx, path, opts)
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
