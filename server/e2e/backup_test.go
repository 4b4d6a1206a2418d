package e2e_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/testserver"
)

// backupAfter is how many writes are acknowledged before the backup starts.
const backupAfter = 40

// sqliteBackup is why the backup tests run on SQLite only: backup and
// restore copy the SQLite file, and on PostgreSQL they point to pg_dump
// (TestBackupAndRestorePointToPgDump).
const sqliteBackup = "backup and restore copy the SQLite file"

// A backup taken while writers keep writing is a sound database that
// holds every write acknowledged before the backup started. Four writers
// record progress updates with notes of their own; once forty are
// acknowledged, the backup runs while they carry on.
func TestBackupWhileWritersWrite(t *testing.T) {
	storagetest.SkipOnPostgres(t, sqliteBackup)
	const writers, perWriter = 4, 60
	s := testserver.Start(t, nil)
	w := newWriteWorld(t, s, writers)

	acked := make(chan string, writers*perWriter)
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range perWriter {
				note := fmt.Sprintf("backup test %d/%d", i, n)
				err := w.client.mutate("recordProgress", progressMutation, map[string]any{
					"keyResultId": w.krs[i], "value": n, "note": note}, nil)
				if err != nil {
					errs <- err
					return
				}
				acked <- note
			}
		}()
	}
	go func() { wg.Wait(); close(acked); close(errs) }()

	path := filepath.Join(t.TempDir(), "backup.db")
	var seen, before []string // before: acknowledged before the backup started
	for note := range acked {
		if seen = append(seen, note); len(seen) == backupAfter {
			before = append(seen, drain(acked)...)
			if err := s.Store.Backup(context.Background(), path, false); err != nil {
				t.Fatalf("backup: %v", err)
			}
		}
	}
	for err := range errs {
		t.Errorf("writer: %v", err)
	}
	checkBackupHolds(t, path, before)
}

// drain returns the notes waiting in the channel: acknowledged already.
func drain(acked chan string) []string {
	var got []string
	for {
		select {
		case more, ok := <-acked:
			if !ok {
				return got
			}
			got = append(got, more)
		default:
			return got
		}
	}
}

func checkBackupHolds(t *testing.T, path string, notes []string) {
	t.Helper()
	if v, err := storage.CheckBackup(context.Background(), path); err != nil || v < 1 {
		t.Fatalf("the backup does not check out: version %d, %v", v, err)
	}
	stored := mustProgressNotes(t, path)
	for _, note := range notes {
		if !stored[note] {
			t.Errorf("%q was acknowledged before the backup started but is not in it", note)
		}
	}
	if len(notes) < backupAfter {
		t.Errorf("only %d writes acknowledged before the backup", len(notes))
	}
}

