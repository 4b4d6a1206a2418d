package gql

import (
	"encoding/json"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	throughline "throughline.dev/graph"
)

// listItems is what a list that is not a connection is taken to hold. Such
// lists are short by design (a plan's goals, a key result's requirements,
// a chain's steps); connections carry every list that can grow.
const listItems = 5

// costCap keeps costs from overflowing; it is far above any limit.
const costCap = 1 << 40

// measured is what a selection costs and how deep its fields nest.
type measured struct {
	cost, depth int
}

// measureOperation checks an operation's page sizes, depth and cost. It
// walks the operation once, measuring each fragment once however often it
// is spread, so a document of fragments that spread each other twice over
// costs linear time to measure, not exponential.
func measureOperation(
	doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any, l Limits,
) *gqlerror.Error {
	m := &measure{
		doc: doc, vars: vars,
		done: map[string]measured{}, active: map[string]bool{},
	}
	r := m.selectionSet(op.SelectionSet)
	switch {
	case m.err != nil:
		return m.err
	case r.depth > l.Depth:
		return limitError("depth", l.Depth,
			"the query nests fields %d levels deep; at most %d are allowed", r.depth, l.Depth)
	case r.cost > l.Complexity:
		return limitError("complexity", l.Complexity,
			"the query costs %d, more than the limit of %d: each field costs 1, and a list "+
				"multiplies the cost of what it selects by the items it may return (first, "+
				"or %d when left out); ask for smaller pages or fewer fields",
			r.cost, l.Complexity, throughline.DefaultPageSize)
	}
	return nil
}

// measure walks one operation.
type measure struct {
	doc    *ast.QueryDocument
	vars   map[string]any
	done   map[string]measured // fragments measured so far
	active map[string]bool     // fragments being measured: a spread of one is a cycle
	err    *gqlerror.Error     // the first bad page size or cycle
}

func (m *measure) selectionSet(set ast.SelectionSet) measured {
	var out measured
	for _, sel := range set {
		var r measured
		switch s := sel.(type) {
		case *ast.Field:
			r = m.field(s)
		case *ast.InlineFragment:
			r = m.selectionSet(s.SelectionSet)
		case *ast.FragmentSpread:
			r = m.fragment(s)
		}
		out.cost = satAdd(out.cost, r.cost)
		out.depth = max(out.depth, r.depth)
	}
	return out
}

// field costs 1 plus what it selects, times the items it may return.
// Introspection costs 1: it reads the schema in memory, and validation
// bounds how deeply it nests.
func (m *measure) field(f *ast.Field) measured {
	if f.Name == "__schema" || f.Name == "__type" {
		return measured{cost: 1, depth: 1}
	}
	child := m.selectionSet(f.SelectionSet)
	return measured{
		cost:  satAdd(1, satMul(m.items(f), child.cost)),
		depth: child.depth + 1,
	}
}

func (m *measure) fragment(s *ast.FragmentSpread) measured {
	if r, ok := m.done[s.Name]; ok {
		return r
	}
	def := m.doc.Fragments.ForName(s.Name)
	if def == nil || m.active[s.Name] {
		m.fail(gqlerror.ErrorPosf(s.Position,
			"fragment %s is unknown or spreads itself", s.Name))
		return measured{}
	}
	m.active[s.Name] = true
	r := m.selectionSet(def.SelectionSet)
	delete(m.active, s.Name)
	m.done[s.Name] = r
	return r
}

// items is how many times a field's selection may be resolved: a
// connection's page size, the length of a list argument such as
// nodes(ids:), or listItems for other lists. The lists inside a connection
// (edges, nodes) count once: the connection counted their items.
func (m *measure) items(f *ast.Field) int {
	def := f.Definition
	switch {
	case def == nil:
		return 1
	case isConnection(def):
		return m.pageSize(f)
	case def.Type.Elem == nil || strings.HasSuffix(f.ObjectDefinition.Name, "Connection"):
		return 1
	}
	if n, ok := m.longestListArgument(f); ok {
		return n
	}
	return listItems
}

// isConnection tells a Relay connection field: it returns a ...Connection
// and takes `first`.
func isConnection(def *ast.FieldDefinition) bool {
	return strings.HasSuffix(def.Type.Name(), "Connection") &&
		def.Arguments.ForName("first") != nil
}

// pageSize is the `first` of a connection field, checked the way the
// resolvers check it, so that a bad size is reported before anything runs.
func (m *measure) pageSize(f *ast.Field) int {
	arg := f.Arguments.ForName("first")
	if arg == nil {
		return throughline.DefaultPageSize
	}
	v, _ := arg.Value.Value(m.vars)
	n, ok := toInt(v)
	if !ok {
		return throughline.DefaultPageSize
	}
	if n < 1 || n > throughline.MaxPageSize {
		err := gqlerror.ErrorPosf(arg.Position,
			"first must be between 1 and %d, got %d", throughline.MaxPageSize, n)
		err.Extensions = map[string]any{"code": throughline.EINVALID, "field": "first"}
		m.fail(err)
		return throughline.MaxPageSize
	}
	return n
}

func (m *measure) longestListArgument(f *ast.Field) (int, bool) {
	n, found := 0, false
	for _, a := range f.Arguments {
		v, _ := a.Value.Value(m.vars)
		if list, ok := v.([]any); ok {
			n, found = max(n, len(list)), true
		}
	}
	return n, found
}

func (m *measure) fail(err *gqlerror.Error) {
	if m.err == nil {
		m.err = err
	}
}

// toInt reads an integer argument as the parser (int64) or the variable
// decoder (json.Number, or a coerced integer) left it.
func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int32:
		return int(n), true
	case int64:
		return int(n), true
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	case float64:
		return int(n), n == float64(int(n))
	}
	return 0, false
}

func satAdd(a, b int) int {
	return min(a+b, costCap)
}

func satMul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > costCap/b {
		return costCap
	}
	return min(a*b, costCap)
}
