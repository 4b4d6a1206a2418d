// Package scalar holds the Go side of the schema's custom scalars and the
// Go type behind its interfaces and unions.
package scalar

import (
	"io"
	"math"
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

// MarshalInt32 writes a GraphQL Int, which is 32-bit.
func MarshalInt32(n int32) graphql.Marshaler {
	return graphql.MarshalInt32(n)
}

// UnmarshalInt32 reads a GraphQL Int. Out-of-range and fractional numbers
// are the user's input to fix, so they are domain errors with a message
// that says what is wrong, not internal ones.
func UnmarshalInt32(v any) (int32, error) {
	n, err := graphql.UnmarshalInt64(v)
	if err != nil {
		return 0, throughline.Errorf(throughline.EINVALID, "%v is not a whole number", v)
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, throughline.Errorf(throughline.EINVALID,
			"%d is outside the range of a GraphQL Int (-2147483648 to 2147483647)", n)
	}
	return int32(n), nil
}
