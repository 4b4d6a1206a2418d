package storage

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/importer"
)

// ApplyOKRImport writes a checked OKR file in one transaction: cycles and
// teams it names are created when missing, objectives and key results
// keyed by cycle and ref are created or updated where they differ, and
// each imported objective's alignments become the file's. Inside the
// transaction it checks again that owners and parents exist, that no ref
// changed its kind, and that alignment does not loop. Each row created or
// updated gets an audit entry, importOKRs, an objective's with what it
// aligns to; unchanged rows get none.
//
// It takes turns with the other writers of alignment. An edit of a key
// result that no guard orders (its progress, its definition) may land
// while the import runs: the import's update of that row then comes after
// it and wins, as the file says it should, though the audit entry's
// "before" shows the row as the import read it.
func (s *Store) ApplyOKRImport(
	ctx context.Context, plan *importer.OKRPlan,
) (importer.Summary, error) {
	var sum importer.Summary
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardAlignment); err != nil {
			return err
		}
		im := s.newImportTx(ctx, tx, "importOKRs")
		ok, err := im.okrRefs(plan, &sum)
		if err != nil {
			return err
		}
		if err := im.applyObjectives(plan.Objectives, ok, &sum.Objectives); err != nil {
			return err
		}
		if err := im.applyKeyResults(plan.KeyResults, ok, &sum.KeyResults); err != nil {
			return err
		}
		if err := im.applyAlignments(plan.Objectives, ok, &sum.Alignments); err != nil {
			return err
		}
		if err := im.checkAlignmentLoops(); err != nil {
			return err
		}
		return im.log.flush()
	})
	if err != nil {
		return importer.Summary{}, err
	}
	return sum, nil
}

// okrIDs resolves the names and keys of an OKR file to row IDs.
type okrIDs struct {
	cycles     map[string]int64
	teams      map[string]int64
	owners     map[string]int64
	objectives map[refKey]*throughline.Objective
	keyResults map[refKey]*throughline.KeyResult
}

type refKey struct {
	cycle int64
	ref   string
}

// okrRefs creates the missing cycles and teams, and loads the owners and
// the stored objectives and key results of the file's cycles.
func (im *importTx) okrRefs(plan *importer.OKRPlan, sum *importer.Summary) (*okrIDs, error) {
	var err error
	ok := &okrIDs{}
	if ok.cycles, err = im.applyCycles(plan.Cycles, &sum.Cycles); err != nil {
		return nil, err
	}
	if ok.teams, err = im.applyTeamNames(plan.Teams, &sum.Teams); err != nil {
		return nil, err
	}
	if ok.owners, err = im.ownerIDs(plan); err != nil {
		return nil, err
	}
	return ok, im.loadOKRs(ok)
}

// applyCycles creates the cycles not stored yet; stored ones keep their
// dates.
func (im *importTx) applyCycles(
	want []importer.PlanCycle, n *importer.Counts,
) (map[string]int64, error) {
	names := mapped(want, func(c importer.PlanCycle) string { return c.Name })
	ids, err := idsByName[throughline.Cycle](im.tx, "name", names,
		func(c *throughline.Cycle) (string, int64) { return c.Name, c.ID })
	if err != nil {
		return nil, err
	}
	for _, c := range want {
		if _, ok := ids[c.Name]; ok {
			n.Unchanged++
			continue
		}
		row := &throughline.Cycle{Name: c.Name, StartsOn: c.StartsOn, EndsOn: c.EndsOn}
		if err := row.Validate(); err != nil {
			return nil, err
		}
		if err := im.tx.Create(row).Error; err != nil {
			return nil, conflictOn(err, "cycle", "cycle %q was created meanwhile; try again", c.Name)
		}
		ids[c.Name] = row.ID
		im.log.add(throughline.KindCycle, row.ID, nil, row)
		n.Created++
	}
	return ids, nil
}

// applyTeamNames creates, as roots, the teams not stored yet.
func (im *importTx) applyTeamNames(names []string, n *importer.Counts) (map[string]int64, error) {
	ids, err := idsByName[throughline.Team](im.tx, "name", names,
		func(t *throughline.Team) (string, int64) { return t.Name, t.ID })
	if err != nil {
		return nil, err
	}
	fresh, _ := missing(names, ids, func(name string) string { return name })
	rows := mapped(fresh, func(name string) *throughline.Team { return &throughline.Team{Name: name} })
	if len(rows) > 0 {
		if err := im.tx.CreateInBatches(rows, chunk).Error; err != nil {
			return nil, conflictOn(err, "team", "a team the file names was created meanwhile; try again")
		}
	}
	for _, t := range rows {
		ids[t.Name] = t.ID
		im.log.add(throughline.KindTeam, t.ID, nil, t)
	}
	n.Created, n.Unchanged = len(rows), len(names)-len(rows)
	return ids, nil
}

