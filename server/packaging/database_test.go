package packaging

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"throughline.dev/graph/storage"
)

// databaseFile is the SQLite database in the data directory.
const databaseFile = "throughline.db"

// copyDatabase copies the stopped server's database, with its write-ahead
// log if one is left, into a new folder of dir and returns the copy's
// path. Reading the copy leaves the installed files as the server's user
// owns them.
func copyDatabase(t *testing.T, dir string) string {
	t.Helper()
	into, err := os.MkdirTemp(dir, "database-")
	if err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal"} {
		src := filepath.Join(dataDir, databaseFile+suffix)
		if _, err := os.Stat(src); suffix != "" && os.IsNotExist(err) {
			continue
		}
		copyFile(t, src, filepath.Join(into, databaseFile+suffix))
	}
	return filepath.Join(into, databaseFile)
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// countRows counts the rows of every table of the stopped server's
// database, goose's own table included.
func countRows(t *testing.T, work string) map[string]int64 {
	t.Helper()
	// graph/storage registers the sqlite3 driver.
	db, err := sql.Open("sqlite3", copyDatabase(t, work))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables := tableNames(t, db)
	counts := map[string]int64{}
	for _, table := range tables {
		var n int64
		if err := db.QueryRow(`SELECT count(*) FROM "` + table + `"`).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		counts[table] = n
	}
	return counts
}

func tableNames(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM sqlite_master
		WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

// checkSameRows checks that every table kept its rows through the
// upgrade, and that the test had put rows in the tables it wrote to.
func checkSameRows(t *testing.T, before, after map[string]int64) {
	t.Helper()
	for _, table := range []string{"people", "teams", "objectives", "key_results", "tokens",
		"audit_log"} {
		if before[table] == 0 {
			t.Errorf("table %s had no rows before the upgrade: the test checks nothing there", table)
		}
	}
	for table, n := range before {
		if after[table] != n {
			t.Errorf("table %s had %d rows before the upgrade and %d after", table, n, after[table])
		}
	}
	for table, n := range after {
		if _, ok := before[table]; !ok {
			t.Logf("the upgrade added table %s (%d rows)", table, n)
		}
	}
	t.Logf("rows before and after the upgrade: %v", after)
}

// checkSchemaCurrent checks that the database goose recorded is at the
// newest migration of this tree.
func checkSchemaCurrent(t *testing.T, work string) {
	t.Helper()
	got, err := storage.CheckBackup(context.Background(), copyDatabase(t, work))
	if err != nil {
		t.Fatal(err)
	}
	if want := newestMigration(t); got != want {
		t.Errorf("the upgraded database is at schema version %d, want %d", got, want)
	}
}

// newestMigration is the number of the newest SQLite migration in the
// source tree, such as 5 for 00005_falling_metrics_done.sql.
func newestMigration(t *testing.T) int64 {
	t.Helper()
	dir := filepath.Join(repoRoot(t), "graph", "storage", "migrations", "sqlite")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	number := regexp.MustCompile(`^(\d+)_.*\.sql$`)
	var newest int64
	for _, e := range entries {
		m := number.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		n, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		newest = max(newest, n)
	}
	if newest == 0 {
		t.Fatalf("no migrations in %s", dir)
	}
	return newest
}
