package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/testserver"
)

// handoverAPI drives the handover tests through the HTTP API as the
// people who use it. The test lead (admin, HR, manager) builds the
// organisation: Bo manages Ada and Eve, Ada manages Dan, Cy is the
// manager they move to, Zed manages Yan elsewhere, and Hana works in HR.
// The clock moves forward between steps.
type handoverAPI struct {
	t     *testing.T
	s     *testserver.Server
	clock atomic.Int64 // Unix seconds
	id    map[string]string
	as    map[string]*testserver.Server

	kr, capability string
}

// hoPeople lists each person with their manager ("" for the lead) and
// their token's role.
var hoPeople = []struct{ name, manager, role string }{
	{"Bo", "", "MANAGER"}, {"Cy", "", "MANAGER"}, {"Zed", "", "MANAGER"},
	{"Ada", "Bo", "MANAGER"}, {"Eve", "Bo", "EMPLOYEE"}, {"Dan", "Ada", "EMPLOYEE"},
	{"Yan", "Zed", "EMPLOYEE"}, {"Hana", "", "HR"}, {"Ali", "", "ADMIN"},
}

// hoStart is the day the people join.
const hoStart = "2026-11-02"

func newHandoverAPI(t *testing.T) *handoverAPI {
	t.Helper()
	a := &handoverAPI{t: t, id: map[string]string{}, as: map[string]*testserver.Server{}}
	a.setDay(hoStart)
	a.s = testserver.Start(t, func() time.Time { return time.Unix(a.clock.Load(), 0).UTC() })
	a.as["Lead"], a.id["Lead"] = a.s, a.s.LeadID
	a.create("Lead", "createCycle", "cycle", map[string]any{"name": "2026-Q4"})
	for _, p := range hoPeople {
		a.person(p.name, p.manager, throughline.Role(p.role))
	}
	a.okrs()
	return a
}

// setDay sets the clock to ten in the morning of a day.
func (a *handoverAPI) setDay(day string) {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		a.t.Fatal(err)
	}
	a.clock.Store(d.Add(10 * time.Hour).Unix())
}

func (a *handoverAPI) person(name, manager string, role throughline.Role) {
	a.t.Helper()
	email := strings.ToLower(name) + "@example.com"
	in := map[string]any{"email": email, "name": name, "managerId": a.s.LeadID}
	if manager != "" {
		in["managerId"] = a.id[manager]
	}
	a.id[name] = a.create("Lead", "createPerson", "person", in)
	p, err := a.s.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		a.t.Fatal(err)
	}
	a.as[name] = a.s.As(a.s.MustToken(p.ID, role))
}

// okrs gives Ada a key result of the cycle that needs a capability.
func (a *handoverAPI) okrs() {
	o := a.create("Lead", "createObjective", "objective", map[string]any{
		"cycle": "2026-Q4", "level": "TEAM", "title": "Sell better",
	})
	a.kr = a.create("Lead", "createKeyResult", "keyResult", map[string]any{
		"objectiveId": o, "title": "Win 30% of deals", "ownerId": a.id["Ada"], "critical": true,
	})
	a.capability = a.create("Lead", "createCapability", "capability", map[string]any{
		"name": "Discovery", "levels": []map[string]any{
			{"name": "Aware", "descriptor": "knows the questions"},
			{"name": "Practitioner", "descriptor": "runs a call with help"},
			{"name": "Expert", "descriptor": "runs any call alone"},
		},
	})
	a.create("Lead", "setCapabilityRequirement", "requirement", map[string]any{
		"keyResultId": a.kr, "capabilityId": a.capability, "level": 3,
		"reason": "deals are won or lost in discovery",
	})
}

// hoUserError is one entry of a payload's userErrors.
type hoUserError struct {
	Field   []string `json:"field"`
	Message string   `json:"message"`
	Code    string   `json:"code"`
}

