package e2e_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/testserver"
)

// The access matrix: every actor against every piece of every plan, by
// every path that reaches it, and every mutation. The tables below state
// the policy; the tests hold the server to them. A cell fails as
// "M2 reads R's check-in via node: leaked" or
// "M setPlanStatus on R's plan: refused".

// readsPlanOf states whose plan content each actor reads: HR everyone's
// (with or without ADMIN), a manager their direct and indirect reports'
// and their own, an employee their own. ADMIN alone reads none.
var readsPlanOf = map[string][]string{
	"M": {"R", "RR", "M"}, "M2": {"O"}, "R": {"R"}, "RR": {"RR"},
	"H": accessOwners, "A+HR": accessOwners,
}

// readsPrivateNoteOf states whose private check-in note each actor
// reads: only its author, M on R's plan and M2 on O's. R wrote the note
// on RR's plan but holds an employee token, which does not reach RR's;
// the CEO's note on M's plan is hidden from M.
var readsPrivateNoteOf = map[string][]string{"M": {"R"}, "M2": {"O"}}

// readsAuditOf states whose plan content each actor reads in the audit
// log: HR only, since admins read no plan content. Private notes are
// kept out of the log altogether.
var readsAuditOf = map[string][]string{"H": accessOwners, "A+HR": accessOwners}

// editsPlanOf states whose plans each actor changes: managers above the
// person only, so not M's own. HR reads but does not edit; employees
// update only their actions.
var editsPlanOf = map[string][]string{"M": {"R", "RR"}, "M2": {"O"}}

// updatesActionsOf adds the person themselves to those who edit a plan.
var updatesActionsOf = map[string][]string{
	"M": {"R", "RR", "M"}, "M2": {"O"}, "R": {"R"}, "RR": {"RR"},
}

// assesses states whom each actor assesses: managers their reports, and
// HR everyone, as the keepers of the capability framework.
var assesses = map[string][]string{
	"M": {"R", "RR"}, "M2": {"O"}, "H": accessOwners, "A+HR": accessOwners,
}

// signedIn is everyone with a token: OKRs and people are theirs to read.
var signedIn = []string{"M", "M2", "R", "RR", "H", "A", "A+HR"}

// contentFragment selects each kind's marker on whatever node it is.
const contentFragment = `
fragment content on Node {
  ... on DevelopmentPlan { statusReason }
  ... on DevelopmentGoal { title }
  ... on DevelopmentAction { title }
  ... on CheckIn { realWork checkInNote: note }
  ... on Assessment { note }
  ... on Objective { title }
  ... on KeyResult { title }
  ... on Person { name }
}`

// readPath is one way to reach plan content: a query, the kinds of
// content it shows, and whose reading rule applies.
type readPath struct {
	name  string
	kinds []string
	query string
	vars  func(o *accessOrg, owner, kind string) map[string]any
	// rule gives whose content of a kind an actor reads by this path;
	// nil is the plan rule.
	rule func(actor, kind string) []string
	// counts is set when the answer holds a totalCount that must not
	// count what the actor may not read.
	counts bool
}

var allKinds = []string{
	kindPlan, kindGoal, kindAction, kindCheckIn, kindPrivate, kindNote, kindAssessment,
}

var planKinds = []string{kindPlan, kindGoal, kindAction, kindCheckIn, kindPrivate, kindNote}

func byObject(o *accessOrg, owner, kind string) map[string]any {
	return map[string]any{"id": o.ids[owner+" "+kind]}
}

func byEmail(o *accessOrg, owner, _ string) map[string]any {
	return map[string]any{"email": o.people[owner].Email, "cycle": accessCycle}
}

func byPerson(o *accessOrg, owner, _ string) map[string]any {
	return map[string]any{"person": o.ids[owner+" person"], "cycle": accessCycle}
}

func byCycle(*accessOrg, string, string) map[string]any {
	return map[string]any{"cycle": accessCycle}
}

func byKeyResult(o *accessOrg, _, _ string) map[string]any {
	return map[string]any{"id": o.ids["key result"]}
}

func byAction(o *accessOrg, owner, _ string) map[string]any {
	return map[string]any{"id": o.ids[owner+" "+kindAction]}
}

