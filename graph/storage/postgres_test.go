package storage_test

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
)

// Backup and restore copy a SQLite file; on PostgreSQL they refuse and
// point to PostgreSQL's own tools, writing nothing.
func TestBackupAndRestoreRefusePostgres(t *testing.T) {
	loc := storagetest.PostgresURL(t)
	ctx := context.Background()
	s, err := storage.Open(ctx, loc, storage.Options{})
	noErr(t, err)
	defer s.Close()
	file := filepath.Join(t.TempDir(), "backup.db")

	err = s.Backup(ctx, file, false)
	wantPgDump(t, "backup", err)
	_, err = storage.Restore(ctx, file, loc, time.Now())
	wantPgDump(t, "restore", err)
	if s.Engine() != "postgres" {
		t.Errorf("engine %q, want postgres", s.Engine())
	}
}

func wantPgDump(t *testing.T, what string, err error) {
	t.Helper()
	if throughline.ErrorCode(err) != throughline.EINVALID ||
		!strings.Contains(throughline.ErrorMessage(err), "pg_dump") {
		t.Errorf("%s on PostgreSQL: %v, want EINVALID naming pg_dump", what, err)
	}
}

// A URL whose search_path names no schema is refused when the store
// opens, not at its first query, and the message keeps the URL's
// password out.
func TestOpenRefusesAMissingSchema(t *testing.T) {
	u, err := url.Parse(storagetest.PostgresURL(t))
	noErr(t, err)
	u.User = url.UserPassword(u.User.Username(), "hunter2")
	q := u.Query()
	q.Set("search_path", "no_such_schema")
	u.RawQuery = q.Encode()
	s, err := storage.Open(context.Background(), u.String(), storage.Options{})
	if err == nil {
		s.Close()
		t.Fatal("opened a database whose search_path names no schema")
	}
	if msg := err.Error(); !strings.Contains(msg, "search_path") || strings.Contains(msg, "hunter2") {
		t.Errorf("error %q, want one that names the search_path and hides the password", msg)
	}
}

// Work of a first start done through Exclusively never overlaps, however
// many servers start together.
func TestExclusivelyTakesTurnsAcrossServers(t *testing.T) {
	loc := storagetest.PostgresURL(t)
	var stores []*storage.Store
	for range 2 {
		s, err := storage.Open(context.Background(), loc, storage.Options{})
		noErr(t, err)
		defer s.Close()
		stores = append(stores, s)
	}
	var inside, overlaps atomic.Int32
	var fns []func() error
	for i := range 6 {
		fns = append(fns, func() error {
			return stores[i%2].Exclusively(context.Background(), func() error {
				if inside.Add(1) > 1 {
					overlaps.Add(1)
				}
				time.Sleep(20 * time.Millisecond)
				inside.Add(-1)
				return nil
			})
		})
	}
	for _, err := range race(fns...) {
		noErr(t, err)
	}
	if n := overlaps.Load(); n > 0 {
		t.Errorf("%d runs of Exclusively overlapped another", n)
	}
}
