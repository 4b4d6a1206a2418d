package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"throughline.dev/server/internal/httpapi"
	"throughline.dev/server/internal/testserver"
)

// An internal error reaches the client as "internal error" with the
// request's id, never with its SQL or file paths, and the log line that
// tells what happened carries the same id.
func TestInternalErrorIsMaskedAndLogged(t *testing.T) {
	logs := captureLogs(t)
	s := testserver.Start(t, nil)
	mustBreakCyclesTable(t, s)

	r := s.Do(`{ cycles { totalCount } }`, nil)
	if r.Status != http.StatusOK || len(r.Errors) != 1 {
		t.Fatalf("answer %d %s, want 200 with one error", r.Status, r.Body)
	}
	e := r.Errors[0]
	id, _ := e.Extensions["requestId"].(string)
	if e.Message != "internal error" || e.Extensions["code"] != "INTERNAL" || id == "" {
		t.Errorf("error %+v, want internal error with code INTERNAL and a request id", e)
	}
	fault := missingTableError(s)
	for _, leak := range []string{"cycles_gone", fault, "relation", "SQLSTATE", "SELECT", "sql",
		".go", "goroutine"} {
		if strings.Contains(strings.ToLower(r.Body), strings.ToLower(leak)) {
			t.Errorf("the answer mentions %q: %s", leak, r.Body)
		}
	}
	if header := mustHeaderOf(t, s); header == id {
		t.Errorf("two requests shared the id %s", id)
	}

	line := logs.lineWith(`"request_id":"` + id + `"`)
	if line == nil || line["msg"] != "internal error" {
		t.Fatalf("no log line for request %s; logs:\n%s", id, logs.String())
	}
	if err, _ := line["err"].(string); !strings.Contains(err, fault) {
		t.Errorf("the log line for request %s has err %q, want the engine's %q", id, err, fault)
	}
}

// missingTableError is what the store's engine says of a table that is
// not there.
func missingTableError(s *testserver.Server) string {
	if s.Store.Engine() == "postgres" {
		return "does not exist"
	}
	return "no such table"
}

// The id in the error is the one in the response's X-Request-Id header.
func TestInternalErrorIDMatchesHeader(t *testing.T) {
	captureLogs(t)
	s := testserver.Start(t, nil)
	mustBreakCyclesTable(t, s)

	a := send(t, s.Token, http.MethodPost, s.URL+"/query",
		map[string]string{"Content-Type": "application/json"},
		strings.NewReader(`{"query": "{ cycles { totalCount } }"}`))
	var r struct {
		Errors []struct{ Extensions map[string]any }
	}
	if err := json.Unmarshal([]byte(a.body), &r); err != nil || len(r.Errors) != 1 {
		t.Fatalf("answer %s, want one error", a.body)
	}
	got, want := r.Errors[0].Extensions["requestId"], a.header.Get(httpapi.RequestIDHeader)
	if got != want || want == "" {
		t.Errorf("requestId %v, header %q; want the same id", got, want)
	}
}

// mustBreakCyclesTable renames a table under the running server, so that
// the next read of cycles fails inside the database as a real fault would.
func mustBreakCyclesTable(t *testing.T, s *testserver.Server) {
	t.Helper()
	db, err := s.Store.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(context.Background(),
		"ALTER TABLE cycles RENAME TO cycles_gone"); err != nil {
		t.Fatalf("rename table: %v", err)
	}
}

func mustHeaderOf(t *testing.T, s *testserver.Server) string {
	t.Helper()
	a := send(t, s.Token, http.MethodGet, s.URL+"/healthz", nil, nil)
	return a.header.Get(httpapi.RequestIDHeader)
}

// logBuffer holds the JSON log lines written while a test runs.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// lineWith returns the first log line holding text, decoded.
func (l *logBuffer) lineWith(text string) map[string]any {
	for line := range strings.Lines(l.String()) {
		if !strings.Contains(line, text) {
			continue
		}
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil {
			return m
		}
	}
	return nil
}

// captureLogs sends the default logger's lines to a buffer for the rest
// of the test. Tests that call it must not run in parallel.
func captureLogs(t *testing.T) *logBuffer {
	t.Helper()
	l := &logBuffer{}
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(l, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	return l
}
