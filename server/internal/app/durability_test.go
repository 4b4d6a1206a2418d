package app_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
)

// The SQLite settings that hold under concurrent writers and survive
// power loss (shared/STACK.md, DESIGN.md "Data safety"): WAL with full
// sync, foreign keys on, a busy timeout, and write transactions that
// begin IMMEDIATE. They are set per connection, so every connection of
// the store's pool must have them, not only a fresh one: the tests hold
// the whole pool at once and ask each connection.

// poolSize is how many connections the tests hold at once: the pool's
// bound, or eight when it has none.
func poolSize(db *sql.DB) int {
	if n := db.Stats().MaxOpenConnections; n > 0 {
		return n
	}
	return 8
}

// TestSQLiteDurabilityOnEveryPooledConnection opens the data directory
// as the server does, twice (a new database, then the same one again),
// does some writes, and reads the settings back on every connection of
// the pool.
func TestSQLiteDurabilityOnEveryPooledConnection(t *testing.T) {
	place := app.Place{DataDir: filepath.Join(t.TempDir(), "data")}
	for _, open := range []string{"first open", "reopen"} {
		a := openApp(t, place)
		writeSome(t, a, open)
		db, err := a.Store.SQL()
		if err != nil {
			t.Fatal(err)
		}
		conns := holdPool(t, db)
		for i, c := range conns {
			checkPragmas(t, open, i, c)
		}
		for _, c := range conns {
			c.Close()
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSQLiteTransactionsBeginImmediate begins a transaction on the
// store's pool and, before it runs any statement, tries to take the
// write lock from another connection that does not wait: with BEGIN
// IMMEDIATE the lock is already taken; a deferred BEGIN would leave it
// free until the first write, where two writers can deadlock.
func TestSQLiteTransactionsBeginImmediate(t *testing.T) {
	place := app.Place{DataDir: filepath.Join(t.TempDir(), "data")}
	a := openApp(t, place)
	defer a.Close()
	db, err := a.Store.SQL()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	other, err := sql.Open("sqlite3", "file:"+place.Database()+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	if err := tryWriteLock(ctx, other); err != nil {
		t.Fatalf("the write lock is not free before the transaction: %v", err)
	}

	// Every connection of the pool begins its transactions IMMEDIATE.
	conns := holdPool(t, db)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i, c := range conns {
		tx, err := c.BeginTx(ctx, nil)
		if err != nil {
			t.Fatalf("connection %d: begin: %v", i, err)
		}
		err = tryWriteLock(ctx, other)
		if err == nil {
			t.Errorf("connection %d: another writer took the write lock inside a transaction "+
				"that had run no statement: the transaction began DEFERRED, not IMMEDIATE", i)
		} else if !strings.Contains(err.Error(), "locked") && !strings.Contains(err.Error(), "busy") {
			t.Errorf("connection %d: another writer failed with %v, want database is locked", i, err)
		}
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		if err := tryWriteLock(ctx, other); err != nil {
			t.Errorf("connection %d: the write lock stayed taken after rollback: %v", i, err)
		}
	}
}

func openApp(t *testing.T, place app.Place) *app.App {
	t.Helper()
	a, err := app.OpenAt(context.Background(), place, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// writeSome writes through the store, as a server's first minutes do, so
// that the pool's connections have been used before they are asked.
func writeSome(t *testing.T, a *app.App, name string) {
	t.Helper()
	ctx := context.Background()
	start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	c := &throughline.Cycle{Name: name, StartsOn: start, EndsOn: start.AddDate(0, 3, -1)}
	if err := a.Store.CreateCycle(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Store.FindCycleByName(ctx, name); err != nil {
		t.Fatal(err)
	}
}

// holdPool takes every connection the pool allows at once, so that each
// is a different connection, idle ones first.
func holdPool(t *testing.T, db *sql.DB) []*sql.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	n := poolSize(db)
	conns := make([]*sql.Conn, 0, n)
	for range n {
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatalf("hold connection %d of %d: %v", len(conns)+1, n, err)
		}
		conns = append(conns, c)
	}
	if open := db.Stats().OpenConnections; open != n {
		t.Fatalf("holding %d connections, the pool has %d open", n, open)
	}
	return conns
}

// checkPragmas reads the settings of one pooled connection.
func checkPragmas(t *testing.T, open string, i int, c *sql.Conn) {
	t.Helper()
	ctx := context.Background()
	read := func(pragma string) string {
		var v string
		if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&v); err != nil {
			t.Fatalf("%s, connection %d: PRAGMA %s: %v", open, i, pragma, err)
		}
		return v
	}
	if v := read("journal_mode"); v != "wal" {
		t.Errorf("%s, connection %d: journal_mode %s, want wal", open, i, v)
	}
	if v := read("synchronous"); v != "2" {
		t.Errorf("%s, connection %d: synchronous %s, want 2 (FULL)", open, i, v)
	}
	if v := read("foreign_keys"); v != "1" {
		t.Errorf("%s, connection %d: foreign_keys %s, want 1 (on)", open, i, v)
	}
	if v := read("busy_timeout"); v == "0" || strings.HasPrefix(v, "-") {
		t.Errorf("%s, connection %d: busy_timeout %s, want a wait before giving up", open, i, v)
	}
}

// tryWriteLock takes and releases the write lock on db's one connection,
// without waiting for it.
func tryWriteLock(ctx context.Context, db *sql.DB) error {
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	_, err = c.ExecContext(ctx, "ROLLBACK")
	return err
}
