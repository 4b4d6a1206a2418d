package gql

import (
	"context"
	"sort"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// pageRequest checks the paging arguments every connection takes.
func pageRequest(first *int32, after *string) (throughline.PageRequest, error) {
	return throughline.NewPageRequest(first, after)
}

// pageInfo describes a page for a cursor connection.
func pageInfo[T any](p *throughline.Page[T], after int64) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: p.HasNextPage, HasPreviousPage: after > 0}
	if n := len(p.IDs); n > 0 {
		start, end := throughline.EncodeCursor(p.IDs[0]), throughline.EncodeCursor(p.IDs[n-1])
		info.StartCursor, info.EndCursor = &start, &end
	}
	return info
}

// edges builds a connection's edges with a constructor for its edge type.
func edges[T, E any](p *throughline.Page[T], edge func(cursor string, node T) E) []E {
	out := make([]E, len(p.Items))
	for i, item := range p.Items {
		out[i] = edge(throughline.EncodeCursor(p.IDs[i]), item)
	}
	return out
}

// nonNil gives GraphQL an empty list rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// pageOf answers a connection under a parent with one page of its list,
// through a loader of pages that reading ahead fills for a whole level.
func pageOf[K comparable, V, C any](ctx context.Context,
	l *loaders.Loader[loaders.PageKey[K], *throughline.Page[V]], parent K,
	first *int32, after *string, connection func(*throughline.Page[V], throughline.PageRequest) C,
) (C, error) {
	var none C
	page, err := pageRequest(first, after)
	if err != nil {
		return none, err
	}
	p, err := l.Load(ctx, loaders.PageKey[K]{Parent: parent, Page: page})
	if err != nil {
		return none, err
	}
	return connection(p, page), nil
}

// pageInMemory cuts one page from a list read whole, ordered by ID.
func pageInMemory[T any](all []*T, id func(*T) int64,
	page throughline.PageRequest,
) *throughline.Page[*T] {
	start := sort.Search(len(all), func(i int) bool { return id(all[i]) > page.After })
	rest := all[start:]
	p := &throughline.Page[*T]{TotalCount: int64(len(all))}
	n := min(len(rest), page.First)
	p.Items, p.HasNextPage = rest[:n], len(rest) > n
	for _, it := range p.Items {
		p.IDs = append(p.IDs, id(it))
	}
	return p
}

func requirementConnection(p *throughline.Page[*throughline.CapabilityRequirement],
	page throughline.PageRequest,
) *model.CapabilityRequirementConnection {
	edge := func(c string, n *throughline.CapabilityRequirement) *model.CapabilityRequirementEdge {
		return &model.CapabilityRequirementEdge{Cursor: c, Node: n}
	}
	return &model.CapabilityRequirementConnection{
		Edges:      edges(p, edge),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}

func goalConnection(p *throughline.Page[*throughline.DevelopmentGoal],
	page throughline.PageRequest,
) *model.DevelopmentGoalConnection {
	return &model.DevelopmentGoalConnection{
		Edges: edges(p, func(c string, n *throughline.DevelopmentGoal) *model.DevelopmentGoalEdge {
			return &model.DevelopmentGoalEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}
