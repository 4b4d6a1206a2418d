package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"throughline.dev/server/internal/httpapi"
)

// scrape reads /metrics as Prometheus does and returns its families.
func scrape(t *testing.T, url, token string) map[string]*dto.MetricFamily {
	t.Helper()
	a := send(t, token, http.MethodGet, url+"/metrics", nil, nil)
	if a.status != http.StatusOK {
		t.Fatalf("GET /metrics: %d %s", a.status, a.body)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(a.body))
	if err != nil {
		t.Fatalf("parse /metrics: %v\n%s", err, a.body)
	}
	return families
}

// value is the counter, gauge or histogram count of the metric with
// exactly these labels, 0 when there is none.
func value(families map[string]*dto.MetricFamily, name string, labels map[string]string) float64 {
	f := families[name]
	if f == nil {
		return 0
	}
	for _, m := range f.GetMetric() {
		if !hasLabels(m, labels) {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	return 0
}

func hasLabels(m *dto.Metric, want map[string]string) bool {
	if len(m.GetLabel()) != len(want) {
		return false
	}
	for _, l := range m.GetLabel() {
		if want[l.GetName()] != l.GetValue() {
			return false
		}
	}
	return true
}

// The counters of requests, latencies, operations and errors each move
// by one for each request, by route, status, type and outcome.
func TestMetricsCountRequestsAndOperations(t *testing.T) {
	s := serveAPI(t, httpapi.Options{Metrics: httpapi.MetricsOptions{Enabled: true}}, nil)
	query := map[string]string{"route": "/query", "code": "200"}
	ok := map[string]string{"type": "query", "outcome": "ok"}
	refusedDoc := map[string]string{"type": "none", "outcome": "user_error"}
	refusedInput := map[string]string{"type": "mutation", "outcome": "user_error"}
	failed := map[string]string{"type": "query", "outcome": "error"}
	const (
		requests   = "throughline_http_requests_total"
		latency    = "throughline_http_request_duration_seconds"
		operations = "throughline_graphql_operations_total"
		errs       = "throughline_graphql_errors_total"
	)
	before := scrape(t, s.url, "")

	s.ask(t, `{ viewer { roles } }`)
	s.ask(t, `{ noSuchField }`)
	s.ask(t, `mutation { createTeam(input: {name: ""}) { team { id } userErrors { field } } }`)
	mustBreakCycles(t, s)
	s.ask(t, `{ cycles { totalCount } }`)
	send(t, s.token, http.MethodGet, s.url+"/no-such-page", nil, nil)

	after := scrape(t, s.url, "")
	for _, c := range []struct {
		name   string
		labels map[string]string
		moved  float64
	}{
		{requests, query, 4},
		{latency, map[string]string{"route": "/query"}, 4},
		{requests, map[string]string{"route": "unmatched", "code": "404"}, 1},
		{requests, map[string]string{"route": "GET /metrics", "code": "200"}, 1},
		{operations, ok, 1},
		{operations, refusedDoc, 1},
		{operations, refusedInput, 1},
		{operations, failed, 1},
		{errs, map[string]string{"code": "GRAPHQL_VALIDATION_FAILED"}, 1},
		{errs, map[string]string{"code": "INTERNAL"}, 1},
	} {
		if got := value(after, c.name, c.labels) - value(before, c.name, c.labels); got != c.moved {
			t.Errorf("%s%v moved by %v, want %v", c.name, c.labels, got, c.moved)
		}
	}
}

// mustBreakCycles renames the cycles table, so that the next read of
// cycles fails inside the database as a real fault would.
func mustBreakCycles(t *testing.T, s served) {
	t.Helper()
	db, err := s.app.Store.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(context.Background(),
		"ALTER TABLE cycles RENAME TO cycles_gone"); err != nil {
		t.Fatalf("rename table: %v", err)
	}
}

// The database pool, plan counts and the build are reported too.
func TestMetricsReportPoolPlansAndBuild(t *testing.T) {
	build := httpapi.BuildInfo{Version: "1.2.3", Commit: "abc1234", Date: "2025-06-01T12:00:00Z"}
	s := serveAPI(t, httpapi.Options{Metrics: httpapi.MetricsOptions{Enabled: true, Build: build}}, nil)
	s.ask(t, `{ viewer { roles } }`)
	m := scrape(t, s.url, "")

	pool := map[string]string{"db_name": "throughline"}
	for _, name := range []string{"go_sql_open_connections", "go_sql_in_use_connections",
		"go_sql_idle_connections", "go_sql_wait_count_total", "go_sql_wait_duration_seconds_total"} {
		if m[name] == nil || len(m[name].GetMetric()) != 1 || !hasLabels(m[name].GetMetric()[0], pool) {
			t.Errorf("%s: %v, want one metric labelled %v", name, m[name], pool)
		}
	}
	if open := value(m, "go_sql_open_connections", pool); open < 1 {
		t.Errorf("open connections %v after a query, want at least 1", open)
	}
	for _, status := range []string{"ON_TRACK", "BLOCKED", "NEEDS_RESET", "COMPLETED"} {
		f := m["throughline_plans"]
		if f == nil || !anyHasLabels(f, map[string]string{"status": status}) {
			t.Errorf("throughline_plans has no status %s: %v", status, f)
		}
	}
	info := m["throughline_build_info"]
	if info == nil || len(info.GetMetric()) != 1 {
		t.Fatalf("throughline_build_info: %v", info)
	}
	labels := map[string]string{}
	for _, l := range info.GetMetric()[0].GetLabel() {
		labels[l.GetName()] = l.GetValue()
	}
	if labels["version"] != "1.2.3" || labels["commit"] != "abc1234" ||
		labels["build_date"] != build.Date || !strings.HasPrefix(labels["goversion"], "go") {
		t.Errorf("build info labels %v, want those of %+v", labels, build)
	}
}

func anyHasLabels(f *dto.MetricFamily, want map[string]string) bool {
	for _, m := range f.GetMetric() {
		if hasLabels(m, want) {
			return true
		}
	}
	return false
}

// With a metrics token, a scrape must send it; without metrics there is
// no /metrics at all.
func TestMetricsAccess(t *testing.T) {
	locked := serveAPI(t, httpapi.Options{Metrics: httpapi.MetricsOptions{
		Enabled: true, Token: "scrape-secret",
	}}, nil)
	for _, token := range []string{"", "wrong", locked.token} {
		a := send(t, token, http.MethodGet, locked.url+"/metrics", nil, nil)
		if a.status != http.StatusUnauthorized {
			t.Errorf("scrape with token %q: %d, want 401", token, a.status)
		}
	}
	if m := scrape(t, locked.url, "scrape-secret"); m["throughline_http_requests_total"] == nil {
		t.Errorf("scrape with the metrics token: no request counts")
	}

	off := serveAPI(t, httpapi.Options{}, nil)
	if a := send(t, "", http.MethodGet, off.url+"/metrics", nil, nil); a.status != http.StatusNotFound {
		t.Errorf("metrics off: GET /metrics %d, want 404", a.status)
	}
}
