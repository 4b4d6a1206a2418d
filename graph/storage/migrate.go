package storage

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
)

//go:embed migrations
var migrations embed.FS

// Migrate brings the schema up to the newest version. Migrations are plain
// SQL written by hand, one set per engine, so that no tool rebuilds a table
// behind our back; goose records which have run.
func (s *Store) Migrate(ctx context.Context) error {
	return s.MigrateTo(ctx, -1)
}

// MigrateTo brings the schema up to version, or to the newest when version
// is negative. Upgrade tests use it to build databases of older versions.
func (s *Store) MigrateTo(ctx context.Context, version int64) error {
	p, err := s.migrationProvider()
	if err != nil {
		return err
	}
	if version < 0 {
		_, err = p.Up(ctx)
	} else {
		_, err = p.UpTo(ctx, version)
	}
	if err != nil {
		return fmt.Errorf("storage: migrate: %w", err)
	}
	return nil
}

// SchemaVersion returns the version of the newest migration that has run.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	p, err := s.migrationProvider()
	if err != nil {
		return 0, err
	}
	return p.GetDBVersion(ctx)
}

func (s *Store) migrationProvider() (*goose.Provider, error) {
	sqlDB, err := s.db.DB()
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	dir, err := fs.Sub(migrations, "migrations/"+s.dia.name())
	if err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	opts, err := s.dia.migrationOptions()
	if err != nil {
		return nil, err
	}
	p, err := goose.NewProvider(s.dia.gooseDialect(), sqlDB, dir, opts...)
	if err != nil {
		return nil, fmt.Errorf("storage: migrations: %w", err)
	}
	return p, nil
}
