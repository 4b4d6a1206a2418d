package storage

import (
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// mustExist checks that an optional reference points at a row of T, and
// names the input field when it does not.
func mustExist[T any](tx *gorm.DB, id *int64, field, what string) error {
	if id == nil {
		return nil
	}
	var n int64
	if err := tx.Model(new(T)).Where("id = ?", *id).Count(&n).Error; err != nil {
		return mapError(err)
	}
	if n == 0 {
		return throughline.FieldErrorf(throughline.ENOTFOUND, field, "no %s with ID %d", what, *id)
	}
	return nil
}

// conflictOn turns a unique-key violation into a conflict on one field
// with a message that names the clash.
func conflictOn(err error, field, format string, args ...any) error {
	err = mapError(err)
	if throughline.ErrorCode(err) == throughline.ECONFLICT {
		return throughline.FieldErrorf(throughline.ECONFLICT, field, format, args...)
	}
	return err
}

// parentColumn reads one parent link of a self-referencing table, for
// loop checks in trees such as teams and reporting lines.
func parentColumn(tx *gorm.DB, table, column string) func(int64) ([]int64, error) {
	return func(id int64) ([]int64, error) {
		var parent *int64
		err := tx.Table(table).Select(column).Where("id = ?", id).Scan(&parent).Error
		if err != nil || parent == nil {
			return nil, mapError(err)
		}
		return []int64{*parent}, nil
	}
}

// mustNotHaveLeft refuses a person who has left the organisation: they
// get no new token and no new plan. The person's row is share-locked
// (dialect.forShare), so that a departure recorded meanwhile waits for
// this write rather than slip in after the check.
func mustNotHaveLeft(tx *gorm.DB, d dialect, personID *int64) error {
	if personID == nil {
		return nil
	}
	var rows []struct{ LeftOn *time.Time }
	err := d.forShare(tx.Model(&throughline.Person{})).Select("left_on").
		Where("id = ?", *personID).Scan(&rows).Error
	if err != nil {
		return mapError(err)
	}
	if len(rows) > 0 && rows[0].LeftOn != nil {
		return throughline.FieldErrorf(throughline.EINVALID, "personId",
			"this person has left the organisation")
	}
	return nil
}

// trimPage cuts the one extra item a page query fetches to learn whether
// more follow.
func trimPage[T any](p *throughline.Page[*T], items []*T, first int, id func(*T) int64) {
	if len(items) > first {
		p.HasNextPage = true
		items = items[:first]
	}
	p.Items = items
	for _, it := range items {
		p.IDs = append(p.IDs, id(it))
	}
}
