package e2e_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"throughline.dev/server/internal/testserver"
)

// demoClient speaks GraphQL to a server binary with one token.
type demoClient struct {
	t     *testing.T
	url   string
	token string
}

// demoResponse is a GraphQL response as it came.
type demoResponse struct {
	Status int
	Data   json.RawMessage
	Errors []struct {
		Message    string
		Extensions map[string]any
	}
}

// in returns the client reporting to another test.
func (c demoClient) in(t *testing.T) demoClient {
	c.t = t
	return c
}

func (c demoClient) do(query string, vars map[string]any) demoResponse {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, c.url+"/query", bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.token)
	res, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
	if err != nil {
		c.t.Fatalf("post: %v", err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	r := demoResponse{Status: res.StatusCode}
	if err := json.Unmarshal(raw, &r); err != nil {
		c.t.Fatalf("decode response (%d) %.300s: %v", res.StatusCode, raw, err)
	}
	return r
}

// must runs a query that must succeed and decodes its data into out.
func (c demoClient) must(query string, vars map[string]any, out any) {
	c.t.Helper()
	r := c.do(query, vars)
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		c.t.Fatalf("query failed (%d): %+v\nquery: %s", r.Status, r.Errors, query)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		c.t.Fatalf("decode %s: %v", r.Data, err)
	}
}

// refusedWith runs a query that must fail with one error of a code.
func (c demoClient) refusedWith(what, query string, vars map[string]any, code string) {
	c.t.Helper()
	r := c.do(query, vars)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != code {
		c.t.Errorf("%s: %+v (data %s), want one %s error", what, r.Errors, r.Data, code)
	}
}

// demoTokenLine is one line of the demo tokens file.
type demoTokenLine struct{ role, about, secret string }

// readDemoTokens reads data/demo-tokens as the README describes it: a
// role, who the token acts for, and the secret, one token a line.
func readDemoTokens(t *testing.T, dataDir string) map[string]demoTokenLine {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "demo-tokens"))
	if err != nil {
		t.Fatalf("the first start left no demo tokens: %v", err)
	}
	out := map[string]demoTokenLine{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || strings.HasPrefix(f[0], "#") {
			continue
		}
		out[f[0]] = demoTokenLine{role: f[0], about: strings.Join(f[1:len(f)-1], " "), secret: f[len(f)-1]}
	}
	return out
}

// demoPerson is a person of the demo as the tests read them, with their
// plan of the current quarter.
type demoPerson struct {
	ID, Name, Email string
	Manager         *struct{ ID, Name, Email string }
	Plan            *struct {
		ID                                     string
		Status                                 string
		Version                                int
		CheckInOverdue, QuarterlyReviewOverdue bool
	}
}

const demoPeopleQuery = `{ people(first: 100) { totalCount nodes { id name email
	manager { id name email }
	plan { id status version checkInOverdue quarterlyReviewOverdue } } } }`

// The demo organisation, seeded by the first start of the server binary
// as `make run` starts it, holds what the README and issue 4 promise:
// the demo tokens act as the people and roles the README names; HR sees
// a completed handover and a pending one; the incoming manager reads the
// pending pack; and plans with an overdue check-in or review show in
// their manager's dueCheckIns.
func TestDemoOrganisationWorkflows(t *testing.T) {
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	srv := startServer(t, bin, place)
	tokens := readDemoTokens(t, place.DataDir)
	client := func(token string) demoClient { return demoClient{t: t, url: srv.url, token: token} }
	hr, manager, employee := client(tokens["HR"].secret), client(tokens["MANAGER"].secret),
		client(tokens["EMPLOYEE"].secret)
	admin := client(readAdminToken(t, place.DataDir))

	// Who each token acts for, as the README says.
	for role, want := range map[string]string{
		"HR": "Kenji Watanabe", "MANAGER": "Grace Mwangi", "EMPLOYEE": "Mei-Lin Chen",
	} {
		tok, ok := tokens[role]
		if !ok {
			t.Errorf("demo-tokens has no %s token: %+v", role, tokens)
			continue
		}
		var v struct {
			Viewer struct {
				Person *struct{ Name string }
				Roles  []string
			}
		}
		client(tok.secret).must(`{ viewer { person { name } roles } }`, nil, &v)
		if v.Viewer.Person == nil || v.Viewer.Person.Name != want ||
			!slices.Equal(v.Viewer.Roles, []string{role}) || !strings.HasPrefix(tok.about, want) {
			t.Errorf("the %s token (%q) acts for %+v, want %s with the role %s alone",
				role, tok.about, v.Viewer, want, role)
		}
	}

	var everyone struct {
		People struct {
			TotalCount int
			Nodes      []demoPerson
		}
	}
	hr.must(demoPeopleQuery, nil, &everyone)
	people := everyone.People.Nodes
	if len(people) != everyone.People.TotalCount || len(people) < 35 {
		t.Fatalf("HR reads %d of %d people, want all of the demo's forty or so",
			len(people), everyone.People.TotalCount)
	}
	byName := map[string]demoPerson{}
	for _, p := range people {
		byName[p.Name] = p
	}

	t.Run("roles", func(t *testing.T) { demoRoles(t, byName, hr, manager, employee) })
	t.Run("handovers", func(t *testing.T) { demoHandovers(t, hr, admin, srv.url) })
	t.Run("overdue plans in dueCheckIns", func(t *testing.T) { demoOverdue(t, people, admin, srv.url) })
}

