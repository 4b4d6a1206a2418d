package e2e_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/testserver"
)

// reviewAPI is the planAPI with tokens for the people in it.
type reviewAPI struct {
	*planAPI
}

func newReviewAPI(t *testing.T, today string) *reviewAPI {
	t.Helper()
	return &reviewAPI{planAPI: newPlanAPI(t, today)}
}

// as signs in as the person with an email, holding roles.
func (a *reviewAPI) as(email string, roles ...throughline.Role) *testserver.Server {
	a.t.Helper()
	p, err := a.s.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		a.t.Fatal(err)
	}
	return a.s.As(a.s.MustToken(p.ID, roles...))
}

// person creates someone reporting to manager, a global ID.
func (a *reviewAPI) person(email, name, manager string) string {
	return a.create("createPerson", "person", map[string]any{
		"email": email, "name": name, "managerId": manager,
	})
}

func (a *reviewAPI) newPlan(person string) string {
	return a.create("createDevelopmentPlan", "plan",
		map[string]any{"personId": person, "cycle": "2026-Q4"})
}

func (a *reviewAPI) checkIn(plan, kind, heldOn string) {
	a.create("recordCheckIn", "checkIn", map[string]any{
		"planId": plan, "version": a.version(plan), "kind": kind, "heldOn": heldOn,
		"statusAfter": "ON_TRACK",
	})
}

// The two lanes of a plan read side by side in one query: each execution
// goal with its capability, gap, assessment and evidence, key result and
// progress, and actions by kind with supporter and dates; each career goal
// with its horizon.
func TestTwoLanePlanReadsSideBySide(t *testing.T) {
	a := newReviewAPI(t, "2026-11-20")
	plan := a.newPlan(a.ada)
	goal := a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Discovery calls"))
	a.create("addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EXPERIENCE",
		"title": "Lead the Acme discovery call", "supporterId": a.bo, "supporterRole": "MANAGER",
		"dueOn": "2026-12-10",
	})
	a.create("addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EXPOSURE",
		"title": "Shadow Bo on two calls", "dueOn": "2026-11-01",
	})
	a.create("recordAssessment", "assessment", map[string]any{
		"personId": a.ada, "capabilityId": a.capability, "level": 1, "assessedOn": "2026-10-01",
		"evidence": []map[string]any{{"kind": "WEAK_DISCOVERY_CALL", "description": "no budget asked"}},
	})
	a.create("recordProgress", "keyResult", map[string]any{"keyResultId": a.indivKR, "done": true})
	a.create("addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "CAREER", "title": "Lead a sales team",
		"horizon": "2027-Q4", "changeInWork": "Ada coaches two new sellers",
	})

	var data struct{ Node twoLanes }
	a.s.MustDo(twoLaneQuery, map[string]any{"id": plan}, &data)
	got, _ := json.Marshal(data.Node)
	want := `{"Cycle":{"Name":"2026-Q4"},"ExecutionGoals":[{"Title":"Discovery calls",` +
		`"ChangeInWork":"Ada leaves each call with the budget and the decision maker",` +
		`"Capability":{"Name":"Discovery"},` +
		`"KeyResult":{"Title":"Run 12 discovery calls","Progress":1},` +
		`"Gap":{"Required":3,"Current":1,"Gap":2,"Assessment":{"Level":1,` +
		`"Evidence":[{"Kind":"WEAK_DISCOVERY_CALL","Description":"no budget asked"}]}},` +
		`"Actions":[{"Kind":"EXPERIENCE","Title":"Lead the Acme discovery call",` +
		`"Supporter":{"Name":"Bo"},"SupporterRole":"MANAGER","DueOn":"2026-12-10",` +
		`"DoneOn":null,"Overdue":false},{"Kind":"EXPOSURE","Title":"Shadow Bo on two calls",` +
		`"Supporter":null,"SupporterRole":null,"DueOn":"2026-11-01","DoneOn":null,` +
		`"Overdue":true}]}],"CareerGoals":[{"Title":"Lead a sales team","Horizon":"2027-Q4",` +
		`"ChangeInWork":"Ada coaches two new sellers","State":"ACTIVE","CarriedFrom":null}]}`
	if string(got) != want {
		t.Errorf("two lanes =\n%s\nwant\n%s", got, want)
	}
}