// mutate runs a mutation as someone and returns its payload's object and
// user errors; the object is selected with selection.
func (a *handoverAPI) mutate(who, field, object, selection string,
	in map[string]any,
) (json.RawMessage, []hoUserError) {
	a.t.Helper()
	input := strings.ToUpper(field[:1]) + field[1:] + "Input"
	query := fmt.Sprintf(`mutation($in: %s!) { %s(input: $in) {
		%s { %s } userErrors { field message code } } }`, input, field, object, selection)
	var data map[string]map[string]json.RawMessage
	a.as[who].MustDo(query, map[string]any{"in": in}, &data)
	var errs []hoUserError
	if err := json.Unmarshal(data[field]["userErrors"], &errs); err != nil {
		a.t.Fatalf("%s: userErrors %s: %v", field, data[field]["userErrors"], err)
	}
	return data[field][object], errs
}

// create runs a mutation that must succeed and returns the object's ID.
func (a *handoverAPI) create(who, field, object string, in map[string]any) string {
	a.t.Helper()
	raw, errs := a.mutate(who, field, object, "id", in)
	if len(errs) > 0 {
		a.t.Fatalf("%s as %s: user errors %+v", field, who, errs)
	}
	var obj struct{ ID string }
	if err := json.Unmarshal(raw, &obj); err != nil || obj.ID == "" {
		a.t.Fatalf("%s gave no %s: %s", field, object, raw)
	}
	return obj.ID
}

// refused runs a mutation that must come back with one user error of a
// code on an input field, whose message says something.
func (a *handoverAPI) refused(who, field, object string, in map[string]any,
	code, inputField, says string,
) {
	a.t.Helper()
	raw, errs := a.mutate(who, field, object, "id", in)
	if string(raw) != "null" || len(errs) != 1 {
		a.t.Fatalf("%s as %s: %s %s with user errors %+v, want null and one error",
			field, who, object, raw, errs)
	}
	e := errs[0]
	if e.Code != code || !slices.Equal(e.Field, []string{"input", inputField}) ||
		!strings.Contains(e.Message, says) {
		a.t.Errorf("%s as %s: user error %+v, want %s on %s saying %q",
			field, who, e, code, inputField, says)
	}
}

// forbidden runs a mutation that must fail with a top-level error code.
func (a *handoverAPI) forbidden(who, field string, in map[string]any, code string) {
	a.t.Helper()
	input := strings.ToUpper(field[:1]) + field[1:] + "Input"
	query := fmt.Sprintf(`mutation($in: %s!) { %s(input: $in) { userErrors { code } } }`,
		input, field)
	r := a.as[who].Do(query, map[string]any{"in": in})
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != code {
		a.t.Errorf("%s as %s: %s, want one %s error", field, who, r.Body, code)
	}
}

// plan is what the tests read back of a plan.
type hoPlan struct {
	Version        int
	ExecutionGoals []hoGoal
	CareerGoals    []hoGoal
	CheckIns       struct{ TotalCount int }
	Warnings       []struct{ Code string }
}

type hoGoal struct {
	ID      string
	Title   string
	Actions []struct {
		ID, Title string
		DoneOn    *string
	}
}