// demoRoles checks what each demo token reads and edits: HR every plan,
// Grace her reports' plans, Mei-Lin her own.
func demoRoles(t *testing.T, byName map[string]demoPerson, hr, manager, employee demoClient) {
	meilin, oleksandr, leila := byName["Mei-Lin Chen"], byName["Oleksandr Petrenko"], byName["Leila Ahmadi"]
	for _, p := range []demoPerson{meilin, oleksandr, leila} {
		if p.Plan == nil {
			t.Fatalf("HR reads no plan of the current quarter for %q", p.Name)
		}
	}
	if meilin.Manager == nil || meilin.Manager.Name != "Grace Mwangi" {
		t.Errorf("Mei-Lin's manager = %+v, want Grace Mwangi, as the README says", meilin.Manager)
	}
	planOf := func(c demoClient, p demoPerson) bool {
		c.t.Helper()
		var data struct{ Node *struct{ ID string } }
		c.must(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan { id } } }`,
			map[string]any{"id": p.Plan.ID}, &data)
		return data.Node != nil && data.Node.ID == p.Plan.ID
	}
	for _, c := range []struct {
		who    string
		client demoClient
		person demoPerson
		want   bool
	}{
		{"Grace", manager, meilin, true}, {"Grace", manager, oleksandr, true},
		{"Grace", manager, leila, false},
		{"Mei-Lin", employee, meilin, true}, {"Mei-Lin", employee, oleksandr, false},
		{"Mei-Lin", employee, leila, false},
	} {
		if got := planOf(c.client.in(t), c.person); got != c.want {
			t.Errorf("%s reads %s's plan: %v, want %v", c.who, c.person.Name, got, c.want)
		}
	}

	const setStatus = `mutation($in: SetPlanStatusInput!) { setPlanStatus(input: $in) {
		plan { version status } userErrors { field message code } } }`
	in := map[string]any{"planId": oleksandr.Plan.ID, "version": oleksandr.Plan.Version,
		"status": "BLOCKED", "reason": "waiting for the new on-call rota"}
	employee, manager, hr = employee.in(t), manager.in(t), hr.in(t)
	employee.refusedWith("Mei-Lin sets her own plan's status", setStatus, map[string]any{"in": map[string]any{
		"planId": meilin.Plan.ID, "version": meilin.Plan.Version, "status": "BLOCKED", "reason": "x",
	}}, "UNAUTHORIZED")
	employee.refusedWith("Mei-Lin asks for due check-ins",
		`{ dueCheckIns { nodes { person { name } } } }`, nil, "UNAUTHORIZED")
	var out struct {
		SetPlanStatus struct {
			Plan       *struct{ Version int }
			UserErrors []any
		}
	}
	manager.must(setStatus, map[string]any{"in": in}, &out)
	if out.SetPlanStatus.Plan == nil || out.SetPlanStatus.Plan.Version != oleksandr.Plan.Version+1 {
		t.Errorf("Grace edits Oleksandr's plan: %+v", out.SetPlanStatus)
	}
	hr.refusedWith("HR edits a plan", setStatus, map[string]any{"in": in}, "UNAUTHORIZED")

	// Mei-Lin updates an action of her own plan.
	var mine struct {
		Node struct {
			Version        int
			ExecutionGoals []struct{ Actions []struct{ ID string } }
		}
	}
	employee.must(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan {
		version executionGoals { actions { id } } } } }`, map[string]any{"id": meilin.Plan.ID}, &mine)
	if len(mine.Node.ExecutionGoals) == 0 || len(mine.Node.ExecutionGoals[0].Actions) == 0 {
		t.Fatalf("Mei-Lin's plan has no action: %+v", mine.Node)
	}
	var updated struct {
		UpdateDevelopmentAction struct {
			Action     *struct{ Outcome string }
			UserErrors []any
		}
	}
	employee.must(`mutation($in: UpdateDevelopmentActionInput!) { updateDevelopmentAction(input: $in) {
		action { outcome } userErrors { field message } } }`, map[string]any{"in": map[string]any{
		"id": mine.Node.ExecutionGoals[0].Actions[0].ID, "version": mine.Node.Version,
		"outcome": "Wrote it up for the team",
	}}, &updated)
	a := updated.UpdateDevelopmentAction
	if a.Action == nil || a.Action.Outcome != "Wrote it up for the team" {
		t.Errorf("Mei-Lin updates her own action: %+v", a)
	}
}

