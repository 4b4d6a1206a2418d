package gql

import (
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"throughline.dev/graph/gql/generated"
)

// The cost and depth of an operation follow the documented rules: a field
// costs 1, a connection multiplies what it selects by `first` (20 when
// left out), a list argument by its length, another list by 5; fragments
// count where they are spread.
func TestMeasureOperation(t *testing.T) {
	tests := []struct {
		name, query string
		vars        map[string]any
		cost, depth int
	}{
		{"scalar", `{ __typename }`, nil, 1, 1},
		{"default page", `{ people { totalCount } }`, nil, 1 + 20*1, 2},
		{"page size", `{ people(first: 5) { nodes { name } } }`, nil, 1 + 5*(1+1), 3},
		{"page size from a variable", `query($n: Int) { people(first: $n) { nodes { name } } }`,
			map[string]any{"n": 7}, 1 + 7*(1+1), 3},
		{"nested pages multiply", `{ people(first: 10) { nodes { reports(first: 3) {
			nodes { name } } } } }`, nil, 1 + 10*(1+1+3*(1+1)), 5},
		{"list argument", `{ nodes(ids: ["a", "b", "c"]) { id } }`, nil, 1 + 3*1, 2},
		{"plain list", `{ viewer { person { plan { executionGoals { title } } } } }`, nil,
			1 + 1 + 1 + 1 + 5*1, 5},
		{"fragment spread twice", `{ viewer { person { ...P } } person(email: "x") { ...P } }
			fragment P on Person { name manager { name } }`, nil, (1 + 3) + 1 + (1 + 3), 4},
		{"introspection costs one", `{ __schema { types { fields { name } } } }`, nil, 1, 1},
		{"requirements under a page of capabilities", `{ capabilities(first: 10) { nodes {
			requiredBy(first: 30) { nodes { reason } } } } }`, nil, 1 + 10*(1+1+30*(1+1)), 5},
		{"aligned objectives by default page", `{ objectives(first: 2) { nodes {
			alignedObjectives { totalCount } } } }`, nil, 1 + 2*(1+1+20*1), 4},
		{"aligned objectives under a key result", `{ keyResults(first: 2) { nodes {
			alignedObjectives(first: 3) { nodes { title } } } } }`, nil, 1 + 2*(1+1+3*(1+1)), 5},
		{"covering goals under each requirement", `{ keyResults(first: 2) { nodes {
			capabilityCoverage { goals(first: 4) { nodes { title } } } } } }`, nil,
			1 + 2*(1+1+5*(1+4*(1+1))), 6},
		{"uncovered key results", `{ dashboard { criticalCoverage {
			uncovered(first: 50) { edges { node { title } } } } } }`, nil,
			1 + 1 + 1 + 50*(1+1+1), 6},
	}
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustValidate(t, schema, tt.query)
			m := &measure{doc: doc, vars: tt.vars,
				done: map[string]measured{}, active: map[string]bool{}}
			got := m.selectionSet(doc.Operations[0].SelectionSet)
			if m.err != nil {
				t.Fatalf("error: %v", m.err)
			}
			if got.cost != tt.cost || got.depth != tt.depth {
				t.Errorf("cost %d, depth %d; want %d, %d", got.cost, got.depth, tt.cost, tt.depth)
			}
		})
	}
}

// Fragments that each spread the next twice would be walked 2^n times;
// measuring each once keeps the walk linear and the cost exact.
// A connection's page size out of range is refused before anything runs,
// with the error every connection gives; the new ones included.
func TestMeasureOperationRefusesBadPageSizes(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for _, query := range []string{
		`{ people(first: 101) { totalCount } }`,
		`{ capabilities { nodes { requiredBy(first: 101) { totalCount } } } }`,
		`{ objectives { nodes { alignedObjectives(first: 101) { totalCount } } } }`,
		`{ keyResults { nodes { alignedObjectives(first: 101) { totalCount } } } }`,
		`{ keyResults { nodes { capabilityCoverage { goals(first: 101) { totalCount } } } } }`,
		`{ dashboard { criticalCoverage { uncovered(first: 101) { totalCount } } } }`,
	} {
		doc := mustValidate(t, schema, query)
		err := measureOperation(doc, doc.Operations[0], nil, DefaultLimits)
		if err == nil || err.Message != "first must be between 1 and 100, got 101" ||
			err.Extensions["field"] != "first" {
			t.Errorf("%s: error %v, want first refused", query, err)
		}
	}
}