func (a *handoverAPI) plan(who, id string) *hoPlan {
	a.t.Helper()
	var data struct{ Node *hoPlan }
	a.as[who].MustDo(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan {
		version checkIns { totalCount } warnings { code }
		executionGoals { id title actions { id title doneOn } }
		careerGoals { id title actions { id title doneOn } } } } }`,
		map[string]any{"id": id}, &data)
	return data.Node
}

func (a *handoverAPI) version(plan string) int { return a.plan("Lead", plan).Version }

// adaPlan gives Ada a plan as Bo writes it: an execution goal with an
// overdue action, one due later and one done; a career goal; and four
// check-ins, the latest with a private note.
func (a *handoverAPI) adaPlan() (plan, goal string) {
	plan = a.create("Bo", "createDevelopmentPlan", "plan", map[string]any{
		"personId": a.id["Ada"], "cycle": "2026-Q4",
	})
	goal = a.create("Bo", "addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "EXECUTION",
		"title": "Run discovery", "changeInWork": "Calls end with a next step",
		"keyResultId": a.kr, "capabilityId": a.capability,
	})
	a.action(plan, goal, "EXPERIENCE", "Lead three discovery calls", "2026-11-05", a.id["Bo"])
	a.action(plan, goal, "EXPOSURE", "Shadow Mo", "2026-12-01", "")
	done := a.action(plan, goal, "EDUCATION", "Discovery course", "", "")
	a.create("Bo", "updateDevelopmentAction", "action", map[string]any{
		"id": done, "version": a.version(plan), "doneOn": "2026-11-04",
	})
	a.create("Bo", "addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "CAREER",
		"title": "Grow into a team lead", "horizon": "2027-Q4",
	})
	for _, c := range []struct {
		day, note string
		private   bool
	}{
		{"2026-10-06", "first", false}, {"2026-10-20", "", false},
		{"2026-11-03", "Shared: good *progress*", false}, {"2026-11-06", "Private: worried", true},
	} {
		a.create("Bo", "recordCheckIn", "checkIn", map[string]any{
			"planId": plan, "version": a.version(plan), "kind": "MONTHLY", "heldOn": c.day,
			"stillHard": "budget questions", "statusAfter": "ON_TRACK",
			"note": c.note, "notePrivate": c.private,
		})
	}
	return plan, goal
}

func (a *handoverAPI) action(plan, goal, kind, title, due, supporter string) string {
	in := map[string]any{"goalId": goal, "version": a.version(plan), "kind": kind, "title": title}
	if due != "" {
		in["dueOn"] = due
	}
	if supporter != "" {
		in["supporterId"], in["supporterRole"] = supporter, "MANAGER"
	}
	return a.create("Bo", "addDevelopmentAction", "action", in)
}

// hoPack is a handover pack as the tests read it.
type hoPack struct {
	ID                    string
	Risks                 string
	StakeholderPriorities string
	AcknowledgedAt        *string
	Person                struct{ Name string }
	FromManager           *struct{ Name string }
	AcknowledgedBy        *struct{ Name string }
	Handover              *struct{ ID string }
	Contents              hoContents
	Markdown              string
}

type hoContents struct {
	Cycle          *string
	Status         *string
	ExecutionGoals []struct {
		Title                 string
		KeyResult, Capability *string
		Gap                   *int
	}
	CareerGoals []struct{ Title, Horizon string }
	OpenActions []struct {
		Title, Kind, Goal string
		Overdue           bool
		DueOn, Supporter  *string
	}
	RecentCheckIns []struct {
		HeldOn string
		Note   *string
	}
	KeyDeliverables []struct {
		Title, Objective string
		Critical         bool
	}
	Warnings []struct{ Code string }
}

const hoPackFields = `id risks stakeholderPriorities acknowledgedAt markdown
	person { name } fromManager { name } acknowledgedBy { name } handover { id }
	contents { cycle status
		executionGoals { title keyResult capability gap }
		careerGoals { title horizon }
		openActions { title kind goal overdue dueOn supporter }
		recentCheckIns { heldOn note }
		keyDeliverables { title objective critical }
		warnings { code } }`

// pack reads a pack by its ID as someone; nil when they may not see it.
func (a *handoverAPI) pack(who, id string) *hoPack {
	a.t.Helper()
	var data struct{ Node *hoPack }
	a.as[who].MustDo(`query($id: ID!) { node(id: $id) { ... on HandoverPack { `+
		hoPackFields+` } } }`, map[string]any{"id": id}, &data)
	return data.Node
}

func (a *handoverAPI) draft(who, person, risks, stakeholders string) *hoPack {
	a.t.Helper()
	raw, errs := a.mutate(who, "draftHandoverPack", "pack", hoPackFields, map[string]any{
		"personId": a.id[person], "risks": risks, "stakeholderPriorities": stakeholders,
	})
	if len(errs) > 0 {
		a.t.Fatalf("draft as %s: %+v", who, errs)
	}
	var p hoPack
	if err := json.Unmarshal(raw, &p); err != nil {
		a.t.Fatal(err)
	}
	return &p
}

// hoHandover is a handover as the tests read it.
type hoHandover struct {
	ID           string
	EffectiveOn  string
	Note         string
	Acknowledged bool
	FromManager  *struct{ Name string }
	ToManager    struct{ Name string }
	Packs        []hoPack
}

const hoHandoverFields = `id effectiveOn note acknowledged fromManager { name }
	toManager { name } packs { ` + hoPackFields + ` }`

func (a *handoverAPI) handOver(who, to string, in map[string]any, people ...string) *hoHandover {
	a.t.Helper()
	ids := make([]string, len(people))
	for i, p := range people {
		ids[i] = a.id[p]
	}
	in["personIds"], in["toManagerId"] = ids, a.id[to]
	raw, errs := a.mutate(who, "handOver", "handover", hoHandoverFields, in)
	if len(errs) > 0 {
		a.t.Fatalf("hand over as %s: %+v", who, errs)
	}
	var h hoHandover
	if err := json.Unmarshal(raw, &h); err != nil {
		a.t.Fatal(err)
	}
	return &h
}

// handovers lists the handovers someone sees.
func (a *handoverAPI) handovers(who string, pendingOnly bool) (int, []hoHandover) {
	a.t.Helper()
	var data struct {
		Handovers struct {
			TotalCount int
			Nodes      []hoHandover
		}
	}
	a.as[who].MustDo(`query($p: Boolean) { handovers(pendingOnly: $p, first: 5) { totalCount
		nodes { id acknowledged packs { id person { name } } } } }`,
		map[string]any{"p": pendingOnly}, &data)
	return data.Handovers.TotalCount, data.Handovers.Nodes
}

// nodeFound reports whether someone reads any node by its ID.
func (a *handoverAPI) nodeFound(who, id string) bool {
	a.t.Helper()
	var data struct{ Node *struct{ ID string } }
	a.as[who].MustDo(`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}, &data)
	return data.Node != nil && data.Node.ID == id
}

