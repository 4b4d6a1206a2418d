package storage

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/importer"
)

// Store implements importer.Store.
var _ importer.Store = (*Store)(nil)

// The import's reads load whole tables once, in a few statements, and its
// writes go in batches: a file of 100,000 people costs a few hundred
// statements, not a few per person.

// OrgForImport returns every team and person by name and email, for the
// checks of a people or OKR file.
func (s *Store) OrgForImport(ctx context.Context) (*importer.OrgSnapshot, error) {
	db := s.read(ctx)
	snap := &importer.OrgSnapshot{}
	err := db.Raw(`SELECT t.name, COALESCE(p.name, '') AS parent
		FROM teams t LEFT JOIN teams p ON p.id = t.parent_id`).Scan(&snap.Teams).Error
	if err != nil {
		return nil, mapError(err)
	}
	err = db.Raw(`SELECT p.email, p.title, COALESCE(m.email, '') AS manager_email
		FROM people p LEFT JOIN people m ON m.id = p.manager_id`).Scan(&snap.People).Error
	if err != nil {
		return nil, mapError(err)
	}
	return snap, nil
}

// OKRsForImport returns every cycle, objective, key result and alignment,
// reduced to keys and links, for the checks of an OKR file.
func (s *Store) OKRsForImport(ctx context.Context) (*importer.OKRSnapshot, error) {
	db := s.read(ctx)
	snap := &importer.OKRSnapshot{}
	for _, q := range []struct {
		sql string
		out any
	}{
		{`SELECT name, starts_on, ends_on FROM cycles`, &snap.Cycles},
		{`SELECT o.id, c.name AS cycle, o.ref
			FROM objectives o JOIN cycles c ON c.id = o.cycle_id`, &snap.Objectives},
		{`SELECT id, objective_id, ref FROM key_results`, &snap.KeyResults},
		{`SELECT objective_id,
			COALESCE(parent_objective_id, 0) AS parent_objective_id,
			COALESCE(parent_key_result_id, 0) AS parent_key_result_id
			FROM alignments`, &snap.Alignments},
	} {
		if err := db.Raw(q.sql).Scan(q.out).Error; err != nil {
			return nil, mapError(err)
		}
	}
	return snap, nil
}

// ApplyPeopleImport writes a checked people file in one transaction:
// missing teams and people are created, rows whose values differ are
// updated, and the rest are not touched. It checks again, inside the
// transaction, that every manager exists and that neither the team tree
// nor the reporting lines loop, since the data may have changed since the
// file was checked. Each row created or updated gets an audit entry,
// importPeople; unchanged rows get none.
func (s *Store) ApplyPeopleImport(
	ctx context.Context, plan *importer.PeoplePlan,
) (importer.Summary, error) {
	var sum importer.Summary
	err := s.tx(ctx, func(tx *gorm.DB) error {
		im := s.newImportTx(ctx, tx, "importPeople")
		teams, err := im.applyTeamTree(plan.Teams, &sum.Teams)
		if err != nil {
			return err
		}
		if err := im.applyPeople(plan.People, teams, &sum.People); err != nil {
			return err
		}
		if err := im.checkNoLoops("teams", "parent_id", "team tree"); err != nil {
			return err
		}
		if err := im.checkNoLoops("people", "manager_id", "reporting lines"); err != nil {
			return err
		}
		return im.log.flush()
	})
	if err != nil {
		return importer.Summary{}, err
	}
	return sum, nil
}

// importTx is one import's transaction, the time it writes as updated_at
// and the audit entries of what it changes.
type importTx struct {
	tx  *gorm.DB
	now time.Time
	log *auditBatch
	// objectives holds the OKR file's objectives created or updated, until
	// their alignment is known: the log records both in one entry.
	objectives map[int64]objectiveChange
}

// objectiveChange is an objective's row before an import (nil when the
// import creates it) and after.
type objectiveChange struct{ before, after *throughline.Objective }

func (s *Store) newImportTx(ctx context.Context, tx *gorm.DB, action string) *importTx {
	now := s.Now()
	return &importTx{tx: tx, now: now, log: newAuditBatch(ctx, tx, now, action),
		objectives: map[int64]objectiveChange{}}
}