func byCheckIn(o *accessOrg, owner, _ string) map[string]any {
	return map[string]any{"id": o.ids[owner+" "+kindCheckIn]}
}

func noVars(*accessOrg, string, string) map[string]any { return nil }

// planRule is the reading rule of plan content.
func planRule(actor, kind string) []string {
	if kind == kindNote {
		return readsPrivateNoteOf[actor]
	}
	return readsPlanOf[actor]
}

func auditRule(actor, kind string) []string {
	if kind == kindNote {
		return nil
	}
	return readsAuditOf[actor]
}

var readPaths = []readPath{
	{name: "node", kinds: allKinds, vars: byObject,
		query: `query($id: ID!) { node(id: $id) { id ...content } }` + contentFragment},
	{name: "nodes", kinds: allKinds, vars: byObject,
		query: `query($id: ID!) { nodes(ids: [$id]) { id ...content } }` + contentFragment},
	{name: "Person.plan", kinds: planKinds, vars: byEmail,
		query: `query($email: String!, $cycle: String!) {
		  person(email: $email) { plan(cycle: $cycle) {
		    statusReason
		    executionGoals { title actions { title } }
		    checkIns { totalCount nodes { realWork note } edges { node { realWork note } } }
		  } } }`},
	{name: "PlanWarning.goal", kinds: []string{kindGoal}, vars: byEmail,
		query: `query($email: String!, $cycle: String!) {
		  person(email: $email) { plan(cycle: $cycle) { warnings { goal { title } } } } }`},
	{name: "DevelopmentGoal.gap", kinds: []string{kindAssessment}, vars: byEmail,
		query: `query($email: String!, $cycle: String!) {
		  person(email: $email) { plan(cycle: $cycle) {
		    executionGoals { gap { assessment { note } } } } } }`},
	{name: "Person.assessments", kinds: []string{kindAssessment}, vars: byEmail, counts: true,
		query: `query($email: String!) { person(email: $email) {
		  assessments { totalCount nodes { note } edges { node { note } } } } }`},
	{name: "chain", kinds: allKinds, vars: byPerson,
		query: `query($person: ID!, $cycle: String) { chain(personId: $person, cycle: $cycle) {
		  plan { statusReason }
		  goals { goal { title gap { assessment { note } } } actions { title }
		    latestCheckIns { realWork note } } } }`},
	{name: "developmentPlans", kinds: planKinds, vars: byCycle,
		query: `query($cycle: String) { developmentPlans(cycle: $cycle) {
		  nodes { statusReason executionGoals { title actions { title } }
		    checkIns { nodes { realWork note } } }
		  edges { node { statusReason } } } }`},
	{name: "KeyResult.capabilityCoverage.goals", vars: byKeyResult,
		kinds: []string{kindPlan, kindGoal, kindAction, kindAssessment},
		query: `query($id: ID!) { node(id: $id) { ... on KeyResult { capabilityCoverage {
		  goals { nodes { title plan { statusReason } actions { title } gap { assessment { note } } } }
		} } } }`},
	{name: "DevelopmentAction.goal", vars: byAction,
		kinds: []string{kindPlan, kindGoal, kindCheckIn, kindPrivate, kindNote},
		query: `query($id: ID!) { node(id: $id) { ... on DevelopmentAction { goal {
		  title plan { statusReason checkIns { nodes { realWork note } } } } } } }`},
	{name: "CheckIn.plan", vars: byCheckIn, kinds: []string{kindPlan, kindGoal, kindAction},
		query: `query($id: ID!) { node(id: $id) { ... on CheckIn { plan {
		  statusReason executionGoals { title actions { title } } } } } }`},
	{name: "auditLog", kinds: allKinds, vars: noVars, rule: auditRule,
		query: `{ auditLog(first: 100) { nodes { before after } } }`},
}

// accessWrite is one mutation of the matrix: who may make it, its input,
// and a probe of the rows it changes, read from the store. An allowed
// write must leave its tag in the probe; a refused one must leave the
// probe as it was.
type accessWrite struct {
	name  string
	may   map[string][]string // actor → owners ("" for writes on no plan)
	input func(o *accessOrg, owner, tag string) map[string]any
	probe func(o *accessOrg, owner, tag string) string
}

