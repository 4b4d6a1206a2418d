package throughline

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Page sizes bound every list that can grow.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageRequest asks for up to First items after the item with ID After.
// Lists are ordered by ID, so a cursor is the ID of the last item seen and
// stays valid while items are added.
type PageRequest struct {
	First int
	After int64
}

// NewPageRequest checks a page size and an opaque cursor from a client.
// A nil size means the default.
func NewPageRequest(first *int32, after *string) (PageRequest, error) {
	req := PageRequest{First: DefaultPageSize}
	if first != nil {
		if *first < 1 || *first > MaxPageSize {
			return req, FieldErrorf(EINVALID, "first",
				"first must be between 1 and %d, got %d", MaxPageSize, *first)
		}
		req.First = int(*first)
	}
	if after != nil && *after != "" {
		id, err := DecodeCursor(*after)
		if err != nil {
			return req, err
		}
		req.After = id
	}
	return req, nil
}

// Page is one page of a list, with what a cursor connection needs.
type Page[T any] struct {
	Items       []T
	HasNextPage bool
	TotalCount  int64
	// IDs holds each item's ID, for cursors.
	IDs []int64
}

const cursorPrefix = "cursor:"

// EncodeCursor makes an opaque cursor from an item ID.
func EncodeCursor(id int64) string {
	raw := cursorPrefix + strconv.FormatInt(id, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// DecodeCursor reads a cursor made by EncodeCursor.
func DecodeCursor(cursor string) (int64, error) {
	bad := FieldErrorf(EINVALID, "after", "%q is not a cursor from this server", cursor)
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || !strings.HasPrefix(string(raw), cursorPrefix) {
		return 0, bad
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(string(raw), cursorPrefix), 10, 64)
	if err != nil || id < 0 {
		return 0, bad
	}
	return id, nil
}
