package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/testserver"
)

// listPages holds three items in each list that grows under an object,
// made through the API, oldest first, and where each list hangs.
type listPages struct {
	*planAPI
	requirements, alignedToKR, alignedToObjective, goals, uncovered []string
	indivRequirement                                                string
	adaToken, boToken                                               string
}

func newListPages(t *testing.T) *listPages {
	t.Helper()
	l := &listPages{planAPI: newPlanAPI(t, "2026-10-15")}
	var indiv struct {
		Node struct{ Requirements []struct{ ID string } }
	}
	l.s.MustDo(`query($id: ID!) { node(id: $id) { ... on KeyResult { requirements { id } } } }`,
		map[string]any{"id": l.indivKR}, &indiv)
	l.indivRequirement = indiv.Node.Requirements[0].ID
	l.requirements = []string{l.indivRequirement}
	for _, kr := range []string{l.companyKR, l.teamKR} {
		l.requirements = append(l.requirements, l.create("setCapabilityRequirement", "requirement",
			map[string]any{"keyResultId": kr, "capabilityId": l.capability, "level": 2, "reason": "r"}))
	}
	l.alignedToKR = []string{l.individual,
		l.objective("INDIVIDUAL", "Bo's discovery", l.teamKR),
		l.objective("INDIVIDUAL", "Cy's discovery", l.teamKR)}
	l.alignedToObjective = []string{l.team,
		l.objective("TEAM", "Keep accounts", l.customers),
		l.objective("TEAM", "Answer faster", l.customers)}
	l.goalsOfThree()
	for i := range 3 {
		l.uncovered = append(l.uncovered, l.create("createKeyResult", "keyResult", map[string]any{
			"objectiveId": l.company, "title": fmt.Sprintf("Critical %d", i+1), "critical": true,
		}))
	}
	return l
}

// goalsOfThree gives Ada and two more of Bo's reports an execution goal
// that builds the capability Ada's key result needs.
func (l *listPages) goalsOfThree() {
	l.t.Helper()
	ada := l.ada
	for i, person := range []string{ada, "", ""} {
		if person == "" {
			person = l.create("createPerson", "person", map[string]any{
				"email": fmt.Sprintf("report%d@example.com", i), "name": "Report", "managerId": l.bo,
			})
		}
		plan := l.create("createDevelopmentPlan", "plan",
			map[string]any{"personId": person, "cycle": "2026-Q4"})
		l.goals = append(l.goals,
			l.create("addDevelopmentGoal", "goal", l.executionGoal(plan, "Discovery alone")))
	}
	l.adaToken = l.tokenFor("ada@example.com", throughline.RoleEmployee)
	l.boToken = l.tokenFor("bo@example.com", throughline.RoleManager)
}

func (l *listPages) tokenFor(email string, role throughline.Role) string {
	l.t.Helper()
	p, err := l.s.Store.FindPersonByEmail(context.Background(), email)
	if err != nil {
		l.t.Fatal(err)
	}
	return l.s.MustToken(p.ID, role)
}

// pageFields is what each walk asks of a connection.
const pageFields = `totalCount
	pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	nodes { id } edges { cursor node { id } }`

// listCase is one connection: a query taking $id, $first and $after,
// and the path from data down to the connection.
type listCase struct {
	name  string
	query string
	id    string
	path  []any // keys, and indexes into lists
	want  []string
}

func (l *listPages) cases() []listCase {
	on := func(typ, field string) string {
		return `query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on ` + typ +
			` { ` + field + `(first: $first, after: $after) { ` + pageFields + ` } } } }`
	}
	return []listCase{
		{"Capability.requiredBy", on("Capability", "requiredBy"), l.capability,
			[]any{"node", "requiredBy"}, l.requirements},
		{"KeyResult.alignedObjectives", on("KeyResult", "alignedObjectives"), l.teamKR,
			[]any{"node", "alignedObjectives"}, l.alignedToKR},
		{"Objective.alignedObjectives", on("Objective", "alignedObjectives"), l.customers,
			[]any{"node", "alignedObjectives"}, l.alignedToObjective},
		{"CapabilityCoverage.goals", `query($id: ID!, $first: Int, $after: String) {
			node(id: $id) { ... on KeyResult { capabilityCoverage {
				goals(first: $first, after: $after) { ` + pageFields + ` } } } } }`, l.indivKR,
			[]any{"node", "capabilityCoverage", 0, "goals"}, l.goals},
		{"CriticalCoverage.uncovered", `query($id: ID!, $first: Int, $after: String) {
			dashboard(cycle: "2026-Q4") { criticalCoverage {
				uncovered(first: $first, after: $after) { ` + pageFields + ` } } }
			node(id: $id) { id } }`, l.company,
			[]any{"dashboard", "criticalCoverage", "uncovered"}, l.uncovered},
	}
}

