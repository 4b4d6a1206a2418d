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

// Options tune the HTTP API. The zero value takes the defaults.
type Options struct {
	// MaxBodyBytes caps a request body; larger bodies get 413.
	MaxBodyBytes int64
	Limits       gql.Limits
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

// New returns the server's handler.
func New(d Deps, opts Options) http.Handler {
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.Limits == (gql.Limits{}) {
		opts.Limits = gql.DefaultLimits
	}
	api := authenticate(d.Tokens,
		loaders.Middleware(d.Loaders, gql.NewServer(d.Resolver, opts.Limits)))

	mux := http.NewServeMux()
	mux.Handle("/query", limitBody(opts.MaxBodyBytes, api))
	mux.Handle("GET /healthz", health(d.DB))
	mux.Handle("GET /{$}", playgroundPage())
	mux.Handle("GET /playground/", playgroundAssets())
	return mux
}

// limitBody caps the request body: gqlgen's POST transport reads it
// whole.
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