// demoHandover is a handover as HR lists them.
type demoHandover struct {
	ID           string
	Acknowledged bool
	EffectiveOn  string
	ToManager    struct{ ID, Name string }
	Packs        []struct {
		ID             string
		AcknowledgedAt *string
		Person         struct{ ID, Name string }
	}
}

// demoHandovers checks HR sees a completed handover and a pending one,
// and that the pending pack's incoming manager reads it and the plan of
// the person moved.
func demoHandovers(t *testing.T, hr, admin demoClient, url string) {
	hr, admin = hr.in(t), admin.in(t)
	var data struct {
		Handovers struct{ Nodes []demoHandover }
	}
	hr.must(`{ handovers(first: 100) { nodes { id acknowledged effectiveOn toManager { id name }
		packs { id acknowledgedAt person { id name } } } } }`, nil, &data)
	var done, pending []demoHandover
	for _, h := range data.Handovers.Nodes {
		acked := 0
		for _, p := range h.Packs {
			if p.AcknowledgedAt != nil {
				acked++
			}
		}
		switch {
		case h.Acknowledged && acked == len(h.Packs) && acked > 0:
			done = append(done, h)
		case !h.Acknowledged && acked == 0 && len(h.Packs) > 0:
			pending = append(pending, h)
		default:
			t.Errorf("handover %+v is neither acknowledged nor pending as a whole", h)
		}
	}
	if len(done) == 0 || len(pending) == 0 {
		t.Fatalf("HR sees %d completed and %d pending handovers, want at least one of each: %+v",
			len(done), len(pending), data.Handovers.Nodes)
	}
	var hrPending struct{ Handovers struct{ TotalCount int } }
	hr.must(`{ handovers(pendingOnly: true) { totalCount } }`, nil, &hrPending)
	if hrPending.Handovers.TotalCount != len(pending) {
		t.Errorf("HR's pendingOnly list has %d handovers, want %d",
			hrPending.Handovers.TotalCount, len(pending))
	}

	h := pending[0]
	incoming := demoClient{t: t, url: url, token: issueToken(admin, h.ToManager.ID, "MANAGER")}
	var mine struct {
		Handovers struct{ Nodes []struct{ ID string } }
	}
	incoming.must(`{ handovers(pendingOnly: true) { nodes { id } } }`, nil, &mine)
	if !slices.ContainsFunc(mine.Handovers.Nodes, func(n struct{ ID string }) bool { return n.ID == h.ID }) {
		t.Errorf("%s's pending handovers %+v lack %s", h.ToManager.Name, mine.Handovers.Nodes, h.ID)
	}
	for _, p := range h.Packs {
		var pack struct {
			Node *struct {
				Person   struct{ Name string }
				Risks    string
				Contents struct{ Status *string }
			}
		}
		incoming.must(`query($id: ID!) { node(id: $id) { ... on HandoverPack {
			person { name } risks contents { status } } } }`, map[string]any{"id": p.ID}, &pack)
		if pack.Node == nil || pack.Node.Person.Name != p.Person.Name || pack.Node.Risks == "" {
			t.Errorf("%s reads the pending pack of %s as %+v", h.ToManager.Name, p.Person.Name, pack.Node)
		}
		status, body := getWithToken(t, url+"/handover-packs/"+p.ID+".md", incoming.token)
		if status != http.StatusOK || !strings.Contains(body, p.Person.Name) {
			t.Errorf("%s GETs the pack of %s as Markdown: %d %.200s", h.ToManager.Name, p.Person.Name,
				status, body)
		}
		var plan struct {
			Node *struct{ Plan *struct{ ID string } }
		}
		incoming.must(`query($id: ID!) { node(id: $id) { ... on Person { plan { id } } } }`,
			map[string]any{"id": p.Person.ID}, &plan)
		if plan.Node == nil || plan.Node.Plan == nil {
			t.Errorf("%s does not read the plan of %s, who moved to them", h.ToManager.Name, p.Person.Name)
		}
	}
}

