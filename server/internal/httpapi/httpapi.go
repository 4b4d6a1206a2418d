// Package httpapi is the server's HTTP face: the GraphQL endpoint at
// /query, the playground at /, and a health check.
package httpapi

import (
	"encoding/json"
	"net/http"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql"
	"throughline.dev/graph/loaders"
)

// Options tune the HTTP API. A zero field takes its default.
type Options struct {
	// MaxBodyBytes caps a request body; a larger body gets 413 before it
	// is read whole. Default: DefaultMaxBodyBytes (1 MiB).
	MaxBodyBytes int64
	// Limits bound each GraphQL document: tokens, fields, aliases,
	// directives, depth and complexity. Default: gql.DefaultLimits.
	Limits gql.Limits
}

// DefaultMaxBodyBytes fits any query a person writes, with room for long
// check-in notes.
const DefaultMaxBodyBytes = 1 << 20

// Pinger reports whether the database answers.
type Pinger interface {
	Ping() error
}

// Deps are the parts the HTTP API serves.
type Deps struct {
	Resolver *gql.Resolver
	Loaders  loaders.Source
	Tokens   throughline.TokenService
	DB       Pinger
}

// New returns the server's handler. Every response carries an
// X-Request-Id.
func New(d Deps, opts Options) http.Handler {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	api := authenticate(d.Tokens,
		loaders.Middleware(d.Loaders, gql.NewServer(d.Resolver, opts.Limits)))

	mux := http.NewServeMux()
	mux.Handle("/query", limitBody(opts.MaxBodyBytes, api))
	mux.Handle("GET /healthz", health(d.DB))
	mux.Handle("GET /handover-packs/{file}", handoverPackFile(d))
	mux.Handle("GET /calendar/{file}", calendarFeed(d.Resolver))
	mux.Handle("GET /{$}", playgroundPage())
	mux.Handle("GET /playground/", playgroundAssets())
	return withRequestID(mux)
}

// limitBody caps the request body: the GraphQL transport reads it whole,
// and answers 413 when the cap stops it.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

func health(db Pinger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if err := db.Ping(); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			_ = json.NewEncoder(w).Encode(map[string]string{"status": "database unavailable"})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
	})
}
