package e2e_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"throughline.dev/server/internal/testserver"
)

// hostileTimeout bounds each hostile request, so that a server that hangs
// fails the test instead of stalling it. It is no timing assertion: a
// healthy server answers each of these in milliseconds.
const hostileTimeout = 10 * time.Second

const graphqlResponse = "application/graphql-response+json"

// hostileCase is one bad request and the answer it must get.
type hostileCase struct {
	name   string
	accept string // graphql-response+json unless set
	ctype  string // application/json unless set
	body   []byte
	status int
	want   string // in the first error's message
}

// Documents and requests meant to exhaust the server each get a clear
// refusal (a 4xx, or 200 with an error where GraphQL over HTTP asks for
// it), and the server answers a normal query right after each one.
func TestHostileRequestsAreRefused(t *testing.T) {
	s := testserver.Start(t, nil)
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			status, res := hostilePost(t, s, c)
			if status != c.status {
				t.Errorf("status %d, want %d: %.300s", status, c.status, res.raw)
			}
			if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, c.want) {
				t.Errorf("errors %.300s, want a message with %q", res.raw, c.want)
			}
			if res.Data != nil {
				t.Errorf("data %s beside a refused request, want none", res.Data)
			}
			wantServing(t, s)
		})
	}
}

func hostileCases() []hostileCase {
	return []hostileCase{
		hostileDoc("deep nesting", deepManagers(200), 400, "nests fields 202 levels deep"),
		{name: "deep nesting, application/json", accept: "application/json",
			body: hostileQuery(deepManagers(200)), status: 200, want: "at most 15 are allowed"},
		hostileDoc("fragment cycle", `{ person(email: "x") { ...A } }
			fragment A on Person { manager { ...B } }
			fragment B on Person { manager { ...A } }`, 400, "within itself"),
		hostileDoc("fragment spreading itself", `{ ...Q } fragment Q on Query { ...Q }`,
			400, "within itself"),
		hostileDoc("a cycle of 1,100 fragments", fragmentRing(1100), 400, "more than 100 fragments"),
		hostileDoc("100,000 tokens", `{ nodes(ids: [`+strings.Repeat(`"a" `, 100_000)+`]) { id } }`,
			400, "longer than 10000 tokens"),
		hostileDoc("5,000 aliases", "{"+repeatNumbered(5000, " a%d: __typename")+" }",
			400, "more than 100 aliases"),
		hostileDoc("5,000 fields", "{"+strings.Repeat(" __typename", 5000)+" }",
			400, "more than 1000 fields"),
		hostileDoc("5,000 directives", "{ __typename"+strings.Repeat(" @skip(if: false)", 5000)+" }",
			400, "more than 50 directives"),
		hostileDoc("list literal 10,000 deep", nestedList(10_000), 400, "longer than 10000 tokens"),
		hostileDoc("list literal 900 deep", nestedList(900), 400, "ID cannot represent"),
		hostileDoc("expensive query", `{ people(first: 100) { nodes { reports(first: 100) {
			nodes { name } } } } }`, 400, "more than the limit of 5000"),
		hostileDoc("first: 100000", `{ people(first: 100000) { totalCount } }`,
			400, "first must be between 1 and 100, got 100000"),
		hostileDoc("first: -1", `{ people(first: -1) { totalCount } }`,
			400, "first must be between 1 and 100, got -1"),
		{name: "first: 100000 in a variable", body: hostileJSON(map[string]any{
			"query":     `query($n: Int) { people(first: $n) { totalCount } }`,
			"variables": map[string]any{"n": 100000},
		}), status: 400, want: "first must be between 1 and 100, got 100000"},
		{name: "variables nested 20,000 deep",
			body: []byte(`{"query": "query($v: [ID!]!) { nodes(ids: $v) { id } }", "variables": {"v": ` +
				strings.Repeat("[", 20_000) + `"a"` + strings.Repeat("]", 20_000) + `}}`),
			status: 400, want: "exceeded max depth"},
		{name: "5 MB body", body: hostileQuery("{ __typename }" + strings.Repeat(" ", 5<<20)),
			status: 413, want: "larger than 1048576 bytes"},
		{name: "null body", body: []byte("null"), status: 400, want: "not null"},
		{name: "empty body", body: nil, status: 400, want: "body is empty"},
		{name: "not JSON", body: []byte(`{"query": `), status: 400, want: "not valid JSON"},
		{name: "array body", body: []byte(`[{"query": "{ __typename }"}]`),
			status: 400, want: "must be a JSON object"},
		{name: "query as number", body: []byte(`{"query": 42}`),
			status: 400, want: "`query` must be a string"},
		{name: "variables as string", body: []byte(`{"query": "{ __typename }", "variables": "{}"}`),
			status: 400, want: "`variables` must be a JSON object"},
		{name: "operationName as number",
			body:   []byte(`{"query": "{ __typename }", "operationName": 1}`),
			status: 400, want: "`operationName` must be a string"},
		{name: "extensions as array", body: []byte(`{"query": "{ __typename }", "extensions": []}`),
			status: 400, want: "`extensions` must be a JSON object"},
	}
}