const twoLaneQuery = `query($id: ID!) { node(id: $id) { ... on DevelopmentPlan {
	cycle { name }
	executionGoals {
		title changeInWork capability { name } keyResult { title progress }
		gap { required current gap assessment { level evidence { kind description } } }
		actions { kind title supporter { name } supporterRole dueOn doneOn overdue }
	}
	careerGoals { title horizon changeInWork state carriedFrom { id } } } } }`

type twoLanes struct {
	Cycle          struct{ Name string }
	ExecutionGoals []struct {
		Title, ChangeInWork string
		Capability          struct{ Name string }
		KeyResult           struct {
			Title    string
			Progress float64
		}
		Gap struct {
			Required, Current, Gap int
			Assessment             struct {
				Level    int
				Evidence []struct{ Kind, Description string }
			}
		}
		Actions []struct {
			Kind, Title   string
			Supporter     *struct{ Name string }
			SupporterRole *string
			DueOn, DoneOn *string
			Overdue       bool
		}
	}
	CareerGoals []struct {
		Title, Horizon, ChangeInWork, State string
		CarriedFrom                         *struct{ ID string }
	}
}

// cyclePlan is Ada's plan of a cycle as the review tests read it.
type cyclePlan struct {
	ID, Status, StatusReason string
	Version                  int
	Cycle                    struct{ Name string }
	ExecutionGoals           []reviewGoal
	CareerGoals              []reviewGoal
	CheckIns                 struct {
		Nodes []struct {
			Kind, CapabilityBuilding, StillHard, StatusAfter string
			Author                                           struct{ Name string }
		}
	}
}

type reviewGoal struct {
	ID, Title, State string
	KeyResult        *struct{ ID string }
	CarriedFrom      *struct{ ID string }
}

const cyclePlanFields = `id status statusReason version cycle { name }
	executionGoals { id title state keyResult { id } carriedFrom { id } }
	careerGoals { id title state keyResult { id } carriedFrom { id } }
	checkIns { nodes { kind capabilityBuilding stillHard statusAfter author { name } } }`

// planOf finds Ada's plan in a cycle.
func (a *reviewAPI) planOf(cycle string) cyclePlan {
	a.t.Helper()
	var data struct {
		DevelopmentPlans struct{ Nodes []cyclePlan }
	}
	a.s.MustDo(`query($c: String) { developmentPlans(cycle: $c) { nodes { `+cyclePlanFields+
		` } } }`, map[string]any{"c": cycle}, &data)
	if n := data.DevelopmentPlans.Nodes; len(n) != 1 {
		a.t.Fatalf("%d plans in %s, want Ada's alone", len(n), cycle)
	}
	return data.DevelopmentPlans.Nodes[0]
}

// nextQuarterKR makes a key result of 2027-Q1, which must exist first.
func (a *reviewAPI) nextQuarterKR() string {
	o := a.create("createObjective", "objective", map[string]any{
		"cycle": "2027-Q1", "level": "COMPANY", "title": "Grow again",
	})
	return a.keyResult(o, "Win 35% of qualified deals")
}

const holdReview = `mutation($in: HoldQuarterlyReviewInput!) { holdQuarterlyReview(input: $in) {
	plan { ` + cyclePlanFields + ` }
	checkIn { kind heldOn }
	userErrors { field message code } } }`

type heldReviewPayload struct {
	Plan    *cyclePlan
	CheckIn *struct{ Kind, HeldOn string }
	Errors  []planUserError `json:"userErrors"`
}

