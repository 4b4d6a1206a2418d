package httpapi_test

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"throughline.dev/server/internal/httpapi"
)

// captureDebugLogs is captureLogs from debug level up.
func captureDebugLogs(t *testing.T) *logBuffer {
	t.Helper()
	l := &logBuffer{}
	prev := slog.Default()
	opts := &slog.HandlerOptions{Level: slog.LevelDebug}
	slog.SetDefault(slog.New(slog.NewJSONHandler(l, opts)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	return l
}

// requestLines returns the request log lines of one request id.
func (l *logBuffer) requestLines(id string) []map[string]any {
	var lines []map[string]any
	for line := range strings.Lines(l.String()) {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == "request" && m["request_id"] == id {
			lines = append(lines, m)
		}
	}
	return lines
}

// Every request is logged once, with its id, method, route, status and
// duration; health checks at debug level. Tokens, bodies and paths,
// which may hold a calendar feed's secret, never reach the log.
func TestEveryRequestIsLoggedOnce(t *testing.T) {
	logs := captureDebugLogs(t)
	s := serveAPI(t, httpapi.Options{LogRequests: true}, nil)
	const (
		note           = "a private note about someone"
		calendarSecret = "c4l3nd4rs3cr3t"
	)
	body := `{"query": "{ viewer { roles } }", "variables": {"note": "` + note + `"}}`
	jsonBody := map[string]string{"Content-Type": "application/json"}
	tests := []struct {
		method, path, body, route, level string
		status                           int
	}{
		{"POST", "/query", body, "/query", "INFO", http.StatusOK},
		{"GET", "/healthz", "", "GET /healthz", "DEBUG", http.StatusOK},
		{"GET", "/readyz", "", "GET /readyz", "DEBUG", http.StatusOK},
		{"GET", "/calendar/" + calendarSecret + ".ics", "", "GET /calendar/{file}", "INFO", http.StatusNotFound},
		{"DELETE", "/nowhere", "", "unmatched", "INFO", http.StatusNotFound},
	}
	for _, tt := range tests {
		a := send(t, s.token, tt.method, s.url+tt.path, jsonBody, strings.NewReader(tt.body))
		id := a.header.Get(httpapi.RequestIDHeader)
		lines := logs.requestLines(id)
		if a.status != tt.status || len(lines) != 1 {
			t.Errorf("%s %s: %d with %d log lines, want %d with one:\n%s",
				tt.method, tt.path, a.status, len(lines), tt.status, logs.String())
			continue
		}
		l := lines[0]
		ms, isNumber := l["duration_ms"].(float64)
		if l["method"] != tt.method || l["route"] != tt.route || l["status"] != float64(tt.status) ||
			l["level"] != tt.level || !isNumber || ms < 0 {
			t.Errorf("%s %s logged %v, want method %s, route %q, status %d, level %s and a duration",
				tt.method, tt.path, l, tt.method, tt.route, tt.status, tt.level)
		}
	}
	for _, secret := range []string{s.token, note, calendarSecret} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds %q:\n%s", secret, logs.String())
		}
	}
}
