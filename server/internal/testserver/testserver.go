// Package testserver starts the real HTTP API on a fresh database for
// end-to-end tests, and speaks GraphQL to it over HTTP. The database is a
// SQLite file, or a PostgreSQL schema of its own when the run names a
// PostgreSQL database (see storagetest).
package testserver

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
)

// Server is a running API with its database, and the token its requests
// carry.
type Server struct {
	*app.App
	// Place is where the app keeps its data, for the command line to
	// reach the same database.
	Place app.Place
	URL   string
	// Token is the secret sent with each request. Start signs in as the
	// test lead: a person with ADMIN, HR and MANAGER roles.
	Token string
	// LeadID is the test lead's global ID; people created under the lead
	// have plans the lead may edit.
	LeadID string
	t      testing.TB
}

// LeadEmail is the test lead's email.
const LeadEmail = "lead@test.example"

// NewPlace returns a new place for a test's app on the run's engine: a
// data directory not made yet, and on a PostgreSQL run a schema of its
// own, dropped when the test ends.
func NewPlace(t testing.TB) app.Place {
	t.Helper()
	p := app.Place{DataDir: filepath.Join(t.TempDir(), "data")}
	if storagetest.Postgres() {
		p.DatabaseURL = storagetest.Location(t, "")
	}
	return p
}

// Start opens a new place, serves the API on a loopback port and stops
// both when the test ends. now fixes the clock; nil uses the real one.
func Start(t testing.TB, now func() time.Time) *Server {
	t.Helper()
	place := NewPlace(t)
	a, err := app.OpenAt(context.Background(), place, storage.Options{Now: now})
	if err != nil {
		t.Fatalf("open app: %v", err)
	}
	deps, err := a.HTTPDeps()
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(httpapi.New(deps, httpapi.Options{}))
	t.Cleanup(func() {
		ts.Close()
		a.Close()
	})
	s := &Server{App: a, Place: place, URL: ts.URL, t: t}
	s.signInAsLead()
	return s
}

// signInAsLead makes the test lead and a token for them.
func (s *Server) signInAsLead() {
	s.t.Helper()
	lead := &throughline.Person{Email: LeadEmail, Name: "Test Lead", Title: "Lead"}
	if err := s.Store.CreatePerson(context.Background(), lead); err != nil {
		s.t.Fatalf("create test lead: %v", err)
	}
	s.Token = s.MustToken(lead.ID, throughline.RoleAdmin, throughline.RoleHR, throughline.RoleManager)
	var v struct {
		Viewer struct{ Person struct{ ID string } }
	}
	s.MustDo(`{ viewer { person { id } } }`, nil, &v)
	s.LeadID = v.Viewer.Person.ID
}

// MustToken issues a token for a person (0 for none) with roles.
func (s *Server) MustToken(personID int64, roles ...throughline.Role) string {
	s.t.Helper()
	t := &throughline.Token{Roles: roles, Label: "test"}
	if personID != 0 {
		t.PersonID = &personID
	}
	secret, err := s.Store.CreateToken(context.Background(), t)
	if err != nil {
		s.t.Fatalf("create token: %v", err)
	}
	return secret
}

// As returns the same server acting with another token ("" for none).
func (s *Server) As(token string) *Server {
	c := *s
	c.Token = token
	return &c
}

// Response is a GraphQL response.
type Response struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	Body string
}

// Do posts a query with variables and returns the response as it came.
func (s *Server) Do(query string, vars map[string]any) *Response {
	s.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return s.post("application/json", body)
}

// DoRaw posts a body as it is, with a content type.
func (s *Server) DoRaw(contentType string, body []byte) *Response {
	s.t.Helper()
	return s.post(contentType, body)
}

func (s *Server) post(contentType string, body []byte) *Response {
	s.t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+"/query", bytes.NewReader(body))
	if err != nil {
		s.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if s.Token != "" {
		req.Header.Set("Authorization", "Bearer "+s.Token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatalf("post: %v", err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	r := &Response{Status: res.StatusCode, Body: string(raw)}
	_ = json.Unmarshal(raw, r)
	return r
}

// MustDo posts a query, fails the test on any GraphQL error, and decodes
// the data into out.
func (s *Server) MustDo(query string, vars map[string]any, out any) {
	s.t.Helper()
	r := s.Do(query, vars)
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		s.t.Fatalf("query failed (%d): %s\nquery: %s", r.Status, r.Body, oneLine(query))
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			s.t.Fatalf("decode %s: %v", r.Data, err)
		}
	}
}

// MustMutate runs a mutation whose payload is at data.<field> and fails
// the test when the payload has userErrors.
func (s *Server) MustMutate(field, query string, vars map[string]any, out any) {
	s.t.Helper()
	var data map[string]json.RawMessage
	s.MustDo(query, vars, &data)
	var p struct {
		UserErrors []map[string]any `json:"userErrors"`
	}
	_ = json.Unmarshal(data[field], &p)
	if len(p.UserErrors) > 0 {
		s.t.Fatalf("%s: user errors %v", field, p.UserErrors)
	}
	if out != nil {
		if err := json.Unmarshal(data[field], out); err != nil {
			s.t.Fatalf("decode %s: %v", data[field], err)
		}
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
