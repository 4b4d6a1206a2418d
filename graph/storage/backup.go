package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Backups are made with VACUUM INTO, which reads the database in one read
// transaction: writers carry on while it runs, and the copy holds exactly
// the transactions committed before it started. A file copy of a live
// database in WAL mode could miss commits still in the WAL, or tear a page.

// ErrBackupIsSQLiteOnly refuses a backup or restore of a PostgreSQL
// database: PostgreSQL's own tools do that, and do it better.
var ErrBackupIsSQLiteOnly = throughline.Errorf(throughline.EINVALID,
	"backup and restore copy a SQLite file; this database is on PostgreSQL: "+
		"use pg_dump to back it up and pg_restore to restore it")

// Backup writes a consistent copy of the database to path while the store
// stays in use. The copy is written to a temporary file beside path,
// synced, checked, and only then moved into place, so that path never
// holds half a backup. An existing path is refused with ECONFLICT unless
// replace is set.
func (s *Store) Backup(ctx context.Context, path string, replace bool) error {
	if s.dia.name() != "sqlite" {
		return ErrBackupIsSQLiteOnly
	}
	if !replace {
		if err := mustNotExist(path); err != nil {
			return err
		}
	}
	tmp, err := emptyTempBeside(path)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // a no-op once the copy is in place

	if err := s.vacuumInto(ctx, tmp); err != nil {
		return err
	}
	if _, err := CheckBackup(ctx, tmp); err != nil {
		return fmt.Errorf("storage: backup: the copy does not check out: %w", err)
	}
	return placeFile(tmp, path, replace)
}

// vacuumInto writes the database into path, an empty file, and syncs it:
// VACUUM INTO does not sync what it writes.
func (s *Store) vacuumInto(ctx context.Context, path string) error {
	db, err := s.SQL()
	if err != nil {
		return fmt.Errorf("storage: backup: %w", err)
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("storage: backup: %w", err)
	}
	return syncFile(path)
}

func mustNotExist(path string) error {
	_, err := os.Lstat(path)
	switch {
	case err == nil:
		return throughline.Errorf(throughline.ECONFLICT, "%s already exists", path)
	case errors.Is(err, os.ErrNotExist):
		return nil
	default:
		return fmt.Errorf("storage: %w", err)
	}
}

// emptyTempBeside creates an empty file, readable by its owner only, in the
// directory of path, so that a rename into path cannot cross file systems.
func emptyTempBeside(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("storage: %w", err)
	}
	name := f.Name()
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("storage: %w", err)
	}
	return name, nil
}

// placeFile moves a finished file to path. Without replace it links
// rather than renames, since a link fails when path exists: another
// process cannot slip a file in between the check and the move.
func placeFile(tmp, path string, replace bool) error {
	var err error
	if replace {
		err = os.Rename(tmp, path)
	} else if err = os.Link(tmp, path); errors.Is(err, os.ErrExist) {
		return throughline.Errorf(throughline.ECONFLICT, "%s already exists", path)
	}
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	return syncDir(filepath.Dir(path))
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("storage: sync %s: %w", path, err)
	}
	return nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("storage: sync %s: %w", dir, err)
	}
	return nil
}

// CheckBackup checks that the file at path is a whole Throughline
// database this binary can bring up to date: SQLite's integrity check
// passes, goose has recorded its schema version, and that version is not
// newer than the newest migration built in. It returns the version. A
// file that fails is EINVALID with a message that says why.
func CheckBackup(ctx context.Context, path string) (int64, error) {
	return checkDatabase(ctx, path, path)
}

// checkDatabase checks the file at path; name is what messages call it.
func checkDatabase(ctx context.Context, path, name string) (int64, error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, throughline.Errorf(throughline.EINVALID, "%s cannot be read: %v", name, err)
	}
	if !info.Mode().IsRegular() || info.Size() == 0 {
		return 0, notThroughline(name, "not a database file")
	}
	s, err := openUnmigrated(path)
	if err != nil {
		return 0, notThroughline(name, err.Error())
	}
	defer s.Close()
	if err := s.integrityCheck(ctx); err != nil {
		return 0, notThroughline(name, err.Error())
	}
	return s.checkSchemaVersion(ctx, name)
}

func notThroughline(path, why string) error {
	return throughline.Errorf(throughline.EINVALID,
		"%s is not a Throughline database: %s", path, why)
}

// openUnmigrated opens a database file as a store without touching its
// schema, nor its journal mode: for checks of a file that is not, or not
// yet, the data directory's database.
func openUnmigrated(path string) (*Store, error) {
	db, err := gorm.Open(sqlite.Open("file:"+path+"?_busy_timeout=5000"),
		gormConfig(Options{Now: time.Now}))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	s := &Store{db: db, dia: sqliteDialect{}, now: time.Now}
	return s, s.configurePool(8)
}