// ownerIDs loads the people who own the file's objectives and key results.
func (im *importTx) ownerIDs(plan *importer.OKRPlan) (map[string]int64, error) {
	emails := ownerEmails(plan)
	ids, err := idsByName[throughline.Person](im.tx.Select("id", "email"), "email", emails,
		func(p *throughline.Person) (string, int64) { return p.Email, p.ID })
	if err != nil {
		return nil, err
	}
	for _, e := range emails {
		if _, ok := ids[e]; !ok {
			return nil, throughline.FieldErrorf(throughline.ECONFLICT, "owner",
				"the owner %s is no longer stored; try again", e)
		}
	}
	return ids, nil
}

// ownerEmails lists the owners a plan names, each once.
func ownerEmails(plan *importer.OKRPlan) []string {
	seen := map[string]bool{"": true}
	var emails []string
	note := func(e string) {
		if !seen[e] {
			seen[e] = true
			emails = append(emails, e)
		}
	}
	for _, o := range plan.Objectives {
		note(o.Owner)
	}
	for _, k := range plan.KeyResults {
		note(k.Owner)
	}
	return emails
}

// loadOKRs loads the objectives and key results with refs in the file's
// cycles.
func (im *importTx) loadOKRs(ok *okrIDs) error {
	cycles := make([]int64, 0, len(ok.cycles))
	for _, id := range ok.cycles {
		cycles = append(cycles, id)
	}
	ok.objectives = map[refKey]*throughline.Objective{}
	ok.keyResults = map[refKey]*throughline.KeyResult{}
	var objs []*throughline.Objective
	if err := im.tx.Where("cycle_id IN ?", cycles).Find(&objs).Error; err != nil {
		return mapError(err)
	}
	cycleOf := make(map[int64]int64, len(objs))
	for _, o := range objs {
		cycleOf[o.ID] = o.CycleID
		if o.Ref != "" {
			ok.objectives[refKey{o.CycleID, o.Ref}] = o
		}
	}
	return im.loadKeyResults(ok, cycles, cycleOf)
}

// loadKeyResults loads the key results with refs of the objectives in
// cycles; cycleOf gives each objective's cycle.
func (im *importTx) loadKeyResults(ok *okrIDs, cycles []int64, cycleOf map[int64]int64) error {
	var krs []*throughline.KeyResult
	inCycles := im.tx.Model(&throughline.Objective{}).Select("id").Where("cycle_id IN ?", cycles)
	err := im.tx.Where("ref <> '' AND objective_id IN (?)", inCycles).Find(&krs).Error
	if err != nil {
		return mapError(err)
	}
	for _, k := range krs {
		ok.keyResults[refKey{cycleOf[k.ObjectiveID], k.Ref}] = k
	}
	return nil
}

// applyObjectives creates and updates the file's objectives; ok gains the
// new ones.
func (im *importTx) applyObjectives(want []importer.PlanObjective, ok *okrIDs,
	n *importer.Counts,
) error {
	var fresh []*throughline.Objective
	var changed [][]any
	for _, o := range want {
		row, key, err := ok.objectiveRow(o)
		if err != nil {
			return err
		}
		old, stored := ok.objectives[key]
		switch {
		case !stored:
			fresh = append(fresh, row)
			ok.objectives[key] = row
		case old.Level == row.Level && old.Title == row.Title &&
			sameID(old.OwnerID, row.OwnerID) && sameID(old.TeamID, row.TeamID):
			n.Unchanged++
		default:
			changed = append(changed, []any{old.ID, row.Level, row.Title, row.OwnerID, row.TeamID})
			row.ID, row.Description, row.CreatedAt = old.ID, old.Description, old.CreatedAt
			row.UpdatedAt = im.now
			im.objectives[old.ID] = objectiveChange{before: old, after: row}
		}
	}
	n.Created, n.Updated = len(fresh), len(changed)
	if err := im.insert(fresh); err != nil {
		return err
	}
	for _, o := range fresh {
		im.objectives[o.ID] = objectiveChange{after: o}
	}
	return im.setRows("objectives", []string{"level", "title", "owner_id", "team_id"}, changed)
}

