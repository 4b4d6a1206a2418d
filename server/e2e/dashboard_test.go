package e2e_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"slices"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/testserver"
)

// dashOrg is a small organisation HR reads the dashboard of. Engineering
// has Platform below it; Sales stands apart. Ada (Platform) has a plan
// with an execution goal behind Platform's critical key result, a
// milestone met and a recent check-in; Sam (Sales) has a blocked plan
// with no goals, and Sales' critical key result has nobody behind it.
// Mia manages Ada and leads Engineering.
type dashOrg struct {
	t                         *testing.T
	s                         *testserver.Server
	ctx                       context.Context
	cycle                     *throughline.Cycle
	engineering, platform     *throughline.Team
	sales                     *throughline.Team
	mia, ada, sam             *throughline.Person
	uptime, deals, capability int64
}

// dashNow is the server's clock: the review window of 2026-Q4 closed on
// 22 October.
var dashNow = time.Date(2026, 11, 16, 10, 0, 0, 0, time.UTC)

func newDashOrg(t *testing.T) *dashOrg {
	t.Helper()
	o := &dashOrg{
		t: t, ctx: context.Background(),
		s: testserver.Start(t, func() time.Time { return dashNow }),
	}
	o.cycle = &throughline.Cycle{Name: "2026-Q4"}
	o.cycle.StartsOn, o.cycle.EndsOn, _ = throughline.QuarterDates("2026-Q4")
	o.must(o.s.Store.CreateCycle(o.ctx, o.cycle))
	o.engineering = o.team("Engineering", nil)
	o.platform = o.team("Platform", &o.engineering.ID)
	o.sales = o.team("Sales", nil)
	lead := o.leadID()
	o.mia = o.person("mia", o.engineering, &lead)
	o.ada = o.person("ada", o.platform, &o.mia.ID)
	o.sam = o.person("sam", o.sales, &lead)
	o.uptime = o.criticalKR(o.platform, "Keep the API up 99.95% of the time")
	o.deals = o.criticalKR(o.sales, "Win 12 new fleets")
	o.adaPlan()
	o.samPlan()
	return o
}

func (o *dashOrg) must(err error) {
	o.t.Helper()
	if err != nil {
		o.t.Fatal(err)
	}
}

func (o *dashOrg) leadID() int64 {
	p, err := o.s.Store.FindPersonByEmail(o.ctx, testserver.LeadEmail)
	o.must(err)
	return p.ID
}

func (o *dashOrg) team(name string, parent *int64) *throughline.Team {
	t := &throughline.Team{Name: name, ParentID: parent}
	o.must(o.s.Store.CreateTeam(o.ctx, t))
	return t
}

func (o *dashOrg) person(name string, team *throughline.Team, manager *int64) *throughline.Person {
	p := &throughline.Person{
		Email: name + "@dash.example", Name: name, TeamID: &team.ID, ManagerID: manager,
	}
	o.must(o.s.Store.CreatePerson(o.ctx, p))
	return p
}

func (o *dashOrg) criticalKR(team *throughline.Team, title string) int64 {
	obj := &throughline.Objective{
		CycleID: o.cycle.ID, Level: throughline.LevelTeam, Title: team.Name + " delivers",
		TeamID: &team.ID,
	}
	o.must(o.s.Store.CreateObjective(o.ctx, obj, nil))
	kr := &throughline.KeyResult{ObjectiveID: obj.ID, Title: title, Critical: true}
	o.must(o.s.Store.CreateKeyResult(o.ctx, kr))
	return kr.ID
}

