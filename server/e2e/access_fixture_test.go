package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/testserver"
)

// The access tests run on one small organisation. R reports to M and RR
// reports to R, so M manages R directly and RR indirectly; O, the
// outsider, reports to M2. H works in HR and A is an admin. R, RR, O and
// M each have a plan whose every piece carries a marker, such as
// "[goal RR]", so that a response shows a piece exactly when the marker
// is in it. M's own plan is there to show that a manager reads it as
// themselves and does not manage it.

// accessLine lists each person with their manager ("" for none),
// managers first.
var accessLine = [][2]string{
	{"CEO", ""}, {"M", "CEO"}, {"R", "M"}, {"RR", "R"},
	{"M2", "CEO"}, {"O", "M2"}, {"H", "CEO"}, {"A", ""},
}

// accessOwners are the people with plans.
var accessOwners = []string{"R", "RR", "O", "M"}

// privateNoteAuthor is who wrote each owner's check-ins: their manager.
var privateNoteAuthor = map[string]string{"R": "M", "RR": "R", "O": "M2", "M": "CEO"}

// accessCycle is the cycle the plans are for.
const accessCycle = "2026-Q4"

// The pieces of a plan the matrix reads. Each shows through a marker: the
// plan's status reason, the goal's and action's titles, a check-in's
// realWork, the private check-in's note and the assessment's note.
const (
	kindPlan       = "plan"
	kindGoal       = "goal"
	kindAction     = "action"
	kindCheckIn    = "check-in"
	kindPrivate    = "private check-in"
	kindNote       = "private note"
	kindAssessment = "assessment"
)

// marker is the text that shows one owner's piece of plan content.
func marker(kind, owner string) string { return "[" + kind + " " + owner + "]" }

// accessActor is one row of the matrix: a person and their token's
// roles; no person means no token at all.
type accessActor struct {
	name   string
	person string
	roles  []throughline.Role
}

var accessActors = []accessActor{
	{"M", "M", []throughline.Role{throughline.RoleManager}},
	{"M2", "M2", []throughline.Role{throughline.RoleManager}},
	{"R", "R", []throughline.Role{throughline.RoleEmployee}},
	{"RR", "RR", []throughline.Role{throughline.RoleEmployee}},
	{"H", "H", []throughline.Role{throughline.RoleHR}},
	{"A", "A", []throughline.Role{throughline.RoleAdmin}},
	{"A+HR", "A", []throughline.Role{throughline.RoleAdmin, throughline.RoleHR}},
	{"nobody", "", nil},
}

// accessOrg is the organisation on a running server, with a token per
// actor and the global IDs of everything the matrix asks for.
type accessOrg struct {
	t          *testing.T
	s          *testserver.Server
	ctx        context.Context
	cycle      *throughline.Cycle
	keyResult  *throughline.KeyResult
	capability *throughline.Capability
	people     map[string]*throughline.Person
	plans      map[string]*throughline.DevelopmentPlan // by owner
	goals      map[string]*throughline.DevelopmentGoal // by owner
	actions    map[string]*throughline.DevelopmentAction
	ids        map[string]string               // "R goal", "O person", "key result"
	tokens     map[string]string               // by actor name
	answers    map[string]*testserver.Response // reads, by token, query and variables
	tags       int
}

// newAccessOrg starts a server on 16 November 2026 and builds the
// organisation through the store.
func newAccessOrg(t *testing.T) *accessOrg {
	t.Helper()
	now := time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC)
	o := &accessOrg{
		t: t, s: testserver.Start(t, func() time.Time { return now }), ctx: context.Background(),
		people: map[string]*throughline.Person{}, plans: map[string]*throughline.DevelopmentPlan{},
		goals:   map[string]*throughline.DevelopmentGoal{},
		actions: map[string]*throughline.DevelopmentAction{},
		ids:     map[string]string{}, tokens: map[string]string{},
		answers: map[string]*testserver.Response{},
	}
	o.cycle = &throughline.Cycle{Name: accessCycle}
	o.must(o.store().CreateCycle(o.ctx, o.cycle))
	for _, p := range accessLine {
		o.mustPerson(p[0], p[1])
	}
	o.mustOKR()
	for _, owner := range accessOwners {
		o.mustPlan(owner)
	}
	o.findIDs()
	for _, a := range accessActors {
		o.tokens[a.name] = o.token(a)
	}
	return o
}

func (o *accessOrg) store() *storage.Store { return o.s.Store }

func (o *accessOrg) must(err error) {
	o.t.Helper()
	if err != nil {
		o.t.Fatalf("build the organisation: %v", err)
	}
}