// applyTeamTree creates the teams the file names that do not exist, parents
// first, and re-parents those the file gives another parent. It returns
// every team's ID by name.
func (im *importTx) applyTeamTree(
	want []importer.PlanTeam, n *importer.Counts,
) (map[string]int64, error) {
	ids, stored, err := loadKeyed(im.tx, func(t *throughline.Team) (string, int64) {
		return t.Name, t.ID
	})
	if err != nil {
		return nil, err
	}
	if err := im.createTeams(want, ids, n); err != nil {
		return nil, err
	}
	var changed [][]any
	for _, t := range want {
		old, ok := stored[t.Name]
		switch {
		case !ok: // created above
		case t.Parent == "" || sameRef(old.ParentID, ids[t.Parent]):
			n.Unchanged++
		default:
			changed = append(changed, []any{old.ID, ids[t.Parent]})
			im.log.add(throughline.KindTeam, old.ID, old, im.reparented(old, ids[t.Parent]))
		}
	}
	n.Updated = len(changed)
	return ids, im.setRows("teams", []string{"parent_id"}, changed)
}

// reparented is a team as the import leaves it under a new parent.
func (im *importTx) reparented(old *throughline.Team, parent int64) *throughline.Team {
	t := *old
	t.ParentID, t.UpdatedAt = &parent, im.now
	return &t
}

// createTeams inserts the teams not in ids, a new parent before its
// children, and adds their IDs to ids.
func (im *importTx) createTeams(want []importer.PlanTeam, ids map[string]int64,
	n *importer.Counts,
) error {
	fresh, index := missing(want, ids, func(t importer.PlanTeam) string { return t.Name })
	groups, err := byDepth(len(fresh), func(i int) int { return indexOr(index, fresh[i].Parent) })
	if err != nil {
		return err
	}
	for _, g := range groups {
		rows := make([]*throughline.Team, len(g))
		for k, i := range g {
			rows[k] = &throughline.Team{Name: fresh[i].Name,
				ParentID: optionalID(ids, fresh[i].Parent)}
		}
		if err := im.tx.CreateInBatches(rows, chunk).Error; err != nil {
			return conflictOn(err, "team", "a team the file names was created meanwhile; try again")
		}
		for _, r := range rows {
			ids[r.Name] = r.ID
			im.log.add(throughline.KindTeam, r.ID, nil, r)
		}
	}
	n.Created = len(fresh)
	return nil
}

// applyPeople creates the people not stored yet, managers before their
// reports, and updates those whose name, title, team or manager differ.
func (im *importTx) applyPeople(want []importer.PlanPerson, teams map[string]int64,
	n *importer.Counts,
) error {
	ids, stored, err := loadKeyed(im.tx, func(p *throughline.Person) (string, int64) {
		return p.Email, p.ID
	})
	if err != nil {
		return err
	}
	if err := im.createPeople(want, ids, teams, n); err != nil {
		return err
	}
	var changed [][]any
	var moved []managerMove
	for _, p := range want {
		old, ok := stored[p.Email]
		if !ok {
			continue // created above
		}
		row, err := personRow(p, ids, teams)
		switch {
		case err != nil:
			return err
		case samePerson(old, row):
			n.Unchanged++
		default:
			changed = append(changed, []any{old.ID, row.Name, row.Title, row.TeamID, row.ManagerID})
			row.ID, row.CreatedAt, row.UpdatedAt = old.ID, old.CreatedAt, im.now
			im.log.add(throughline.KindPerson, old.ID, old, row)
			if !sameManager(old.ManagerID, row.ManagerID) {
				moved = append(moved, managerMove{row, old.ManagerID})
			}
		}
	}
	n.Updated = len(changed)
	err = im.setRows("people", []string{"name", "title", "team_id", "manager_id"}, changed)
	if err != nil {
		return err
	}
	return im.keepHistory(moved)
}

// managerMove is a person whose manager an import changes, and the
// manager they had.
type managerMove struct {
	person *throughline.Person
	from   *int64
}

// keepHistory records the manager changes of an import in each person's
// history, from the day of the import, as a move through the API is.
func (im *importTx) keepHistory(moved []managerMove) error {
	for _, m := range moved {
		if err := keepHistory(im.tx, m.person, m.from, im.now, nil); err != nil {
			return err
		}
	}
	return nil
}

// createPeople inserts the people not in ids in groups, each group's
// managers stored before it, so that no new row needs a second write.
func (im *importTx) createPeople(want []importer.PlanPerson, ids, teams map[string]int64,
	n *importer.Counts,
) error {
	fresh, index := missing(want, ids, func(p importer.PlanPerson) string { return p.Email })
	groups, err := byDepth(len(fresh), func(i int) int {
		return indexOr(index, fresh[i].ManagerEmail)
	})
	if err != nil {
		return err
	}
	for _, g := range groups {
		if err := im.insertPeople(fresh, g, ids, teams); err != nil {
			return err
		}
	}
	n.Created = len(fresh)
	return nil
}