// adaPlan: an execution goal behind the uptime key result, whose level-3
// requirement Ada was never assessed against (a gap without evidence),
// a milestone met on its day, and a check-in five days ago.
func (o *dashOrg) adaPlan() {
	c := &throughline.Capability{Name: "Incident response"}
	o.must(o.s.Store.CreateCapability(o.ctx, c, []*throughline.CapabilityLevel{
		{Level: 1, Name: "Aware"}, {Level: 2, Name: "Practised"}, {Level: 3, Name: "Leads"},
	}))
	o.must(o.s.Store.SetRequirement(o.ctx, &throughline.CapabilityRequirement{
		KeyResultID: o.uptime, CapabilityID: c.ID, Level: 3, Reason: "incidents need a lead",
	}))
	plan := &throughline.DevelopmentPlan{PersonID: o.ada.ID, CycleID: o.cycle.ID}
	o.must(o.s.Store.CreatePlan(o.ctx, plan))
	g := &throughline.DevelopmentGoal{
		PlanID: plan.ID, Lane: throughline.LaneExecution, Title: "Lead an incident",
		KeyResultID: &o.uptime, CapabilityID: &c.ID,
	}
	_, err := o.s.Store.AddGoal(o.ctx, o.version(plan), g)
	o.must(err)
	due := throughline.Day(dashNow).AddDate(0, 0, -1)
	o.must(o.s.Store.AddAction(o.ctx, o.version(plan), &throughline.DevelopmentAction{
		GoalID: g.ID, Kind: throughline.ActionExperience, Title: "Run the Tuesday incident",
		SupporterID: &o.mia.ID, SupporterRole: throughline.SupporterManager,
		DueOn: &due, DoneOn: &due,
	}))
	_, err = o.s.Store.RecordCheckIn(o.ctx, o.version(plan), &throughline.CheckIn{
		PlanID: plan.ID, Kind: throughline.CheckInMonthly, HeldOn: dashNow.AddDate(0, 0, -5),
		ObservedChange: throughline.ChangeClearImprovement, StatusAfter: throughline.StatusOnTrack,
	})
	o.must(err)
}

// samPlan: made today, blocked, with no goals.
func (o *dashOrg) samPlan() {
	plan := &throughline.DevelopmentPlan{PersonID: o.sam.ID, CycleID: o.cycle.ID}
	o.must(o.s.Store.CreatePlan(o.ctx, plan))
	_, err := o.s.Store.SetPlanStatus(o.ctx, plan.ID, o.version(plan),
		throughline.StatusBlocked, "waiting for a sales coach")
	o.must(err)
}

func (o *dashOrg) version(plan *throughline.DevelopmentPlan) int32 {
	p, err := o.s.Store.FindPlanByID(o.ctx, plan.ID)
	o.must(err)
	return p.Version
}

// teamGID returns a team's global ID, read through the API.
func (o *dashOrg) teamGID(name string) string {
	var out struct {
		Teams struct{ Nodes []struct{ ID, Name string } }
	}
	o.s.MustDo(`{ teams(first: 50) { nodes { id name } } }`, nil, &out)
	for _, t := range out.Teams.Nodes {
		if t.Name == name {
			return t.ID
		}
	}
	o.t.Fatalf("no team %q in %+v", name, out.Teams.Nodes)
	return ""
}

const dashboardQuery = `query($cycle: String, $team: ID) {
  dashboard(cycle: $cycle, teamId: $team) {
    cycle { name }
    team { name }
    criticalCoverage { total covered share uncovered(first: 100) { nodes { title } } }
    planStatusByTeam { team { name } onTrack blocked completed needsReset }
    milestoneAttainment { due doneOnTime share }
    observedChange { distribution { change count } mean }
    cadence { activePlans checkInsOnTime checkInShare reviewsDue reviewsHeld reviewShare }
    warningCounts { code plans }
  }
}`

// dashboard is the answer, decoded.
type dashboard struct {
	Cycle            struct{ Name string }
	Team             *struct{ Name string }
	CriticalCoverage struct {
		Total, Covered int
		Share          float64
		Uncovered      struct{ Nodes []struct{ Title string } }
	}
	PlanStatusByTeam []struct {
		Team                                    struct{ Name string }
		OnTrack, Blocked, Completed, NeedsReset int
	}
	MilestoneAttainment struct {
		Due, DoneOnTime int
		Share           float64
	}
	ObservedChange struct {
		Distribution []struct {
			Change string
			Count  int
		}
		Mean *float64
	}
	Cadence struct {
		ActivePlans, CheckInsOnTime, ReviewsDue, ReviewsHeld int
		CheckInShare, ReviewShare                            float64
	}
	WarningCounts []struct {
		Code  string
		Plans int
	}
}

