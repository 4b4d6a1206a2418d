package main

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/mattn/go-sqlite3" // the "sqlite3" driver the store uses too

	"throughline.dev/server/internal/app"
)

// The floor computes each screen's answer with hand-written SQL through
// database/sql on the same database: the fewest statements that fetch
// what the screen shows, and Go only to put the rows together. It is what
// the API would cost with no HTTP, GraphQL, loaders or ORM in the way.

// floorDB is a connection pool on the benchmark's database, and the
// little that differs between the engines.
type floorDB struct {
	db *sql.DB
	pg bool
	// statements counts the statements run, for the table.
	statements atomic.Int64
}

// openFloor opens the database the server uses, with a pool the size of
// the store's.
func openFloor(p app.Place) (*floorDB, error) {
	if p.DatabaseURL != "" {
		db, err := sql.Open("pgx", p.DatabaseURL)
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(16)
		db.SetMaxIdleConns(16)
		return &floorDB{db: db, pg: true}, nil
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("mode", "ro")
	path := filepath.Join(p.DataDir, app.DatabaseFile)
	db, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	return &floorDB{db: db}, nil
}

func (f *floorDB) Close() error { return f.db.Close() }

// sql writes "?" placeholders as the engine wants them; the floor's
// statements hold no "?" of their own.
func (f *floorDB) sql(query string) string {
	if !f.pg {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// day is SQL for the date part of a DATE or TIMESTAMP expression, as the
// store compares them.
func (f *floorDB) day(expr string) string {
	if f.pg {
		return "CAST(" + expr + " AS date)"
	}
	return "date(" + expr + ")"
}

// rows runs a query and calls each for every row.
func (f *floorDB) rows(ctx context.Context, query string, args []any,
	each func(*sql.Rows) error,
) error {
	f.statements.Add(1)
	rs, err := f.db.QueryContext(ctx, f.sql(query), args...)
	if err != nil {
		return fmt.Errorf("%w in %.80s", err, query)
	}
	defer rs.Close()
	for rs.Next() {
		if err := each(rs); err != nil {
			return err
		}
	}
	return rs.Err()
}

// placeholders is "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func anys(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// rowID reads the row ID out of a global ID, as the server does.
func rowID(gid string) (int64, error) {
	raw, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil {
		return 0, err
	}
	_, num, _ := strings.Cut(string(raw), ":")
	return strconv.ParseInt(num, 10, 64)
}

// dbTime scans a DATE or TIMESTAMP whichever way the driver gives it:
// SQLite gives text for an expression such as MAX(held_on).
type dbTime struct {
	T     time.Time
	Valid bool
}

var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05",
	time.DateOnly,
}

// Scan implements sql.Scanner.
func (t *dbTime) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*t = dbTime{}
		return nil
	case time.Time:
		*t = dbTime{v.UTC(), true}
		return nil
	case []byte:
		return t.parse(string(v))
	case string:
		return t.parse(v)
	}
	return fmt.Errorf("dbTime: cannot scan %T", v)
}

func (t *dbTime) parse(s string) error {
	for _, layout := range timeLayouts {
		if v, err := time.Parse(layout, s); err == nil {
			*t = dbTime{v.UTC(), true}
			return nil
		}
	}
	return fmt.Errorf("dbTime: %q is no time", s)
}

// ptr is the time, or nil when NULL.
func (t dbTime) ptr() *time.Time {
	if !t.Valid {
		return nil
	}
	v := t.T
	return &v
}
