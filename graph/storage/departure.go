package storage

import (
	"context"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// RecordDeparture marks a person gone and releases their reports, taking
// turns with the other writers of reporting lines.
func (s *Store) RecordDeparture(ctx context.Context, personID int64,
	leftOn time.Time,
) ([]*throughline.Person, error) {
	if leftOn.IsZero() {
		leftOn = s.Today()
	}
	leftOn = throughline.Day(leftOn)
	var reports []*throughline.Person
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardReporting); err != nil {
			return err
		}
		p, err := findNamed[throughline.Person](tx, personID, "personId", "person")
		if err != nil {
			return err
		}
		if reports, err = directReports(tx, p.ID); err != nil {
			return err
		}
		if err := s.checkDeparture(tx, p, reports, leftOn); err != nil {
			return err
		}
		return s.writeDeparture(ctx, tx, p, reports, leftOn)
	})
	return reports, err
}

// directReports lists the people who report to a manager and have not
// left; those who left keep their last manager in their history.
func directReports(tx *gorm.DB, managerID int64) ([]*throughline.Person, error) {
	var reports []*throughline.Person
	err := tx.Where("manager_id = ? AND left_on IS NULL", managerID).
		Order("id").Find(&reports).Error
	return reports, mapError(err)
}

// checkDeparture refuses a second departure, one recorded ahead of time
// (a day's grace covers time zones ahead of the server's), and a last day
// before the leaver's own last move or before one of their reports began
// reporting to them.
func (s *Store) checkDeparture(tx *gorm.DB, p *throughline.Person,
	reports []*throughline.Person, leftOn time.Time,
) error {
	var probs throughline.Problems
	if p.LeftOn != nil {
		probs.Add("personId", "%s already left on %s", p.Name, isoDay(*p.LeftOn))
	}
	if leftOn.After(s.Today().AddDate(0, 0, 1)) {
		probs.Add("leftOn", "a departure is recorded once it happens; %s is in the future",
			isoDay(leftOn))
	}
	if err := checkOwnStint(tx, p, leftOn, &probs); err != nil {
		return err
	}
	for _, r := range reports {
		st, err := stintNow(tx, r)
		if err != nil {
			return err
		}
		if leftOn.Before(st.FromOn) {
			probs.Add("leftOn", "%s has reported to %s only since %s, after that day",
				r.Name, p.Name, isoDay(st.FromOn))
		}
	}
	return probs.Err()
}

// checkOwnStint refuses a last day before a recorded move of the leaver
// began their current reporting line: their history would show them
// moving after they left. A person never moved has no such day (the day
// they were added is not the day they joined).
func checkOwnStint(tx *gorm.DB, p *throughline.Person, leftOn time.Time,
	probs *throughline.Problems,
) error {
	st, err := findOpenStint(tx, p.ID)
	if err != nil {
		return err
	}
	if st != nil && leftOn.Before(st.FromOn) {
		probs.Add("leftOn", "%s has been in their current reporting line since %s, "+
			"after that day", p.Name, isoDay(st.FromOn))
	}
	return nil
}

// writeDeparture records the last day, leaves the reports without a
// manager from that day, and closes the packs the leaver was yet to
// acknowledge.
func (s *Store) writeDeparture(ctx context.Context, tx *gorm.DB, p *throughline.Person,
	reports []*throughline.Person, leftOn time.Time,
) error {
	before := *p
	p.LeftOn, p.UpdatedAt = &leftOn, s.Now()
	err := tx.Model(&throughline.Person{}).Where("id = ?", p.ID).
		Updates(map[string]any{"left_on": leftOn, "updated_at": p.UpdatedAt}).Error
	if err != nil {
		return mapError(err)
	}
	if err := s.audit(ctx, tx, "recordDeparture", throughline.KindPerson, p.ID, &before, p); err != nil {
		return err
	}
	for _, r := range reports {
		if err := s.releaseReport(ctx, tx, r, leftOn); err != nil {
			return err
		}
	}
	return s.closePacksAddressedTo(ctx, tx, p.ID)
}

func (s *Store) releaseReport(ctx context.Context, tx *gorm.DB, r *throughline.Person,
	leftOn time.Time,
) error {
	before := *r
	r.ManagerID, r.UpdatedAt = nil, s.Now()
	err := tx.Model(&throughline.Person{}).Where("id = ?", r.ID).
		Updates(map[string]any{"manager_id": nil, "updated_at": r.UpdatedAt}).Error
	if err != nil {
		return mapError(err)
	}
	// leftOn is the manager's last day: the report is without one from
	// the day after, or from today when that is the last day, since the
	// report has no manager from now on.
	from := leftOn.AddDate(0, 0, 1)
	if today := s.Today(); from.After(today) {
		from = today
	}
	if err := keepHistory(tx, r, before.ManagerID, from, nil); err != nil {
		return err
	}
	return s.audit(ctx, tx, "recordDeparture", throughline.KindPerson, r.ID, &before, r)
}

// closePacksAddressedTo closes the packs a leaver had yet to acknowledge:
// nobody will, and an open pack would keep its person from being handed
// over again. They are closed with no acknowledger; locked as they are
// read, as AcknowledgePack locks a pack.
func (s *Store) closePacksAddressedTo(ctx context.Context, tx *gorm.DB, leaverID int64) error {
	var packs []*throughline.HandoverPack
	err := s.forUpdate(tx).Where(`acknowledged_at IS NULL AND handover_id IN
		(SELECT id FROM handovers WHERE to_manager_id = ?)`, leaverID).Find(&packs).Error
	if err != nil {
		return mapError(err)
	}
	for _, pack := range packs {
		before, now := *pack, s.Now()
		pack.AcknowledgedAt, pack.UpdatedAt = &now, now
		if err := tx.Save(pack).Error; err != nil {
			return mapError(err)
		}
		err := s.audit(ctx, tx, "recordDeparture", throughline.KindHandoverPack, pack.ID, &before, pack)
		if err != nil {
			return err
		}
	}
	return nil
}