// getMarkdown fetches a pack's Markdown file with a token ("" for none).
func (a *handoverAPI) getMarkdown(token, packID string) (int, string, string) {
	a.t.Helper()
	req, err := http.NewRequest(http.MethodGet, a.s.URL+"/handover-packs/"+packID+".md", nil)
	if err != nil {
		a.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Content-Type"), string(body)
}

func TestHandoverPacksThroughTheAPI(t *testing.T) {
	a := newHandoverAPI(t)
	a.setDay("2026-11-09")
	plan, goal := a.adaPlan()
	a.create("Bo", "createDevelopmentPlan", "plan", map[string]any{
		"personId": a.id["Eve"], "cycle": "2026-Q4",
	})

	// Bo drafts both packs; the draft's contents are read live.
	adaDraft := a.draft("Bo", "Ada", "# Deal at risk <b>now</b>", "Sales lead wants weekly numbers")
	a.draft("Bo", "Eve", "", "")
	if adaDraft.Handover != nil || adaDraft.Contents.Status == nil ||
		len(adaDraft.Contents.OpenActions) != 2 {
		t.Errorf("Ada's draft = %+v, want no handover and her live plan", adaDraft)
	}
	if p := a.pack("Ada", adaDraft.ID); p == nil || p.Risks != adaDraft.Risks {
		t.Errorf("Ada reads her draft as %+v", p)
	}
	for _, who := range []string{"Cy", "Zed", "Yan", "Eve"} {
		if p := a.pack(who, adaDraft.ID); p != nil {
			t.Errorf("%s reads Ada's draft", who)
		}
	}

	// A week later Bo hands both to Cy in one mutation.
	a.setDay("2026-11-16")
	before := a.plan("Bo", plan)
	h := a.handOver("Bo", "Cy", map[string]any{"note": "Team split"}, "Ada", "Eve")
	if h.EffectiveOn != "2026-11-16" || h.FromManager == nil || h.FromManager.Name != "Bo" ||
		h.ToManager.Name != "Cy" || len(h.Packs) != 2 || h.Acknowledged {
		t.Fatalf("handover = %+v", h)
	}
	ada := h.Packs[0]
	if ada.ID != adaDraft.ID || ada.Risks != "# Deal at risk <b>now</b>" {
		t.Errorf("Ada's pack %s is not her draft %s with its risks", ada.ID, adaDraft.ID)
	}
	wantAdaContents(t, ada.Contents, before)

	a.afterTheMove(plan, goal, h, before)
	a.markdown(ada)
	a.acknowledge(h)
	a.history()
}

// wantAdaContents checks Ada's frozen pack against her plan at the move.
func wantAdaContents(t *testing.T, c hoContents, plan *hoPlan) {
	t.Helper()
	if c.Cycle == nil || *c.Cycle != "2026-Q4" || c.Status == nil || *c.Status != "ON_TRACK" {
		t.Errorf("pack plan = %v %v, want 2026-Q4 ON_TRACK", c.Cycle, c.Status)
	}
	if len(c.ExecutionGoals) != 1 || c.ExecutionGoals[0].Gap == nil || *c.ExecutionGoals[0].Gap != 3 ||
		*c.ExecutionGoals[0].KeyResult != "Win 30% of deals" ||
		*c.ExecutionGoals[0].Capability != "Discovery" {
		t.Errorf("execution goals = %+v", c.ExecutionGoals)
	}
	if len(c.CareerGoals) != 1 || c.CareerGoals[0].Horizon != "2027-Q4" {
		t.Errorf("career goals = %+v", c.CareerGoals)
	}
	acts := c.OpenActions
	if len(acts) != 2 || acts[0].Title != "Lead three discovery calls" || !acts[0].Overdue ||
		acts[0].Supporter == nil || *acts[0].Supporter != "Bo" || acts[1].Overdue {
		t.Errorf("open actions = %+v, want the overdue call first, then Shadow Mo", acts)
	}
	checkIns := c.RecentCheckIns
	if len(checkIns) != 3 || checkIns[0].HeldOn != "2026-11-06" || checkIns[0].Note != nil ||
		checkIns[1].Note == nil || *checkIns[1].Note != "Shared: good *progress*" {
		t.Errorf("check-ins = %+v, want the latest three without the private note", checkIns)
	}
	if k := c.KeyDeliverables; len(k) != 1 || k[0].Objective != "Sell better" || !k[0].Critical {
		t.Errorf("key deliverables = %+v", k)
	}
	var got, want []string
	for _, w := range c.Warnings {
		got = append(got, w.Code)
	}
	for _, w := range plan.Warnings {
		want = append(want, w.Code)
	}
	if !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("pack warnings %v, want the plan's at the move %v", got, want)
	}
}

