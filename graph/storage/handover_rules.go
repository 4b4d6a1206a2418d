package storage

import (
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// move is a handover whose rules held, with the people to move as they
// were read in the transaction that moves them.
type move struct {
	h      *throughline.Handover
	people []*throughline.Person
}

// checkMove reads what a handover's rules need in db and checks them all,
// so that a user sees every problem with the move at once.
func (s *Store) checkMove(db *gorm.DB, h *throughline.Handover, ids []int64) (*move, error) {
	if len(ids) == 0 {
		return nil, throughline.FieldErrorf(throughline.EINVALID, "personIds",
			"name at least one person to move")
	}
	to, err := findNamed[throughline.Person](db, h.ToManagerID, "toManagerId", "person")
	if err != nil {
		return nil, err
	}
	people, err := peopleNamed(db, ids)
	if err != nil {
		return nil, err
	}
	c, err := newMoveCheck(db, to, ids)
	if err != nil {
		return nil, err
	}
	c.effectiveDate(h.EffectiveOn, s.Today())
	for _, p := range people {
		if err := c.person(db, p, h.EffectiveOn); err != nil {
			return nil, err
		}
	}
	return &move{h: h, people: people}, c.probs.Err()
}

// peopleNamed loads the people of personIds in the order given.
func peopleNamed(db *gorm.DB, ids []int64) ([]*throughline.Person, error) {
	byID, err := byIDs(db, ids, func(p *throughline.Person) int64 { return p.ID })
	if err != nil {
		return nil, err
	}
	out := make([]*throughline.Person, 0, len(ids))
	for _, id := range ids {
		p, ok := byID[id]
		if !ok {
			return nil, throughline.FieldErrorf(throughline.ENOTFOUND, "personIds",
				"no person with ID %d", id)
		}
		out = append(out, p)
	}
	return out, nil
}

// moveCheck gathers the problems of one move.
type moveCheck struct {
	to    *throughline.Person
	above map[int64]bool // the new manager and everyone above them
	// pending holds, per person, the handover they are in that waits
	// for acknowledgement, and that handover's incoming manager.
	pending map[int64]pendingMove
	probs   throughline.Problems
}

type pendingMove struct {
	h  *throughline.Handover
	to *throughline.Person
}

func newMoveCheck(db *gorm.DB, to *throughline.Person, ids []int64) (*moveCheck, error) {
	c := &moveCheck{to: to}
	if to.LeftOn != nil {
		c.probs.Add("toManagerId", "%s left on %s and can manage nobody",
			to.Name, isoDay(*to.LeftOn))
	}
	var err error
	if c.above, err = lineAbove(db, to.ID); err != nil {
		return nil, err
	}
	if c.pending, err = pendingMoves(db, ids); err != nil {
		return nil, err
	}
	return c, nil
}

// effectiveDate refuses a move dated ahead: the manager changes when the
// move is recorded. A day's grace covers time zones ahead of the server's.
//
// TODO: scheduled moves. HR planning a reorganisation wants to record
// "from 1 January" ahead; that needs a handover that waits (its packs
// drafts until the day), something that applies it on the day on every
// replica, and a way to cancel it.
func (c *moveCheck) effectiveDate(on, today time.Time) {
	if on.After(today.AddDate(0, 0, 1)) {
		c.probs.Add("effectiveOn", "a move is recorded when it takes effect; %s is in the future",
			isoDay(on))
	}
}

// person checks the rules about one person moved.
func (c *moveCheck) person(db *gorm.DB, p *throughline.Person, effectiveOn time.Time) error {
	c.reportingLine(p)
	if p.LeftOn != nil {
		c.probs.Add("personIds", "%s left on %s and cannot be moved", p.Name, isoDay(*p.LeftOn))
	}
	if pm, ok := c.pending[p.ID]; ok {
		c.probs.Add("personIds", "%s is in the handover to %s of %s, which %s has not "+
			"acknowledged yet: it must be acknowledged before %s moves again",
			p.Name, pm.to.Name, isoDay(pm.h.EffectiveOn), pm.to.Name, p.Name)
	}
	st, err := stintNow(db, p)
	if err != nil {
		return err
	}
	if effectiveOn.Before(st.FromOn) {
		c.probs.Add("effectiveOn", "%s has been in their current reporting line since %s; "+
			"the move cannot take effect before then", p.Name, isoDay(st.FromOn))
	}
	return nil
}

// reportingLine refuses a move that would make a loop, and one that
// changes nothing.
func (c *moveCheck) reportingLine(p *throughline.Person) {
	switch {
	case p.ID == c.to.ID:
		c.probs.Add("toManagerId", "%s cannot be their own manager", p.Name)
	case c.above[p.ID]:
		c.probs.Add("toManagerId", "%s reports to %s, directly or not: moving %s under "+
			"%s would make a reporting loop", c.to.Name, p.Name, p.Name, c.to.Name)
	case p.ManagerID != nil && *p.ManagerID == c.to.ID:
		c.probs.Add("toManagerId", "%s already reports to %s", p.Name, c.to.Name)
	}
}

// lineAbove returns a person and everyone above them in the reporting
// line. It stops at a loop that bad data may hold.
func lineAbove(db *gorm.DB, id int64) (map[int64]bool, error) {
	above := map[int64]bool{}
	up := parentColumn(db, "people", "manager_id")
	for next := []int64{id}; len(next) == 1 && !above[next[0]]; {
		above[next[0]] = true
		var err error
		if next, err = up(next[0]); err != nil {
			return nil, err
		}
	}
	return above, nil
}

// pendingMoves finds, for the people given, the handovers they are in
// whose packs wait for acknowledgement.
func pendingMoves(db *gorm.DB, ids []int64) (map[int64]pendingMove, error) {
	var packs []*throughline.HandoverPack
	err := eachChunk(ids, func(part []int64) error {
		var rows []*throughline.HandoverPack
		err := db.Where("person_id IN ? AND handover_id IS NOT NULL AND acknowledged_at IS NULL",
			part).Find(&rows).Error
		packs = append(packs, rows...)
		return err
	})
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[int64]pendingMove, len(packs))
	for _, pack := range packs {
		h, err := firstByID[throughline.Handover](db, *pack.HandoverID, "handover")
		if err != nil {
			return nil, err
		}
		to, err := firstByID[throughline.Person](db, h.ToManagerID, "person")
		if err != nil {
			return nil, err
		}
		out[pack.PersonID] = pendingMove{h: h, to: to}
	}
	return out, nil
}
