package storage

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// historyTable holds one row per stint of a person under one manager.
// People added before it existed, or never moved since, have no row: they
// read as one open stint from the day they were added (see openStint).
const historyTable = "manager_history"

func stints(tx *gorm.DB) *gorm.DB { return tx.Table(historyTable) }

// ManagerHistory lists a person's stints oldest first.
func (s *Store) ManagerHistory(ctx context.Context,
	personID int64,
) ([]*throughline.ManagerStint, error) {
	db := s.read(ctx)
	p, err := firstByID[throughline.Person](db, personID, "person")
	if err != nil {
		return nil, err
	}
	var rows []*throughline.ManagerStint
	err = stints(db).Where("person_id = ?", personID).Order("from_on, id").Find(&rows).Error
	if err != nil {
		return nil, mapError(err)
	}
	if len(rows) == 0 {
		rows = []*throughline.ManagerStint{backfilledStint(p, p.ManagerID)}
	}
	return rows, nil
}

// backfilledStint is the one stint of a person with no history: from the
// day they were added, under manager, still going on.
func backfilledStint(p *throughline.Person, manager *int64) *throughline.ManagerStint {
	return &throughline.ManagerStint{
		PersonID: p.ID, ManagerID: manager, FromOn: throughline.Day(p.CreatedAt),
	}
}

// AwaitingHandover reports whether a person has no manager because the
// last manager they had left, and is still with the organisation.
func (s *Store) AwaitingHandover(ctx context.Context, personID int64) (bool, error) {
	db := s.read(ctx)
	p, err := firstByID[throughline.Person](db, personID, "person")
	if err != nil || p.ManagerID != nil || p.LeftOn != nil {
		return false, err
	}
	var gone []bool
	err = db.Raw(`SELECT m.left_on IS NOT NULL FROM manager_history h
		JOIN people m ON m.id = h.manager_id
		WHERE h.person_id = ? ORDER BY h.from_on DESC, h.id DESC LIMIT 1`, personID).
		Scan(&gone).Error
	if err != nil {
		return false, mapError(err)
	}
	return len(gone) == 1 && gone[0], nil
}

// savePerson saves a person changed from before and, when their manager
// changed, records the change in their history from today. A person who
// has left is not given a new manager, and nobody reports to someone who
// has left.
func (s *Store) savePerson(tx *gorm.DB, before, p *throughline.Person) error {
	if sameManager(before.ManagerID, p.ManagerID) {
		return mapError(tx.Save(p).Error)
	}
	if err := checkManagerChange(tx, p); err != nil {
		return err
	}
	if err := tx.Save(p).Error; err != nil {
		return mapError(err)
	}
	return keepHistory(tx, p, before.ManagerID, s.Today(), nil)
}

func checkManagerChange(tx *gorm.DB, p *throughline.Person) error {
	if p.LeftOn != nil {
		return throughline.FieldErrorf(throughline.EINVALID, "managerId",
			"%s left on %s: their reporting line stays as it was when they left",
			p.Name, isoDay(*p.LeftOn))
	}
	pending, err := pendingMoves(tx, []int64{p.ID})
	if err != nil {
		return err
	}
	if pm, ok := pending[p.ID]; ok {
		return throughline.FieldErrorf(throughline.EINVALID, "managerId",
			"%s is in the handover to %s of %s, which %s has not acknowledged yet: "+
				"it must be acknowledged before %s moves again",
			p.Name, pm.to.Name, isoDay(pm.h.EffectiveOn), pm.to.Name, p.Name)
	}
	if p.ManagerID == nil {
		return nil
	}
	m, err := findNamed[throughline.Person](tx, *p.ManagerID, "managerId", "person")
	if err != nil {
		return err
	}
	if m.LeftOn != nil {
		return throughline.FieldErrorf(throughline.EINVALID, "managerId",
			"%s left on %s and can manage nobody", m.Name, isoDay(*m.LeftOn))
	}
	return nil
}

// keepHistory records that p's manager changed from old to p.ManagerID,
// the new stint starting on firstDay. The open stint ends the day before,
// or on its own first day when it began that day, so that no stint ends
// before it starts.
func keepHistory(tx *gorm.DB, p *throughline.Person, old *int64,
	firstDay time.Time, handoverID *int64,
) error {
	open, err := openStint(tx, p, old)
	if err != nil {
		return err
	}
	firstDay = throughline.Day(firstDay)
	until := firstDay.AddDate(0, 0, -1)
	if until.Before(open.FromOn) {
		until = open.FromOn
	}
	err = stints(tx).Where("id = ?", open.ID).Update("until_on", until).Error
	if err != nil {
		return mapError(err)
	}
	next := &throughline.ManagerStint{
		PersonID: p.ID, ManagerID: p.ManagerID, FromOn: firstDay, HandoverID: handoverID,
	}
	return mapError(stints(tx).Create(next).Error)
}

// openStint returns a person's current stint. A person with no history
// gets their backfilled stint written first, under manager (their manager
// before the change being recorded).
func openStint(tx *gorm.DB, p *throughline.Person,
	manager *int64,
) (*throughline.ManagerStint, error) {
	open, err := findOpenStint(tx, p.ID)
	if err != nil || open != nil {
		return open, err
	}
	var n int64
	if err := stints(tx).Where("person_id = ?", p.ID).Count(&n).Error; err != nil {
		return nil, mapError(err)
	}
	if n > 0 {
		return nil, fmt.Errorf("storage: person %d has a history with no open stint", p.ID)
	}
	first := backfilledStint(p, manager)
	return first, mapError(stints(tx).Create(first).Error)
}

// stintNow is the current stint of a person, for checks before a change:
// the open row, or the backfilled stint when there is none.
func stintNow(tx *gorm.DB, p *throughline.Person) (*throughline.ManagerStint, error) {
	open, err := findOpenStint(tx, p.ID)
	if err != nil || open != nil {
		return open, err
	}
	return backfilledStint(p, p.ManagerID), nil
}

// findOpenStint returns the stint of a person that goes on, or nil when
// their history has no row.
func findOpenStint(tx *gorm.DB, personID int64) (*throughline.ManagerStint, error) {
	var rows []*throughline.ManagerStint
	err := stints(tx).Where("person_id = ? AND until_on IS NULL", personID).
		Order("from_on DESC, id DESC").Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return nil, mapError(err)
	}
	return rows[0], nil
}

func sameManager(a, b *int64) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

func isoDay(t time.Time) string { return t.Format(time.DateOnly) }
