package storage

import (
	"errors"
	"fmt"

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
	switch {
	case err == nil, errors.As(err, &de), errors.As(err, &ve):
		return err
	case errors.Is(err, gorm.ErrRecordNotFound):
		return throughline.Errorf(throughline.ENOTFOUND, "not found")
	case errors.As(err, &se):
		return mapSQLiteError(se, err)
	default:
		return fmt.Errorf("storage: %w", err)
	}
}

func mapSQLiteError(se sqlite3.Error, err error) error {
	switch se.ExtendedCode {
	case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
		return throughline.Errorf(throughline.ECONFLICT,
			"a record with the same key already exists")
	case sqlite3.ErrConstraintForeignKey:
		return throughline.Errorf(throughline.EINVALID,
			"the change refers to a record that does not exist, or one still in use")
	case sqlite3.ErrConstraintCheck, sqlite3.ErrConstraintNotNull:
		return throughline.Errorf(throughline.EINVALID,
			"the change breaks a rule of the stored data")
	}
	return fmt.Errorf("storage: %w", err)
}
