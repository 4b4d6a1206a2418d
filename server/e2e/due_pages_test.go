package e2e_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
	"throughline.dev/server/internal/testserver"
)

// duePageQuery asks for one page of a manager's due list, everyone below
// them due within 30 days.
const duePageQuery = `query($first: Int, $after: String) {
	dueCheckIns(includeIndirect: true, withinDays: 30, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		nodes { person { id name } }
		edges { cursor node { person { id } plan { id } nextCheckInDue quarterlyReviewDue } } } }`

// duePage is one page as duePageQuery asks for it.
type duePage struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	Nodes []struct{ Person struct{ ID, Name string } }
	Edges []dueEdge
}

type dueEdge struct {
	Cursor string
	Node   struct {
		Person struct{ ID string }
		Plan   *struct{ ID string }
	}
}

// askDue reads one page of size first after a cursor ("" for the start).
func askDue(s *testserver.Server, first int, after string) duePage {
	vars := map[string]any{"first": first}
	if after != "" {
		vars["after"] = after
	}
	var data struct{ DueCheckIns duePage }
	s.MustDo(duePageQuery, vars, &data)
	return data.DueCheckIns
}

// walkDue reads a due list page by page, checking each page's edges,
// cursors and counts, and returns the names in order with the pages read.
func walkDue(t *testing.T, s *testserver.Server, size int) (names []string, pages int) {
	t.Helper()
	after := ""
	for pages < 20 {
		p := askDue(s, size, after)
		pages++
		if p.PageInfo.HasPreviousPage != (after != "") || len(p.Nodes) != len(p.Edges) ||
			len(p.Nodes) > size || len(p.Nodes) == 0 {
			t.Fatalf("page %d of %d: %+v", pages, size, p)
		}
		for i, n := range p.Nodes {
			if p.Edges[i].Node.Person.ID != n.Person.ID {
				t.Errorf("page %d: edge %d holds %s, node %s", pages, i, p.Edges[i].Node.Person.ID,
					n.Person.ID)
			}
			names = append(names, n.Person.Name)
		}
		last := p.Edges[len(p.Edges)-1].Cursor
		if *p.PageInfo.StartCursor != p.Edges[0].Cursor || *p.PageInfo.EndCursor != last {
			t.Errorf("page %d: start and end cursors %+v, edges %+v", pages, p.PageInfo, p.Edges)
		}
		if !p.PageInfo.HasNextPage {
			if len(names) != p.TotalCount {
				t.Errorf("pages of %d hold %d, totalCount %d", size, len(names), p.TotalCount)
			}
			return names, pages
		}
		after = last
	}
	t.Fatalf("more than 20 pages of %d", size)
	return nil, 0
}

// dueNamesakes is dueTeam with two more of Bo's reports, both Gil, with
// no plan: their reviews fall due on 22 October, as Fay's does, so the
// order parts the three by name and then the two Gils by who came first.
func dueNamesakes(t *testing.T) (*reviewAPI, []string) {
	a := dueTeam(t)
	a.person("gil1@example.com", "Gil", a.bo)
	a.person("gil2@example.com", "Gil", a.bo)
	return a, []string{"Fay", "Gil", "Gil", "Cy", "Di", "Ed", "Ada"}
}

func TestDueCheckInsPageThroughTheWholeListInOrder(t *testing.T) {
	a, want := dueNamesakes(t)
	bo := a.as("bo@example.com", throughline.RoleManager)
	whole, pages := walkDue(t, bo, 100)
	if !slices.Equal(whole, want) || pages != 1 {
		t.Fatalf("one page of 100: %v in %d pages, want %v", whole, pages, want)
	}
	for _, size := range []int{1, 2, 3} {
		got, pages := walkDue(t, bo, size)
		if !slices.Equal(got, whole) || pages != (len(whole)+size-1)/size {
			t.Errorf("pages of %d hold %v in %d pages, want %v", size, got, pages, whole)
		}
	}
	// The two Gils are one per page in pages of 2, and come in the order
	// of one page of 100 each time.
	first, second := askDue(bo, 2, ""), askDue(bo, 100, "")
	gils := func(p duePage) []string {
		var ids []string
		for _, n := range p.Nodes {
			if n.Person.Name == "Gil" {
				ids = append(ids, n.Person.ID)
			}
		}
		return ids
	}
	if g := gils(second); len(g) != 2 || !slices.Equal(gils(first), g[:1]) {
		t.Errorf("the first page of 2 holds Gil %v; the whole list %v", gils(first), g)
	}
}

// A report who checks in between two pages leaves the list; the cursor
// that stood at them still leads on to those after.
func TestDueCheckInsCursorOutlivesItsReport(t *testing.T) {
	a, _ := dueNamesakes(t)
	bo := a.as("bo@example.com", throughline.RoleManager)
	var cy string
	after := ""
	for range 4 {
		p := askDue(bo, 1, after)
		after = *p.PageInfo.EndCursor
		if p.Nodes[0].Person.Name == "Cy" && p.Edges[0].Node.Plan != nil {
			cy = p.Edges[0].Node.Plan.ID
			break
		}
	}
	if cy == "" {
		t.Fatal("Cy is not fourth in Bo's due list, with a plan")
	}
	a.checkIn(cy, "MONTHLY", "2026-11-20")
	var names []string
	for after != "" {
		p := askDue(bo, 2, after)
		for _, n := range p.Nodes {
			names = append(names, n.Person.Name)
		}
		if p.TotalCount != 6 {
			t.Errorf("totalCount %d once Cy checked in, want 6", p.TotalCount)
		}
		after = ""
		if p.PageInfo.HasNextPage {
			after = *p.PageInfo.EndCursor
		}
	}
	if got := strings.Join(names, ","); got != "Di,Ed,Ada" {
		t.Errorf("after Cy's cursor, once Cy checked in: %s, want Di,Ed,Ada", got)
	}
}

