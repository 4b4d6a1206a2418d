package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// audit records a change in the transaction that makes it, so that the log
// and the data never disagree. before and after are stored as JSON; nil
// means the object did not exist on that side of the change.
func (s *Store) audit(ctx context.Context, tx *gorm.DB, action, kind string,
	id int64, before, after any,
) error {
	row := &throughline.AuditEntry{At: s.Now(), Action: action, ObjectKind: kind}
	if id != 0 {
		row.ObjectID = &id
	}
	if a, ok := throughline.ActorFrom(ctx); ok {
		if a.PersonID != 0 {
			row.ActorID = &a.PersonID
		}
		if a.TokenID != 0 {
			row.TokenID = &a.TokenID
		}
	}
	var err error
	if row.Before, err = jsonOrNil(before); err != nil {
		return err
	}
	if row.After, err = jsonOrNil(after); err != nil {
		return err
	}
	return tx.Create(row).Error
}

func jsonOrNil(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("storage: audit: %w", err)
	}
	s := string(b)
	return &s, nil
}

// Store implements throughline.AuditService.
var _ throughline.AuditService = (*Store)(nil)

// FindAuditEntries lists changes, oldest first.
func (s *Store) FindAuditEntries(ctx context.Context, f throughline.AuditFilter,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.AuditEntry], error) {
	q := s.read(ctx)
	if f.ObjectKind != "" {
		q = q.Where("object_kind = ?", f.ObjectKind)
	}
	if f.ObjectID != nil {
		q = q.Where("object_id = ?", *f.ObjectID)
	}
	if f.ActorID != nil {
		q = q.Where("actor_id = ?", *f.ActorID)
	}
	return findPage(q, page, func(e *throughline.AuditEntry) int64 { return e.ID })
}