// afterTheMove checks who reads the packs, and that the plan moved with
// Ada whole: the new manager edits it and the old one no longer does. Its
// version rises by one, so that an edit the old manager started before
// the move is refused as stale rather than landing after it.
func (a *handoverAPI) afterTheMove(plan, goal string, h *hoHandover, before *hoPlan) {
	t := a.t
	ada, eve := h.Packs[0].ID, h.Packs[1].ID
	after := a.plan("Cy", plan)
	if after == nil || after.Version != before.Version+1 || after.CheckIns.TotalCount != 4 ||
		len(after.ExecutionGoals[0].Actions) != 3 || len(after.CareerGoals) != 1 {
		t.Fatalf("Ada's plan after the move = %+v, want it as before %+v", after, before)
	}
	if a.plan("Bo", plan) != nil {
		t.Errorf("Bo still reads Ada's plan")
	}
	for who, want := range map[string][]bool{
		"Cy": {true, true}, "Bo": {true, true}, "Hana": {true, true}, "Lead": {true, true},
		"Ada": {true, false}, "Eve": {false, true}, "Zed": {false, false}, "Yan": {false, false},
		"Dan": {false, false},
	} {
		if got := []bool{a.pack(who, ada) != nil, a.pack(who, eve) != nil}; !slices.Equal(got, want) {
			t.Errorf("%s reads Ada's and Eve's packs: %v, want %v", who, got, want)
		}
	}
	for who, want := range map[string]int{"Cy": 1, "Bo": 1, "Hana": 1, "Ada": 1, "Zed": 0, "Yan": 0} {
		if n, nodes := a.handovers(who, true); n != want || len(nodes) != want {
			t.Errorf("%s sees %d handovers, want %d", who, n, want)
		}
	}
	if _, nodes := a.handovers("Ada", false); len(nodes) != 1 || len(nodes[0].Packs) != 1 {
		t.Errorf("Ada sees %+v, want the one handover with her pack only", nodes)
	}
	for who, want := range map[string]bool{"Cy": true, "Ada": true, "Hana": true, "Zed": false} {
		if got := a.nodeFound(who, h.ID); got != want {
			t.Errorf("%s reads the handover by its ID: %v, want %v", who, got, want)
		}
	}

	// Cy marks the shadowing done; the frozen pack still shows it open.
	shadow := after.ExecutionGoals[0].Actions[1].ID
	a.create("Cy", "updateDevelopmentAction", "action", map[string]any{
		"id": shadow, "version": after.Version, "doneOn": "2026-11-16",
	})
	if p := a.pack("Cy", ada); len(p.Contents.OpenActions) != 2 {
		t.Errorf("the frozen pack changed with the plan: %+v", p.Contents.OpenActions)
	}
	a.refused("Bo", "addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EXPOSURE", "title": "Pair with Bo",
	}, "NOT_FOUND", "goalId", "")
	a.create("Cy", "addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EXPOSURE", "title": "Pair with Cy",
	})
}