func TestDueCheckInsRefuseBadPagesAndOtherListsCursors(t *testing.T) {
	a, _ := dueNamesakes(t)
	bo := a.as("bo@example.com", throughline.RoleManager)
	for _, first := range []int{0, -1, 101} {
		want := a.s.Do(`query($first: Int) { people(first: $first) { totalCount } }`,
			map[string]any{"first": first})
		got := bo.Do(duePageQuery, map[string]any{"first": first})
		if len(want.Errors) != 1 || len(got.Errors) != 1 ||
			got.Data != nil && string(got.Data) != "null" ||
			got.Errors[0].Message != want.Errors[0].Message ||
			fmt.Sprint(got.Errors[0].Extensions) != fmt.Sprint(want.Errors[0].Extensions) {
			t.Errorf("dueCheckIns(first: %d) answered %s, want the error of people: %s",
				first, got.Body, want.Body)
		}
	}

	var people struct {
		People struct{ PageInfo struct{ EndCursor string } }
	}
	a.s.MustDo(`{ people(first: 1) { pageInfo { endCursor } } }`, nil, &people)
	// Cy manages Di: their due list is another manager's.
	cy := a.as("cy@example.com", throughline.RoleManager)
	cyDue := askDue(cy, 1, "")
	if len(cyDue.Edges) != 1 || cyDue.Nodes[0].Person.Name != "Di" {
		t.Fatalf("Cy's due list: %+v, want Di", cyDue)
	}
	boDue := askDue(bo, 1, "")
	for name, cursor := range map[string]string{
		"people's":         people.People.PageInfo.EndCursor,
		"Cy's due list's":  cyDue.Edges[0].Cursor,
		"a made-up":        "ZHVlOjE6bm90LWEtZGF5",
		"a cut-short due":  boDue.Edges[0].Cursor[:12],
		"a not-base64 due": "due:1:2026-11-02:3:Fay",
		"an all-zero":      strings.Repeat("A", 11),
	} {
		r := bo.Do(duePageQuery, map[string]any{"first": 2, "after": cursor})
		if len(r.Errors) != 1 || r.Errors[0].Extensions["field"] != "after" ||
			r.Errors[0].Extensions["code"] != "INVALID" {
			t.Errorf("Bo passes %s cursor %q: %s, want INVALID on after", name, cursor, r.Body)
		}
	}
	// Bo's own cursor works for Bo, with another page size too.
	if p := askDue(bo, 3, boDue.Edges[0].Cursor); len(p.Nodes) != 3 || p.Nodes[0].Person.Name != "Gil" {
		t.Errorf("Bo's own cursor: %+v", p.Nodes)
	}
}

// Every page of the due list costs the same SQL statements, the first
// and the last alike, one page of 2 or of 100: the list is worked out
// whole in a fixed set of statements and the page cut from it. A page
// that holds no plan skips the one statement that checks the plans may
// be read. A second server on the same database counts the statements.
func TestDueCheckInsPagesCostTheSameStatements(t *testing.T) {
	a, want := dueNamesakes(t)
	counter := &storage.StatementCounter{}
	now := mustDate(t, "2026-11-20").Add(10 * time.Hour)
	counted, err := app.OpenAt(context.Background(), a.s.Place,
		storage.Options{Now: func() time.Time { return now }, Logger: counter})
	if err != nil {
		t.Fatal(err)
	}
	deps, err := counted.HTTPDeps()
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(httpapi.New(deps, httpapi.Options{}))
	t.Cleanup(func() {
		ts.Close()
		counted.Close()
	})
	bo := *a.as("bo@example.com", throughline.RoleManager)
	bo.URL = ts.URL
	statements := func(first int, after string) (int64, duePage) {
		before, _ := counter.Counts()
		p := askDue(&bo, first, after)
		n, _ := counter.Counts()
		return n - before, p
	}
	statements(2, "") // warms whatever a server keeps between requests
	whole, _ := statements(100, "")
	var costs []int64
	var names []string
	var withPlans []bool
	for after := ""; ; {
		n, p := statements(2, after)
		costs = append(costs, n)
		for _, node := range p.Nodes {
			names = append(names, node.Person.Name)
		}
		withPlans = append(withPlans, slices.ContainsFunc(p.Edges, func(e dueEdge) bool {
			return e.Node.Plan != nil
		}))
		if !p.PageInfo.HasNextPage {
			break
		}
		after = *p.PageInfo.EndCursor
	}
	if !slices.Equal(names, want) || len(costs) != 4 {
		t.Fatalf("the counting server's pages of 2: %v in %d pages, want %v", names, len(costs), want)
	}
	for i, n := range costs {
		if n == 0 || n > whole || withPlans[i] && n != whole {
			t.Errorf("page %d of 2 (plans: %v) took %d statements; one page of 100 took %d "+
				"(all %v)", i+1, withPlans[i], n, whole, costs)
		}
	}
	if !slices.Equal(withPlans, []bool{false, true, true, true}) {
		t.Errorf("pages of 2 hold plans %v, want all but the first", withPlans)
	}
}