// People cannot sign in past the token check to probe the schema:
// without a token, introspection and a misspelt field both get 401 before
// any GraphQL is parsed, so no schema name or suggestion leaks out.
func TestSignedOutSeeNoSchema(t *testing.T) {
	s := testserver.Start(t, nil)
	for _, q := range []string{`{ __schema { types { name } } }`, `{ peple { id } }`} {
		r := s.As("").Do(q, nil)
		if r.Status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", q, r.Status)
		}
		for _, leak := range []string{"Did you mean", "people", "__Schema", "Person"} {
			if strings.Contains(r.Body, leak) {
				t.Errorf("%s: signed-out answer %s mentions %q", q, r.Body, leak)
			}
		}
	}

	// Signed in, the playground's docs and hints work.
	var data struct {
		Schema struct{ QueryType struct{ Name string } } `json:"__schema"`
	}
	s.MustDo(`{ __schema { queryType { name } } }`, nil, &data)
	if data.Schema.QueryType.Name != "Query" {
		t.Errorf("introspection for a signed-in user: %+v", data)
	}
	r := s.Do(`{ peple { id } }`, nil)
	if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, `Did you mean "people"`) {
		t.Errorf("a signed-in user's misspelt field: %s", r.Body)
	}
}

// hostileAnswer is a response as it came, decoded where it is JSON.
type hostileAnswer struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
	raw string
}

func hostilePost(t *testing.T, s *testserver.Server, c hostileCase) (int, hostileAnswer) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL+"/query", bytes.NewReader(c.body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", withDefault(c.ctype, "application/json"))
	req.Header.Set("Accept", withDefault(c.accept, graphqlResponse))
	req.Header.Set("Authorization", "Bearer "+s.Token)
	res, err := (&http.Client{Timeout: hostileTimeout}).Do(req)
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	a := hostileAnswer{raw: string(raw)}
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Errorf("answer is not JSON (%v): %.300s", err, raw)
	}
	return res.StatusCode, a
}

// wantServing checks the server still answers a normal query.
func wantServing(t *testing.T, s *testserver.Server) {
	t.Helper()
	var data struct{ People struct{ TotalCount int } }
	s.MustDo(`{ people { totalCount } }`, nil, &data)
	if data.People.TotalCount != 1 {
		t.Errorf("people after a hostile request: %d, want the test lead alone", data.People.TotalCount)
	}
}

func hostileDoc(name, query string, status int, want string) hostileCase {
	return hostileCase{name: name, body: hostileQuery(query), status: status, want: want}
}

func hostileQuery(query string) []byte { return hostileJSON(map[string]any{"query": query}) }

func hostileJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// deepManagers selects a person's manager's manager, levels deep.
func deepManagers(levels int) string {
	return `{ person(email: "x") {` + strings.Repeat(" manager {", levels) + " id" +
		strings.Repeat(" }", levels) + " } }"
}

// nestedList passes a list literal nested levels deep as an argument.
func nestedList(levels int) string {
	return `{ nodes(ids: ` + strings.Repeat("[", levels) + `"a"` + strings.Repeat("]", levels) +
		`) { id } }`
}

// repeatNumbered repeats a format with %d replaced by 0 to n-1.
func repeatNumbered(n int, format string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.ReplaceAll(format, "%d", strconv.Itoa(i)))
	}
	return b.String()
}

func withDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// fragmentRing is a document whose n fragments spread each other in a
// ring: validation would follow it in time growing with n squared.
func fragmentRing(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }")
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Query { ...F%d }", i, (i+1)%n)
	}
	return b.String()
}