// demoDue is an entry of dueCheckIns.
type demoDue struct {
	Person                                 struct{ ID string }
	Plan                                   *struct{ ID string }
	CheckInOverdue, QuarterlyReviewOverdue bool
	Direct                                 bool
}

// demoOverdue checks that every plan of the quarter whose check-in or
// review is overdue shows, so flagged, in its manager's dueCheckIns.
func demoOverdue(t *testing.T, people []demoPerson, admin demoClient, url string) {
	admin = admin.in(t)
	checkIns, reviews, both := 0, 0, 0
	asManager := map[string]demoClient{}
	for _, p := range people {
		if p.Plan == nil || (!p.Plan.CheckInOverdue && !p.Plan.QuarterlyReviewOverdue) {
			continue
		}
		if p.Plan.CheckInOverdue {
			checkIns++
		}
		if p.Plan.QuarterlyReviewOverdue {
			reviews++
		}
		if p.Plan.CheckInOverdue && p.Plan.QuarterlyReviewOverdue {
			both++
		}
		if p.Manager == nil {
			t.Logf("%s's plan is overdue and they have no manager to see it", p.Name)
			continue
		}
		c, ok := asManager[p.Manager.ID]
		if !ok {
			c = demoClient{t: t, url: url, token: issueToken(admin, p.Manager.ID, "MANAGER")}
			asManager[p.Manager.ID] = c
		}
		var data struct {
			DueCheckIns struct {
				TotalCount int
				Nodes      []demoDue
			}
		}
		c.must(`{ dueCheckIns(first: 100) { totalCount nodes {
			person { id } plan { id } checkInOverdue quarterlyReviewOverdue direct } } }`, nil, &data)
		due := data.DueCheckIns.Nodes
		if len(due) != data.DueCheckIns.TotalCount {
			t.Fatalf("%s's dueCheckIns hold %d on one page of %d", p.Manager.Name, len(due),
				data.DueCheckIns.TotalCount)
		}
		i := slices.IndexFunc(due, func(d demoDue) bool { return d.Person.ID == p.ID })
		if i < 0 {
			t.Errorf("%s's plan is overdue (check-in %v, review %v) but %s's dueCheckIns lack them",
				p.Name, p.Plan.CheckInOverdue, p.Plan.QuarterlyReviewOverdue, p.Manager.Name)
			continue
		}
		d := due[i]
		if d.Plan == nil || d.Plan.ID != p.Plan.ID || !d.Direct ||
			d.CheckInOverdue != p.Plan.CheckInOverdue ||
			d.QuarterlyReviewOverdue != p.Plan.QuarterlyReviewOverdue {
			t.Errorf("%s in %s's dueCheckIns = %+v, want plan %s overdue as check-in %v, review %v",
				p.Name, p.Manager.Name, d, p.Plan.ID, p.Plan.CheckInOverdue, p.Plan.QuarterlyReviewOverdue)
		}
	}
	if checkIns == 0 || reviews == 0 {
		t.Errorf("the demo's plans of the quarter: %d with a check-in overdue, %d with a review "+
			"overdue; want some of each", checkIns, reviews)
	}
	t.Logf("overdue plans: %d check-ins, %d reviews, %d both", checkIns, reviews, both)
}

// readAdminToken reads the bootstrap admin token a first start leaves.
func readAdminToken(t *testing.T, dataDir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "admin-token"))
	if err != nil {
		t.Fatalf("the first start left no admin token: %v", err)
	}
	return strings.TrimSpace(string(b))
}

// issueToken has an admin issue a token for a person with one role.
func issueToken(admin demoClient, personID, role string) string {
	admin.t.Helper()
	var out struct {
		CreateToken struct {
			Secret     *string
			UserErrors []any
		}
	}
	admin.must(`mutation($in: CreateTokenInput!) { createToken(input: $in) {
		secret userErrors { field message } } }`, map[string]any{"in": map[string]any{
		"personId": personID, "roles": []string{role}, "label": "e2e",
	}}, &out)
	if out.CreateToken.Secret == nil || len(out.CreateToken.UserErrors) > 0 {
		admin.t.Fatalf("createToken: %+v", out.CreateToken)
	}
	return *out.CreateToken.Secret
}

func getWithToken(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}