var planWrites = []accessWrite{
	{"setPlanStatus", editsPlanOf, setStatusInput, planProbe},
	{"addDevelopmentGoal", editsPlanOf, addGoalInput, goalsProbe},
	{"updateDevelopmentGoal", editsPlanOf, updateGoalInput, goalProbe},
	{"addDevelopmentAction", editsPlanOf, addActionInput, actionsProbe},
	{"updateDevelopmentAction", updatesActionsOf, updateActionInput, actionProbe},
	{"recordCheckIn", editsPlanOf, checkInInput, checkInsProbe},
	{"recordAssessment", assesses, assessmentInput, assessmentsProbe},
	{"createDevelopmentPlan", editsPlanOf, createPlanInput, newPlanProbe},
}

// globalWrites change no plan. R owns the key result, so R and the
// managers above R record its progress, as do those who manage data:
// admins and HR. Only admins issue tokens.
var globalWrites = []accessWrite{
	{"recordProgress", actorsMay("M", "R", "H", "A", "A+HR"), progressInput, progressProbe},
	{"createObjective", actorsMay("H", "A", "A+HR"), objectiveInput, objectivesProbe},
	{"createCapability", actorsMay("H", "A", "A+HR"), capabilityInput, capabilitiesProbe},
	{"updatePerson", actorsMay("H", "A", "A+HR"), personInput, personProbe},
	{"createToken", actorsMay("A", "A+HR"), tokenInput, tokensProbe},
}

func actorsMay(actors ...string) map[string][]string {
	m := map[string][]string{}
	for _, a := range actors {
		m[a] = []string{""}
	}
	return m
}

func TestAccessMatrix(t *testing.T) {
	o := newAccessOrg(t)
	cells := o.readMatrix() + o.signedInMatrix() + o.planCountMatrix()

	// Writes last: they change what the reads above look for.
	cells += o.writeMatrix()
	t.Logf("access matrix: %d actors, %d cells", len(accessActors), cells)
}

// allows states whether an actor reads a kind of an owner's content by
// this path.
func (p readPath) allows(actor, owner, kind string) bool {
	rule := p.rule
	if rule == nil {
		rule = planRule
	}
	return slices.Contains(rule(actor, kind), owner)
}

func (o *accessOrg) readMatrix() int {
	cells := 0
	for _, a := range accessActors {
		for _, owner := range accessOwners {
			for _, p := range readPaths {
				for _, kind := range p.kinds {
					o.readCell(a, p, owner, kind, p.allows(a.name, owner, kind))
					cells++
				}
			}
		}
	}
	return cells
}

// readCell reads one kind of one owner's content by one path.
func (o *accessOrg) readCell(a accessActor, p readPath, owner, kind string, allowed bool) {
	o.t.Helper()
	r := o.ask(a.name, p.query, p.vars(o, owner, kind))
	shown := strings.Contains(string(r.Data), marker(kind, owner))
	if p.counts && !allowed && counted(r) {
		shown = true
	}
	cell := fmt.Sprintf("%s reads %s's %s via %s", a.name, owner, kind, p.name)
	o.judgeRead(cell, a, r, shown, allowed)
}

// counted reports whether an answer counts anything in a totalCount.
func counted(r *testserver.Response) bool {
	d := string(r.Data)
	return strings.Contains(d, `"totalCount":`) && !strings.Contains(d, `"totalCount":0`)
}

func (o *accessOrg) judgeRead(cell string, a accessActor, r *testserver.Response,
	shown, allowed bool,
) {
	o.t.Helper()
	switch {
	case a.person == "" && r.Status != http.StatusUnauthorized:
		o.t.Errorf("%s: answered %d without a token, want 401", cell, r.Status)
	case shown && !allowed:
		o.t.Errorf("%s: leaked", cell)
	case !shown && allowed:
		o.t.Errorf("%s: refused (%s)", cell, problems(r))
	}
}

