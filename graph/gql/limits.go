package gql

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits bound what one GraphQL document may ask of the server. Each is
// checked before anything runs, and a document over a limit gets one error
// that names the limit, so a client knows what to change. A zero field
// takes its value from DefaultLimits.
type Limits struct {
	// Tokens caps the lexical tokens of a document: names, punctuation,
	// values. It bounds the work of parsing and validating any document,
	// since both grow with its size.
	Tokens int
	// Fields caps the fields a document selects, counted as written
	// (a fragment counts once however often it is spread). Validation
	// compares fields that share a response name pairwise, so thousands of
	// fields cost seconds before any other limit could apply.
	Fields int
	// Aliases caps the aliases in a document: each alias asks for a field
	// once more, so aliases multiply the work of one field.
	Aliases int
	// Directives caps the directives in a document.
	Directives int
	// Fragments caps the fragment definitions in a document. Validation
	// follows spreads from fragment to fragment, so a long chain or cycle
	// of fragments costs time that grows with the square of its length.
	Fragments int
	// Depth caps how deeply the selected fields nest, following
	// fragments; a field at the top of an operation is at depth 1.
	// Introspection (__schema, __type) is bounded by its own rule instead.
	Depth int
	// Complexity caps the cost of an operation: each field costs 1, and a
	// list multiplies the cost of what it selects by the items it may
	// return (a connection's `first`, or the default page size).
	Complexity int
}

// DefaultLimits are generous for the desktop app's and HR's queries, and
// small enough that one request cannot occupy the server for long. The
// GraphiQL introspection query and every query the app sends fit well
// inside them.
var DefaultLimits = Limits{
	Tokens:     10000,
	Fields:     1000,
	Aliases:    100,
	Directives: 50,
	Fragments:  100,
	Depth:      15,
	Complexity: 5000,
}

// WithDefaults returns the limits with each zero (or negative) field set
// from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	pick := func(v, def int) int {
		if v <= 0 {
			return def
		}
		return v
	}
	d := DefaultLimits
	return Limits{
		Tokens:     pick(l.Tokens, d.Tokens),
		Fields:     pick(l.Fields, d.Fields),
		Aliases:    pick(l.Aliases, d.Aliases),
		Directives: pick(l.Directives, d.Directives),
		Fragments:  pick(l.Fragments, d.Fragments),
		Depth:      pick(l.Depth, d.Depth),
		Complexity: pick(l.Complexity, d.Complexity),
	}
}

// CodeLimitExceeded is the extensions.code of an error about a document
// over one of the Limits; extensions.limit names which one.
const CodeLimitExceeded = "LIMIT_EXCEEDED"

// limitsExtension enforces Limits in two steps. The counts of the raw
// document (tokens, fields, aliases, directives) are taken by the lexer
// alone, before the document is parsed and validated, because validation
// itself is what a large document makes slow. Depth, cost and page sizes
// need the validated operation: validation has then rejected fragment
// cycles, and the walk that measures them also guards against cycles.
type limitsExtension struct {
	limits Limits
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = limitsExtension{}

// ExtensionName implements graphql.HandlerExtension.
func (limitsExtension) ExtensionName() string { return "ThroughlineLimits" }

// Validate implements graphql.HandlerExtension.
func (limitsExtension) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters implements graphql.OperationParameterMutator:
// it runs before the document is parsed.
func (e limitsExtension) MutateOperationParameters(
	_ context.Context, p *graphql.RawParams,
) *gqlerror.Error {
	return scanDocument(p.Query, e.limits)
}

// MutateOperationContext implements graphql.OperationContextMutator: it
// runs after validation, before any resolver.
func (e limitsExtension) MutateOperationContext(
	_ context.Context, op *graphql.OperationContext,
) *gqlerror.Error {
	return measureOperation(op.Doc, op.Operation, op.Variables, e.limits)
}

// limitError reports a document over a limit: which limit, its value,
// and what the document had.
func limitError(limit string, max int, format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{
		Message: fmt.Sprintf(format, args...),
		Extensions: map[string]any{
			"code":  CodeLimitExceeded,
			"limit": limit,
			"max":   max,
		},
	}
}

// CheckDocument measures every operation of a validated document against
// the limits as the server would, with no variables; tests use it to keep
// documented examples within what the server accepts.
func CheckDocument(doc *ast.QueryDocument, l Limits) error {
	l = l.WithDefaults()
	for _, op := range doc.Operations {
		if err := measureOperation(doc, op, nil, l); err != nil {
			return err
		}
	}
	return nil
}
