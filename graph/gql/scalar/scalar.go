// Package scalar holds the Go side of the schema's custom scalars and the
// Go type behind its interfaces and unions.
package scalar

import (
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	throughline "throughline.dev/graph"
)

// Node is the Go type of the Node interface and of the schema's unions:
// any domain type the schema declares as a member.
type Node any

// Dates outside these years are typing mistakes, and far-future ones
// would push due dates past what ISO 8601's four-digit years can write.
const (
	minYear = 1900
	maxYear = 2999
)

// MarshalDate writes a date as YYYY-MM-DD.
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.Format(time.DateOnly)))
	})
}

// UnmarshalDate reads a date given as YYYY-MM-DD.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, throughline.Errorf(throughline.EINVALID,
			"a Date must be a string such as 2026-10-01, got %T", v)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, throughline.Errorf(throughline.EINVALID,
			"%q is not a date of the form 2026-10-01", s)
	}
	if t.Year() < minYear || t.Year() > maxYear {
		return time.Time{}, throughline.Errorf(throughline.EINVALID,
			"%q is outside the years %d to %d", s, minYear, maxYear)
	}
	return t, nil
}
