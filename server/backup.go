package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
)

// backupCmd copies the database to a file while the server keeps serving.
type backupCmd struct {
	File  string `arg:"" type:"path" help:"The backup file to write."`
	Force bool   `help:"Replace FILE if it exists."`
}

func (c *backupCmd) Run(ctx context.Context, g *cli) error {
	return runBackup(ctx, g.place(), c.File, c.Force, os.Stdout)
}

// errUsePgDump refuses backup and restore on PostgreSQL, whose own tools
// copy a live database and restore it.
var errUsePgDump = errors.New("backup and restore copy the SQLite file of --data-dir; " +
	"this server uses PostgreSQL (--database-url): back it up with pg_dump " +
	"(pg_dump --format=custom --file=throughline.dump URL) and restore it with pg_restore")

// runBackup writes a consistent copy of the data directory's database to
// file. It needs no lock: the copy is one read transaction, which a
// running server's writes do not disturb.
func runBackup(ctx context.Context, place app.Place, file string, force bool, stdout io.Writer) error {
	if place.Postgres() {
		return errUsePgDump
	}
	if err := mustHaveDatabase(place); err != nil {
		return err
	}
	a, err := app.OpenAt(ctx, place, storage.Options{})
	if err != nil {
		return err
	}
	defer a.Close()
	err = a.Store.Backup(ctx, file, force)
	if throughline.ErrorCode(err) == throughline.ECONFLICT {
		return fmt.Errorf("%s; give --force to replace it", throughline.ErrorMessage(err))
	}
	if err != nil {
		return err
	}
	v, err := a.Store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s (schema version %d)\n", place, file, v)
	return nil
}

// mustHaveDatabase refuses to go on when the data directory holds no
// database: opening one would make an empty database rather than find the
// admin's. A PostgreSQL database exists or Open says so.
func mustHaveDatabase(place app.Place) error {
	if place.Postgres() {
		return nil
	}
	if _, err := os.Stat(place.Database()); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s holds no database (%s); check --data-dir", place.DataDir,
			app.DatabaseFile)
	} else if err != nil {
		return err
	}
	return nil
}

// restoreCmd replaces the database with a backup.
type restoreCmd struct {
	File string `arg:"" type:"existingfile" help:"The backup file to restore."`
}

func (c *restoreCmd) Run(ctx context.Context, g *cli) error {
	if g.place().Postgres() {
		return errUsePgDump
	}
	return runRestore(ctx, g.DataDir, c.File, os.Stdout)
}

// runRestore restores file into the data directory. It holds the data
// directory's lock throughout, so that no server starts on the database
// while it is swapped, and refuses to run while a server holds it.
func runRestore(ctx context.Context, dataDir, file string, stdout io.Writer) error {
	lock, err := lockDataDir(dataDir)
	if errors.Is(err, errDataDirInUse) {
		return fmt.Errorf("a Throughline server%s is using %s: stop it before restoring",
			holderOf(dataDir), dataDir)
	}
	if err != nil {
		return err
	}
	defer lock.Close()

	db := filepath.Join(dataDir, app.DatabaseFile)
	kept, err := storage.Restore(ctx, file, db, time.Now())
	if err != nil {
		return userFacing(err)
	}
	fmt.Fprintf(stdout, "restored %s into %s and brought it up to date\n", file, db)
	if kept != "" {
		fmt.Fprintf(stdout, "the database it replaced is kept as %s\n", kept)
	}
	return nil
}