func (im *importTx) insertPeople(fresh []importer.PlanPerson, group []int,
	ids, teams map[string]int64,
) error {
	rows := make([]*throughline.Person, len(group))
	for k, i := range group {
		var err error
		if rows[k], err = personRow(fresh[i], ids, teams); err != nil {
			return err
		}
	}
	if err := im.tx.CreateInBatches(rows, chunk).Error; err != nil {
		return conflictOn(err, "email", "someone in the file was added meanwhile; try again")
	}
	for _, r := range rows {
		ids[r.Email] = r.ID
		im.log.add(throughline.KindPerson, r.ID, nil, r)
	}
	return nil
}

// personRow is a person as the file wants them, with team and manager
// resolved to IDs.
func personRow(p importer.PlanPerson, ids, teams map[string]int64) (*throughline.Person, error) {
	manager := optionalID(ids, p.ManagerEmail)
	if p.ManagerEmail != "" && manager == nil {
		return nil, missingManager(p)
	}
	return &throughline.Person{Email: p.Email, Name: p.Name, Title: p.Title,
		TeamID: optionalID(teams, p.Team), ManagerID: manager}, nil
}

func samePerson(a, b *throughline.Person) bool {
	return a.Name == b.Name && a.Title == b.Title &&
		sameID(a.TeamID, b.TeamID) && sameID(a.ManagerID, b.ManagerID)
}

func missingManager(p importer.PlanPerson) error {
	return throughline.FieldErrorf(throughline.ECONFLICT, "manager_email",
		"%s's manager %s is no longer stored; try again", p.Email, p.ManagerEmail)
}

