package httpapi

import (
	"context"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	throughline "throughline.dev/graph"
)

// MetricsOptions say whether /metrics is served and to whom.
type MetricsOptions struct {
	// Enabled serves /metrics.
	Enabled bool
	// Token, when set, is the bearer token a scrape must send: the
	// metrics tell how much the organisation uses Throughline.
	Token string
	// Build is reported as throughline_build_info.
	Build BuildInfo
}

// BuildInfo names the release the server was built from.
type BuildInfo struct {
	Version, Commit, Date string
}

// planCountsTTL is how long plan counts are reused between scrapes:
// counting is cheap, but scrapers and people refreshing a dashboard need
// no fresher figure.
const planCountsTTL = 30 * time.Second

// metrics are the server's own Prometheus collectors, in a registry of
// their own: two handlers in one process (as in tests) count apart.
type metrics struct {
	registry   *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	inFlight   prometheus.Gauge
	operations *prometheus.CounterVec
	gqlErrors  *prometheus.CounterVec
}

func newMetrics(d Deps, build BuildInfo) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "throughline_http_requests_total",
			Help: "HTTP requests answered, by route pattern and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "throughline_http_request_duration_seconds",
			Help:    "Time from a request's arrival to the end of its answer, by route pattern.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "throughline_http_requests_in_flight",
			Help: "HTTP requests being answered now.",
		}),
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "throughline_graphql_operations_total",
			Help: "GraphQL operations by type (query, mutation, none when the document " +
				"did not get that far) and outcome: ok, user_error (the request or its input " +
				"was refused, or a mutation answered userErrors) or error (the server failed).",
		}, []string{"type", "outcome"}),
		gqlErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "throughline_graphql_errors_total",
			Help: "Errors in GraphQL responses, by extensions.code; INTERNAL ones are logged " +
				"with their request id.",
		}, []string{"code"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.inFlight, m.operations, m.gqlErrors,
		buildInfo(build),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if d.DB != nil {
		m.registry.MustRegister(collectors.NewDBStatsCollector(d.DB, "throughline"))
	}
	if d.Resolver != nil && d.Resolver.Plans != nil {
		m.registry.MustRegister(newPlanCounts(d.Resolver.Plans))
	}
	return m
}

// buildInfo is the usual constant 1 with the release in its labels.
func buildInfo(b BuildInfo) prometheus.Collector {
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "throughline_build_info",
		Help: "Always 1; the labels name the release the server was built from.",
		ConstLabels: prometheus.Labels{
			"version": b.Version, "commit": b.Commit, "build_date": b.Date,
			"goversion": runtime.Version(),
		},
	})
	g.Set(1)
	return g
}

// request counts one answered request.
func (m *metrics) request(route string, status int, elapsed time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(elapsed.Seconds())
}

// metricsEndpoint serves the registry in Prometheus' text format. A
// collector that fails leaves its metrics out; the others are served.
func metricsEndpoint(m *metrics, token string) http.Handler {
	h := promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{
		ErrorHandling: promhttp.ContinueOnError,
	})
	if token == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := bearer(r)
		if !ok || subtle.ConstantTimeCompare([]byte(secret), []byte(token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="throughline metrics"`)
			http.Error(w, "send the metrics token: Authorization: Bearer <token>",
				http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// planCounts reports how many development plans are in each status. It
// counts at scrape time and keeps the counts for planCountsTTL.
type planCounts struct {
	plans throughline.PlanService
	desc  *prometheus.Desc

	mu     sync.Mutex
	at     time.Time
	counts map[throughline.PlanStatus]int64
}

func newPlanCounts(plans throughline.PlanService) *planCounts {
	return &planCounts{
		plans: plans,
		desc: prometheus.NewDesc("throughline_plans",
			"Development plans by status, counted at most every 30 seconds.",
			[]string{"status"}, nil),
	}
}

// planStatuses are the statuses a plan can have, in the order reported.
var planStatuses = []throughline.PlanStatus{
	throughline.StatusOnTrack, throughline.StatusBlocked,
	throughline.StatusNeedsReset, throughline.StatusCompleted,
}

// Describe implements prometheus.Collector.
func (p *planCounts) Describe(ch chan<- *prometheus.Desc) { ch <- p.desc }

// Collect implements prometheus.Collector. When counting fails the
// figures are left out of the scrape and the failure is logged.
func (p *planCounts) Collect(ch chan<- prometheus.Metric) {
	counts, err := p.current()
	if err != nil {
		slog.Warn("metrics: count plans", "err", err)
		return
	}
	for _, s := range planStatuses {
		ch <- prometheus.MustNewConstMetric(p.desc, prometheus.GaugeValue,
			float64(counts[s]), string(s))
	}
}

// current returns the cached counts, counting again once they are old.
// The lock makes concurrent scrapes wait for one count.
func (p *planCounts) current() (map[throughline.PlanStatus]int64, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.counts != nil && time.Since(p.at) < planCountsTTL {
		return p.counts, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
	defer cancel()
	counts := map[throughline.PlanStatus]int64{}
	for _, s := range planStatuses {
		page, err := p.plans.FindPlans(ctx, throughline.PlanFilter{Status: s},
			throughline.PageRequest{First: 1})
		if err != nil {
			return nil, err
		}
		counts[s] = page.TotalCount
	}
	p.counts, p.at = counts, time.Now()
	return counts, nil
}