func (d *dashboard) warnings() map[string]int {
	out := map[string]int{}
	for _, w := range d.WarningCounts {
		out[w.Code] = w.Plans
	}
	return out
}

// read asks for the dashboard as HR and decodes it; nil when it is null.
func (o *dashOrg) read(vars map[string]any) *dashboard {
	o.t.Helper()
	var out struct{ Dashboard *dashboard }
	o.s.MustDo(dashboardQuery, vars, &out)
	return out.Dashboard
}

// HR reads the whole organisation's dashboard for the current quarter,
// with every figure as the organisation's plans make it.
func TestHRReadsTheDashboard(t *testing.T) {
	o := newDashOrg(t)
	d := o.read(nil)
	if d == nil || d.Cycle.Name != "2026-Q4" || d.Team != nil {
		t.Fatalf("dashboard %+v, want 2026-Q4 for the whole organisation", d)
	}
	cov := d.CriticalCoverage
	if cov.Total != 2 || cov.Covered != 1 || cov.Share != 0.5 ||
		len(cov.Uncovered.Nodes) != 1 || cov.Uncovered.Nodes[0].Title != "Win 12 new fleets" {
		t.Errorf("critical coverage %+v, want 1 of 2 with the sales key result uncovered", cov)
	}
	var teams []string
	for _, s := range d.PlanStatusByTeam {
		teams = append(teams, s.Team.Name)
	}
	if !slices.Equal(teams, []string{"Platform", "Sales"}) ||
		d.PlanStatusByTeam[0].OnTrack != 1 || d.PlanStatusByTeam[1].Blocked != 1 {
		t.Errorf("plan status by team %+v, want Platform on track and Sales blocked",
			d.PlanStatusByTeam)
	}
	if m := d.MilestoneAttainment; m.Due != 1 || m.DoneOnTime != 1 || m.Share != 1 {
		t.Errorf("milestones %+v, want 1 of 1", m)
	}
	wantDashObserved(t, d, map[string]int{"CLEAR_IMPROVEMENT": 1}, 2)
	c := d.Cadence
	if c.ActivePlans != 2 || c.CheckInsOnTime != 2 || c.CheckInShare != 1 ||
		c.ReviewsDue != 2 || c.ReviewsHeld != 0 || c.ReviewShare != 0 {
		t.Errorf("cadence %+v, want check-ins on time and no review held", c)
	}
	wantDashWarnings(t, d, map[string]int{"QUARTERLY_REVIEW_OVERDUE": 2, "GAP_WITHOUT_EVIDENCE": 1})
}

// A team narrows every figure to the team and the teams below it.
func TestDashboardNarrowsToATeamSubtree(t *testing.T) {
	o := newDashOrg(t)
	d := o.read(map[string]any{"cycle": "2026-Q4", "team": o.teamGID("Engineering")})
	if d == nil || d.Team == nil || d.Team.Name != "Engineering" {
		t.Fatalf("dashboard %+v, want Engineering's", d)
	}
	cov := d.CriticalCoverage
	if cov.Total != 1 || cov.Covered != 1 || cov.Share != 1 || len(cov.Uncovered.Nodes) != 0 {
		t.Errorf("critical coverage %+v, want Platform's key result, covered", cov)
	}
	if len(d.PlanStatusByTeam) != 1 || d.PlanStatusByTeam[0].Team.Name != "Platform" {
		t.Errorf("plan status by team %+v, want Platform alone", d.PlanStatusByTeam)
	}
	if c := d.Cadence; c.ActivePlans != 1 || c.ReviewsDue != 1 {
		t.Errorf("cadence %+v, want Ada's plan alone", c)
	}
	wantDashWarnings(t, d, map[string]int{"QUARTERLY_REVIEW_OVERDUE": 1, "GAP_WITHOUT_EVIDENCE": 1})

	sales := o.read(map[string]any{"team": o.teamGID("Sales")})
	if c := sales.Cadence; c.ActivePlans != 1 || sales.MilestoneAttainment.Due != 0 {
		t.Errorf("Sales: cadence %+v, milestones %+v; want Sam's plan alone",
			c, sales.MilestoneAttainment)
	}
	if share := sales.MilestoneAttainment.Share; share != 0 {
		t.Errorf("Sales: milestone share %v, want 0 with nothing due", share)
	}
	if mean := sales.ObservedChange.Mean; mean != nil {
		t.Errorf("Sales: mean observed change %v, want null with nothing observed", *mean)
	}
}