func TestNewCycleWaitsForItsQuarterlyReview(t *testing.T) {
	a := newReviewAPI(t, "2026-12-20")
	old := a.newPlan(a.ada)
	discovery := a.create("addDevelopmentGoal", "goal", a.executionGoal(old, "Discovery calls"))
	proposals := a.create("addDevelopmentGoal", "goal", a.executionGoal(old, "Proposals"))
	career := a.create("addDevelopmentGoal", "goal", map[string]any{
		"planId": old, "version": a.version(old), "lane": "CAREER", "title": "Lead a sales team",
		"horizon": "2027-Q4",
	})

	// HR opens the quarter: Ada's new plan waits for its review.
	var opened struct {
		Cycle       struct{ Name, StartsOn, EndsOn string }
		PlansOpened int
	}
	a.s.MustMutate("openCycle", `mutation { openCycle(input: {name: "2027-Q1"}) {
		cycle { name startsOn endsOn } plansOpened userErrors { field message } } }`, nil, &opened)
	if opened.Cycle.StartsOn != "2027-01-01" || opened.Cycle.EndsOn != "2027-03-31" ||
		opened.PlansOpened != 1 {
		t.Fatalf("openCycle = %+v, want 2027-Q1 with one plan", opened)
	}
	next := a.planOf("2027-Q1")
	if next.Status != "NEEDS_RESET" ||
		next.StatusReason != "the quarterly review for 2027-Q1 has not been held" ||
		len(next.CareerGoals) != 1 || next.CareerGoals[0].CarriedFrom == nil ||
		next.CareerGoals[0].CarriedFrom.ID != career || len(next.ExecutionGoals) != 0 {
		t.Fatalf("new plan before the review = %+v", next)
	}
	kr := a.nextQuarterKR()
	review := map[string]any{
		"planId": old, "version": a.version(old), "cycle": "2027-Q1",
		"decisions": []map[string]any{
			{"goalId": discovery, "decision": "CARRY_OVER", "keyResultId": kr},
			{"goalId": proposals, "decision": "CLOSE_ACHIEVED"},
		},
		"capabilityBuilding": "Discovery", "stillHard": "budget questions",
		"observedChange": "SOME_IMPROVEMENT",
	}

	// Ada may read her plan but not hold her own review.
	r := a.as("ada@example.com", throughline.RoleEmployee, throughline.RoleManager).
		Do(holdReview, map[string]any{"in": review})
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHORIZED" {
		t.Errorf("Ada holding her own review: %s", r.Body)
	}

	// A decision left out is named, and nothing changes.
	bo := a.as("bo@example.com", throughline.RoleManager)
	missing := map[string]any{}
	for k, v := range review {
		missing[k] = v
	}
	missing["decisions"] = review["decisions"].([]map[string]any)[:1]
	var refused struct{ HoldQuarterlyReview heldReviewPayload }
	bo.MustDo(holdReview, map[string]any{"in": missing}, &refused)
	if p := refused.HoldQuarterlyReview; p.Plan != nil || len(p.Errors) != 1 ||
		!slices.Equal(p.Errors[0].Field, []string{"input", "decisions"}) ||
		!strings.Contains(p.Errors[0].Message, `"Proposals"`) {
		t.Errorf("review without a decision on Proposals: %+v", p)
	}
	if p := a.planOf("2027-Q1"); p.Status != "NEEDS_RESET" || p.Version != next.Version {
		t.Errorf("a refused review moved the new plan to %s v%d", p.Status, p.Version)
	}

	// Bo, Ada's manager, holds it.
	var held struct{ HoldQuarterlyReview heldReviewPayload }
	bo.MustDo(holdReview, map[string]any{"in": review}, &held)
	h := held.HoldQuarterlyReview
	if len(h.Errors) != 0 || h.Plan == nil || h.CheckIn == nil {
		t.Fatalf("holdQuarterlyReview = %+v", h)
	}
	wantReviewed(t, *h.Plan, next.ID, discovery, career, kr)
	if h.CheckIn.Kind != "QUARTERLY" || h.CheckIn.HeldOn != "2026-12-20" {
		t.Errorf("review check-in = %+v", h.CheckIn)
	}
	states := map[string]string{}
	for _, g := range a.planOf("2026-Q4").ExecutionGoals {
		states[g.ID] = g.State
	}
	if states[proposals] != "ACHIEVED" || states[discovery] != "ACTIVE" {
		t.Errorf("old goals after the review: %v", states)
	}
}

