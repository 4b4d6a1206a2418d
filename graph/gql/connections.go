package gql

import (
	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
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
