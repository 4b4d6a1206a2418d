// Package httpapi is the server's HTTP face: the GraphQL endpoint at
// /query, the playground at /, health and readiness checks for load
// balancers, and Prometheus metrics.
package httpapi

import (
	"database/sql"
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
	// Metrics says whether /metrics is served, and to whom. Default: not
	// served.
	Metrics MetricsOptions
	// LogRequests logs every request once (observe.go). Default: off, for
	// tests and benchmarks; the server turns it on.
	LogRequests bool
	// Stopping closes when the server begins to shut down; from then on
	// /readyz answers 503, so that load balancers stop sending requests
	// while those in flight finish. Default: never.
	Stopping <-chan struct{}
}

// DefaultMaxBodyBytes fits any query a person writes, with room for long
// check-in notes.
const DefaultMaxBodyBytes = 1 << 20

// Deps are the parts the HTTP API serves.
type Deps struct {
	Resolver *gql.Resolver
	Loaders  loaders.Source
	Tokens   throughline.TokenService
	// DB is the database's connection pool: /readyz pings it and /metrics
	// reports its statistics.
	DB *sql.DB
	// Schema tells /readyz whether the database's schema is still the one
	// this server runs on; nil leaves the schema unchecked.
	Schema SchemaChecker
}

// New returns the server's handler. Every response carries an
// X-Request-Id, and every request is counted and logged once.
func New(d Deps, opts Options) http.Handler {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	m := newMetrics(d, opts.Metrics.Build)
	graphql := gql.NewServer(d.Resolver, opts.Limits)
	graphql.Use(operationMetrics{m})
	api := authenticate(d.Tokens, loaders.Middleware(d.Loaders, graphql))

	mux := http.NewServeMux()
	mux.Handle("/query", api)
	mux.Handle("GET /healthz", live())
	mux.Handle("GET /readyz", ready(d, opts.Stopping))
	if opts.Metrics.Enabled {
		mux.Handle("GET /metrics", metricsEndpoint(m, opts.Metrics.Token))
	}
	mux.Handle("GET /handover-packs/{file}", handoverPackFile(d))
	mux.Handle("GET /calendar/{file}", calendarFeed(d.Resolver))
	mux.Handle("GET /{$}", playgroundPage())
	mux.Handle("GET /playground/", playgroundAssets())
	return withRequestID(limitBody(opts.MaxBodyBytes, observe(m, opts.LogRequests, mux)))
}

// limitBody caps the request body: the GraphQL transport reads it whole,
// and answers 413 when the cap stops it. It wraps the server's own
// ResponseWriter, which closes the connection after a body too large.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}
