package e2e_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/testserver"
)

// A server killed in the middle of a stream of writes loses none that it
// acknowledged, and comes back on the same data directory with a sound
// database. Eight writers record progress updates, each with a note of
// its own, through the HTTP API of the server binary; half way, an admin
// takes a backup; after 120 acknowledgements the process gets SIGKILL,
// which leaves no chance to flush or close anything. Every write a client
// saw acknowledged must be in the database the restarted server opens.
// On PostgreSQL there is no backup to take, and no write-ahead log of the
// server's own to lose, but the server must still acknowledge only what
// was committed.
func TestAcknowledgedWritesSurviveAKill(t *testing.T) {
	const writers, perWriter, killAfter = 8, 50, 120
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	srv := startServer(t, bin, place)
	krs := srv.keyResultIDs(t, writers)
	client := gqlClient{url: srv.url, token: srv.token}

	acked := make(chan string, writers*perWriter)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range perWriter {
				note := fmt.Sprintf("crash test %d/%d", w, n)
				err := client.mutate("recordProgress", progressMutation, map[string]any{
					"keyResultId": krs[w], "confidence": n % 101, "note": note}, nil)
				if err != nil {
					return // the server is gone
				}
				acked <- note
			}
		}()
	}
	go func() { wg.Wait(); close(acked) }()

	var seen []string
	for note := range acked {
		seen = append(seen, note)
		switch len(seen) {
		case killAfter / 2:
			// Another process opens and closes the database meanwhile, as
			// an admin's backup does: it must not take the server's
			// write-ahead log for unused.
			if !place.Postgres() {
				runCommand(t, bin, on(place, "backup", filepath.Join(t.TempDir(), "backup.db"))...)
			}
		case killAfter:
			killHard(t, srv)
		}
	}
	if len(seen) < killAfter || len(seen) == writers*perWriter {
		t.Fatalf("%d writes acknowledged: the kill did not land mid-stream", len(seen))
	}

	restarted := startServer(t, bin, place)
	restarted.stop(t)
	stored := mustProgressNotes(t, place.Database())
	var lost []string
	for _, note := range seen {
		if !stored[note] {
			lost = append(lost, note)
		}
	}
	if len(lost) > 0 {
		t.Errorf("%d of %d acknowledged writes are not in the database, such as %q",
			len(lost), len(seen), lost[:min(3, len(lost))])
	}
	t.Logf("%d writes acknowledged before the kill", len(seen))
}

// keyResultIDs returns the IDs of the first n key results.
func (s *server) keyResultIDs(t *testing.T, n int) []string {
	t.Helper()
	var data struct {
		KeyResults struct{ Nodes []struct{ ID string } }
	}
	s.query(t, `query($n: Int) { keyResults(first: $n) { nodes { id } } }`,
		map[string]any{"n": n}, &data)
	if len(data.KeyResults.Nodes) < n {
		t.Fatalf("%d key results, want %d", len(data.KeyResults.Nodes), n)
	}
	ids := make([]string, n)
	for i, k := range data.KeyResults.Nodes[:n] {
		ids[i] = k.ID
	}
	return ids
}

// killHard sends SIGKILL to the server's process and waits for it to end.
func killHard(t *testing.T, s *server) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("SIGKILL: %v", err)
	}
	select {
	case err := <-s.done:
		s.done <- err
	case <-time.After(20 * time.Second):
		t.Fatalf("server still running 20 s after SIGKILL")
	}
}

// mustProgressNotes opens a database no server holds, checks a SQLite
// one with SQLite's integrity and foreign key checks (PostgreSQL checks
// foreign keys as it writes), and returns the notes of its progress
// updates.
func mustProgressNotes(t *testing.T, location string) map[string]bool {
	t.Helper()
	s, err := storage.Open(context.Background(), location, storage.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", storage.RedactedLocation(location), err)
	}
	defer s.Close()
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if s.Engine() == "sqlite" {
		checkSQLiteFile(t, db, location)
	}
	rows, err := db.Query("SELECT note FROM progress_updates")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	notes := map[string]bool{}
	for rows.Next() {
		var note string
		if err := rows.Scan(&note); err != nil {
			t.Fatal(err)
		}
		notes[note] = true
	}
	return notes
}

// checkSQLiteFile runs SQLite's integrity and foreign key checks.
func checkSQLiteFile(t *testing.T, db *sql.DB, path string) {
	t.Helper()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Fatalf("integrity_check of %s: %q, %v", path, result, err)
	}
	check, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	broken := check.Next()
	check.Close()
	if broken {
		t.Errorf("foreign_key_check of %s finds references to nothing", path)
	}
}
