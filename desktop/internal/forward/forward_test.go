package forward

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"throughline.dev/desktop/internal/connection"
)

// seen is what the stand-in server received.
type seen struct {
	method, path, query, auth, cookie, contentType, body string
}

// throughline stands for the server: it records each request and answers
// like /query and /handover-packs do.
func throughline(t *testing.T) (*httptest.Server, func() []seen) {
	t.Helper()
	var mu sync.Mutex
	var got []seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, seen{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Authorization"),
			r.Header.Get("Cookie"), r.Header.Get("Content-Type"), string(b)})
		mu.Unlock()
		switch {
		case r.URL.Path == "/query" && r.Header.Get("Authorization") == "":
			http.Error(w, `{"errors":[{"message":"unauthenticated"}]}`, http.StatusUnauthorized)
		case r.URL.Path == "/query":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"data":{"viewer":{"roles":["MANAGER"]}}}`)
		case strings.HasPrefix(r.URL.Path, "/handover-packs/"):
			w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
			w.Header().Set("Content-Disposition", `inline; filename="handover-pack.md"`)
			_, _ = io.WriteString(w, "# Handover pack\n")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() []seen {
		mu.Lock()
		defer mu.Unlock()
		return append([]seen(nil), got...)
	}
}

// storeAt is a real connection store in a temporary folder.
func storeAt(t *testing.T, server, token string) *connection.Store {
	t.Helper()
	s := connection.NewStore(t.TempDir() + "/connection.json")
	if server != "" {
		if err := s.Save(server, token); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func serve(h http.Handler, method, target, body string, header http.Header) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	for k, v := range header {
		r.Header[k] = v
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestForwardsQueryWithTheStoredToken(t *testing.T) {
	srv, requests := throughline(t)
	h := New(storeAt(t, srv.URL, "secret-1").Load, time.Second)

	const query = `{"query":"{ viewer { roles } }"}`
	w := serve(h, http.MethodPost, "wails://wails/query", query, http.Header{
		"Content-Type":  {"application/json"},
		"Authorization": {"Bearer from-the-webview"},
		"Cookie":        {"session=webview"},
	})

	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"MANAGER"`) {
		t.Fatalf("POST /query = %d %q, want the server's answer", w.Code, w.Body)
	}
	got := requests()
	want := seen{method: "POST", path: "/query", auth: "Bearer secret-1", contentType: "application/json", body: query}
	if len(got) != 1 || got[0] != want {
		t.Errorf("the server received %+v, want one %+v", got, want)
	}
}

func TestForwardsGetQueryWithItsParameters(t *testing.T) {
	srv, requests := throughline(t)
	h := New(storeAt(t, srv.URL, "secret").Load, time.Second)

	w := serve(h, http.MethodGet, "/query?query=%7B+viewer+%7B+roles+%7D+%7D", "", nil)

	if w.Code != http.StatusOK {
		t.Fatalf("GET /query = %d %q", w.Code, w.Body)
	}
	if got := requests(); len(got) != 1 || got[0].query != "query=%7B+viewer+%7B+roles+%7D+%7D" || got[0].auth != "Bearer secret" {
		t.Errorf("the server received %+v", got)
	}
}

func TestForwardsHandoverPacks(t *testing.T) {
	srv, requests := throughline(t)
	h := New(storeAt(t, srv.URL, "secret").Load, time.Second)

	w := serve(h, http.MethodGet, "/handover-packs/SGFuZG92ZXJQYWNrOjE=.md", "", nil)

	if w.Code != http.StatusOK || w.Body.String() != "# Handover pack\n" {
		t.Fatalf("GET pack = %d %q", w.Code, w.Body)
	}
	if cd := w.Header().Get("Content-Disposition"); !strings.Contains(cd, "handover-pack.md") {
		t.Errorf("Content-Disposition = %q, want the server's", cd)
	}
	if got := requests(); len(got) != 1 || got[0].path != "/handover-packs/SGFuZG92ZXJQYWNrOjE=.md" || got[0].auth != "Bearer secret" {
		t.Errorf("the server received %+v", got)
	}
}