func TestGrowingListsAreCursorConnections(t *testing.T) {
	l := newListPages(t)
	for _, c := range l.cases() {
		t.Run(c.name, func(t *testing.T) {
			if got := walkPages(t, l.s, c, 2); !slices.Equal(got, c.want) {
				t.Errorf("pages of 2 hold %v, want %v oldest first", got, c.want)
			}
			if got := walkPages(t, l.s, c, 50); !slices.Equal(got, c.want) {
				t.Errorf("one page holds %v, want %v", got, c.want)
			}
		})
	}
}

// The new connections refuse a page size outside 1 to 100 with the very
// error every other connection gives.
func TestGrowingListsRefuseBadPageSizes(t *testing.T) {
	l := newListPages(t)
	for _, first := range []int{0, 101} {
		want := l.s.Do(`query($first: Int) { people(first: $first) { totalCount } }`,
			map[string]any{"first": first})
		if len(want.Errors) != 1 {
			t.Fatalf("people(first: %d) answered %s, want one error", first, want.Body)
		}
		for _, c := range l.cases() {
			got := l.s.Do(c.query, map[string]any{"id": c.id, "first": first})
			if len(got.Errors) != 1 || got.Data != nil && string(got.Data) != "null" ||
				got.Errors[0].Message != want.Errors[0].Message ||
				fmt.Sprint(got.Errors[0].Extensions) != fmt.Sprint(want.Errors[0].Extensions) {
				t.Errorf("%s(first: %d) answered %s, want the error of people: %s",
					c.name, first, got.Body, want.Body)
			}
		}
	}
}

// A reader sees the goals of the plans they may read, and the count
// tells of no other; whether anybody covers the need shows to all.
func TestCoveringGoalsArePagedAsTheReaderMaySee(t *testing.T) {
	l := newListPages(t)
	c := l.cases()[3]
	for _, tc := range []struct {
		who, token string
		want       []string
	}{
		{"Bo, who manages all three", l.boToken, l.goals},
		{"Ada, an employee", l.adaToken, l.goals[:1]},
	} {
		s := l.s.As(tc.token)
		c.want = tc.want
		if got := walkPages(t, s, c, 1); !slices.Equal(got, tc.want) {
			t.Errorf("%s reads goals %v, want %v", tc.who, got, tc.want)
		}
		var data struct {
			Node struct{ CapabilityCoverage []struct{ Covered bool } }
		}
		s.MustDo(`query($id: ID!) { node(id: $id) { ... on KeyResult {
			capabilityCoverage { covered } } } }`, map[string]any{"id": l.indivKR}, &data)
		if cov := data.Node.CapabilityCoverage; len(cov) != 1 || !cov[0].Covered {
			t.Errorf("%s reads coverage %+v, want covered", tc.who, cov)
		}
	}
}

// connectionPage is one page as pageFields asks for it.
type connectionPage struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	Nodes []struct{ ID string }
	Edges []struct {
		Cursor string
		Node   struct{ ID string }
	}
}

// walkPages reads a connection page by page, checking each page against
// the one before, and returns the IDs of every node in order.
func walkPages(t *testing.T, s *testserver.Server, c listCase, size int) []string {
	t.Helper()
	var ids []string
	var after any
	for pages := 0; pages < 10; pages++ {
		var data any
		s.MustDo(c.query, map[string]any{"id": c.id, "first": size, "after": after}, &data)
		p := pageAt(t, data, c.path)
		if p.TotalCount != len(c.want) {
			t.Errorf("page %d: totalCount %d, want %d", pages+1, p.TotalCount, len(c.want))
		}
		if p.PageInfo.HasPreviousPage != (after != nil) || len(p.Nodes) != len(p.Edges) {
			t.Errorf("page %d: %+v", pages+1, p)
		}
		for i, n := range p.Nodes {
			if p.Edges[i].Node.ID != n.ID {
				t.Errorf("page %d: edge %d holds %s, node %s", pages+1, i, p.Edges[i].Node.ID, n.ID)
			}
			ids = append(ids, n.ID)
		}
		if !p.PageInfo.HasNextPage {
			return ids
		}
		after = *p.PageInfo.EndCursor
	}
	t.Fatalf("more than 10 pages of %d", size)
	return nil
}

// pageAt follows a path of keys and list indexes down decoded JSON.
func pageAt(t *testing.T, data any, path []any) connectionPage {
	t.Helper()
	for _, step := range path {
		switch k := step.(type) {
		case string:
			data = data.(map[string]any)[k]
		case int:
			data = data.([]any)[k]
		}
	}
	raw, _ := json.Marshal(data)
	var p connectionPage
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatalf("%v at %v: %v", data, path, err)
	}
	return p
}
