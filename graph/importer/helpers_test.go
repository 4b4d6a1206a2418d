package importer_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"throughline.dev/graph/importer"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
)

// clock moves one second on every reading, so that any row an import
// touches gets a new updated_at and a dump shows it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func mustOpen(t testing.TB) *storage.Store {
	t.Helper()
	c := &clock{t: time.Date(2018, 4, 2, 9, 0, 0, 0, time.UTC)}
	s, err := storage.Open(context.Background(), storagetest.Location(t, "t.db"),
		storage.Options{Now: c.now})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "public-okrs", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustImportPeople(t testing.TB, s *storage.Store, csv []byte) importer.Summary {
	t.Helper()
	sum, err := importer.ImportPeople(context.Background(), s, bytes.NewReader(csv), "people.csv")
	if err != nil {
		t.Fatalf("import people: %v", err)
	}
	return sum
}

func mustImportOKRs(t testing.TB, s *storage.Store, csv []byte) importer.Summary {
	t.Helper()
	sum, err := importer.ImportOKRs(context.Background(), s, bytes.NewReader(csv), "okrs.csv")
	if err != nil {
		t.Fatalf("import okrs: %v", err)
	}
	return sum
}

// mustImportPublic imports the public people and OKR files.
func mustImportPublic(t testing.TB, s *storage.Store) {
	t.Helper()
	mustImportPeople(t, s, mustRead(t, "people.csv"))
	mustImportOKRs(t, s, mustRead(t, "okrs-2018-Q2.csv"))
}

// importTables are the tables an import may write, and one it must not.
var importTables = []string{"cycles", "teams", "people", "objectives", "key_results",
	"alignments", "progress_updates"}

// dump renders every row of the import's tables, every column included,
// so that two dumps are equal only when nothing was written in between.
func dump(t testing.TB, s *storage.Store) string {
	t.Helper()
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, table := range importTables {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY id")
		if err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

// rowsIn returns one row per line of a table's dump section.
func rowsIn(dump, table string) []string {
	var out []string
	for _, line := range strings.Split(dump, "\n") {
		if strings.HasPrefix(line, table+" ") {
			out = append(out, line)
		}
	}
	return out
}

func count(t testing.TB, s *storage.Store, table string) int {
	t.Helper()
	return queryInt(t, s, "SELECT COUNT(*) FROM "+table)
}

func queryInt(t testing.TB, s *storage.Store, query string, args ...any) int {
	t.Helper()
	var n int
	queryRow(t, s, query, args, &n)
	return n
}

func queryString(t testing.TB, s *storage.Store, query string, args ...any) string {
	t.Helper()
	var v string
	queryRow(t, s, query, args, &v)
	return v
}

func queryRow(t testing.TB, s *storage.Store, query string, args []any, out ...any) {
	t.Helper()
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(s.Rebind(query), args...).Scan(out...); err != nil {
		t.Fatalf("%s %v: %v", query, args, err)
	}
}

func queryStrings(t testing.TB, s *storage.Store, query string, args ...any) []string {
	t.Helper()
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(s.Rebind(query), args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// metric is a key result's numbers, unit and critical flag, read as
// values so that tests need not know how an engine writes them as text.
type metric struct {
	start, target, current *float64
	unit                   string
	critical               bool
}

// String renders start/target/current/unit/critical, with "-" for a
// number not set and numbers in their shortest form.
func (m metric) String() string {
	num := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return strconv.FormatFloat(*v, 'g', -1, 64)
	}
	return fmt.Sprintf("%s/%s/%s/%s/%v", num(m.start), num(m.target), num(m.current),
		m.unit, m.critical)
}

// metricOf reads the metric of the key result with a ref.
func metricOf(t testing.TB, s *storage.Store, ref string) metric {
	t.Helper()
	var m metric
	queryRow(t, s, `SELECT start_value, target_value, current_value, unit, critical
		FROM key_results WHERE ref = ?`, []any{ref},
		&m.start, &m.target, &m.current, &m.unit, &m.critical)
	return m
}

// alignedTo lists the refs an objective aligns to, in the order stored.
func alignedTo(t testing.TB, s *storage.Store, ref string) []string {
	t.Helper()
	return queryStrings(t, s, `SELECT COALESCE(k.ref, p.ref)
		FROM alignments a JOIN objectives o ON o.id = a.objective_id
		LEFT JOIN key_results k ON k.id = a.parent_key_result_id
		LEFT JOIN objectives p ON p.id = a.parent_objective_id
		WHERE o.ref = ? ORDER BY a.id`, ref)
}

// mustProblems returns the problems of an import error, failing the test
// when the error is anything else.
func mustProblems(t testing.TB, err error) []importer.Problem {
	t.Helper()
	var ie *importer.Error
	if !errors.As(err, &ie) {
		t.Fatalf("want an *importer.Error, got %v", err)
	}
	return ie.Problems
}

// edit replaces one exact piece of a file, failing when it is not there.
func edit(t testing.TB, file []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(file, []byte(old)) {
		t.Fatalf("%q is not in the file", old)
	}
	return bytes.Replace(file, []byte(old), []byte(new), 1)
}