// markdown reads Ada's pack as Markdown, through GraphQL and as a file.
func (a *handoverAPI) markdown(ada hoPack) {
	t := a.t
	for _, want := range []string{
		"# Handover pack: Ada\n", "- From: Bo\n- To: Cy\n- Effective on: 2026-11-16\n",
		"## Risks\n\n\\# Deal at risk \\<b\\>now\\</b\\>\n",
		"- **Overdue:** Lead three discovery calls",
	} {
		if !strings.Contains(ada.Markdown, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, ada.Markdown)
		}
	}
	if strings.Contains(ada.Markdown, "Private: worried") {
		t.Errorf("Markdown shows a private note:\n%s", ada.Markdown)
	}
	status, kind, body := a.getMarkdown(a.as["Cy"].Token, ada.ID)
	if status != http.StatusOK || !strings.HasPrefix(kind, "text/markdown") || body != ada.Markdown {
		t.Errorf("GET as Cy: %d %s, body equal to the field: %v", status, kind, body == ada.Markdown)
	}
	for _, c := range []struct {
		token, id string
		want      int
	}{
		{"", ada.ID, http.StatusUnauthorized},
		{"not-a-token", ada.ID, http.StatusUnauthorized},
		{a.as["Ada"].Token, ada.ID, http.StatusOK},
		{a.as["Hana"].Token, ada.ID, http.StatusOK},
		{a.as["Zed"].Token, ada.ID, http.StatusNotFound},
		{a.as["Yan"].Token, ada.ID, http.StatusNotFound},
		{a.as["Eve"].Token, ada.ID, http.StatusNotFound},
		{a.as["Cy"].Token, a.id["Ada"], http.StatusNotFound},
		{a.as["Cy"].Token, "nonsense", http.StatusNotFound},
	} {
		if status, _, body := a.getMarkdown(c.token, c.id); status != c.want {
			t.Errorf("GET %s with token %q: %d %s, want %d", c.id, c.token, status, body, c.want)
		}
	}
}