// A backup does not replace a file unless told to.
func TestBackupKeepsAnExistingFile(t *testing.T) {
	storagetest.SkipOnPostgres(t, sqliteBackup)
	s := testserver.Start(t, nil)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := os.WriteFile(path, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := s.Store.Backup(ctx, path, false)
	if throughline.ErrorCode(err) != throughline.ECONFLICT {
		t.Fatalf("backup over a file: %v, want CONFLICT", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Fatalf("the refused backup changed the file to %q", b)
	}
	if err := s.Store.Backup(ctx, path, true); err != nil {
		t.Fatalf("backup with replace: %v", err)
	}
	if _, err := storage.CheckBackup(ctx, path); err != nil {
		t.Errorf("the replacing backup: %v", err)
	}
}

// An admin backs up a running server, is stopped from restoring while it
// runs, stops it, restores, and gets the database as it was at the
// backup; the database the restore replaced is kept beside it.
func TestBackupAndRestoreThroughTheCommandLine(t *testing.T) {
	storagetest.SkipOnPostgres(t, sqliteBackup)
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	dataDir := place.DataDir
	srv := startServer(t, bin, place)
	kr := srv.keyResultIDs(t, 1)[0]
	srv.recordNote(t, kr, "before the backup")

	file := filepath.Join(t.TempDir(), "throughline-backup.db")
	out := runCommand(t, bin, "backup", "--data-dir", dataDir, file)
	if !strings.Contains(out, "backed up") {
		t.Errorf("backup said:\n%s", out)
	}
	out = runFailing(t, bin, "backup", "--data-dir", dataDir, file)
	if !strings.Contains(out, "already exists") || !strings.Contains(out, "--force") {
		t.Errorf("a second backup to the same file said:\n%s", out)
	}
	runCommand(t, bin, "backup", "--force", "--data-dir", dataDir, file)
	srv.recordNote(t, kr, "after the backup")

	out = runFailing(t, bin, "restore", "--data-dir", dataDir, file)
	if !strings.Contains(out, "stop it before restoring") {
		t.Errorf("restore beside a running server said:\n%s", out)
	}
	srv.stop(t)
	out = runCommand(t, bin, "restore", "--data-dir", dataDir, file)
	kept := mustKeptDatabase(t, dataDir)
	if !strings.Contains(out, kept) {
		t.Errorf("restore does not say where it kept the replaced database:\n%s", out)
	}

	restored := mustProgressNotes(t, filepath.Join(dataDir, app.DatabaseFile))
	replaced := mustProgressNotes(t, kept)
	before, after := "before the backup", "after the backup"
	if !restored[before] || restored[after] || !replaced[after] {
		t.Errorf("restored database has before %v, after %v; the kept one has after %v",
			restored[before], restored[after], replaced[after])
	}
	again := startServer(t, bin, place)
	if n := again.peopleCount(t); n == 0 {
		t.Errorf("the restored server finds no people")
	}
	again.stop(t)
}

// A restore after a crash keeps the replaced database whole: the commits
// still in its write-ahead log go with it, and none of them leak into the
// restored database.
func TestRestoreAfterACrashKeepsTheLastCommits(t *testing.T) {
	storagetest.SkipOnPostgres(t, sqliteBackup)
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	dataDir := place.DataDir
	srv := startServer(t, bin, place)
	kr := srv.keyResultIDs(t, 1)[0]
	file := filepath.Join(t.TempDir(), "backup.db")
	runCommand(t, bin, "backup", "--data-dir", dataDir, file)
	srv.recordNote(t, kr, "the last words")
	killHard(t, srv)

	runCommand(t, bin, "restore", "--data-dir", dataDir, file)
	restored := mustProgressNotes(t, filepath.Join(dataDir, app.DatabaseFile))
	replaced := mustProgressNotes(t, mustKeptDatabase(t, dataDir))
	if restored["the last words"] || !replaced["the last words"] {
		t.Errorf("the commit before the crash: in the restored database %v, in the kept one %v",
			restored["the last words"], replaced["the last words"])
	}
}

// recordNote records a progress update with a note as the server's HR
// token.
func (s *server) recordNote(t *testing.T, kr, note string) {
	t.Helper()
	var data struct {
		RecordProgress struct{ UserErrors []planUserError }
	}
	s.query(t, progressMutation, map[string]any{"in": map[string]any{
		"keyResultId": kr, "confidence": 50, "note": note}}, &data)
	if errs := data.RecordProgress.UserErrors; len(errs) > 0 {
		t.Fatalf("record %q: %+v", note, errs)
	}
}

// mustKeptDatabase returns the one database a restore set aside in the
// data directory.
func mustKeptDatabase(t *testing.T, dataDir string) string {
	t.Helper()
	kept, err := filepath.Glob(filepath.Join(dataDir, app.DatabaseFile+".before-restore-*"))
	if err != nil || len(kept) != 1 {
		t.Fatalf("set-aside databases in the data directory: %v (%v), want one", kept, err)
	}
	return kept[0]
}

// runFailing runs the binary, expects it to fail, and returns its output.
func runFailing(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err == nil {
		t.Fatalf("%s succeeded, want a failure:\n%s", strings.Join(args, " "), out)
	}
	return string(out)
}

// Restore refuses a file that is not a Throughline database, or one from
// a newer Throughline, and leaves the data directory as it was.
func TestRestoreRefusesWhatIsNotABackup(t *testing.T) {
	storagetest.SkipOnPostgres(t, sqliteBackup)
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	dataDir := place.DataDir
	runCommand(t, bin, "seed", "--data-dir", dataDir)
	people := countPeople(t, place)
	backup := filepath.Join(t.TempDir(), "good.db")
	runCommand(t, bin, "backup", "--data-dir", dataDir, backup)

	cases := []struct {
		name string
		make func(t *testing.T, path string)
		says string
	}{
		{"a text file", func(t *testing.T, path string) {
			mustWrite(t, path, "email,name\n")
		}, "is not a Throughline database"},
		{"another SQLite database", func(t *testing.T, path string) {
			mustExec(t, path, "CREATE TABLE notes (body TEXT)")
		}, "no record of schema migrations"},
		{"a backup from a newer Throughline", func(t *testing.T, path string) {
			mustWrite(t, path, mustRead(t, backup))
			mustExec(t, path, "INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, 1)")
		}, "newer than this binary knows"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "candidate.db")
			c.make(t, path)
			out := runFailing(t, bin, "restore", "--data-dir", dataDir, path)
			if !strings.Contains(out, c.says) {
				t.Errorf("restore said:\n%s\nwant it to say %q", out, c.says)
			}
			set, _ := filepath.Glob(filepath.Join(dataDir, "*before-restore*"))
			if n := countPeople(t, place); n != people || len(set) > 0 {
				t.Errorf("after a refused restore: %d people (want %d), set aside %v", n, people, set)
			}
		})
	}
}

func mustWrite(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mustExec runs a statement on an SQLite file through the driver the
// storage package registers.
func mustExec(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}
