package storage

import (
	"fmt"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/exchange"
)

// writeCycles creates the cycles no OKR file made: those without
// objectives.
func (w *graphWriter) writeCycles(g *exchange.Graph) error {
	var rows []*throughline.Cycle
	for _, c := range g.Cycles {
		if _, ok := w.cycles[c.Name]; !ok {
			rows = append(rows, &throughline.Cycle{Name: c.Name, StartsOn: c.StartsOn.Time,
				EndsOn: c.EndsOn.Time})
		}
	}
	err := insertLogged(w, throughline.KindCycle, rows, func(c *throughline.Cycle) int64 { return c.ID },
		&w.sum.Cycles)
	if err != nil {
		return err
	}
	for _, c := range rows {
		w.cycles[c.Name] = c.ID
	}
	return nil
}

// writeTeams creates the teams no file named, then gives every team the
// parent and lead the document says, and refuses a team tree that loops.
func (w *graphWriter) writeTeams(g *exchange.Graph) error {
	var fresh []*throughline.Team
	for _, t := range g.Teams {
		if _, ok := w.teams[t.Name]; !ok {
			fresh = append(fresh, &throughline.Team{Name: t.Name})
		}
	}
	err := insertLogged(w, throughline.KindTeam, fresh, func(t *throughline.Team) int64 { return t.ID },
		&w.sum.Teams)
	if err != nil {
		return err
	}
	for _, t := range fresh {
		w.teams[t.Name] = t.ID
	}
	for i, t := range g.Teams {
		if err := w.placeTeam(fmt.Sprintf("teams[%d]", i), t); err != nil {
			return err
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	return refuseLoops(w.tx, "teams", "the team tree",
		`SELECT id, parent_id AS parent FROM teams WHERE parent_id IS NOT NULL`)
}

// placeTeam sets a team's parent and lead, unless one of them names
// nothing.
func (w *graphWriter) placeTeam(path string, t exchange.Team) error {
	problems := len(w.p)
	var parent *int64
	if t.Parent != "" {
		id := lookup(w, w.teams, path+".parent", t.Parent, "no team is named %q", t.Parent)
		parent = &id
	}
	lead := w.optionalPerson(path+".lead", t.Lead)
	if len(w.p) > problems {
		return nil
	}
	old, err := firstByID[throughline.Team](w.tx, w.teams[t.Name], "team")
	if err != nil || (sameID(old.ParentID, parent) && sameID(old.LeadID, lead)) {
		return err
	}
	err = w.exec(`UPDATE teams SET parent_id = ?, lead_id = ? WHERE id = ?`,
		parent, lead, old.ID)
	placed := *old
	placed.ParentID, placed.LeadID = parent, lead
	w.log.add(throughline.KindTeam, old.ID, old, &placed)
	return err
}

// writeObjectives gives objectives their descriptions and their parents
// in other cycles.
func (w *graphWriter) writeObjectives(g *exchange.Graph) error {
	var links []*throughline.Alignment
	var changed []*objectiveState // each changed objective as it was
	for i, o := range g.Objectives {
		path := fmt.Sprintf("objectives[%d]", i)
		id := lookup(w, w.objectives, path, o.Ref,
			"no objective in cycle %q has the ref %q", o.Cycle, o.Ref.Ref)
		if id == 0 {
			continue
		}
		old, err := w.readObjective(id)
		if err != nil {
			return err
		}
		more := w.otherCycleLinks(path, id, o.OtherCycleParents)
		if old.Description == o.Description && len(more) == 0 {
			continue
		}
		err = w.exec(`UPDATE objectives SET description = ? WHERE id = ?`, o.Description, id)
		if err != nil {
			return err
		}
		changed, links = append(changed, old), append(links, more...)
	}
	if len(w.p) > 0 {
		return nil
	}
	if err := insertAll(w.tx, links, &w.sum.Alignments); err != nil {
		return err
	}
	if err := w.logObjectives(changed); err != nil {
		return err
	}
	return refuseLoops(w.tx, "objectives", "alignment", `SELECT a.objective_id AS id,
		COALESCE(a.parent_objective_id, k.objective_id) AS parent
		FROM alignments a LEFT JOIN key_results k ON k.id = a.parent_key_result_id`)
}

// readObjective reads an objective with its alignment, as the log records it.
func (w *graphWriter) readObjective(id int64) (*objectiveState, error) {
	o, err := firstByID[throughline.Objective](w.tx, id, "objective")
	if err != nil {
		return nil, err
	}
	return objectiveNow(w.tx, o)
}

// logObjectives records each changed objective as it was and as it is.
func (w *graphWriter) logObjectives(changed []*objectiveState) error {
	for _, old := range changed {
		now, err := w.readObjective(old.ID)
		if err != nil {
			return err
		}
		w.log.add(throughline.KindObjective, old.ID, old, now)
	}
	return nil
}

func (w *graphWriter) otherCycleLinks(path string, id int64,
	parents []exchange.Parent,
) []*throughline.Alignment {
	if w.levels[id] == throughline.LevelCompany && len(parents) > 0 {
		w.p.Add(path+".otherCycleParents", "a company objective aligns to nothing")
		return nil
	}
	links := make([]*throughline.Alignment, 0, len(parents))
	for j, p := range parents {
		field := fmt.Sprintf("%s.otherCycleParents[%d]", path, j)
		a := &throughline.Alignment{ObjectiveID: id}
		if p.Type == exchange.TypeKeyResult {
			kr := w.keyResult(field, p.Ref)
			a.ParentKeyResultID = &kr
		} else {
			obj := lookup(w, w.objectives, field, p.Ref,
				"no objective in cycle %q has the ref %q", p.Cycle, p.Ref.Ref)
			a.ParentObjectiveID = &obj
		}
		links = append(links, a)
	}
	return links
}

// writeKeyResults sets what the OKR files cannot say about each key
// result, whether it is done and the latest confidence, and stores its
// progress history.
func (w *graphWriter) writeKeyResults(g *exchange.Graph) error {
	var history []*throughline.ProgressUpdate
	for i, k := range g.KeyResults {
		path := fmt.Sprintf("keyResults[%d]", i)
		id := w.keyResult(path, k.Ref)
		if id == 0 {
			continue
		}
		if err := w.settle(id, k); err != nil {
			return err
		}
		for j, u := range k.Progress {
			history = append(history, &throughline.ProgressUpdate{
				KeyResultID: id, Value: u.Value, Done: u.Done, Confidence: u.Confidence,
				Note: u.Note, RecordedAt: u.RecordedAt,
				RecordedByID: w.optionalPerson(fmt.Sprintf("%s.progress[%d].recordedBy", path, j),
					u.RecordedBy),
			})
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	return insertLogged(w, throughline.KindProgressUpdate, history,
		func(u *throughline.ProgressUpdate) int64 { return u.ID }, &w.sum.Progress)
}

// settle sets whether a key result is done and its latest confidence,
// when they differ from what the OKR file left.
func (w *graphWriter) settle(id int64, k exchange.KeyResult) error {
	old, err := firstByID[throughline.KeyResult](w.tx, id, "key result")
	if err != nil || (old.Done == k.Done && sameConfidence(old.Confidence, k.Confidence)) {
		return err
	}
	err = w.exec(`UPDATE key_results SET done = ?, confidence = ? WHERE id = ?`,
		k.Done, k.Confidence, id)
	settled := *old
	settled.Done, settled.Confidence = k.Done, k.Confidence
	w.log.add(throughline.KindKeyResult, id, old, &settled)
	return err
}

func sameConfidence(a, b *int32) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// refuseLoops refuses the import when the links a query reads (id to
// parent) lead a record of table back to itself.
func refuseLoops(tx *gorm.DB, table, what, query string) error {
	var links []struct{ ID, Parent int64 }
	if err := tx.Raw(query).Scan(&links).Error; err != nil {
		return mapError(err)
	}
	parents := make(map[int64][]int64, len(links))
	for _, l := range links {
		parents[l.ID] = append(parents[l.ID], l.Parent)
	}
	if hasLoop(parents) {
		return throughline.FieldErrorf(throughline.EINVALID, table,
			"%s would loop back on itself", what)
	}
	return nil
}
