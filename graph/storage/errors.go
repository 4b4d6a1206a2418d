package storage

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// mapError turns database errors into domain errors. Domain errors and nil
// pass through; anything unexpected stays internal, wrapped so that the
// log tells what failed.
func mapError(err error) error {
	var de *throughline.Error
	var ve *throughline.ValidationError
	var se sqlite3.Error
	var pe *pgconn.PgError
	switch {
	case err == nil, errors.As(err, &de), errors.As(err, &ve):
		return err
	case errors.Is(err, gorm.ErrRecordNotFound):
		return throughline.Errorf(throughline.ENOTFOUND, "not found")
	case errors.As(err, &se):
		return mapSQLiteError(se, err)
	case errors.As(err, &pe):
		return mapPostgresError(pe, err)
	default:
		return fmt.Errorf("storage: %w", err)
	}
}

func mapSQLiteError(se sqlite3.Error, err error) error {
	switch se.ExtendedCode {
	case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
		return errDuplicate()
	case sqlite3.ErrConstraintForeignKey:
		return errDangling()
	case sqlite3.ErrConstraintCheck, sqlite3.ErrConstraintNotNull:
		return errBrokenRule()
	}
	return fmt.Errorf("storage: %w", err)
}

// mapPostgresError maps PostgreSQL's error codes (SQLSTATE) as
// mapSQLiteError maps SQLite's. Two writers that lock rows in opposite
// orders make a deadlock, which PostgreSQL breaks by failing one of them:
// that writer may simply try again.
func mapPostgresError(pe *pgconn.PgError, err error) error {
	switch pe.Code {
	case "23505":
		return errDuplicate()
	case "23503":
		return errDangling()
	case "23514", "23502":
		return errBrokenRule()
	case "40001", "40P01":
		return throughline.Errorf(throughline.ECONFLICT,
			"the change clashed with another made at the same time: try again")
	}
	return fmt.Errorf("storage: %w", err)
}

func errDuplicate() error {
	return throughline.Errorf(throughline.ECONFLICT, "a record with the same key already exists")
}

func errDangling() error {
	return throughline.Errorf(throughline.EINVALID,
		"the change refers to a record that does not exist, or one still in use")
}

func errBrokenRule() error {
	return throughline.Errorf(throughline.EINVALID, "the change breaks a rule of the stored data")
}
