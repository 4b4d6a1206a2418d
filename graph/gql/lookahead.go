package gql

import (
	"context"
	"reflect"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
)

// Lookahead is the innermost field middleware. When a field resolves to
// objects, it reads ahead what the query asks of them, and of what those
// lead to, a level at a time: one statement per loader for all the
// objects of a level, before any of their fields resolve. Their resolvers
// then find the request's loaders filled. So a query costs the same
// statements however many objects each level holds and however the
// goroutines that resolve them are scheduled: its shape alone sets the
// count, and no field waits for a loader's window to close.
//
// Reading ahead follows the fields it has a prefetcher for; a field it
// has none for resolves as before, through the loaders.
func (r *Resolver) Lookahead(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if err != nil || res == nil {
		return res, err
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(fc.Field.Selections) == 0 {
		return res, nil
	}
	return res, r.lookAt(ctx, fc.Field.Selections, objectsOf(res))
}

// prefetcher reads, for the objects of one level, all of one type, what
// field f of theirs needs, and returns the objects f resolves to, for
// reading further ahead (nil when there is nothing to look into).
type prefetcher func(ctx context.Context, r *Resolver, f graphql.CollectedField,
	objs []any) ([]any, error)

// lookAt reads ahead for the objects, of any types, under a selection.
func (r *Resolver) lookAt(ctx context.Context, sel ast.SelectionSet, objs []any) error {
	for name, group := range byTypeName(objs) {
		if err := r.lookAtType(ctx, sel, name, group); err != nil {
			return err
		}
	}
	return nil
}

func (r *Resolver) lookAtType(ctx context.Context, sel ast.SelectionSet, name string,
	objs []any,
) error {
	if err := prefetchOwners(ctx, name, objs); err != nil {
		return err
	}
	oc := graphql.GetOperationContext(ctx)
	for _, f := range graphql.CollectFields(oc, sel, satisfies(name)) {
		p := prefetchers[name+"."+f.Name]
		if p == nil {
			continue
		}
		children, err := p(ctx, r, f, objs)
		if err != nil {
			return err
		}
		if len(children) > 0 && len(f.Selections) > 0 {
			if err := r.lookAt(ctx, f.Selections, children); err != nil {
				return err
			}
		}
	}
	return nil
}

// satisfies lists the type conditions an object of the type may meet:
// its own name and the interfaces and unions that hold objects.
func satisfies(name string) []string {
	return []string{name, "Node", "StrategyNode", "AlignmentParent"}
}

// objectsOf is a resolved value as a list of objects: the items of a
// slice, or the value itself; nil items are left out.
func objectsOf(v any) []any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		if isNil(rv) {
			return nil
		}
		return []any{v}
	}
	out := make([]any, 0, rv.Len())
	for i := range rv.Len() {
		if item := rv.Index(i); !isNil(item) {
			out = append(out, item.Interface())
		}
	}
	return out
}

// isNil reports whether v holds nothing: a nil pointer, even inside an
// interface.
func isNil(v reflect.Value) bool {
	for v.Kind() == reflect.Interface {
		if v.IsNil() {
			return true
		}
		v = v.Elem()
	}
	return !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil())
}

// byTypeName groups objects by the name of their GraphQL type; objects of
// types reading ahead knows nothing of are left out.
func byTypeName(objs []any) map[string][]any {
	out := map[string][]any{}
	for _, o := range objs {
		if name := typeName(o); name != "" {
			out[name] = append(out[name], o)
		}
	}
	return out
}

func typeName(v any) string {
	switch v.(type) {
	case *throughline.Objective:
		return "Objective"
	case *throughline.KeyResult:
		return "KeyResult"
	case *throughline.Person:
		return "Person"
	case *throughline.DevelopmentPlan:
		return "DevelopmentPlan"
	case *throughline.DevelopmentGoal:
		return "DevelopmentGoal"
	case *throughline.DevelopmentAction:
		return "DevelopmentAction"
	case *throughline.CheckIn:
		return "CheckIn"
	case *throughline.CapabilityRequirement:
		return "CapabilityRequirement"
	case *throughline.HandoverPack:
		return "HandoverPack"
	case *throughline.Capability:
		return "Capability"
	}
	return modelTypeName(v)
}

// modelTypeName names the API's own types that hold domain objects.
func modelTypeName(v any) string {
	switch v.(type) {
	case *model.ObjectiveConnection:
		return "ObjectiveConnection"
	case *model.ObjectiveEdge:
		return "ObjectiveEdge"
	case *model.KeyResultConnection:
		return "KeyResultConnection"
	case *model.KeyResultEdge:
		return "KeyResultEdge"
	case *model.PersonConnection:
		return "PersonConnection"
	case *model.PersonEdge:
		return "PersonEdge"
	case *model.DevelopmentPlanConnection:
		return "DevelopmentPlanConnection"
	case *model.DevelopmentPlanEdge:
		return "DevelopmentPlanEdge"
	case *model.PersonChain:
		return "PersonChain"
	case *model.GoalChain:
		return "GoalChain"
	case *model.StrategyPath:
		return "StrategyPath"
	case *model.Dashboard:
		return "Dashboard"
	case *model.CriticalCoverage:
		return "CriticalCoverage"
	}
	return connectionTypeName(v)
}

// connectionTypeName names the connections and edges that hold the
// objects of lists under another object.
func connectionTypeName(v any) string {
	switch v.(type) {
	case *model.CapabilityConnection:
		return "CapabilityConnection"
	case *model.CapabilityEdge:
		return "CapabilityEdge"
	case *model.CapabilityRequirementConnection:
		return "CapabilityRequirementConnection"
	case *model.CapabilityRequirementEdge:
		return "CapabilityRequirementEdge"
	case *model.DevelopmentGoalConnection:
		return "DevelopmentGoalConnection"
	case *model.DevelopmentGoalEdge:
		return "DevelopmentGoalEdge"
	case *model.CapabilityCoverage:
		return "CapabilityCoverage"
	case *model.DueCheckInConnection:
		return "DueCheckInConnection"
	case *model.DueCheckInEdge:
		return "DueCheckInEdge"
	case *model.DueCheckIn:
		return "DueCheckIn"
	}
	return ""
}

// each is the objects of one level as their Go type.
func each[T any](objs []any) []*T {
	out := make([]*T, 0, len(objs))
	for _, o := range objs {
		if v, ok := o.(*T); ok {
			out = append(out, v)
		}
	}
	return out
}

// keys collects the keys of some objects, each once, leaving out the
// objects that have none.
func keys[T any, K comparable](objs []*T, key func(*T) (K, bool)) []K {
	seen := map[K]bool{}
	out := make([]K, 0, len(objs))
	for _, o := range objs {
		if k, ok := key(o); ok && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// some is an optional ID as a key.
func some(id *int64) (int64, bool) {
	if id == nil {
		return 0, false
	}
	return *id, true
}

// anyOf turns a slice of objects into a level's []any.
func anyOf[T any](items []T) []any {
	out := make([]any, len(items))
	for i, it := range items {
		out[i] = it
	}
	return out
}