// ApplyOKRImport writes a checked OKR file in one transaction: cycles and
// teams it names are created when missing, objectives and key results
// keyed by cycle and ref are created or updated where they differ, and
// each imported objective's alignments become the file's. Inside the
// transaction it checks again that owners and parents exist, that no ref
// changed its kind, and that alignment does not loop. Each row created or
// updated gets an audit entry, importOKRs, an objective's with what it
// aligns to; unchanged rows get none.
func (s *Store) ApplyOKRImport(
	ctx context.Context, plan *importer.OKRPlan,
) (importer.Summary, error) {
	var sum importer.Summary
	err := s.tx(ctx, func(tx *gorm.DB) error {
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

// checkNoLoops refuses the import when a self-referencing column (a team's
// parent, a person's manager) now leads a row back to itself.
func (im *importTx) checkNoLoops(table, column, what string) error {
	var links []struct{ ID, Parent int64 }
	err := im.tx.Raw(fmt.Sprintf("SELECT id, %s AS parent FROM %s WHERE %s IS NOT NULL",
		column, table, column)).Scan(&links).Error
	if err != nil {
		return mapError(err)
	}
	return loopError(links, what)
}

func loopError(links []struct{ ID, Parent int64 }, what string) error {
	parents := make(map[int64][]int64, len(links))
	for _, l := range links {
		parents[l.ID] = append(parents[l.ID], l.Parent)
	}
	if hasLoop(parents) {
		return throughline.Errorf(throughline.ECONFLICT,
			"the %s changed while the file was checked and would now loop; try again", what)
	}
	return nil
}

// hasLoop reports whether following parents from some node comes back to
// it, in one depth-first pass over the graph.
func hasLoop(parents map[int64][]int64) bool {
	const onPath, done = 1, 2
	state := make(map[int64]uint8, len(parents))
	var visit func(int64) bool
	visit = func(v int64) bool {
		switch state[v] {
		case onPath:
			return true
		case done:
			return false
		}
		state[v] = onPath
		for _, p := range parents[v] {
			if visit(p) {
				return true
			}
		}
		state[v] = done
		return false
	}
	for v := range parents {
		if visit(v) {
			return true
		}
	}
	return false
}

// setRows updates columns of many rows by ID, a few hundred rows per
// statement: each joins the table to a VALUES list of (id, values...), so
// an import that changes every row still costs few statements. Every row
// also gets updated_at = now. rows hold the ID first, then one value per
// column.
//
// TODO: PostgreSQL types the VALUES list as text; a PostgreSQL store needs
// casts in it (or one UPDATE per row) before it can run imports.
func (im *importTx) setRows(table string, cols []string, rows [][]any) error {
	per := max(1, 4*chunk/(len(cols)+1))
	for len(rows) > 0 {
		n := min(len(rows), per)
		if err := im.setSome(table, cols, rows[:n]); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func (im *importTx) setSome(table string, cols []string, rows [][]any) error {
	sets := make([]string, len(cols))
	for i, c := range cols {
		sets[i] = fmt.Sprintf("%s = v.column%d", c, i+2)
	}
	tuple := "(?" + strings.Repeat(", ?", len(cols)) + ")"
	values := strings.TrimSuffix(strings.Repeat(tuple+", ", len(rows)), ", ")
	sql := fmt.Sprintf("UPDATE %s SET %s, updated_at = ? FROM (VALUES %s) AS v "+
		"WHERE %s.id = v.column1", table, strings.Join(sets, ", "), values, table)
	args := make([]any, 0, 1+len(rows)*(len(cols)+1))
	args = append(args, im.now)
	for _, r := range rows {
		args = append(args, r...)
	}
	return mapError(im.tx.Exec(sql, args...).Error)
}

// byDepth groups n new rows so that each group points only at rows stored
// already or created in an earlier group; parent returns the index of the
// new row that row i points at, or -1. The checks before an import refuse
// loops, so one here means the data changed underneath.
func byDepth(n int, parent func(int) int) ([][]int, error) {
	depth := make([]int, n)
	for i := range depth {
		depth[i] = -1
	}
	var groups [][]int
	for i := range n {
		d, err := depthOf(i, parent, depth)
		if err != nil {
			return nil, err
		}
		for len(groups) <= d {
			groups = append(groups, nil)
		}
		groups[d] = append(groups[d], i)
	}
	return groups, nil
}

// depthOf walks up from row i to a row of known depth, or to the top, and
// records the depth of every row on the way.
func depthOf(i int, parent func(int) int, depth []int) (int, error) {
	var path []int
	j := i
	for j >= 0 && depth[j] < 0 {
		if len(path) > len(depth) {
			return 0, throughline.Errorf(throughline.ECONFLICT,
				"the new rows of the file point at each other in a loop")
		}
		path = append(path, j)
		j = parent(j)
	}
	d := -1
	if j >= 0 {
		d = depth[j]
	}
	for k := len(path) - 1; k >= 0; k-- {
		d++
		depth[path[k]] = d
	}
	return depth[i], nil
}

// insert stores new rows, a few hundred per statement, and sets their IDs.
func (im *importTx) insert(rows any) error {
	if reflect.ValueOf(rows).Len() == 0 {
		return nil
	}
	return mapError(im.tx.CreateInBatches(rows, chunk).Error)
}

// loadKeyed loads every row of T and returns their IDs and the rows by a
// natural key (a name or an email).
func loadKeyed[T any](tx *gorm.DB,
	key func(*T) (string, int64),
) (map[string]int64, map[string]*T, error) {
	var rows []*T
	if err := tx.Find(&rows).Error; err != nil {
		return nil, nil, mapError(err)
	}
	ids := make(map[string]int64, len(rows))
	byKey := make(map[string]*T, len(rows))
	for _, r := range rows {
		k, id := key(r)
		ids[k], byKey[k] = id, r
	}
	return ids, byKey, nil
}

// idsByName loads the IDs of the rows of T whose column (a name or an
// email) is one of names.
func idsByName[T any](db *gorm.DB, column string, names []string,
	key func(*T) (string, int64),
) (map[string]int64, error) {
	rows, err := findIn[T](db, column, names)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]int64, len(names))
	for _, r := range rows {
		k, id := key(r)
		ids[k] = id
	}
	return ids, nil
}

// missing returns the wanted items whose key has no ID yet, each once,
// and the position of each among them.
func missing[T any](want []T, ids map[string]int64,
	key func(T) string,
) ([]T, map[string]int) {
	var fresh []T
	index := map[string]int{}
	for _, w := range want {
		k := key(w)
		if _, stored := ids[k]; stored {
			continue
		}
		if _, dup := index[k]; !dup {
			index[k] = len(fresh)
			fresh = append(fresh, w)
		}
	}
	return fresh, index
}

func mapped[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// findIn loads the rows of T whose column is one of keys, in parts small
// enough for one IN list each.
func findIn[T any](db *gorm.DB, column string, keys []string) ([]*T, error) {
	var out []*T
	db = db.Session(&gorm.Session{}) // each part starts from db's conditions
	for len(keys) > 0 {
		n := min(len(keys), chunk)
		var part []*T
		if err := db.Where(column+" IN ?", keys[:n]).Find(&part).Error; err != nil {
			return nil, mapError(err)
		}
		out, keys = append(out, part...), keys[n:]
	}
	return out, nil
}

// indexOr returns the index of a key, or -1 when it is not there.
func indexOr(index map[string]int, key string) int {
	if i, ok := index[key]; ok {
		return i
	}
	return -1
}

// optionalID looks a name up; "" or an unknown name gives nil.
func optionalID(ids map[string]int64, name string) *int64 {
	if id, ok := ids[name]; ok && name != "" {
		return &id
	}
	return nil
}

func sameID(a, b *int64) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

func sameRef(a *int64, b int64) bool { return a != nil && *a == b }

func sameValue(a, b *float64) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