// integrityCheck runs SQLite's own check of every page and index.
func (s *Store) integrityCheck(ctx context.Context) error {
	var results []string
	err := s.db.WithContext(ctx).Raw("PRAGMA integrity_check").Scan(&results).Error
	if err != nil {
		return err
	}
	if len(results) != 1 || results[0] != "ok" {
		return fmt.Errorf("integrity check failed: %v", results)
	}
	return nil
}

// checkSchemaVersion reads the version goose recorded and compares it with
// the newest migration built into this binary.
func (s *Store) checkSchemaVersion(ctx context.Context, name string) (int64, error) {
	var tables int64
	err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM sqlite_master
		WHERE type = 'table' AND name = 'goose_db_version'`).Scan(&tables).Error
	if err != nil {
		return 0, notThroughline(name, err.Error())
	}
	if tables == 0 {
		return 0, notThroughline(name, "it has no record of schema migrations")
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil || v < 1 {
		return 0, notThroughline(name, "it records no schema version")
	}
	newest, err := s.newestVersion()
	if err != nil {
		return 0, err
	}
	if v > newest {
		return 0, throughline.Errorf(throughline.EINVALID, "%s is at schema version %d, "+
			"newer than this binary knows (%d): restore it with a newer Throughline", name, v, newest)
	}
	return v, nil
}

// migrationVersions lists the versions of the migrations built into the
// binary for the store's engine, oldest first.
func (s *Store) migrationVersions() ([]int64, error) {
	p, err := s.migrationProvider()
	if err != nil {
		return nil, err
	}
	var versions []int64
	for _, src := range p.ListSources() {
		versions = append(versions, src.Version)
	}
	return versions, nil
}

func (s *Store) newestVersion() (int64, error) {
	versions, err := s.migrationVersions()
	if err != nil {
		return 0, err
	}
	if len(versions) == 0 {
		return 0, errors.New("storage: no migrations built in")
	}
	return versions[len(versions)-1], nil
}

// Restore replaces the database at dbPath with the backup at from, and
// returns the name the replaced database is kept under ("" when there was
// none). The caller makes sure no server uses dbPath.
//
// The backup is copied next to dbPath and checked there (CheckBackup), so
// that what is checked is what is installed. The replaced database, with
// any WAL beside it, is renamed to dbPath.before-restore-<time>, never
// deleted. Last, the restored database is migrated up to this binary's
// schema.
func Restore(ctx context.Context, from, dbPath string, now time.Time) (string, error) {
	if IsPostgres(dbPath) {
		return "", ErrBackupIsSQLiteOnly
	}
	tmp, err := emptyTempBeside(dbPath)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp) // a no-op once the copy is in place
	if err := copyFile(from, tmp); err != nil {
		return "", err
	}
	if _, err := checkDatabase(ctx, tmp, from); err != nil {
		return "", err
	}
	kept, err := setAside(ctx, dbPath, now)
	if err != nil {
		return "", err
	}
	if err := placeFile(tmp, dbPath, true); err != nil {
		return kept, err
	}
	s, err := Open(ctx, dbPath, Options{})
	if err != nil {
		return kept, fmt.Errorf("storage: migrate the restored database: %w", err)
	}
	return kept, s.Close()
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return throughline.Errorf(throughline.EINVALID, "%s cannot be read: %v", from, err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return fmt.Errorf("storage: copy %s: %w", from, err)
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		return fmt.Errorf("storage: sync %s: %w", to, err)
	}
	return dst.Close()
}

// setAside renames the database at dbPath, and its WAL and shared-memory
// files, to a name of their own, and returns it; "" when there is no
// database. The WAL goes along because it may hold the last commits, and
// because a WAL left beside the restored file would be replayed into it.
// The database is checkpointed first so that the kept file stands alone;
// a database too damaged to checkpoint is kept as it is.
func setAside(ctx context.Context, dbPath string, now time.Time) (string, error) {
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	checkpoint(ctx, dbPath)
	kept, err := freeName(dbPath + ".before-restore-" + now.UTC().Format("20060102T150405Z"))
	if err != nil {
		return "", err
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Rename(dbPath+suffix, kept+suffix)
		if err != nil && !(suffix != "" && errors.Is(err, os.ErrNotExist)) {
			return "", fmt.Errorf("storage: set the replaced database aside: %w", err)
		}
	}
	return kept, nil
}

// checkpoint moves what the WAL holds into the database file. It is best
// effort: setAside keeps the WAL beside the file whether or not it works.
func checkpoint(ctx context.Context, dbPath string) {
	s, err := openUnmigrated(dbPath)
	if err != nil {
		return
	}
	defer s.Close()
	_ = s.db.WithContext(ctx).Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error
}

// freeName returns base, or base with a counter when a file of that name
// exists: two restores within a second keep both replaced databases.
func freeName(base string) (string, error) {
	name := base
	for i := 2; i < 100; i++ {
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			return name, nil
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
	return "", throughline.Errorf(throughline.ECONFLICT, "too many files named %s-*", base)
}