// signedInMatrix reads the OKR and a person, which every signed-in
// person reads, by node, nodes and the lists that hold them.
func (o *accessOrg) signedInMatrix() int {
	type object struct{ name, id, marker, list string }
	objects := []object{
		{"the objective", o.ids["objective"], "[objective]",
			`{ objectives(cycle: "2026-Q4") { nodes { title } } }`},
		{"the key result", o.ids["key result"], "[key result]",
			`{ keyResults(cycle: "2026-Q4") { nodes { title } } }`},
		{"O's person", o.ids["O person"], marker("person", "O"),
			`{ person(email: "o@access.example") { name } }`},
	}
	cells := 0
	for _, a := range accessActors {
		allowed := slices.Contains(signedIn, a.name)
		for _, obj := range objects {
			for _, p := range readPaths[:2] {
				r := o.ask(a.name, p.query, map[string]any{"id": obj.id})
				cell := fmt.Sprintf("%s reads %s via %s", a.name, obj.name, p.name)
				o.judgeRead(cell, a, r, strings.Contains(string(r.Data), obj.marker), allowed)
			}
			r := o.ask(a.name, obj.list, nil)
			cell := fmt.Sprintf("%s reads %s via its list", a.name, obj.name)
			o.judgeRead(cell, a, r, strings.Contains(string(r.Data), obj.marker), allowed)
			cells += 3
		}
	}
	return cells
}

// planCountMatrix holds developmentPlans' totalCount to the plans each
// actor reads: a count of plans one may not read tells of them.
func (o *accessOrg) planCountMatrix() int {
	for _, a := range accessActors {
		o.planCountCell(a, len(readsPlanOf[a.name]))
	}
	return len(accessActors)
}

func (o *accessOrg) planCountCell(a accessActor, want int) {
	o.t.Helper()
	var v struct{ DevelopmentPlans struct{ TotalCount int } }
	r := o.ask(a.name, `{ developmentPlans { totalCount } }`, nil)
	_ = json.Unmarshal(r.Data, &v)
	got := v.DevelopmentPlans.TotalCount
	cell := a.name + " counts plans via developmentPlans.totalCount"
	switch {
	case a.person == "" && r.Status != http.StatusUnauthorized:
		o.t.Errorf("%s: answered %d without a token, want 401", cell, r.Status)
	case got > want:
		o.t.Errorf("%s: leaked (%d, want %d)", cell, got, want)
	case got < want:
		o.t.Errorf("%s: refused (%d, want %d; %s)", cell, got, want, problems(r))
	}
}

func (o *accessOrg) writeMatrix() int {
	cells := 0
	for _, a := range accessActors {
		for _, w := range planWrites {
			for _, owner := range accessOwners {
				o.writeCell(a, w, owner, slices.Contains(w.may[a.name], owner))
				cells++
			}
		}
		for _, w := range globalWrites {
			o.writeCell(a, w, "", slices.Contains(w.may[a.name], ""))
			cells++
		}
	}
	return cells
}

// writeCell makes one write as an actor and checks its effect in the
// store: an allowed write must take effect and report no problem; a
// refused one must leave the rows as they were.
func (o *accessOrg) writeCell(a accessActor, w accessWrite, owner string, allowed bool) {
	o.t.Helper()
	tag := o.tag(a.name, w.name)
	in := w.input(o, owner, tag)
	before := w.probe(o, owner, tag)
	r := o.s.As(o.tokens[a.name]).Do(mutationFor(w.name), map[string]any{"input": in})
	after := w.probe(o, owner, tag)
	cell := a.name + " " + w.name
	if owner != "" {
		cell += " on " + owner + "'s plan"
	}
	switch {
	case a.person == "" && r.Status != http.StatusUnauthorized:
		o.t.Errorf("%s: answered %d without a token, want 401", cell, r.Status)
	case !allowed && after != before:
		o.t.Errorf("%s: changed the database (%s, was %s)", cell, after, before)
	case allowed && !strings.Contains(after, tag):
		o.t.Errorf("%s: refused (%s)", cell, problems(r))
	case allowed && !succeeded(r, w.name):
		o.t.Errorf("%s: took effect but reported %s", cell, problems(r))
	}
}

// mutationFor is the document of a mutation that takes an input named
// after it.
func mutationFor(name string) string {
	input := strings.ToUpper(name[:1]) + name[1:] + "Input"
	return fmt.Sprintf(`mutation($input: %s!) { %s(input: $input) {
		userErrors { field message code } } }`, input, name)
}