// objectiveRow is an objective as the file wants it, and its key.
func (ok *okrIDs) objectiveRow(o importer.PlanObjective) (*throughline.Objective, refKey, error) {
	key := refKey{ok.cycles[o.Cycle], o.Ref}
	if _, clash := ok.keyResults[key]; clash {
		return nil, key, kindChanged(o.Ref, "a key result")
	}
	return &throughline.Objective{CycleID: key.cycle, Ref: o.Ref, Level: o.Level, Title: o.Title,
		OwnerID: optionalID(ok.owners, o.Owner), TeamID: optionalID(ok.teams, o.Team)}, key, nil
}

func kindChanged(ref, stored string) error {
	return throughline.FieldErrorf(throughline.ECONFLICT, "type",
		"%q is %s in the database now; try again", ref, stored)
}

// applyKeyResults creates and updates the file's key results; ok gains
// the new ones. A key result without a target loses its metric; one whose
// file row has no current value keeps the value recorded since.
func (im *importTx) applyKeyResults(want []importer.PlanKeyResult, ok *okrIDs,
	n *importer.Counts,
) error {
	var fresh []*throughline.KeyResult
	var changed [][]any
	for _, k := range want {
		row, key, err := ok.keyResultRow(k)
		if err != nil {
			return err
		}
		old, stored := ok.keyResults[key]
		keepRecordedProgress(row, old, k.Current == nil)
		switch {
		case !stored:
			fresh = append(fresh, row)
			ok.keyResults[key] = row
		case sameKeyResult(old, row):
			n.Unchanged++
		default:
			changed = append(changed, []any{old.ID, row.ObjectiveID, row.Title, row.OwnerID,
				row.StartValue, row.TargetValue, row.CurrentValue, row.Unit, row.Critical,
				row.Done})
			row.ID, row.Confidence, row.CreatedAt = old.ID, old.Confidence, old.CreatedAt
			row.UpdatedAt = im.now
			im.log.add(throughline.KindKeyResult, old.ID, old, row)
		}
	}
	n.Created, n.Updated = len(fresh), len(changed)
	if err := im.insert(fresh); err != nil {
		return err
	}
	for _, k := range fresh {
		im.log.add(throughline.KindKeyResult, k.ID, nil, k)
	}
	return im.setRows("key_results", []string{"objective_id", "title", "owner_id",
		"start_value", "target_value", "current_value", "unit", "critical", "done"}, changed)
}

// keepRecordedProgress carries over what the file cannot say: a metric's
// current value when the file leaves it empty, and whether a done / not
// done result is done (the file has no column for it). A metric is done
// when its current value reaches the target.
func keepRecordedProgress(row, old *throughline.KeyResult, noCurrent bool) {
	if old != nil && row.IsMetric() && noCurrent {
		row.CurrentValue = old.CurrentValue
	}
	if old != nil && !row.IsMetric() {
		row.Done = old.Done
	}
	row.SettleDone()
}

// keyResultRow is a key result as the file wants it, and its key.
func (ok *okrIDs) keyResultRow(k importer.PlanKeyResult) (*throughline.KeyResult, refKey, error) {
	key := refKey{ok.cycles[k.Cycle], k.Ref}
	if _, clash := ok.objectives[key]; clash {
		return nil, key, kindChanged(k.Ref, "an objective")
	}
	parent, found := ok.objectives[refKey{key.cycle, k.Objective}]
	if !found {
		return nil, key, throughline.FieldErrorf(throughline.ECONFLICT, "parent",
			"objective %q is no longer stored; try again", k.Objective)
	}
	row := &throughline.KeyResult{ObjectiveID: parent.ID, Ref: k.Ref, Title: k.Title,
		OwnerID: optionalID(ok.owners, k.Owner), Unit: k.Unit, Critical: k.Critical}
	if k.Target != nil {
		row.StartValue, row.TargetValue, row.CurrentValue = k.Start, k.Target, k.Current
	}
	return row, key, nil
}

func sameKeyResult(a, b *throughline.KeyResult) bool {
	return a.ObjectiveID == b.ObjectiveID && a.Title == b.Title && a.Unit == b.Unit &&
		a.Critical == b.Critical && a.Done == b.Done && sameID(a.OwnerID, b.OwnerID) &&
		sameValue(a.StartValue, b.StartValue) && sameValue(a.TargetValue, b.TargetValue) &&
		sameValue(a.CurrentValue, b.CurrentValue)
}