func (o *accessOrg) mustPerson(name, manager string) {
	o.t.Helper()
	p := &throughline.Person{
		Email: strings.ToLower(name) + "@access.example", Name: marker("person", name),
	}
	if manager != "" {
		p.ManagerID = &o.people[manager].ID
	}
	o.must(o.store().CreatePerson(o.ctx, p))
	o.people[name] = p
}

// mustOKR makes a company objective whose key result R owns and which
// needs a capability at level 3, so that the plans' execution goals
// cover it.
func (o *accessOrg) mustOKR() {
	o.t.Helper()
	obj := &throughline.Objective{
		CycleID: o.cycle.ID, Level: throughline.LevelCompany, Title: "[objective]",
	}
	o.must(o.store().CreateObjective(o.ctx, obj, nil))
	start, target := 0.0, 12.0
	o.keyResult = &throughline.KeyResult{
		ObjectiveID: obj.ID, Title: "[key result]", OwnerID: &o.people["R"].ID,
		StartValue: &start, TargetValue: &target, Unit: "calls", Critical: true,
	}
	o.must(o.store().CreateKeyResult(o.ctx, o.keyResult))
	o.capability = &throughline.Capability{Name: "Discovery"}
	o.must(o.store().CreateCapability(o.ctx, o.capability, []*throughline.CapabilityLevel{
		{Level: 1, Name: "Aware", Descriptor: "knows the questions"},
		{Level: 2, Name: "Practitioner", Descriptor: "runs a call with help"},
		{Level: 3, Name: "Expert", Descriptor: "runs any call alone"},
	}))
	o.must(o.store().SetRequirement(o.ctx, &throughline.CapabilityRequirement{
		KeyResultID: o.keyResult.ID, CapabilityID: o.capability.ID, Level: 3,
		Reason: "deals are won in discovery",
	}))
}

// mustPlan gives an owner a plan with an execution goal and an action,
// a shared and a private check-in by their manager, an assessment, and
// a BLOCKED status whose reason is the plan's marker.
func (o *accessOrg) mustPlan(owner string) {
	o.t.Helper()
	p := &throughline.DevelopmentPlan{PersonID: o.people[owner].ID, CycleID: o.cycle.ID}
	o.must(o.store().CreatePlan(o.ctx, p))
	o.plans[owner] = p
	o.mustGoalWithAction(owner)
	author := o.people[privateNoteAuthor[owner]].ID
	o.mustCheckIn(owner, author, kindCheckIn, marker("shared note", owner), false)
	o.mustCheckIn(owner, author, kindPrivate, marker(kindNote, owner), true)
	_, err := o.store().SetPlanStatus(o.ctx, p.ID, o.version(owner),
		throughline.StatusBlocked, marker(kindPlan, owner))
	o.must(err)
	o.must(o.store().RecordAssessment(o.ctx, &throughline.Assessment{
		PersonID: o.people[owner].ID, CapabilityID: o.capability.ID, Level: 1,
		AssessedByID: &author, Note: marker(kindAssessment, owner),
	}, nil))
}

// mustGoalWithAction adds an execution goal on the key result and one
// action without a supporter, so that the plan warns about the goal.
func (o *accessOrg) mustGoalWithAction(owner string) {
	o.t.Helper()
	g := &throughline.DevelopmentGoal{
		PlanID: o.plans[owner].ID, Lane: throughline.LaneExecution,
		Title: marker(kindGoal, owner), KeyResultID: &o.keyResult.ID,
		CapabilityID: &o.capability.ID,
	}
	_, err := o.store().AddGoal(o.ctx, o.version(owner), g)
	o.must(err)
	a := &throughline.DevelopmentAction{
		GoalID: g.ID, Kind: throughline.ActionExperience, Title: marker(kindAction, owner),
	}
	o.must(o.store().AddAction(o.ctx, o.version(owner), a))
	o.goals[owner], o.actions[owner] = g, a
}

func (o *accessOrg) mustCheckIn(owner string, author int64, kind, note string, private bool) {
	o.t.Helper()
	c := &throughline.CheckIn{
		PlanID: o.plans[owner].ID, Kind: throughline.CheckInMonthly,
		HeldOn: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), AuthorID: &author,
		RealWork: marker(kind, owner), Note: note, NotePrivate: private,
		StatusAfter: throughline.StatusOnTrack,
	}
	if private {
		c.HeldOn = c.HeldOn.AddDate(0, 0, 7)
	}
	_, err := o.store().RecordCheckIn(o.ctx, o.version(owner), c)
	o.must(err)
}

