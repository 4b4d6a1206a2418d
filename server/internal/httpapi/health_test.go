package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
	"throughline.dev/server/internal/testserver"
)

// served is a running API on its own app, which the test may break.
type served struct {
	endpoint
	app *app.App
}

// serveAPI serves the API with options on a fresh database, with deps
// changed as the test asks, signed in as an admin.
func serveAPI(t *testing.T, opts httpapi.Options, change func(*httpapi.Deps)) served {
	t.Helper()
	ctx := context.Background()
	a, err := app.OpenAt(ctx, testserver.NewPlace(t), storage.Options{})
	if err != nil {
		t.Fatalf("open app: %v", err)
	}
	deps, err := a.HTTPDeps()
	if err != nil {
		t.Fatal(err)
	}
	if change != nil {
		change(&deps)
	}
	ts := httptest.NewServer(httpapi.New(deps, opts))
	t.Cleanup(func() {
		ts.Close()
		a.Close()
	})
	secret, err := a.Store.CreateToken(ctx, &throughline.Token{
		Roles: []throughline.Role{throughline.RoleAdmin}, Label: "test",
	})
	if err != nil {
		t.Fatalf("create token: %v", err)
	}
	return served{endpoint: endpoint{url: ts.URL, token: secret}, app: a}
}

// probe gets a health endpoint, signed out as load balancers are, and
// returns its status and the JSON it answered.
func probe(t *testing.T, url string) (int, map[string]string) {
	t.Helper()
	a := send(t, "", http.MethodGet, url, nil, nil)
	var body map[string]string
	if err := json.Unmarshal([]byte(a.body), &body); err != nil {
		t.Fatalf("GET %s: %d %q is not JSON", url, a.status, a.body)
	}
	return a.status, body
}

func wantProbe(t *testing.T, url string, status int, want map[string]string) {
	t.Helper()
	got, body := probe(t, url)
	if got != status || len(body) != len(want) {
		t.Errorf("GET %s: %d %v, want %d %v", url, got, body, status, want)
		return
	}
	for k, v := range want {
		if body[k] != v {
			t.Errorf("GET %s: %d %v, want %d %v", url, got, body, status, want)
		}
	}
}

// A serving server is live and ready; once it begins to stop it is still
// live but no longer ready, so that load balancers drain it.
func TestReadinessEndsWhenStopping(t *testing.T) {
	stopping := make(chan struct{})
	s := serveAPI(t, httpapi.Options{Stopping: stopping}, nil)
	wantProbe(t, s.url+"/healthz", http.StatusOK, map[string]string{"status": "ok"})
	wantProbe(t, s.url+"/readyz", http.StatusOK, map[string]string{"status": "ready"})

	close(stopping)
	wantProbe(t, s.url+"/readyz", http.StatusServiceUnavailable,
		map[string]string{"status": "not ready", "reason": "shutting down"})
	wantProbe(t, s.url+"/healthz", http.StatusOK, map[string]string{"status": "ok"})
}

// Without its database the server is not ready, and says why without
// the database's own words; it is still live, so that no supervisor
// restarts it for its database's sake.
func TestReadinessNeedsTheDatabase(t *testing.T) {
	s := serveAPI(t, httpapi.Options{}, nil)
	wantProbe(t, s.url+"/readyz", http.StatusOK, map[string]string{"status": "ready"})
	if err := s.app.Close(); err != nil {
		t.Fatal(err)
	}
	wantProbe(t, s.url+"/readyz", http.StatusServiceUnavailable,
		map[string]string{"status": "not ready", "reason": "database unavailable"})
	wantProbe(t, s.url+"/healthz", http.StatusOK, map[string]string{"status": "ok"})
}

// schemaMoved is a database whose schema another server migrated past
// this one's.
type schemaMoved struct{}

func (schemaMoved) CheckSchema(context.Context) error {
	return errors.New("the database schema is at version 9; this server runs on version 5")
}

// A database migrated past the server's schema makes it not ready.
func TestReadinessNeedsTheSchema(t *testing.T) {
	s := serveAPI(t, httpapi.Options{}, func(d *httpapi.Deps) { d.Schema = schemaMoved{} })
	wantProbe(t, s.url+"/readyz", http.StatusServiceUnavailable, map[string]string{
		"status": "not ready", "reason": "database schema is not the one this server runs on",
	})
}
