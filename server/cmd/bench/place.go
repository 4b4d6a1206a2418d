package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to make and drop schemas

	"throughline.dev/server/internal/app"
)

// newPlace makes a fresh, empty database for one organisation: a SQLite
// file in out/org-<size>, or, when baseURL names a PostgreSQL database, a
// new schema in it. drop removes the schema and everything in it; the
// SQLite file stays, for looking into afterwards.
func newPlace(ctx context.Context, out string, size int,
	baseURL string,
) (p app.Place, drop func(), err error) {
	dir := filepath.Join(out, fmt.Sprintf("org-%d", size))
	if err := os.RemoveAll(dir); err != nil {
		return p, nil, err
	}
	p.DataDir = dir
	if baseURL == "" {
		return p, func() {}, nil
	}
	schema := fmt.Sprintf("bench_%d_%s", size, randomHex())
	if p.DatabaseURL, err = withSchema(baseURL, schema); err != nil {
		return p, nil, err
	}
	if err := onPostgres(ctx, baseURL, "CREATE SCHEMA "+schema); err != nil {
		return p, nil, err
	}
	return p, func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := onPostgres(ctx, baseURL, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			fmt.Fprintf(os.Stderr, "bench: drop schema %s: %v\n", schema, err)
		}
	}, nil
}

// withSchema points a database URL at one schema.
func withSchema(baseURL, schema string) (string, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return "", fmt.Errorf("-database-url: %w", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// onPostgres runs one statement on the database the URL names.
func onPostgres(ctx context.Context, rawURL, statement string) error {
	db, err := sql.Open("pgx", rawURL)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, statement)
	return err
}

func randomHex() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