func TestANewConnectionAppliesAtOnce(t *testing.T) {
	first, firstSeen := throughline(t)
	second, secondSeen := throughline(t)
	store := storeAt(t, first.URL, "token-a")
	h := New(store.Load, time.Second)

	serve(h, http.MethodPost, "/query", `{}`, nil)
	if err := store.Save(second.URL, "token-b"); err != nil {
		t.Fatal(err)
	}
	serve(h, http.MethodPost, "/query", `{}`, nil)

	if got := firstSeen(); len(got) != 1 || got[0].auth != "Bearer token-a" {
		t.Errorf("first server received %+v", got)
	}
	if got := secondSeen(); len(got) != 1 || got[0].auth != "Bearer token-b" {
		t.Errorf("second server received %+v", got)
	}
}

func TestNoTokenSendsNoAuthorization(t *testing.T) {
	srv, requests := throughline(t)
	store := storeAt(t, srv.URL, "secret")
	if err := store.ClearToken(); err != nil {
		t.Fatal(err)
	}
	h := New(store.Load, time.Second)

	w := serve(h, http.MethodPost, "/query", `{}`, http.Header{"Authorization": {"Bearer from-the-webview"}})

	if w.Code != http.StatusUnauthorized {
		t.Errorf("POST /query without a token = %d, want the server's 401", w.Code)
	}
	if got := requests(); len(got) != 1 || got[0].auth != "" {
		t.Errorf("the server received %+v, want no Authorization", got)
	}
}

func TestNoServerConfigured(t *testing.T) {
	h := New(storeAt(t, "", "").Load, time.Second)

	w := serve(h, http.MethodPost, "/query", `{}`, nil)

	assertPlain(t, w, http.StatusServiceUnavailable, "No Throughline server is set up")
}

func TestUnreadableSettings(t *testing.T) {
	h := New(func() (connection.Connection, error) {
		return connection.Connection{}, errors.New("connection: /x/connection.json is damaged")
	}, time.Second)

	w := serve(h, http.MethodPost, "/query", `{}`, nil)

	assertPlain(t, w, http.StatusServiceUnavailable, "/x/connection.json is damaged")
}

func TestUnreachableServer(t *testing.T) {
	addr := closedPort(t)
	h := New(storeAt(t, addr, "secret").Load, 5*time.Second)

	w := serve(h, http.MethodPost, "/query", `{}`, nil)

	assertPlain(t, w, http.StatusBadGateway, "No Throughline server answers at "+addr)
}

// closedPort answers the address of a port nothing listens on: one that
// was just listened on and closed.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := "http://" + ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

func TestSlowServerTimesOut(t *testing.T) {
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	defer close(release)
	h := New(storeAt(t, slow.URL, "secret").Load, 200*time.Millisecond)

	start := time.Now()
	w := serve(h, http.MethodPost, "/query", `{}`, nil)

	assertPlain(t, w, http.StatusGatewayTimeout, "did not answer within 200ms")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the request took %s despite a 200ms timeout", d)
	}
}

func TestOtherPathsAreNotFound(t *testing.T) {
	srv, requests := throughline(t)
	h := New(storeAt(t, srv.URL, "secret").Load, time.Second)

	for _, path := range []string{
		"/", "/healthz", "/calendar/x.ics", "/query/x", "/queryx",
		"/handover-packs/", "/handover-packs/x.txt", "/handover-packs/a/b.md", "/playground/",
	} {
		if w := serve(h, http.MethodGet, path, "", nil); w.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, w.Code)
		}
	}
	if got := requests(); len(got) != 0 {
		t.Errorf("the server received %+v, want nothing", got)
	}
}

func TestOtherMethodsAreRefused(t *testing.T) {
	srv, requests := throughline(t)
	h := New(storeAt(t, srv.URL, "secret").Load, time.Second)

	for _, tc := range []struct{ method, path, allow string }{
		{http.MethodDelete, "/query", "GET, POST"},
		{http.MethodPut, "/query", "GET, POST"},
		{http.MethodPost, "/handover-packs/x.md", "GET"},
	} {
		w := serve(h, tc.method, tc.path, "", nil)
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != tc.allow {
			t.Errorf("%s %s = %d Allow %q, want 405 Allow %q", tc.method, tc.path, w.Code, w.Header().Get("Allow"), tc.allow)
		}
	}
	if got := requests(); len(got) != 0 {
		t.Errorf("the server received %+v, want nothing", got)
	}
}

func assertPlain(t *testing.T, w *httptest.ResponseRecorder, status int, says string) {
	t.Helper()
	if w.Code != status {
		t.Errorf("status = %d, want %d (body %q)", w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type = %q, want text/plain", ct)
	}
	if !strings.Contains(w.Body.String(), says) {
		t.Errorf("body %q does not say %q", w.Body, says)
	}
}
