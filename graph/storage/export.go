package storage

import (
	"context"
	"database/sql/driver"
	"fmt"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/exchange"
)

// Store implements the exchange package's interfaces: it dumps the whole
// database for an export, and imports a whole export in one transaction.
var (
	_ exchange.Dumper = (*Store)(nil)
	_ exchange.Store  = (*Store)(nil)
	_ exchange.Tx     = (*Store)(nil)
)

// Dump reads every record an export carries, each table in the order its
// rows were made, all in one read transaction: the export of a server
// that keeps serving is the database as of one moment.
func (s *Store) Dump(ctx context.Context) (*exchange.Dump, error) {
	d := &exchange.Dump{}
	tables := []struct {
		rows  any
		order string
	}{
		{&d.Cycles, "id"}, {&d.Teams, "id"}, {&d.People, "id"},
		{&d.Objectives, "id"}, {&d.Alignments, "id"}, {&d.KeyResults, "id"},
		{&d.Progress, "id"}, {&d.Capabilities, "id"}, {&d.Levels, "capability_id, level"},
		{&d.Requirements, "id"}, {&d.Assessments, "id"}, {&d.Evidence, "id"},
		{&d.Plans, "id"}, {&d.Goals, "id"}, {&d.Actions, "id"}, {&d.CheckIns, "id"},
	}
	err := s.snapshot(ctx, func(db *gorm.DB) error {
		for _, t := range tables {
			if err := db.Order(t.order).Find(t.rows).Error; err != nil {
				return mapError(err)
			}
		}
		return dumpHandovers(db, d)
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// snapshot runs fn on one connection inside a read transaction, so that
// every query of fn sees the database as of one moment while writers
// carry on. It is begun by hand (dialect.beginSnapshot): on SQLite the
// store's own transactions take the write lock, which a long read must
// not hold.
func (s *Store) snapshot(ctx context.Context, fn func(db *gorm.DB) error) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("storage: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, s.dia.beginSnapshot()); err != nil {
		return fmt.Errorf("storage: begin a read: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
			// A connection still inside a transaction must not go back
			// to the pool: ErrBadConn makes database/sql close it.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	db := s.db.Session(&gorm.Session{NewDB: true, Context: ctx})
	db.Statement.ConnPool = conn
	return fn(db)
}

// ImportTransaction runs fn on a store bound to one transaction: the
// importer's and ApplyGraph's own transactions become savepoints in it,
// so that a whole export is written or nothing is.
func (s *Store) ImportTransaction(ctx context.Context, fn func(exchange.Tx) error) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return fn(&Store{db: tx, dia: s.dia, now: s.now})
	})
}

// HoldsData reports whether the database holds any cycle, team, person or
// capability: anything a whole export would clash with. Tokens do not
// count, so that the bootstrap admin token does not stand in the way.
func (s *Store) HoldsData(ctx context.Context) (bool, error) {
	var held bool
	err := s.read(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM cycles)
		OR EXISTS (SELECT 1 FROM teams) OR EXISTS (SELECT 1 FROM people)
		OR EXISTS (SELECT 1 FROM capabilities)`).Scan(&held).Error
	return held, mapError(err)
}

// ApplyGraph writes what a graph document holds beyond the people and
// OKR files, which must be imported already: the references of the
// document are resolved against them. A reference that names nothing is
// reported with its field (every one of the first kind of record that
// has any) and nothing is written. Each record it creates or changes gets
// an audit entry, importAll; the manager history, which the API does not
// log either, gets none. A document of format version 2 or later brings
// the whole manager history: it replaces the stints the people file made.
func (s *Store) ApplyGraph(ctx context.Context, g *exchange.Graph) (exchange.Summary, error) {
	var sum exchange.Summary
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardTeamTree, guardAlignment); err != nil {
			return err
		}
		sum = exchange.Summary{}
		w := &graphWriter{tx: tx, sum: &sum, log: s.newAuditBatch(ctx, tx, s.Now(), "importAll")}
		if err := w.loadKeys(); err != nil {
			return err
		}
		return w.write(g)
	})
	if err != nil {
		return exchange.Summary{}, err
	}
	return sum, nil
}

// graphWriter writes one graph document in the caller's transaction. It
// keeps the ID of every record by its natural key, and the problems found
// resolving keys.
type graphWriter struct {
	tx  *gorm.DB
	sum *exchange.Summary
	p   throughline.Problems
	log *auditBatch

	people, teams, cycles, capabilities map[string]int64
	objectives, keyResults              map[exchange.Ref]int64
	levels                              map[int64]throughline.ObjectiveLevel
	handovers                           []*throughline.Handover // as the document lists them
}

// write runs the steps in an order where each finds what it refers to,
// and stops at the first step with a problem.
func (w *graphWriter) write(g *exchange.Graph) error {
	steps := []func(*exchange.Graph) error{
		w.writeCycles, w.writeTeams, w.writeObjectives, w.writeKeyResults,
		w.writeCapabilities, w.writeRequirements, w.writeAssessments, w.writePlans,
		w.writeDepartures, w.writeHandovers, w.writeDrafts, w.writeHistory, w.writeRhythm,
	}
	for _, step := range steps {
		if err := step(g); err != nil {
			return err
		}
		if err := w.p.Err(); err != nil {
			return err
		}
	}
	return w.log.flush()
}

// keyRow is a record's ID and natural key, as loadKeys reads them.
type keyRow struct {
	ID    int64
	Key   string
	Cycle string
	Level throughline.ObjectiveLevel
}

func (w *graphWriter) loadKeys() error {
	var err error
	load := func(sql string) map[string]int64 {
		var rows []keyRow
		if err == nil {
			err = w.tx.Raw(sql).Scan(&rows).Error
		}
		m := make(map[string]int64, len(rows))
		for _, r := range rows {
			m[r.Key] = r.ID
		}
		return m
	}
	w.people = load(`SELECT id, email AS key FROM people`)
	w.teams = load(`SELECT id, name AS key FROM teams`)
	w.cycles = load(`SELECT id, name AS key FROM cycles`)
	w.capabilities = load(`SELECT id, name AS key FROM capabilities`)
	if err != nil {
		return mapError(err)
	}
	return w.loadRefs()
}

// loadRefs loads the objectives and key results that have refs, by cycle
// and ref, and the level of each objective.
func (w *graphWriter) loadRefs() error {
	var objs, krs []keyRow
	err := w.tx.Raw(`SELECT o.id, c.name AS cycle, o.ref AS key, o.level
		FROM objectives o JOIN cycles c ON c.id = o.cycle_id`).Scan(&objs).Error
	if err == nil {
		err = w.tx.Raw(`SELECT k.id, c.name AS cycle, k.ref AS key FROM key_results k
			JOIN objectives o ON o.id = k.objective_id JOIN cycles c ON c.id = o.cycle_id
			WHERE k.ref <> ''`).Scan(&krs).Error
	}
	if err != nil {
		return mapError(err)
	}
	w.objectives = map[exchange.Ref]int64{}
	w.levels = map[int64]throughline.ObjectiveLevel{}
	for _, o := range objs {
		w.levels[o.ID] = o.Level
		if o.Key != "" {
			w.objectives[exchange.Ref{Cycle: o.Cycle, Ref: o.Key}] = o.ID
		}
	}
	w.keyResults = map[exchange.Ref]int64{}
	for _, k := range krs {
		w.keyResults[exchange.Ref{Cycle: k.Cycle, Ref: k.Key}] = k.ID
	}
	return nil
}

// lookup returns the ID of the record key names, or records a problem on
// field, saying what was looked for, and returns 0.
func lookup[K comparable](w *graphWriter, ids map[K]int64, field string, key K,
	format string, args ...any,
) int64 {
	id, ok := ids[key]
	if !ok {
		w.p.Add(field, format, args...)
	}
	return id
}

func (w *graphWriter) person(field, email string) int64 {
	return lookup(w, w.people, field, email, "nobody has the email %q", email)
}

// optionalPerson returns nil for no email.
func (w *graphWriter) optionalPerson(field, email string) *int64 {
	if email == "" {
		return nil
	}
	id := w.person(field, email)
	return &id
}

func (w *graphWriter) capability(field, name string) int64 {
	return lookup(w, w.capabilities, field, name, "no capability is named %q", name)
}

func (w *graphWriter) keyResult(field string, r exchange.Ref) int64 {
	return lookup(w, w.keyResults, field, r,
		"no key result in cycle %q has the ref %q", r.Cycle, r.Ref)
}

// exec runs a statement of the import and maps its error.
func (w *graphWriter) exec(sql string, args ...any) error {
	return mapError(w.tx.Exec(sql, args...).Error)
}

// insertAll stores new rows, a few hundred per statement, sets their IDs
// and adds their number to n.
func insertAll[T any](tx *gorm.DB, rows []*T, n *int) error {
	if len(rows) == 0 {
		return nil
	}
	if err := tx.CreateInBatches(rows, chunk).Error; err != nil {
		return mapError(err)
	}
	*n += len(rows)
	return nil
}

// insertLogged is insertAll with an audit entry for each new row, of the
// kind given.
func insertLogged[T any](w *graphWriter, kind string, rows []*T, id func(*T) int64,
	n *int,
) error {
	if err := insertAll(w.tx, rows, n); err != nil {
		return err
	}
	for _, r := range rows {
		w.log.add(kind, id(r), nil, r)
	}
	return nil
}

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

// writeCapabilities stores the framework: each capability, then every
// level of every scale.
func (w *graphWriter) writeCapabilities(g *exchange.Graph) error {
	rows := make([]*throughline.Capability, len(g.Capabilities))
	for i, c := range g.Capabilities {
		rows[i] = &throughline.Capability{Name: c.Name, Description: c.Description,
			CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	}
	if err := insertAll(w.tx, rows, &w.sum.Capabilities); err != nil {
		return conflictOn(err, "capabilities", "a capability of the file exists already")
	}
	var all []*throughline.CapabilityLevel
	for i, c := range g.Capabilities {
		w.capabilities[c.Name] = rows[i].ID
		scale := make([]*throughline.CapabilityLevel, len(c.Levels))
		for j, l := range c.Levels {
			scale[j] = &throughline.CapabilityLevel{CapabilityID: rows[i].ID,
				Level: l.Level, Name: l.Name, Descriptor: l.Descriptor}
		}
		all = append(all, scale...)
		w.log.add(throughline.KindCapability, rows[i].ID, nil,
			&capabilityState{Capability: rows[i], Levels: scale})
	}
	var n int
	return insertAll(w.tx, all, &n)
}

func (w *graphWriter) writeRequirements(g *exchange.Graph) error {
	rows := make([]*throughline.CapabilityRequirement, len(g.Requirements))
	for i, r := range g.Requirements {
		path := fmt.Sprintf("requirements[%d]", i)
		rows[i] = &throughline.CapabilityRequirement{
			KeyResultID:  w.keyResult(path+".keyResult", r.KeyResult),
			CapabilityID: w.capability(path+".capability", r.Capability),
			Level:        r.Level, Reason: r.Reason, CreatedAt: r.CreatedAt,
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	err := insertLogged(w, throughline.KindRequirement, rows,
		func(r *throughline.CapabilityRequirement) int64 { return r.ID }, &w.sum.Requirements)
	return conflictOn(err, "requirements", "a key result needs a capability twice")
}

// writeAssessments stores the assessments in the document's order, which
// keeps the later of two on the same day the current one, then their
// evidence.
func (w *graphWriter) writeAssessments(g *exchange.Graph) error {
	rows := make([]*throughline.Assessment, len(g.Assessments))
	for i, a := range g.Assessments {
		path := fmt.Sprintf("assessments[%d]", i)
		rows[i] = &throughline.Assessment{
			PersonID:     w.person(path+".person", a.Person),
			CapabilityID: w.capability(path+".capability", a.Capability),
			AssessedByID: w.optionalPerson(path+".assessedBy", a.AssessedBy),
			Level:        a.Level, AssessedOn: a.AssessedOn.Time, Note: a.Note,
			CreatedAt: a.CreatedAt,
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	if err := insertAll(w.tx, rows, &w.sum.Assessments); err != nil {
		return err
	}
	var all []*throughline.Evidence
	states := make([]*assessmentState, len(rows))
	for i, a := range g.Assessments {
		states[i] = &assessmentState{Assessment: rows[i],
			Evidence: make([]*throughline.Evidence, len(a.Evidence))}
		for j, e := range a.Evidence {
			states[i].Evidence[j] = &throughline.Evidence{AssessmentID: rows[i].ID,
				Kind: e.Kind, Description: e.Description, ObservedOn: e.ObservedOn.TimePtr()}
		}
		all = append(all, states[i].Evidence...)
	}
	if err := insertAll(w.tx, all, &w.sum.Evidence); err != nil {
		return err
	}
	for _, st := range states {
		w.log.add(throughline.KindAssessment, st.ID, nil, st) // with the evidence's IDs
	}
	return nil
}

// writePlans stores the plans at the versions they had, then their goals,
// the goals' actions, and the check-ins.
func (w *graphWriter) writePlans(g *exchange.Graph) error {
	plans := make([]*throughline.DevelopmentPlan, len(g.Plans))
	for i, p := range g.Plans {
		path := fmt.Sprintf("plans[%d]", i)
		plans[i] = &throughline.DevelopmentPlan{
			PersonID: w.person(path+".person", p.Person),
			CycleID: lookup(w, w.cycles, path+".cycle", p.Cycle,
				"no cycle is named %q", p.Cycle),
			Status: p.Status, StatusReason: p.StatusReason, Version: p.Version,
			CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	err := insertLogged(w, throughline.KindPlan, plans,
		func(p *throughline.DevelopmentPlan) int64 { return p.ID }, &w.sum.Plans)
	if err != nil {
		return conflictOn(err, "plans", "a person has two plans for one cycle")
	}
	if err := w.writeGoals(g, plans); err != nil {
		return err
	}
	return w.writeCheckIns(g, plans)
}

func (w *graphWriter) writeGoals(g *exchange.Graph, plans []*throughline.DevelopmentPlan) error {
	var goals []*throughline.DevelopmentGoal
	var paths []string // each goal's path in the document, in the order of goals
	var actions [][]exchange.Action
	for i, p := range g.Plans {
		for j, goal := range p.Goals {
			path := fmt.Sprintf("plans[%d].goals[%d]", i, j)
			goals = append(goals, w.goal(path, plans[i].ID, goal))
			paths, actions = append(paths, path), append(actions, goal.Actions)
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	if err := w.insertGoals(g, plans, goals, paths); err != nil || len(w.p) > 0 {
		return err
	}
	var rows []*throughline.DevelopmentAction
	for k, list := range actions {
		for m, a := range list {
			field := fmt.Sprintf("%s.actions[%d].supporter", paths[k], m)
			rows = append(rows, &throughline.DevelopmentAction{GoalID: goals[k].ID,
				Kind: a.Kind, Title: a.Title, SupporterID: w.optionalPerson(field, a.Supporter),
				SupporterRole: a.SupporterRole, DueOn: a.DueOn.TimePtr(),
				DoneOn: a.DoneOn.TimePtr(), Outcome: a.Outcome,
				CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt})
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	return insertLogged(w, throughline.KindAction, rows,
		func(a *throughline.DevelopmentAction) int64 { return a.ID }, &w.sum.Actions)
}

func (w *graphWriter) goal(path string, planID int64,
	g exchange.Goal,
) *throughline.DevelopmentGoal {
	row := &throughline.DevelopmentGoal{PlanID: planID, Lane: g.Lane, Title: g.Title,
		ChangeInWork: g.ChangeInWork, TargetLevel: g.TargetLevel, Horizon: g.Horizon,
		State: g.State, CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt}
	if g.KeyResult != nil {
		id := w.keyResult(path+".keyResult", *g.KeyResult)
		row.KeyResultID = &id
	}
	if g.Capability != "" {
		id := w.capability(path+".capability", g.Capability)
		row.CapabilityID = &id
	}
	return row
}

func (w *graphWriter) writeCheckIns(g *exchange.Graph, plans []*throughline.DevelopmentPlan) error {
	var rows []*throughline.CheckIn
	for i, p := range g.Plans {
		for j, c := range p.CheckIns {
			author := w.optionalPerson(fmt.Sprintf("plans[%d].checkIns[%d].author", i, j), c.Author)
			rows = append(rows, &throughline.CheckIn{PlanID: plans[i].ID, Kind: c.Kind,
				HeldOn: c.HeldOn.Time, AuthorID: author, CapabilityBuilding: c.CapabilityBuilding,
				RealWork: c.RealWork, StillHard: c.StillHard, SupportNeeded: c.SupportNeeded,
				OutputImproved: c.OutputImproved, ObservedChange: c.ObservedChange,
				StatusAfter: c.StatusAfter, StatusReason: c.StatusReason, Note: c.Note,
				NotePrivate: c.NotePrivate, CreatedAt: c.CreatedAt})
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	return insertLogged(w, throughline.KindCheckIn, rows,
		func(c *throughline.CheckIn) int64 { return c.ID }, &w.sum.CheckIns)
}
