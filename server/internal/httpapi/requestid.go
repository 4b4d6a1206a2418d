package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"

	"throughline.dev/graph/gql"
)

// RequestIDHeader is the response header that carries a request's id.
const RequestIDHeader = "X-Request-Id"

// withRequestID gives every request a fresh id: in its context, where the
// error presenter logs it with any internal error, and in the response's
// X-Request-Id header, so that a person reporting a failure can quote it.
// An id a client sends is ignored: ids are only useful when the server
// made them, unique and unforgeable in its logs.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := newRequestID()
		w.Header().Set(RequestIDHeader, id)
		next.ServeHTTP(w, r.WithContext(gql.WithRequestID(r.Context(), id)))
	})
}

// newRequestID returns 16 random hex digits.
func newRequestID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}