func wantDashObserved(t *testing.T, d *dashboard, counts map[string]int, mean float64) {
	t.Helper()
	var order []string
	for _, c := range d.ObservedChange.Distribution {
		order = append(order, c.Change)
		if c.Count != counts[c.Change] {
			t.Errorf("observed %s: %d, want %d", c.Change, c.Count, counts[c.Change])
		}
	}
	scale := []string{"DECLINED", "NO_CHANGE", "SOME_IMPROVEMENT", "CLEAR_IMPROVEMENT"}
	if !slices.Equal(order, scale) {
		t.Errorf("distribution lists %v, want %v", order, scale)
	}
	if m := d.ObservedChange.Mean; m == nil || *m != mean {
		t.Errorf("mean %v, want %v", m, mean)
	}
}

// wantDashWarnings checks every rule's count: those not named are zero.
func wantDashWarnings(t *testing.T, d *dashboard, want map[string]int) {
	t.Helper()
	got := d.warnings()
	if len(got) != len(throughline.WarningCodes) {
		t.Errorf("%d warning counts, want one per rule (%d)", len(got), len(throughline.WarningCodes))
	}
	for _, code := range throughline.WarningCodes {
		if got[string(code)] != want[string(code)] {
			t.Errorf("%s: %d plans, want %d", code, got[string(code)], want[string(code)])
		}
	}
}

// Only HR reads the dashboard: managers, employees and admins who are not
// HR are refused, and see no figure.
func TestDashboardIsForHROnly(t *testing.T) {
	o := newDashOrg(t)
	for _, tc := range []struct {
		name   string
		person int64
		roles  []throughline.Role
	}{
		{"manager", o.mia.ID, []throughline.Role{throughline.RoleManager}},
		{"employee", o.ada.ID, []throughline.Role{throughline.RoleEmployee}},
		{"admin", o.sam.ID, []throughline.Role{throughline.RoleAdmin}},
	} {
		r := o.s.As(o.s.MustToken(tc.person, tc.roles...)).Do(dashboardQuery, nil)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != throughline.EUNAUTHORIZED {
			t.Errorf("%s: errors %s, want one UNAUTHORIZED", tc.name, r.Body)
		}
		var data struct{ Dashboard json.RawMessage }
		if err := json.Unmarshal(r.Data, &data); err != nil || string(data.Dashboard) != "null" {
			t.Errorf("%s: data %s, want a null dashboard", tc.name, r.Data)
		}
	}
	hr := o.s.As(o.s.MustToken(o.sam.ID, throughline.RoleHR))
	var out struct{ Dashboard *dashboard }
	hr.MustDo(dashboardQuery, nil, &out)
	if out.Dashboard == nil || out.Dashboard.CriticalCoverage.Total != 2 {
		t.Errorf("HR: dashboard %+v, want the organisation's", out.Dashboard)
	}
}

// An unknown cycle answers null; an unknown team is an error on teamId,
// since the whole organisation's figures under a mistyped team would
// mislead.
func TestDashboardOfUnknownCycleOrTeam(t *testing.T) {
	o := newDashOrg(t)
	if d := o.read(map[string]any{"cycle": "1999-Q1"}); d != nil {
		t.Errorf("unknown cycle: %+v, want null", d)
	}
	missing := base64.RawURLEncoding.EncodeToString([]byte("Team:9999"))
	for _, tc := range []struct{ name, team, code string }{
		{"unknown team", missing, throughline.ENOTFOUND},
		{"not a team", o.s.LeadID, throughline.EINVALID},
	} {
		r := o.s.Do(dashboardQuery, map[string]any{"team": tc.team})
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tc.code ||
			r.Errors[0].Extensions["field"] != "teamId" {
			t.Errorf("%s: errors %s, want one %s on teamId", tc.name, r.Body, tc.code)
		}
	}
}
