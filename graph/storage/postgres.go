package storage

import (
	"context"
	"fmt"
	"hash/fnv"
	"net/url"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// connectPostgres opens the database a postgres:// URL names. Several
// servers may share it, each with a pool of its own.
func connectPostgres(ctx context.Context, rawURL string, opts Options) (*Store, error) {
	dsn, err := postgresDSN(rawURL)
	if err != nil {
		return nil, err
	}
	db, err := gorm.Open(postgres.New(postgres.Config{
		DSN:          dsn,
		OptionOpenDB: []stdlib.OptionOpenDB{stdlib.OptionAfterConnect(scanTimesInUTC)},
	}), gormConfig(opts))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", redactURL(rawURL), err)
	}
	s := &Store{db: db, now: opts.Now}
	if err := s.configurePool(16); err != nil {
		return nil, err
	}
	space, err := lockSpace(ctx, db)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("storage: open %s: %w", redactURL(rawURL), err)
	}
	s.dia = postgresDialect{space: space}
	return s, nil
}

// postgresDSN sets the session's time zone to UTC, whatever the URL says:
// the days the rules compare are UTC days, as on SQLite.
func postgresDSN(rawURL string) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", fmt.Errorf("storage: database URL: %w", err)
	}
	q := u.Query()
	q.Del("TimeZone")
	q.Del("time_zone")
	q.Set("timezone", "UTC")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// scanTimesInUTC makes timestamps read back in UTC, as they were written,
// rather than in the process's local zone.
func scanTimesInUTC(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{
		Name: "timestamptz", OID: pgtype.TimestamptzOID,
		Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC},
	})
	return nil
}

// lockSpace hashes the database and schema names, so that servers on one
// schema share their locks and those on other schemas do not wait for
// them. A search_path that names no schema is refused here rather than at
// the first table.
func lockSpace(ctx context.Context, db *gorm.DB) (int32, error) {
	var where struct {
		Database string
		Schema   *string
	}
	err := db.WithContext(ctx).
		Raw("SELECT current_database() AS database, current_schema() AS schema").
		Scan(&where).Error
	if err != nil {
		return 0, err
	}
	if where.Schema == nil {
		return 0, fmt.Errorf("the search_path names no schema that exists")
	}
	h := fnv.New32a()
	h.Write([]byte(where.Database + "." + *where.Schema))
	return int32(h.Sum32()), nil
}

// redactURL hides a password a database URL may hold, for messages.
func redactURL(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "the database URL"
	}
	return u.Redacted()
}

// RedactedLocation is a database location fit for logs and messages: a
// URL loses its password, a file path stays as it is.
func RedactedLocation(location string) string {
	if IsPostgres(location) {
		return redactURL(location)
	}
	return location
}
