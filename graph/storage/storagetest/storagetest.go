// Package storagetest gives tests a database of their own on the engine
// the run asks for: a SQLite file in the test's temporary directory by
// default, or a fresh schema of the PostgreSQL database named by
// THROUGHLINE_TEST_POSTGRES, dropped when the test ends. Each test gets
// its own schema, so tests stay independent and may run in parallel.
package storagetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to make schemas
)

// EnvPostgres holds the URL of a PostgreSQL database tests may make
// schemas in, such as postgres://postgres@127.0.0.1:5432/test.
const EnvPostgres = "THROUGHLINE_TEST_POSTGRES"

// Postgres reports whether this run tests on PostgreSQL.
func Postgres() bool { return os.Getenv(EnvPostgres) != "" }

// Location returns where the test's store lives: a new SQLite file with
// the name given, or the URL of a new PostgreSQL schema.
func Location(t testing.TB, file string) string {
	t.Helper()
	if base := os.Getenv(EnvPostgres); base != "" {
		return NewSchema(t, base)
	}
	return filepath.Join(t.TempDir(), file)
}

// PostgresURL returns the URL of a new PostgreSQL schema, and skips the
// test when the run names no PostgreSQL database.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		t.Skipf("set %s to a PostgreSQL URL to run this test", EnvPostgres)
	}
	return NewSchema(t, base)
}

// SkipOnPostgres skips a test of something only SQLite has.
func SkipOnPostgres(t testing.TB, why string) {
	t.Helper()
	if Postgres() {
		t.Skip("SQLite only: " + why)
	}
}

// NewSchema makes a schema with a random name in the database base names,
// drops it with everything in it when the test ends, and returns base
// with its search_path set to the schema.
func NewSchema(t testing.TB, base string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	schema := "t_" + randomHex(t)
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	t.Cleanup(func() {
		dropSchema(t, db, schema)
		db.Close()
	})
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema on %s: %v", u.Redacted(), err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	// A test's commits need not wait for the disk: nothing of a test
	// outlives it, and the run is several times faster.
	q.Set("synchronous_commit", "off")
	u.RawQuery = q.Encode()
	return u.String()
}

// dropSchema gives up after a while rather than hang a run on a lock a
// leaked connection holds; the schema is then left behind, named.
func dropSchema(t testing.TB, db *sql.DB, schema string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
		t.Logf("drop schema %s: %v", schema, err)
	}
}

func randomHex(t testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}
