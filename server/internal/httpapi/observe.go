package httpapi

import (
	"log/slog"
	"net/http"
	"time"

	"throughline.dev/graph/gql"
)

// unmatched is the route of a request no pattern took (a 404 or 405).
const unmatched = "unmatched"

// probes are the routes that monitoring calls every few seconds; their
// requests are logged at debug level, so that they do not drown the rest.
var probes = map[string]bool{
	"GET /healthz": true,
	"GET /readyz":  true,
	"GET /metrics": true,
}

// observe counts, times and (with log) logs every request once, by the
// pattern of the route that served it. mux must be the ServeMux itself:
// it records the pattern on the request it is given.
func observe(m *metrics, log bool, mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		rec := &recorder{ResponseWriter: w}
		mux.ServeHTTP(rec, r)
		elapsed := time.Since(start)
		route := r.Pattern
		if route == "" {
			route = unmatched
		}
		m.request(route, rec.code(), elapsed)
		if log {
			logRequest(r, route, rec, elapsed)
		}
	})
}

// logRequest writes the request's log line: its id, method, route,
// status, duration and size. Never the path, query string, headers or
// body: a calendar feed's path is its secret, and bodies hold people's
// data.
func logRequest(r *http.Request, route string, rec *recorder, elapsed time.Duration) {
	level := slog.LevelInfo
	if probes[route] {
		level = slog.LevelDebug
	}
	ctx := r.Context()
	slog.LogAttrs(ctx, level, "request",
		slog.String("request_id", gql.RequestID(ctx)),
		slog.String("method", r.Method),
		slog.String("route", route),
		slog.Int("status", rec.code()),
		slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
		slog.Int64("bytes", rec.bytes),
	)
}

// recorder notes the status and size of a response on its way out.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 && status >= 200 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the server's writer, to
// flush or set deadlines.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// code is the status sent: 200 when the handler wrote nothing.
func (r *recorder) code() int {
	if r.status == 0 {
		return http.StatusOK
	}
	return r.status
}
