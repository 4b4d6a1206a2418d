package exchange

import (
	"encoding/json"
	"fmt"

	throughline "throughline.dev/graph"
)

// checkVersion2 checks the sections format version 2 added. A version 1
// file holds none of them: an import would then keep the manager history
// the people file made, which a file that lists one means to replace.
func (c *checker) checkVersion2(g *Graph) {
	if g.FormatVersion < 2 {
		c.absentBefore2(g)
		return
	}
	c.handovers(g.Handovers)
	c.drafts(g.DraftPacks)
	c.history(g.ManagerHistory, len(g.Handovers))
	c.departures(g.Departures)
	if r := g.ReviewRhythm; r != nil {
		c.domain("reviewRhythm", throughline.RhythmOfDays(r.MonthlyEveryDays,
			r.ReviewWindowDays, r.ReviewLeadDays).Check())
	}
	c.carried(g)
}

func (c *checker) absentBefore2(g *Graph) {
	sections := []struct {
		name string
		held bool
	}{
		{"handovers", len(g.Handovers) > 0}, {"draftPacks", len(g.DraftPacks) > 0},
		{"managerHistory", len(g.ManagerHistory) > 0}, {"departures", len(g.Departures) > 0},
		{"reviewRhythm", g.ReviewRhythm != nil},
	}
	for _, s := range sections {
		if s.held {
			c.add(s.name, "format version %d has no %s; it came with version 2", g.FormatVersion, s.name)
		}
	}
}

// handovers checks each handover and its packs. A person waits on one
// unacknowledged pack at most, as the database holds them.
func (c *checker) handovers(hs []Handover) {
	pending := map[string]bool{}
	for i, h := range hs {
		path := fmt.Sprintf("handovers[%d]", i)
		c.required(path+".toManager", h.ToManager)
		c.day(path+".effectiveOn", h.EffectiveOn)
		if len(h.Packs) == 0 {
			c.add(path+".packs", "a handover moves at least one person")
		}
		people := map[string]bool{}
		for j, p := range h.Packs {
			pp := fmt.Sprintf("%s.packs[%d]", path, j)
			c.unique(pp+".person", p.Person, people)
			c.pack(pp, p)
			if p.AcknowledgedAt == nil && pending[p.Person] {
				c.add(pp+".person", "%q waits on another pack not yet acknowledged", p.Person)
			}
			pending[p.Person] = pending[p.Person] || p.AcknowledgedAt == nil
		}
	}
}

// pack checks what a pack of a handover holds beyond its notes.
func (c *checker) pack(path string, p Pack) {
	if !jsonObject(p.Snapshot) {
		c.add(path+".snapshot", "a pack keeps the plan frozen at the move, a JSON object")
	}
	if p.AcknowledgedBy != "" && p.AcknowledgedAt == nil {
		c.add(path+".acknowledgedAt", "is required when acknowledgedBy is given")
	}
}

func jsonObject(raw json.RawMessage) bool {
	var m map[string]json.RawMessage
	return json.Unmarshal(raw, &m) == nil && m != nil
}

func (c *checker) drafts(ds []PackNotes) {
	people := map[string]bool{}
	for i, d := range ds {
		c.unique(fmt.Sprintf("draftPacks[%d].person", i), d.Person, people)
	}
}

func (c *checker) day(field string, d Date) {
	if d.IsZero() {
		c.add(field, "is required")
	}
}

// history checks each stint, and that a person with a history has one
// stint that goes on: a later move closes it.
func (c *checker) history(stints []Stint, handovers int) {
	open := map[string]int{} // the open stints of each person
	last := map[string]int{} // the index of each person's last stint
	var people []string      // in the order first listed, for stable reports
	for i, s := range stints {
		if _, seen := last[s.Person]; !seen {
			people = append(people, s.Person)
		}
		path := fmt.Sprintf("managerHistory[%d]", i)
		c.required(path+".person", s.Person)
		c.day(path+".fromOn", s.FromOn)
		if s.UntilOn != nil && s.UntilOn.Before(s.FromOn.Time) {
			c.add(path+".untilOn", "the stint ends before it starts")
		}
		if h := s.Handover; h != nil && (*h < 0 || *h >= handovers) {
			c.add(path+".handover", "%d is not a position in handovers (0 to %d)", *h, handovers-1)
		}
		if s.UntilOn == nil {
			if open[s.Person]++; open[s.Person] == 2 {
				c.add(path+".untilOn", "%q has another stint that goes on", s.Person)
			}
		}
		last[s.Person] = i
	}
	for _, person := range people {
		if open[person] == 0 {
			c.add(fmt.Sprintf("managerHistory[%d].untilOn", last[person]),
				"the stint that goes on is missing from the history of %q", person)
		}
	}
}

func (c *checker) departures(ds []Departure) {
	people := map[string]bool{}
	for i, d := range ds {
		path := fmt.Sprintf("departures[%d]", i)
		c.unique(path+".person", d.Person, people)
		c.day(path+".leftOn", d.LeftOn)
	}
}
