package storage

import (
	"bytes"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/exchange"
)

// dumpHandovers reads, inside Dump's read transaction, the handovers,
// every pack (drafts too), the manager history, each in the order made,
// and the review rhythm. Calendar feeds stay out: like tokens, their
// secrets open one server's data.
func dumpHandovers(db *gorm.DB, d *exchange.Dump) error {
	err := db.Order("id").Find(&d.Handovers).Error
	if err == nil {
		err = db.Order("id").Find(&d.Packs).Error
	}
	if err == nil {
		err = stints(db).Order("id").Find(&d.Stints).Error
	}
	if err != nil {
		return mapError(err)
	}
	var rows []*rhythmRow
	if err := db.Where("id = 1").Find(&rows).Error; err != nil {
		return mapError(err)
	}
	if len(rows) == 1 {
		r := rows[0]
		d.Rhythm = &exchange.ReviewRhythm{MonthlyEveryDays: r.MonthlyEveryDays,
			ReviewWindowDays: r.ReviewWindowDays, ReviewLeadDays: r.ReviewLeadDays,
			UpdatedAt: r.UpdatedAt}
	}
	return nil
}

// writeDepartures records the last day of everyone who left. The people
// file cannot say it, and their reports already have no manager there.
func (w *graphWriter) writeDepartures(g *exchange.Graph) error {
	for i, d := range g.Departures {
		id := w.person(fmt.Sprintf("departures[%d].person", i), d.Person)
		if id == 0 {
			continue
		}
		old, err := firstByID[throughline.Person](w.tx, id, "person")
		if err != nil {
			return err
		}
		left := d.LeftOn.Time
		if err := w.exec(`UPDATE people SET left_on = ? WHERE id = ?`, left, id); err != nil {
			return err
		}
		after := *old
		after.LeftOn = &left
		w.log.add(throughline.KindPerson, id, old, &after)
		w.sum.Departures++
	}
	return nil
}