// succeeded reports whether a mutation's answer has no error and no user
// error.
func succeeded(r *testserver.Response, field string) bool {
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		return false
	}
	var data map[string]struct{ UserErrors []json.RawMessage }
	if err := json.Unmarshal(r.Data, &data); err != nil {
		return false
	}
	p, ok := data[field]
	return ok && len(p.UserErrors) == 0
}

// The inputs of the writes. Each carries the version stored now, so that
// a refusal is about access and never about a stale version.

func setStatusInput(o *accessOrg, owner, tag string) map[string]any {
	return map[string]any{
		"planId": o.ids[owner+" "+kindPlan], "version": o.version(owner),
		"status": "NEEDS_RESET", "reason": tag,
	}
}

func addGoalInput(o *accessOrg, owner, tag string) map[string]any {
	return map[string]any{
		"planId": o.ids[owner+" "+kindPlan], "version": o.version(owner),
		"lane": "CAREER", "title": tag, "horizon": "2027-Q4",
	}
}

func updateGoalInput(o *accessOrg, owner, tag string) map[string]any {
	return map[string]any{
		"id": o.ids[owner+" "+kindGoal], "version": o.version(owner), "changeInWork": tag,
	}
}

func addActionInput(o *accessOrg, owner, tag string) map[string]any {
	return map[string]any{
		"goalId": o.ids[owner+" "+kindGoal], "version": o.version(owner),
		"kind": "EXPOSURE", "title": tag,
	}
}

func updateActionInput(o *accessOrg, owner, tag string) map[string]any {
	return map[string]any{
		"id": o.ids[owner+" "+kindAction], "version": o.version(owner), "outcome": tag,
	}
}

func checkInInput(o *accessOrg, owner, tag string) map[string]any {
	return map[string]any{
		"planId": o.ids[owner+" "+kindPlan], "version": o.version(owner),
		"kind": "MONTHLY", "statusAfter": "ON_TRACK", "note": tag,
	}
}

func assessmentInput(o *accessOrg, owner, tag string) map[string]any {
	return map[string]any{
		"personId": o.ids[owner+" person"], "capabilityId": o.ids["capability"],
		"level": 2, "note": tag,
	}
}

// createPlanInput makes a cycle of its own for the plan, since a person
// has one plan per cycle.
func createPlanInput(o *accessOrg, owner, tag string) map[string]any {
	o.t.Helper()
	c := &throughline.Cycle{
		Name: tag, StartsOn: mustDate(o.t, "2027-01-01"), EndsOn: mustDate(o.t, "2027-03-31"),
	}
	o.must(o.store().CreateCycle(o.ctx, c))
	return map[string]any{"personId": o.ids[owner+" person"], "cycle": tag}
}

func progressInput(o *accessOrg, _, tag string) map[string]any {
	return map[string]any{"keyResultId": o.ids["key result"], "value": 3, "note": tag}
}

func objectiveInput(_ *accessOrg, _, tag string) map[string]any {
	return map[string]any{"cycle": accessCycle, "level": "TEAM", "title": tag}
}

func capabilityInput(_ *accessOrg, _, tag string) map[string]any {
	return map[string]any{"name": tag, "levels": []map[string]any{
		{"name": "Aware", "descriptor": "knows it"}, {"name": "Able", "descriptor": "does it"},
	}}
}

func personInput(o *accessOrg, _, tag string) map[string]any {
	return map[string]any{"id": o.ids["O person"], "title": tag}
}

func tokenInput(o *accessOrg, _, tag string) map[string]any {
	return map[string]any{"personId": o.ids["O person"], "roles": []string{"EMPLOYEE"}, "label": tag}
}

// The probes: what each write would change, read from the store.

func planProbe(o *accessOrg, owner, _ string) string {
	p, err := o.store().FindPlanByID(o.ctx, o.plans[owner].ID)
	o.must(err)
	return fmt.Sprintf("v%d %s %q", p.Version, p.Status, p.StatusReason)
}