// version is the owner's plan version as stored now.
func (o *accessOrg) version(owner string) int32 {
	o.t.Helper()
	p, err := o.store().FindPlanByID(o.ctx, o.plans[owner].ID)
	o.must(err)
	return p.Version
}

// token issues the actor's token; nobody has none.
func (o *accessOrg) token(a accessActor) string {
	if a.person == "" {
		return ""
	}
	return o.s.MustToken(o.people[a.person].ID, a.roles...)
}

const accessIDsQuery = `query($email: String!, $cycle: String!) {
  person(email: $email) {
    id
    plan(cycle: $cycle) {
      id
      executionGoals { id actions { id } }
      checkIns { nodes { id notePrivate } }
    }
    assessments { nodes { id } }
  }
  keyResults(cycle: $cycle) { nodes { id objective { id } } }
  capabilities { nodes { id } }
}`

// ownerIDs is the answer to accessIDsQuery.
type ownerIDs struct {
	Person struct {
		ID   string
		Plan struct {
			ID             string
			ExecutionGoals []struct {
				ID      string
				Actions []struct{ ID string }
			}
			CheckIns struct {
				Nodes []struct {
					ID          string
					NotePrivate bool
				}
			}
		}
		Assessments struct{ Nodes []struct{ ID string } }
	}
	KeyResults struct {
		Nodes []struct {
			ID        string
			Objective struct{ ID string }
		}
	}
	Capabilities struct{ Nodes []struct{ ID string } }
}

// findIDs learns the global IDs as the test lead, who holds HR and so
// reads every plan.
func (o *accessOrg) findIDs() {
	o.t.Helper()
	for _, owner := range accessOwners {
		var v ownerIDs
		o.s.MustDo(accessIDsQuery, map[string]any{
			"email": o.people[owner].Email, "cycle": accessCycle,
		}, &v)
		o.keepIDs(owner, v)
	}
}

func (o *accessOrg) keepIDs(owner string, v ownerIDs) {
	o.t.Helper()
	p := v.Person.Plan
	if len(p.ExecutionGoals) != 1 || len(p.ExecutionGoals[0].Actions) != 1 ||
		len(p.CheckIns.Nodes) != 2 || len(v.Person.Assessments.Nodes) != 1 ||
		len(v.KeyResults.Nodes) != 1 || len(v.Capabilities.Nodes) != 1 {
		o.t.Fatalf("the lead reads %s's plan as %+v, want every piece", owner, v)
	}
	o.ids[owner+" person"] = v.Person.ID
	o.ids[owner+" "+kindPlan] = p.ID
	o.ids[owner+" "+kindGoal] = p.ExecutionGoals[0].ID
	o.ids[owner+" "+kindAction] = p.ExecutionGoals[0].Actions[0].ID
	o.ids[owner+" "+kindAssessment] = v.Person.Assessments.Nodes[0].ID
	for _, c := range p.CheckIns.Nodes {
		if c.NotePrivate {
			o.ids[owner+" "+kindPrivate], o.ids[owner+" "+kindNote] = c.ID, c.ID
		} else {
			o.ids[owner+" "+kindCheckIn] = c.ID
		}
	}
	o.ids["key result"] = v.KeyResults.Nodes[0].ID
	o.ids["objective"] = v.KeyResults.Nodes[0].Objective.ID
	o.ids["capability"] = v.Capabilities.Nodes[0].ID
}

// personID finds anyone's global ID as the test lead.
func (o *accessOrg) personID(name string) string {
	o.t.Helper()
	var v struct{ Person struct{ ID string } }
	o.s.MustDo(`query($e: String!) { person(email: $e) { id } }`,
		map[string]any{"e": o.people[name].Email}, &v)
	return v.Person.ID
}

// ask sends a read as an actor; the same read is sent once per actor.
func (o *accessOrg) ask(actor, query string, vars map[string]any) *testserver.Response {
	o.t.Helper()
	key, _ := json.Marshal([]any{actor, query, vars})
	if r, ok := o.answers[string(key)]; ok {
		return r
	}
	r := o.s.As(o.tokens[actor]).Do(query, vars)
	o.answers[string(key)] = r
	return r
}

// tag makes a text no other write uses, so that a write's effect is
// recognisably its own.
func (o *accessOrg) tag(actor, what string) string {
	o.tags++
	return fmt.Sprintf("%s/%s/%d", actor, what, o.tags)
}

// problems sums up what a response reports wrong, for failure messages.
func problems(r *testserver.Response) string {
	if r.Status != 200 || len(r.Errors) > 0 {
		return fmt.Sprintf("status %d: %s", r.Status, oneLine(r.Body, 200))
	}
	return oneLine(string(r.Data), 200)
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		return s[:max] + "..."
	}
	return s
}