// writeHandovers stores the handovers in the document's order, which is
// the order they were made in when times tie, then their packs.
func (w *graphWriter) writeHandovers(g *exchange.Graph) error {
	rows := make([]*throughline.Handover, len(g.Handovers))
	for i, h := range g.Handovers {
		path := fmt.Sprintf("handovers[%d]", i)
		rows[i] = &throughline.Handover{
			FromManagerID: w.optionalPerson(path+".fromManager", h.FromManager),
			ToManagerID:   w.person(path+".toManager", h.ToManager),
			EffectiveOn:   h.EffectiveOn.Time, Note: h.Note,
			CreatedByID: w.optionalPerson(path+".createdBy", h.CreatedBy), CreatedAt: h.CreatedAt,
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	err := insertLogged(w, throughline.KindHandover, rows,
		func(h *throughline.Handover) int64 { return h.ID }, &w.sum.Handovers)
	if err != nil {
		return err
	}
	w.handovers = rows
	var packs []*throughline.HandoverPack
	for i, h := range g.Handovers {
		for j, p := range h.Packs {
			packs = append(packs, w.pack(fmt.Sprintf("handovers[%d].packs[%d]", i, j), rows[i].ID, p))
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	err = insertLogged(w, throughline.KindHandoverPack, packs, packID, &w.sum.Packs)
	return conflictOn(err, "handovers", "a person waits on two packs not yet acknowledged")
}

func packID(p *throughline.HandoverPack) int64 { return p.ID }

// pack is a pack of the handover with ID handoverID, its snapshot stored
// compact, as the API stores it.
func (w *graphWriter) pack(path string, handoverID int64, p exchange.Pack) *throughline.HandoverPack {
	row := w.notes(path, p.PackNotes)
	row.HandoverID, row.AcknowledgedAt = &handoverID, p.AcknowledgedAt
	row.AcknowledgedByID = w.optionalPerson(path+".acknowledgedBy", p.AcknowledgedBy)
	var b bytes.Buffer
	if err := json.Compact(&b, p.Snapshot); err != nil {
		w.p.Add(path+".snapshot", "is not JSON: %v", err)
	}
	snapshot := b.String()
	row.Snapshot = &snapshot
	return row
}

func (w *graphWriter) notes(path string, n exchange.PackNotes) *throughline.HandoverPack {
	return &throughline.HandoverPack{PersonID: w.person(path+".person", n.Person),
		FromManagerID: w.optionalPerson(path+".fromManager", n.FromManager),
		Risks:         n.Risks, StakeholderPriorities: n.StakeholderPriorities,
		DraftedByID: w.optionalPerson(path+".draftedBy", n.DraftedBy),
		Version:     max(n.Version, 1), CreatedAt: n.CreatedAt, UpdatedAt: n.UpdatedAt}
}

// writeDrafts stores the packs outgoing managers are still writing.
func (w *graphWriter) writeDrafts(g *exchange.Graph) error {
	rows := make([]*throughline.HandoverPack, len(g.DraftPacks))
	for i, d := range g.DraftPacks {
		rows[i] = w.notes(fmt.Sprintf("draftPacks[%d]", i), d)
	}
	if len(w.p) > 0 {
		return nil
	}
	err := insertLogged(w, throughline.KindHandoverPack, rows, packID, &w.sum.DraftPacks)
	return conflictOn(err, "draftPacks", "a person has two draft packs")
}

// writeHistory makes the manager history the document's. A version 1
// document has none to give, and the history is left as it is.
func (w *graphWriter) writeHistory(g *exchange.Graph) error {
	if g.FormatVersion < 2 {
		return nil
	}
	rows := make([]*throughline.ManagerStint, len(g.ManagerHistory))
	for i, s := range g.ManagerHistory {
		path := fmt.Sprintf("managerHistory[%d]", i)
		rows[i] = &throughline.ManagerStint{PersonID: w.person(path+".person", s.Person),
			ManagerID: w.optionalPerson(path+".manager", s.Manager),
			FromOn:    s.FromOn.Time, UntilOn: s.UntilOn.TimePtr(),
			HandoverID: w.handoverAt(path+".handover", s.Handover)}
	}
	if len(w.p) > 0 {
		return nil
	}
	// A whole export imports into an empty database, so every stint there
	// is one the people file made: replaced, not added to.
	if err := w.exec(`DELETE FROM ` + historyTable); err != nil {
		return err
	}
	return insertAll(stints(w.tx), rows, &w.sum.Stints)
}

// handoverAt returns the ID of the handover at a position of the
// document, nil for none.
func (w *graphWriter) handoverAt(field string, pos *int) *int64 {
	if pos == nil {
		return nil
	}
	if *pos < 0 || *pos >= len(w.handovers) {
		w.p.Add(field, "%d is not a position in handovers", *pos)
		return nil
	}
	return &w.handovers[*pos].ID
}

// writeRhythm sets the review rhythm.
func (w *graphWriter) writeRhythm(g *exchange.Graph) error {
	r := g.ReviewRhythm
	if r == nil {
		return nil
	}
	before, err := firstByID[rhythmRow](w.tx, 1, "review rhythm")
	if err != nil && throughline.ErrorCode(err) != throughline.ENOTFOUND {
		return err
	}
	after := &rhythmRow{ID: 1, MonthlyEveryDays: r.MonthlyEveryDays,
		ReviewWindowDays: r.ReviewWindowDays, ReviewLeadDays: r.ReviewLeadDays,
		UpdatedAt: r.UpdatedAt}
	if err := saveRhythm(w.tx, after); err != nil {
		return err
	}
	w.log.add(kindRhythm, 1, before, after)
	w.sum.Rhythms++
	return nil
}

// saveRhythm writes the rhythm row as it is. gorm's Save would stamp
// updated_at with the time of the import, and the row keeps the time HR
// last set it.
func saveRhythm(tx *gorm.DB, r *rhythmRow) error {
	res := tx.Exec(`UPDATE review_rhythm SET monthly_every_days = ?, review_window_days = ?,
		review_lead_days = ?, updated_at = ? WHERE id = 1`,
		r.MonthlyEveryDays, r.ReviewWindowDays, r.ReviewLeadDays, r.UpdatedAt)
	if res.Error != nil || res.RowsAffected == 1 {
		return mapError(res.Error)
	}
	return mapError(tx.Create(r).Error)
}
