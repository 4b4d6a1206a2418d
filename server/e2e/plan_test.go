package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/testserver"
)

// planAPI drives the plan and chain tests through the HTTP API: a small
// cascade, a capability the team's key result needs, a manager and a
// report, all created with the public mutations.
type planAPI struct {
	t *testing.T
	s *testserver.Server

	company, companyKR, customers     string // two company objectives
	team, teamKR, individual, indivKR string
	capability                        string
	bo, ada                           string // Ada reports to Bo
}

// planUserError is one entry of a payload's userErrors.
type planUserError struct {
	Field   []string `json:"field"`
	Message string   `json:"message"`
	Code    string   `json:"code"`
}

// newPlanAPI starts a server whose clock reads today, and builds the
// cascade: the individual objective aligns to the team's key result, and
// the team objective aligns to a company key result and to a second
// company objective.
func newPlanAPI(t *testing.T, today string) *planAPI {
	t.Helper()
	now := mustDate(t, today).Add(10 * time.Hour)
	a := &planAPI{t: t, s: testserver.Start(t, func() time.Time { return now })}
	a.create("createCycle", "cycle", map[string]any{"name": "2026-Q4"})
	a.company = a.objective("COMPANY", "Grow revenue")
	a.companyKR = a.keyResult(a.company, "Revenue reaches 10M")
	a.customers = a.objective("COMPANY", "Keep our customers")
	a.team = a.objective("TEAM", "Sell better", a.companyKR, a.customers)
	a.teamKR = a.keyResult(a.team, "Win 30% of qualified deals")
	a.individual = a.objective("INDIVIDUAL", "Ada's discovery", a.teamKR)
	a.indivKR = a.keyResult(a.individual, "Run 12 discovery calls")
	a.capability = a.create("createCapability", "capability", map[string]any{
		"name": "Discovery", "levels": []map[string]any{
			{"name": "Aware", "descriptor": "knows the questions"},
			{"name": "Practitioner", "descriptor": "runs a call with help"},
			{"name": "Expert", "descriptor": "runs any call alone"},
		},
	})
	a.create("setCapabilityRequirement", "requirement", map[string]any{
		"keyResultId": a.indivKR, "capabilityId": a.capability, "level": 3,
		"reason": "deals are won or lost in discovery",
	})
	a.bo = a.create("createPerson", "person", map[string]any{
		"email": "bo@example.com", "name": "Bo", "managerId": a.s.LeadID,
	})
	a.ada = a.create("createPerson", "person", map[string]any{
		"email": "ada@example.com", "name": "Ada", "managerId": a.bo,
	})
	return a
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// objective creates an objective of 2026-Q4 aligned to the parents given,
// each the ID of a key result or an objective.
func (a *planAPI) objective(level, title string, parents ...string) string {
	var alignTo []map[string]any
	for _, p := range parents {
		key := "objectiveId"
		if p == a.companyKR || p == a.teamKR {
			key = "keyResultId"
		}
		alignTo = append(alignTo, map[string]any{key: p})
	}
	in := map[string]any{"cycle": "2026-Q4", "level": level, "title": title}
	if alignTo != nil {
		in["alignTo"] = alignTo
	}
	return a.create("createObjective", "objective", in)
}

func (a *planAPI) keyResult(objective, title string) string {
	return a.create("createKeyResult", "keyResult", map[string]any{"objectiveId": objective, "title": title})
}

// mutate runs a mutation that takes one input of the type named after it
// and returns its payload, with the changed object's ID.
func (a *planAPI) mutate(field, object string, in map[string]any) map[string]json.RawMessage {
	a.t.Helper()
	input := strings.ToUpper(field[:1]) + field[1:] + "Input"
	query := fmt.Sprintf(`mutation($in: %s!) { %s(input: $in) {
		%s { id } userErrors { field message code } } }`, input, field, object)
	var data map[string]map[string]json.RawMessage
	a.s.MustDo(query, map[string]any{"in": in}, &data)
	return data[field]
}

// create runs a mutation that must succeed and returns the object's ID.
func (a *planAPI) create(field, object string, in map[string]any) string {
	a.t.Helper()
	p := a.mutate(field, object, in)
	if errs := string(p["userErrors"]); errs != "[]" {
		a.t.Fatalf("%s: user errors %s", field, errs)
	}
	var obj struct{ ID string }
	if err := json.Unmarshal(p[object], &obj); err != nil || obj.ID == "" {
		a.t.Fatalf("%s gave no %s: %s", field, object, p[object])
	}
	return obj.ID
}

// refused runs a mutation that must be refused with one user error of the
// code given, on the input field given.
func (a *planAPI) refused(field, object string, in map[string]any, code, inputField string) {
	a.t.Helper()
	p := a.mutate(field, object, in)
	if obj := string(p[object]); obj != "null" {
		a.t.Errorf("%s: %s = %s beside user errors, want null", field, object, obj)
	}
	var errs []planUserError
	if err := json.Unmarshal(p["userErrors"], &errs); err != nil || len(errs) != 1 {
		a.t.Fatalf("%s: userErrors = %s, want one", field, p["userErrors"])
	}
	want := []string{"input", inputField}
	if e := errs[0]; e.Code != code || !slices.Equal(e.Field, want) || e.Message == "" {
		a.t.Errorf("%s: user error %+v, want %s on %v with a message", field, e, code, want)
	}
}

// planState is what the tests read back of a plan.
type planState struct {
	Status         string
	StatusReason   string
	Version        int
	ExecutionGoals []struct{ ID, Title, State string }
	CareerGoals    []struct{ ID, Title string }
	Warnings       []struct {
		Code    string
		Message string
		Goal    *struct{ ID string }
	}
	NextCheckInDue      string
	QuarterlyReviewDue  string
	QuarterlyReviewHeld bool
}

func (a *planAPI) plan(id string) planState {
	a.t.Helper()
	var data struct{ Node planState }
	a.s.MustDo(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan {
		status statusReason version
		executionGoals { id title state }
		careerGoals { id title }
		warnings { code message goal { id } }
		nextCheckInDue quarterlyReviewDue quarterlyReviewHeld } } }`,
		map[string]any{"id": id}, &data)
	return data.Node
}

func (a *planAPI) version(plan string) int { return a.plan(plan).Version }

// executionGoal is the input of an execution goal on Ada's key result.
func (a *planAPI) executionGoal(plan, title string) map[string]any {
	return map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "EXECUTION", "title": title,
		"changeInWork": "Ada leaves each call with the budget and the decision maker",
		"keyResultId":  a.indivKR, "capabilityId": a.capability,
	}
}

func TestPlanRulesThroughTheAPI(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	a.refused("createDevelopmentPlan", "plan",
		map[string]any{"personId": a.ada, "cycle": "2031-Q1"}, "NOT_FOUND", "cycle")
	plan := a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2026-Q4"})
	a.refused("createDevelopmentPlan", "plan",
		map[string]any{"personId": a.ada, "cycle": "2026-Q4"}, "CONFLICT", "cycle")
	if p := a.plan(plan); p.Status != "ON_TRACK" || p.Version != 1 {
		t.Fatalf("new plan is %s at version %d, want ON_TRACK at 1", p.Status, p.Version)
	}

	// Two execution goals at most; a career goal needs no key result.
	a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Discovery calls"))
	unlinked := a.executionGoal(plan, "No key result")
	delete(unlinked, "keyResultId")
	a.refused("addDevelopmentGoal", "goal", unlinked, "INVALID", "keyResultId")
	second := a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Qualification"))
	a.refused("addDevelopmentGoal", "goal", a.executionGoal(plan, "A third"), "INVALID", "lane")
	a.create("addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "CAREER", "title": "Lead a sales team",
		"horizon": "2027-Q4",
	})

	// A dropped goal frees its slot.
	a.create("updateDevelopmentGoal", "goal", map[string]any{
		"id": second, "version": a.version(plan), "state": "DROPPED",
	})
	a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Proposals"))

	// An edit made on an old version is refused and changes nothing.
	p := a.plan(plan)
	a.refused("setPlanStatus", "plan", map[string]any{
		"planId": plan, "version": p.Version - 1, "status": "COMPLETED",
	}, "CONFLICT", "version")
	a.refused("setPlanStatus", "plan", map[string]any{
		"planId": plan, "version": p.Version, "status": "BLOCKED",
	}, "INVALID", "reason")
	after := a.plan(plan)
	if after.Status != "ON_TRACK" || after.Version != p.Version {
		t.Errorf("refused edits left the plan %s at version %d, want ON_TRACK at %d",
			after.Status, after.Version, p.Version)
	}
	if len(after.ExecutionGoals) != 3 || len(after.CareerGoals) != 1 {
		t.Errorf("%d execution and %d career goals, want 3 and 1",
			len(after.ExecutionGoals), len(after.CareerGoals))
	}

	a.create("setPlanStatus", "plan", map[string]any{
		"planId": plan, "version": p.Version, "status": "BLOCKED", "reason": "no calls booked",
	})
	if got := a.plan(plan); got.Status != "BLOCKED" || got.StatusReason != "no calls booked" ||
		got.Version != p.Version+1 {
		t.Errorf("plan is %s %q at version %d", got.Status, got.StatusReason, got.Version)
	}
}

func TestCheckInsThroughTheAPI(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	plan := a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2026-Q4"})
	checkIn := func(in map[string]any) string {
		in["planId"], in["version"] = plan, a.version(plan)
		return a.create("recordCheckIn", "checkIn", in)
	}
	checkIn(map[string]any{"kind": "QUARTERLY", "heldOn": "2026-10-02", "statusAfter": "ON_TRACK"})
	checkIn(map[string]any{
		"kind": "MONTHLY", "statusAfter": "BLOCKED", "statusReason": "no customer calls",
		"capabilityBuilding": "Discovery", "realWork": "Acme renewal", "stillHard": "budget questions",
		"supportNeeded": "a call to shadow", "outputImproved": "shorter notes",
		"observedChange": "SOME_IMPROVEMENT", "note": "talk about the offsite", "notePrivate": true,
	})
	checkIn(map[string]any{"kind": "MONTHLY", "heldOn": "2026-11-02", "statusAfter": "BLOCKED",
		"statusReason": "still no calls", "note": "shared with Ada"})

	var data struct {
		Node struct {
			Status   string
			CheckIns struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Nodes []struct {
					Kind, HeldOn, StatusAfter, RealWork string
					ObservedChange, Note                *string
					NotePrivate                         bool
				}
			}
		}
	}
	page := `query($id: ID!, $after: String) { node(id: $id) { ... on DevelopmentPlan {
		status
		checkIns(first: 2, after: $after) {
			totalCount pageInfo { hasNextPage endCursor }
			nodes { kind heldOn statusAfter realWork observedChange note notePrivate } } } } }`
	a.s.MustDo(page, map[string]any{"id": plan}, &data)
	c := data.Node.CheckIns
	if data.Node.Status != "BLOCKED" || c.TotalCount != 3 || !c.PageInfo.HasNextPage || len(c.Nodes) != 2 {
		t.Fatalf("plan %s, %d check-ins, first page %+v", data.Node.Status, c.TotalCount, c)
	}
	// Newest first: the check-in held today (no heldOn given) leads. Its
	// private note shows to its author, the test lead, alone.
	today, held := c.Nodes[0], c.Nodes[1]
	if today.HeldOn != "2026-11-20" || today.RealWork != "Acme renewal" || today.Note == nil ||
		*today.Note != "talk about the offsite" || !today.NotePrivate ||
		today.ObservedChange == nil || *today.ObservedChange != "SOME_IMPROVEMENT" {
		t.Errorf("newest check-in = %+v", today)
	}
	ada, err := a.s.Store.FindPersonByEmail(context.Background(), "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	asAda := a.s.As(a.s.MustToken(ada.ID, throughline.RoleEmployee))
	var adas struct {
		Node struct {
			CheckIns struct{ Nodes []struct{ Note *string } }
		}
	}
	asAda.MustDo(page, map[string]any{"id": plan}, &adas)
	if n := adas.Node.CheckIns.Nodes; len(n) != 2 || n[0].Note != nil || n[1].Note == nil {
		t.Errorf("Ada reads notes %+v, want the private one hidden and the shared one shown", n)
	}
	if held.HeldOn != "2026-11-02" || held.Note == nil || *held.Note != "shared with Ada" ||
		held.ObservedChange != nil {
		t.Errorf("second check-in = %+v", held)
	}

	a.s.MustDo(page, map[string]any{"id": plan, "after": c.PageInfo.EndCursor}, &data)
	c = data.Node.CheckIns
	if len(c.Nodes) != 1 || c.Nodes[0].Kind != "QUARTERLY" || c.PageInfo.HasNextPage {
		t.Errorf("second page = %+v, want the quarterly review alone", c)
	}

	a.refused("recordCheckIn", "checkIn", map[string]any{
		"planId": plan, "version": a.version(plan), "kind": "MONTHLY", "statusAfter": "NEEDS_RESET",
	}, "INVALID", "statusReason")
}

// A plan that breaks the rules shows it, and stops showing it once fixed.
func TestWarningsOnABrokenPlan(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	plan := a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2026-Q4"})
	goal := a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Discovery calls"))
	course := a.create("addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EDUCATION",
		"title": "Discovery workshop", "dueOn": "2026-11-01",
	})
	a.create("recordAssessment", "assessment", map[string]any{
		"personId": a.ada, "capabilityId": a.capability, "level": 1, "assessedOn": "2026-10-01",
		"evidence": []map[string]any{{"kind": "WEAK_DISCOVERY_CALL", "description": "no budget asked"}},
	})
	a.create("recordCheckIn", "checkIn", map[string]any{
		"planId": plan, "version": a.version(plan), "kind": "MONTHLY", "heldOn": "2026-10-05",
		"statusAfter": "ON_TRACK",
	})

	p := a.plan(plan)
	wantWarnings(t, p, goal, "EDUCATION_ONLY", "MONTHLY_CHECK_IN_OVERDUE", "NO_SUPPORTER",
		"QUARTERLY_REVIEW_OVERDUE")
	if p.NextCheckInDue != "2026-11-05" || p.QuarterlyReviewDue != "2026-10-22" || p.QuarterlyReviewHeld {
		t.Errorf("check-in due %s, review due %s held %v", p.NextCheckInDue, p.QuarterlyReviewDue,
			p.QuarterlyReviewHeld)
	}
	a.checkGoalDetail(goal)

	// Real work with a supporter, and the quarter's review today.
	a.create("updateDevelopmentAction", "action", map[string]any{
		"id": course, "version": a.version(plan), "supporterId": a.bo, "supporterRole": "MANAGER",
	})
	a.create("addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EXPERIENCE",
		"title": "Lead the Acme discovery call",
	})
	a.create("recordCheckIn", "checkIn", map[string]any{
		"planId": plan, "version": a.version(plan), "kind": "QUARTERLY", "statusAfter": "ON_TRACK",
	})
	p = a.plan(plan)
	wantWarnings(t, p, goal)
	if p.NextCheckInDue != "2026-12-21" || !p.QuarterlyReviewHeld {
		t.Errorf("after the review: check-in due %s, review held %v", p.NextCheckInDue, p.QuarterlyReviewHeld)
	}
}

// wantWarnings checks a plan's warning codes; those about a goal must
// name it.
func wantWarnings(t *testing.T, p planState, goal string, want ...string) {
	t.Helper()
	var got []string
	for _, w := range p.Warnings {
		got = append(got, w.Code)
		perGoal := w.Code == "EDUCATION_ONLY" || w.Code == "NO_SUPPORTER"
		if perGoal && (w.Goal == nil || w.Goal.ID != goal) {
			t.Errorf("%s names goal %v, want %s", w.Code, w.Goal, goal)
		}
		if w.Message == "" {
			t.Errorf("%s has no message", w.Code)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("warnings %v, want %v", got, want)
	}
}

// checkGoalDetail reads the goal's requirement, gap and actions: the key
// result needs level 3 and Ada was assessed at 1; the open course is past
// its due date.
func (a *planAPI) checkGoalDetail(goal string) {
	a.t.Helper()
	var data struct {
		Node struct {
			KeyResult   struct{ Title string }
			Capability  struct{ Name string }
			Requirement struct{ Level int }
			Gap         struct {
				Required, Current, Gap int
				Assessment             struct{ Level int }
			}
			Actions []struct {
				Title, Kind   string
				Overdue       bool
				SupporterRole *string
				Supporter     *struct{ Name string }
			}
		}
	}
	a.s.MustDo(`query($id: ID!) { node(id: $id) { ... on DevelopmentGoal {
		keyResult { title } capability { name } requirement { level }
		gap { required current gap assessment { level } }
		actions { title kind overdue supporterRole supporter { name } } } } }`,
		map[string]any{"id": goal}, &data)
	g := data.Node
	if g.KeyResult.Title != "Run 12 discovery calls" || g.Capability.Name != "Discovery" ||
		g.Requirement.Level != 3 {
		a.t.Errorf("goal links %+v %+v %+v", g.KeyResult, g.Capability, g.Requirement)
	}
	if g.Gap.Required != 3 || g.Gap.Current != 1 || g.Gap.Gap != 2 || g.Gap.Assessment.Level != 1 {
		a.t.Errorf("gap = %+v, want 3 - 1 = 2", g.Gap)
	}
	if len(g.Actions) != 1 || !g.Actions[0].Overdue || g.Actions[0].SupporterRole != nil ||
		g.Actions[0].Supporter != nil {
		a.t.Errorf("actions = %+v, want one overdue course without a supporter", g.Actions)
	}
}

func TestDevelopmentPlansQuery(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	plan := a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2026-Q4"})
	a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.bo, "cycle": "2026-Q4"})
	a.create("setPlanStatus", "plan", map[string]any{
		"planId": plan, "version": 1, "status": "NEEDS_RESET", "reason": "the key result moved",
	})
	tests := []struct {
		args string
		want int
	}{
		{args: `cycle: "2026-Q4"`, want: 2},
		{args: `cycle: "2026-Q4", status: NEEDS_RESET`, want: 1},
		{args: `cycle: "2030-Q1"`, want: 0},
	}
	for _, tt := range tests {
		var data struct {
			DevelopmentPlans struct {
				TotalCount int
				Nodes      []struct{ Person struct{ Name string } }
			}
		}
		a.s.MustDo(`{ developmentPlans(`+tt.args+`) { totalCount nodes { person { name } } } }`, nil, &data)
		if got := data.DevelopmentPlans; got.TotalCount != tt.want || len(got.Nodes) != tt.want {
			t.Errorf("developmentPlans(%s) = %+v, want %d", tt.args, got, tt.want)
		}
	}
}