func goalsProbe(o *accessOrg, owner, _ string) string {
	goals, err := o.store().FindGoals(o.ctx, o.plans[owner].ID)
	o.must(err)
	titles := make([]string, len(goals))
	for i, g := range goals {
		titles[i] = g.Title
	}
	return fmt.Sprintf("v%d goals %q", o.version(owner), titles)
}

func goalProbe(o *accessOrg, owner, _ string) string {
	g, err := o.store().FindGoalByID(o.ctx, o.goals[owner].ID)
	o.must(err)
	return fmt.Sprintf("v%d changeInWork %q", o.version(owner), g.ChangeInWork)
}

func actionsProbe(o *accessOrg, owner, _ string) string {
	actions, err := o.store().FindActions(o.ctx, o.goals[owner].ID)
	o.must(err)
	titles := make([]string, len(actions))
	for i, a := range actions {
		titles[i] = a.Title
	}
	return fmt.Sprintf("v%d actions %q", o.version(owner), titles)
}

func actionProbe(o *accessOrg, owner, _ string) string {
	a, err := o.store().FindActionByID(o.ctx, o.actions[owner].ID)
	o.must(err)
	return fmt.Sprintf("v%d outcome %q", o.version(owner), a.Outcome)
}

func checkInsProbe(o *accessOrg, owner, _ string) string {
	p, err := o.store().FindCheckIns(o.ctx, o.plans[owner].ID, throughline.PageRequest{First: 100})
	o.must(err)
	notes := make([]string, len(p.Items))
	for i, c := range p.Items {
		notes[i] = c.Note
	}
	return fmt.Sprintf("v%d check-ins %q", o.version(owner), notes)
}

func assessmentsProbe(o *accessOrg, owner, _ string) string {
	f := throughline.AssessmentFilter{PersonID: &o.people[owner].ID, AllVersions: true}
	p, err := o.store().FindAssessments(o.ctx, f, throughline.PageRequest{First: 100})
	o.must(err)
	notes := make([]string, len(p.Items))
	for i, a := range p.Items {
		notes[i] = a.Note
	}
	return fmt.Sprintf("assessments %q", notes)
}

func newPlanProbe(o *accessOrg, owner, tag string) string {
	c, err := o.store().FindCycleByName(o.ctx, tag)
	o.must(err)
	_, err = o.store().FindPlanFor(o.ctx, o.people[owner].ID, c.ID)
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return "no plan"
	}
	o.must(err)
	return "a plan in " + tag
}

func progressProbe(o *accessOrg, _, _ string) string {
	p, err := o.store().FindProgressUpdates(o.ctx, o.keyResult.ID,
		throughline.PageRequest{First: 100})
	o.must(err)
	notes := make([]string, len(p.Items))
	for i, u := range p.Items {
		notes[i] = u.Note
	}
	return fmt.Sprintf("progress %q", notes)
}

func objectivesProbe(o *accessOrg, _, _ string) string {
	f := throughline.ObjectiveFilter{CycleID: &o.cycle.ID}
	p, err := o.store().FindObjectives(o.ctx, f, throughline.PageRequest{First: 100})
	o.must(err)
	titles := make([]string, len(p.Items))
	for i, obj := range p.Items {
		titles[i] = obj.Title
	}
	return fmt.Sprintf("objectives %q", titles)
}

func capabilitiesProbe(o *accessOrg, _, _ string) string {
	p, err := o.store().FindCapabilities(o.ctx, throughline.PageRequest{First: 100})
	o.must(err)
	names := make([]string, len(p.Items))
	for i, c := range p.Items {
		names[i] = c.Name
	}
	return fmt.Sprintf("capabilities %q", names)
}

func personProbe(o *accessOrg, _, _ string) string {
	p, err := o.store().FindPersonByID(o.ctx, o.people["O"].ID)
	o.must(err)
	return fmt.Sprintf("title %q", p.Title)
}

func tokensProbe(o *accessOrg, _, _ string) string {
	p, err := o.store().FindTokens(o.ctx, throughline.PageRequest{First: 100})
	o.must(err)
	labels := make([]string, len(p.Items))
	for i, t := range p.Items {
		labels[i] = t.Label
	}
	return fmt.Sprintf("tokens %q", labels)
}