// acknowledge has the incoming manager acknowledge, or HR for them (as
// for a manager who is away), and nobody else.
func (a *handoverAPI) acknowledge(h *hoHandover) {
	t := a.t
	ada := h.Packs[0].ID
	a.forbidden("Bo", "acknowledgeHandoverPack", map[string]any{"packId": ada}, "UNAUTHORIZED")
	a.forbidden("Ada", "acknowledgeHandoverPack", map[string]any{"packId": ada}, "UNAUTHORIZED")
	a.refused("Zed", "acknowledgeHandoverPack", "pack", map[string]any{"packId": ada},
		"NOT_FOUND", "packId", "no such handover pack")
	for i, p := range h.Packs {
		who := "Cy"
		if i > 0 {
			who = "Hana"
		}
		raw, errs := a.mutate(who, "acknowledgeHandoverPack", "pack",
			"acknowledgedAt acknowledgedBy { name }", map[string]any{"packId": p.ID})
		if len(errs) > 0 || !strings.Contains(string(raw), `"name":"`+who+`"`) {
			t.Errorf("%s acknowledges %s: %s %+v", who, p.Person.Name, raw, errs)
		}
	}
	a.refused("Cy", "acknowledgeHandoverPack", "pack", map[string]any{"packId": ada},
		"INVALID", "packId", "acknowledged on 2026-11-16")
	if _, nodes := a.handovers("Cy", false); len(nodes) != 1 || !nodes[0].Acknowledged {
		t.Errorf("Cy's handovers = %+v, want one, acknowledged", nodes)
	}
	if n, _ := a.handovers("Cy", true); n != 0 {
		t.Errorf("%d handovers still pending for Cy", n)
	}
}

// history reads Ada's two stints and the handover between them.
func (a *handoverAPI) history() {
	var data struct {
		Node struct {
			ManagerHistory []hoStint
			Handovers      struct{ TotalCount int }
		}
	}
	a.as["Ada"].MustDo(`query($id: ID!) { node(id: $id) { ... on Person {
		managerHistory { manager { name } fromOn untilOn handover { note } }
		handovers { totalCount } } } }`, map[string]any{"id": a.id["Ada"]}, &data)
	got := describeHoStints(data.Node.ManagerHistory)
	want := "Bo 2026-11-02..2026-11-15; Cy 2026-11-16..now after Team split"
	if got != want {
		a.t.Errorf("Ada's manager history = %s, want %s", got, want)
	}
	if data.Node.Handovers.TotalCount != 1 {
		a.t.Errorf("Ada has %d handovers, want 1", data.Node.Handovers.TotalCount)
	}
	// Someone who took no part sees Ada's reporting line, not her moves.
	a.as["Zed"].MustDo(`query($id: ID!) { node(id: $id) { ... on Person {
		managerHistory { manager { name } fromOn untilOn handover { note } }
		handovers { totalCount } } } }`, map[string]any{"id": a.id["Ada"]}, &data)
	got = describeHoStints(data.Node.ManagerHistory)
	if want := "Bo 2026-11-02..2026-11-15; Cy 2026-11-16..now"; got != want ||
		data.Node.Handovers.TotalCount != 0 {
		a.t.Errorf("Zed reads Ada's history as %s and %d handovers, want %s and none",
			got, data.Node.Handovers.TotalCount, want)
	}
}

// hoStint is a stint of a manager history as the tests read it.
type hoStint struct {
	Manager  *struct{ Name string }
	FromOn   string
	UntilOn  *string
	Handover *struct{ Note string }
}

func describeHoStints(stints []hoStint) string {
	parts := make([]string, len(stints))
	for i, s := range stints {
		manager, until := "nobody", "now"
		if s.Manager != nil {
			manager = s.Manager.Name
		}
		if s.UntilOn != nil {
			until = *s.UntilOn
		}
		parts[i] = fmt.Sprintf("%s %s..%s", manager, s.FromOn, until)
		if s.Handover != nil {
			parts[i] += " after " + s.Handover.Note
		}
	}
	return strings.Join(parts, "; ")
}