// applyAlignments makes each imported objective's alignments the file's:
// links the file drops are deleted, new ones inserted, the rest kept.
func (im *importTx) applyAlignments(want []importer.PlanObjective, ok *okrIDs,
	n *importer.Counts,
) error {
	objIDs := mapped(want, func(o importer.PlanObjective) int64 { return ok.objective(o).ID })
	stored, err := groupMany(im.tx, "objective_id", "id", objIDs,
		func(a *throughline.Alignment) int64 { return a.ObjectiveID })
	if err != nil {
		return err
	}
	var fresh []*throughline.Alignment
	var gone []int64
	for i, o := range want {
		links, err := alignmentRows(o, objIDs[i], ok)
		if err != nil {
			return err
		}
		have := stored[objIDs[i]]
		add, drop, kept := diffAlignments(have, links)
		fresh, gone = append(fresh, add...), append(gone, drop...)
		n.Unchanged += kept
		im.logObjective(ok.objective(o), have, links, len(add)+len(drop) > 0)
	}
	n.Created, n.Removed = len(fresh), len(gone)
	if err := eachChunk(gone, func(part []int64) error {
		return im.tx.Where("id IN ?", part).Delete(&throughline.Alignment{}).Error
	}); err != nil {
		return mapError(err)
	}
	return im.insert(fresh)
}

// objective returns the stored (or just created) objective of a file row.
func (ok *okrIDs) objective(o importer.PlanObjective) *throughline.Objective {
	return ok.objectives[refKey{ok.cycles[o.Cycle], o.Ref}]
}

// logObjective records an objective of the file that the import created,
// or whose fields or parents (moved) it changed, with what it aligns to
// before (have) and after (want). o is the objective as stored before.
func (im *importTx) logObjective(o *throughline.Objective,
	have, want []*throughline.Alignment, moved bool,
) {
	c, edited := im.objectives[o.ID]
	if !edited && !moved {
		return
	}
	if !edited {
		c = objectiveChange{before: o, after: o}
	}
	var before any
	if c.before != nil {
		before = &objectiveState{Objective: c.before, AlignedTo: alignedTo(have)}
	}
	after := &objectiveState{Objective: c.after, AlignedTo: alignedTo(want)}
	im.log.add(throughline.KindObjective, o.ID, before, after)
}

// alignmentRows resolves an objective's parents in the file to alignment
// rows.
func alignmentRows(
	o importer.PlanObjective, id int64, ok *okrIDs,
) ([]*throughline.Alignment, error) {
	out := make([]*throughline.Alignment, 0, len(o.AlignTo))
	for _, p := range o.AlignTo {
		key := refKey{ok.cycles[p.Cycle], p.Ref}
		a := &throughline.Alignment{ObjectiveID: id}
		if kr, found := ok.keyResults[key]; found && p.KeyResult {
			a.ParentKeyResultID = &kr.ID
		} else if obj, found := ok.objectives[key]; found && !p.KeyResult {
			a.ParentObjectiveID = &obj.ID
		} else {
			return nil, throughline.FieldErrorf(throughline.ECONFLICT, "parent",
				"%q, a parent of %q, is no longer stored; try again", p.Ref, o.Ref)
		}
		out = append(out, a)
	}
	return out, nil
}

// diffAlignments compares an objective's stored alignments with the ones
// wanted and returns the rows to add, the IDs to delete and how many stay.
func diffAlignments(
	have, want []*throughline.Alignment,
) (add []*throughline.Alignment, drop []int64, kept int) {
	key := func(a *throughline.Alignment) string {
		return fmt.Sprintf("%v/%v", deref(a.ParentObjectiveID), deref(a.ParentKeyResultID))
	}
	wanted := map[string]*throughline.Alignment{}
	for _, a := range want {
		wanted[key(a)] = a
	}
	for _, a := range have {
		if _, ok := wanted[key(a)]; ok {
			delete(wanted, key(a))
			kept++
		} else {
			drop = append(drop, a.ID)
		}
	}
	for _, a := range want {
		if _, ok := wanted[key(a)]; ok {
			add = append(add, a)
		}
	}
	return add, drop, kept
}

// checkAlignmentLoops refuses the import when alignment, through key
// results and objectives alike, now leads an objective back to itself.
func (im *importTx) checkAlignmentLoops() error {
	var links []struct{ ID, Parent int64 }
	err := im.tx.Raw(`SELECT a.objective_id AS id,
		COALESCE(a.parent_objective_id, k.objective_id) AS parent
		FROM alignments a LEFT JOIN key_results k ON k.id = a.parent_key_result_id`).
		Scan(&links).Error
	if err != nil {
		return mapError(err)
	}
	return loopError(links, "alignment")
}