// wantReviewed checks the new plan after its review: on track, discovery
// carried to the new key result, the career goal carried once, and the
// review as a QUARTERLY check-in by Bo.
func wantReviewed(t *testing.T, p cyclePlan, id, discovery, career, kr string) {
	t.Helper()
	if p.ID != id || p.Status != "ON_TRACK" || p.StatusReason != "" || p.Cycle.Name != "2027-Q1" {
		t.Errorf("new plan %s is %s %q in %s", p.ID, p.Status, p.StatusReason, p.Cycle.Name)
	}
	if g := p.ExecutionGoals; len(g) != 1 || g[0].Title != "Discovery calls" ||
		g[0].CarriedFrom == nil || g[0].CarriedFrom.ID != discovery ||
		g[0].KeyResult == nil || g[0].KeyResult.ID != kr || g[0].State != "ACTIVE" {
		t.Errorf("execution goals = %+v, want Discovery calls carried to %s", g, kr)
	}
	if g := p.CareerGoals; len(g) != 1 || g[0].CarriedFrom == nil || g[0].CarriedFrom.ID != career {
		t.Errorf("career goals = %+v, want the one carried", g)
	}
	c := p.CheckIns.Nodes
	if len(c) != 1 || c[0].Kind != "QUARTERLY" || c[0].CapabilityBuilding != "Discovery" ||
		c[0].StillHard != "budget questions" || c[0].StatusAfter != "ON_TRACK" ||
		c[0].Author.Name != "Bo" {
		t.Errorf("check-ins = %+v, want Bo's review", c)
	}
}

type rhythmView struct {
	MonthlyEveryDays, ReviewWindowDays, ReviewLeadDays int
}

