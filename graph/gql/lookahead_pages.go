package gql

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// Read-ahead for connections under each object of a level: one page of
// every object's list in one statement, for the page the field asks for.

// pages reads ahead a connection field: the page its first and after ask
// for, of the list under each object of the level, through a loader of
// pages. It returns the connections, so that reading ahead goes on into
// their nodes and edges. Arguments the resolver will refuse read nothing.
func pages[T any, K comparable, V, C any](
	loader func(*loaders.Loaders) *loaders.Loader[loaders.PageKey[K], *throughline.Page[V]],
	parent func(context.Context, *T) (K, bool),
	connection func(*throughline.Page[V], throughline.PageRequest) C,
) prefetcher {
	return func(ctx context.Context, _ *Resolver, f graphql.CollectedField, objs []any) ([]any, error) {
		page, ok := pageArguments(ctx, f)
		if !ok {
			return nil, nil
		}
		ks := keys(each[T](objs), func(o *T) (loaders.PageKey[K], bool) {
			k, ok := parent(ctx, o)
			return loaders.PageKey[K]{Parent: k, Page: page}, ok
		})
		l := loader(loaders.For(ctx))
		if err := l.Prefetch(ctx, ks); err != nil {
			return nil, err
		}
		out := make([]any, 0, len(ks))
		for _, k := range ks {
			if p, err := l.Load(ctx, k); err == nil {
				out = append(out, connection(p, page))
			}
		}
		return out, nil
	}
}

// pageArguments reads a connection field's first and after as its
// resolver will; ok is false for values it will refuse.
func pageArguments(ctx context.Context, f graphql.CollectedField) (throughline.PageRequest, bool) {
	args := f.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
	var first *int32
	if v, ok := args["first"]; ok && v != nil {
		n, ok := toInt(v)
		if !ok {
			return throughline.PageRequest{}, false
		}
		n32 := int32(n)
		first = &n32
	}
	after, _ := args["after"].(string)
	page, err := pageRequest(first, &after)
	return page, err == nil
}

// parentID keys a page by an object's own ID.
func parentID[T any](id func(*T) (int64, bool)) func(context.Context, *T) (int64, bool) {
	return func(_ context.Context, o *T) (int64, bool) { return id(o) }
}

// coverageKey keys a page of covering goals by the requirement and the
// reader.
func coverageKey(ctx context.Context, c *model.CapabilityCoverage) (loaders.Coverage, bool) {
	if c.Requirement == nil {
		return loaders.Coverage{}, false
	}
	k, err := coverageOf(ctx, c.Requirement)
	return k, err == nil
}

// prefetchCoverage reads what capabilityCoverage reads for every key
// result of the level, the requirements and how many goals cover each,
// and returns a coverage per requirement, for reading into its goals.
func prefetchCoverage(ctx context.Context, _ *Resolver, _ graphql.CollectedField,
	objs []any,
) ([]any, error) {
	l := loaders.For(ctx)
	found, err := fetchedLists(ctx, l.Requirements,
		keys(each[throughline.KeyResult](objs), keyResultID))
	if err != nil {
		return nil, err
	}
	reqs := each[throughline.CapabilityRequirement](found)
	if err := l.CoveringGoalCount.Prefetch(ctx, keys(reqs, requirementPair)); err != nil {
		return nil, err
	}
	out := make([]any, len(reqs))
	for i, r := range reqs {
		out[i] = &model.CapabilityCoverage{Requirement: r}
	}
	return out, nil
}