func TestMeasureOperationFragmentBomb(t *testing.T) {
	const levels = 40
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range levels {
		next := "F" + strconv.Itoa(i+1)
		b.WriteString("fragment F" + strconv.Itoa(i) + " on Query { ..." + next + " ..." + next + " }\n")
	}
	b.WriteString("fragment F" + strconv.Itoa(levels) + " on Query { __typename }")
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	doc := mustValidate(t, schema, b.String())

	err := measureOperation(doc, doc.Operations[0], nil, DefaultLimits)
	if err == nil || err.Extensions["limit"] != "complexity" {
		t.Fatalf("error %v, want the complexity limit", err)
	}
	if !strings.Contains(err.Message, "costs 1099511627776") {
		t.Errorf("message %q, want the cost 2^40 (capped)", err.Message)
	}
}

// A cycle that reached the walk (validation rejects them first) is
// reported, not followed.
func TestMeasureOperationCycle(t *testing.T) {
	doc := &ast.QueryDocument{}
	spread := &ast.FragmentSpread{Name: "A"}
	doc.Fragments = ast.FragmentDefinitionList{{Name: "A", SelectionSet: ast.SelectionSet{spread}}}
	op := &ast.OperationDefinition{SelectionSet: ast.SelectionSet{&ast.FragmentSpread{Name: "A"}}}

	err := measureOperation(doc, op, nil, DefaultLimits)
	if err == nil || !strings.Contains(err.Message, "spreads itself") {
		t.Fatalf("error %v, want the cycle reported", err)
	}
}

// The scan counts as the limits describe them: aliases are colons in
// selection sets (not in arguments, object values or variable
// definitions), fields are the names selected (not fragment names or type
// conditions), every directive counts, and so does every fragment
// definition (the word "fragment" outside all braces).
func TestScanDocument(t *testing.T) {
	tight := Limits{Tokens: 60, Fields: 3, Aliases: 1, Directives: 1, Fragments: 1}
	tests := []struct {
		name, query, limit string
	}{
		{"within every limit", `query Q($a: Int = 1) @d { x: f(o: {a: 1, b: [{c: 2}]}) ...F
			... on Query { g } } fragment F on Query { h }`, ""},
		{"two aliases", `{ x: f y: g }`, "aliases"},
		{"two directives", `{ f @skip(if: false) @include(if: true) }`, "directives"},
		{"four fields", `{ a b c d }`, "fields"},
		{"four fields with an alias", `{ a b c: c d }`, "fields"},
		{"too many tokens", "{ f(a: [" + strings.Repeat("1 ", 60) + "]) }", "tokens"},
		{"comments count as tokens", "{ f }" + strings.Repeat("\n# note", 60), "tokens"},
		{"two fragments", `{ ...A } fragment A on Query { ...B } fragment B on Query { f }`, "fragments"},
		{"a field named fragment", `{ fragment }`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := scanDocument(tt.query, tight)
			if got := limitOf(err); got != tt.limit {
				t.Errorf("limit %q (%v), want %q", got, err, tt.limit)
			}
		})
	}
}

func TestLimitsWithDefaults(t *testing.T) {
	got := Limits{Depth: 3, Aliases: -1}.WithDefaults()
	want := DefaultLimits
	want.Depth = 3
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func limitOf(err *gqlerror.Error) string {
	if err == nil {
		return ""
	}
	s, _ := err.Extensions["limit"].(string)
	return s
}

func mustValidate(t *testing.T, schema *ast.Schema, query string) *ast.QueryDocument {
	t.Helper()
	doc, errs := gqlparser.LoadQuery(schema, query)
	if len(errs) > 0 {
		t.Fatalf("invalid query: %v", errs)
	}
	return doc
}
