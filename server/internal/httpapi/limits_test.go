package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
	"throughline.dev/server/internal/testserver"
)

// Each limit in Options takes effect: a document just over it is refused
// with an error naming the limit, and one at it runs.
func TestLimitsAreConfigurable(t *testing.T) {
	s := startWith(t, httpapi.Options{Limits: gql.Limits{
		Tokens: 30, Fields: 5, Aliases: 1, Directives: 1, Depth: 3, Complexity: 30,
	}})
	tests := []struct {
		name, query, limit string
	}{
		{"tokens", `{ nodes(ids: [` + strings.Repeat(`"a" `, 30) + `]) { id } }`, "tokens"},
		{"fields", `{ viewer { roles person { id name email } } }`, "fields"},
		{"aliases", `{ a: __typename b: __typename }`, "aliases"},
		{"directives", `{ __typename @skip(if: false) @include(if: true) }`, "directives"},
		{"depth", `{ viewer { person { manager { id } } } }`, "depth"},
		{"complexity", `{ people(first: 15) { nodes { id } } }`, "complexity"},
		{"at every limit", `{ a: viewer { person @include(if: true) { id } }
			people(first: 13) { totalCount } }`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := s.ask(t, tt.query)
			got := ""
			if len(r.Errors) > 0 {
				got, _ = r.Errors[0].Extensions["limit"].(string)
			}
			if got != tt.limit || (tt.limit == "" && len(r.Errors) > 0) {
				t.Errorf("limit %q, want %q: %s", got, tt.limit, r.body)
			}
		})
	}
}

// A smaller body limit answers 413 with the limit in the message.
func TestBodyLimitIsConfigurable(t *testing.T) {
	s := startWith(t, httpapi.Options{MaxBodyBytes: 2048})
	body := `{"query": "{ __typename }", "variables": {"pad": "` + strings.Repeat("x", 2048) + `"}}`
	a := send(t, s.token, http.MethodPost, s.url+"/query",
		map[string]string{"Content-Type": "application/json"}, strings.NewReader(body))
	if a.status != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413: %s", a.status, a.body)
	}
	wantMessage(t, a, "larger than 2048 bytes")
}

// With the token limit raised far past its default, list literals nested
// thousands deep still get a parse error, not a stack overflow: the parser
// has its own nesting limit.
func TestDeepListsWithoutTokenLimit(t *testing.T) {
	s := startWith(t, httpapi.Options{Limits: gql.Limits{Tokens: 1_000_000}})
	const levels = 50_000
	query := `{ nodes(ids: ` + strings.Repeat("[", levels) + `"a"` +
		strings.Repeat("]", levels) + `) { id } }`
	r := s.ask(t, query)
	if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "maximum nesting depth") {
		t.Errorf("answer %.300s, want a nesting error", r.body)
	}
	if r := s.ask(t, `{ viewer { roles } }`); !strings.Contains(r.body, `"ADMIN"`) {
		t.Errorf("after the deep list: %s", r.body)
	}
}

// The GraphiQL playground's introspection query, as graphql-js writes it
// with every option on, fits the default limits.
func TestPlaygroundIntrospectionFitsDefaultLimits(t *testing.T) {
	node := mustAuditTools(t)
	query := mustNodeOutput(t, node, `import { getIntrospectionQuery } from 'graphql';
		process.stdout.write(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true,
			directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));`)
	s := testserver.Start(t, nil)

	var data struct {
		Schema struct{ Types []json.RawMessage } `json:"__schema"`
	}
	s.MustDo(query, nil, &data)
	if len(data.Schema.Types) < 20 {
		t.Errorf("introspection returned %d types", len(data.Schema.Types))
	}
}

// endpoint is a running API and the token its requests carry.
type endpoint struct{ url, token string }

// startWith serves the API with options on a fresh database, signed in
// as an admin.
func startWith(t *testing.T, opts httpapi.Options) endpoint {
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
	return endpoint{url: ts.URL, token: secret}
}

// gqlAnswer is a GraphQL response with the body it came in.
type gqlAnswer struct {
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	body string
}

// ask posts a query.
func (e endpoint) ask(t *testing.T, query string) gqlAnswer {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	a := send(t, e.token, http.MethodPost, e.url+"/query",
		map[string]string{"Content-Type": "application/json"}, strings.NewReader(string(body)))
	r := gqlAnswer{body: a.body}
	if err := json.Unmarshal([]byte(a.body), &r); err != nil {
		t.Fatalf("answer is not JSON: %.300s", a.body)
	}
	return r
}