func TestHRChangesTheReviewRhythm(t *testing.T) {
	a := newReviewAPI(t, "2026-11-20")
	plan := a.newPlan(a.ada)
	a.checkIn(plan, "MONTHLY", "2026-11-01")
	due := func() (string, bool, string, bool) {
		var data struct {
			Node struct {
				NextCheckInDue, QuarterlyReviewDue     string
				CheckInOverdue, QuarterlyReviewOverdue bool
			}
		}
		a.s.MustDo(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan {
			nextCheckInDue checkInOverdue quarterlyReviewDue quarterlyReviewOverdue } } }`,
			map[string]any{"id": plan}, &data)
		n := data.Node
		return n.NextCheckInDue, n.CheckInOverdue, n.QuarterlyReviewDue, n.QuarterlyReviewOverdue
	}
	if c, late, r, rLate := due(); c != "2026-12-02" || late || r != "2026-10-22" || !rLate {
		t.Fatalf("default rhythm: check-in %s late %v, review %s late %v", c, late, r, rLate)
	}

	set := `mutation($in: SetReviewRhythmInput!) { setReviewRhythm(input: $in) {
		rhythm { monthlyEveryDays reviewWindowDays reviewLeadDays }
		userErrors { field message code } } }`
	in := map[string]any{"monthlyEveryDays": 14, "reviewWindowDays": 60, "reviewLeadDays": 7}
	r := a.as("bo@example.com", throughline.RoleManager).Do(set, map[string]any{"in": in})
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHORIZED" {
		t.Errorf("a manager setting the rhythm: %s", r.Body)
	}
	var bad struct {
		SetReviewRhythm struct{ UserErrors []planUserError }
	}
	a.s.MustDo(set, map[string]any{"in": map[string]any{
		"monthlyEveryDays": 3, "reviewWindowDays": 60, "reviewLeadDays": 7}}, &bad)
	if e := bad.SetReviewRhythm.UserErrors; len(e) != 1 ||
		!slices.Equal(e[0].Field, []string{"input", "monthlyEveryDays"}) {
		t.Errorf("a check-in every 3 days: %+v", e)
	}

	var got struct{ Rhythm rhythmView }
	a.s.MustMutate("setReviewRhythm", set, map[string]any{"in": in}, &got)
	var read struct{ ReviewRhythm rhythmView }
	a.s.MustDo(`{ reviewRhythm { monthlyEveryDays reviewWindowDays reviewLeadDays } }`, nil, &read)
	want := rhythmView{14, 60, 7}
	if got.Rhythm != want || read.ReviewRhythm != want {
		t.Errorf("rhythm set %+v, read %+v, want %+v", got.Rhythm, read.ReviewRhythm, want)
	}
	if c, late, r, rLate := due(); c != "2026-11-15" || !late || r != "2026-11-30" || rLate {
		t.Errorf("HR's rhythm: check-in %s late %v, review %s late %v", c, late, r, rLate)
	}
}

type dueView struct {
	Person                                 struct{ Name string }
	Plan                                   *struct{ ID string }
	NextCheckInDue, QuarterlyReviewDue     *string
	CheckInOverdue, QuarterlyReviewOverdue bool
	Direct                                 bool
}

// dueTeam is Bo's team on 20 November: every plan had its review on 2
// October; Cy's last check-in was then, Di's (Cy's report) on 10
// October, Ed's on 25 October and Ada's on 15 November. Fay has no plan.
func dueTeam(t *testing.T) *reviewAPI {
	a := newReviewAPI(t, "2026-11-20")
	cy := a.person("cy@example.com", "Cy", a.bo)
	people := map[string]string{"Ada": a.ada, "Cy": cy,
		"Di": a.person("di@example.com", "Di", cy), "Ed": a.person("ed@example.com", "Ed", a.bo)}
	a.person("fay@example.com", "Fay", a.bo)
	last := map[string]string{"Ada": "2026-11-15", "Di": "2026-10-10", "Ed": "2026-10-25"}
	for name, id := range people {
		plan := a.newPlan(id)
		a.checkIn(plan, "QUARTERLY", "2026-10-02")
		if day, ok := last[name]; ok {
			a.checkIn(plan, "MONTHLY", day)
		}
	}
	return a
}

func TestDueCheckInsMostOverdueFirst(t *testing.T) {
	a := dueTeam(t)
	bo := a.as("bo@example.com", throughline.RoleManager)
	query := `query($i: Boolean, $w: Int) { dueCheckIns(includeIndirect: $i, withinDays: $w) {
		totalCount nodes { person { name } plan { id } nextCheckInDue checkInOverdue
		quarterlyReviewDue quarterlyReviewOverdue direct } } }`
	ask := func(vars map[string]any) []dueView {
		var data struct {
			DueCheckIns struct {
				TotalCount int
				Nodes      []dueView
			}
		}
		bo.MustDo(query, vars, &data)
		if n := len(data.DueCheckIns.Nodes); n != data.DueCheckIns.TotalCount {
			t.Errorf("%v: %d on the first page of %d", vars, n, data.DueCheckIns.TotalCount)
		}
		return data.DueCheckIns.Nodes
	}
	names := func(ds []dueView) string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Person.Name)
		}
		return strings.Join(out, ",")
	}

	direct := ask(nil)
	if got := names(direct); got != "Fay,Cy,Ed" {
		t.Fatalf("direct reports due within a week: %s, want Fay,Cy,Ed", got)
	}
	fay, cy, ed := direct[0], direct[1], direct[2]
	if fay.Plan != nil || fay.QuarterlyReviewDue == nil || *fay.QuarterlyReviewDue != "2026-10-22" ||
		!fay.QuarterlyReviewOverdue || fay.NextCheckInDue != nil || !fay.Direct {
		t.Errorf("Fay, with no plan, = %+v", fay)
	}
	if cy.Plan == nil || *cy.NextCheckInDue != "2026-11-02" || !cy.CheckInOverdue ||
		cy.QuarterlyReviewDue != nil || cy.QuarterlyReviewOverdue {
		t.Errorf("Cy = %+v", cy)
	}
	if *ed.NextCheckInDue != "2026-11-25" || ed.CheckInOverdue {
		t.Errorf("Ed = %+v", ed)
	}
	all := ask(map[string]any{"i": true})
	if got := names(all); got != "Fay,Cy,Di,Ed" || all[2].Direct {
		t.Errorf("with indirect reports: %s (Di direct: %v), want Fay,Cy,Di,Ed", got, all[2].Direct)
	}
	if got := names(ask(map[string]any{"i": true, "w": 30})); got != "Fay,Cy,Di,Ed,Ada" {
		t.Errorf("within 30 days: %s", got)
	}
	r := a.as("ada@example.com", throughline.RoleEmployee).Do(query, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHORIZED" {
		t.Errorf("an employee asking for due check-ins: %s", r.Body)
	}
}

const resetFeed = `mutation { resetCalendarFeed { feed { path } userErrors { message } } }`

func TestCalendarFeedBehindAResettableSecret(t *testing.T) {
	a := dueTeam(t)
	bo := a.as("bo@example.com", throughline.RoleManager)
	reset := func() string {
		var p struct{ Feed struct{ Path string } }
		bo.MustMutate("resetCalendarFeed", resetFeed, nil, &p)
		if !regexp.MustCompile(`^/calendar/[A-Za-z0-9_-]{40,}\.ics$`).MatchString(p.Feed.Path) {
			t.Fatalf("feed path %q", p.Feed.Path)
		}
		return p.Feed.Path
	}
	first := reset()
	body := fetchFeed(t, a.s.URL+first, http.StatusOK)
	wantFeed(t, body)
	if again := fetchFeed(t, a.s.URL+first, http.StatusOK); uids(again) != uids(body) {
		t.Errorf("UIDs changed between fetches:\n%s\n%s", uids(body), uids(again))
	}

	second := reset()
	fetchFeed(t, a.s.URL+first, http.StatusNotFound)
	fetchFeed(t, a.s.URL+second, http.StatusOK)
	fetchFeed(t, a.s.URL+"/calendar/tlcal_unknown.ics", http.StatusNotFound)
	fetchFeed(t, a.s.URL+strings.TrimSuffix(second, ".ics"), http.StatusNotFound)

	r := a.as("ada@example.com", throughline.RoleEmployee).Do(resetFeed, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "UNAUTHORIZED" {
		t.Errorf("an employee resetting a feed: %s", r.Body)
	}
}

// fetchFeed gets a feed with no token, as a calendar app does.
func fetchFeed(t *testing.T, url string, status int) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != status {
		t.Fatalf("GET %s: %d, want %d", url, res.StatusCode, status)
	}
	if status == http.StatusOK && res.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Errorf("Content-Type %q", res.Header.Get("Content-Type"))
	}
	return string(body)
}

// wantFeed checks a feed of Bo's direct reports: CRLF lines of at most 75
// octets, and an event for each check-in and review due.
func wantFeed(t *testing.T, body string) {
	t.Helper()
	if !strings.HasPrefix(body, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") ||
		!strings.HasSuffix(body, "END:VCALENDAR\r\n") {
		t.Fatalf("not a calendar:\n%s", body)
	}
	for i, line := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		if len(line) > 75 || strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d breaks RFC 5545: %q", i+1, line)
		}
	}
	unfolded := strings.ReplaceAll(body, "\r\n ", "")
	for _, want := range []string{
		"SUMMARY:Monthly check-in with Cy\r\n",
		"DTSTART;VALUE=DATE:20261102\r\n",
		"SUMMARY:Monthly check-in with Ada\r\n",
		"DTSTART;VALUE=DATE:20261216\r\n",
		"SUMMARY:Quarterly review with Fay\r\n",
		"DTSTAMP:20261120T100000Z\r\n",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("feed lacks %q:\n%s", want, unfolded)
		}
	}
	if n := strings.Count(body, "BEGIN:VEVENT"); n != 4 || strings.Contains(unfolded, "with Di\r\n") {
		t.Errorf("%d events, want 4 for Ada, Cy, Ed and Fay, and none for Di:\n%s", n, body)
	}
}

// uids lists a feed's event UIDs in order.
func uids(body string) string {
	return strings.Join(regexp.MustCompile(`UID:[^\r]+`).FindAllString(body, -1), " ")
}
