package httpapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"throughline.dev/server/internal/httpapi"
	"throughline.dev/server/internal/testserver"
)

const createCycle = `mutation { createCycle(input: {name: "2031-Q1"}) { cycle { id } } }`

// A mutation sent as GET is refused before it runs: a link or an image on
// any web page can make a browser send a GET.
func TestMutationOverGETIsRefused(t *testing.T) {
	s := testserver.Start(t, nil)
	u := s.URL + "/query?" + url.Values{"query": {createCycle}}.Encode()

	a := send(t, s.Token, http.MethodGet, u, nil, nil)
	if a.status != http.StatusMethodNotAllowed || a.header.Get("Allow") != http.MethodPost {
		t.Errorf("status %d, Allow %q; want 405 and POST: %s", a.status, a.header.Get("Allow"), a.body)
	}
	wantMessage(t, a, "GET runs queries only")
	wantNoCycle(t, s)

	// Other methods are refused with the ones that work.
	put := send(t, s.Token, http.MethodPut, s.URL+"/query", nil, strings.NewReader("{}"))
	if put.status != http.StatusMethodNotAllowed || put.header.Get("Allow") != "GET, POST, OPTIONS" {
		t.Errorf("PUT: %d, Allow %q", put.status, put.header.Get("Allow"))
	}

	// Queries over GET work.
	q := send(t, s.Token, http.MethodGet, s.URL+"/query?query=%7B__typename%7D", nil, nil)
	if q.status != http.StatusOK || !strings.Contains(q.body, `"Query"`) {
		t.Errorf("query over GET: %d %s", q.status, q.body)
	}
}

// Bodies a browser form or a script can send to another site without a
// preflight are refused with 415, and their mutation does not run.
func TestSimpleRequestBodiesAreRefused(t *testing.T) {
	s := testserver.Start(t, nil)
	form := url.Values{"query": {createCycle}}.Encode()
	tests := []struct{ name, contentType, body string }{
		{"plain text", "text/plain;charset=UTF-8", `{"query": "` + createCycle + `"}`},
		{"url-encoded form", "application/x-www-form-urlencoded", form},
		{"multipart form", "multipart/form-data; boundary=x",
			"--x\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n" +
				createCycle + "\r\n--x--\r\n"},
		{"no content type", "", `{"query": "` + createCycle + `"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]string{"Content-Type": tt.contentType}
			a := send(t, s.Token, http.MethodPost, s.URL+"/query", h, strings.NewReader(tt.body))
			if a.status != http.StatusUnsupportedMediaType {
				t.Errorf("status %d, want 415: %s", a.status, a.body)
			}
			wantMessage(t, a, "Content-Type: application/json")
			wantNoCycle(t, s)
		})
	}

	// The same mutation as JSON runs: the refusals above were not about
	// the mutation itself.
	s.MustDo(createCycle, nil, nil)
	var data struct{ Cycles struct{ TotalCount int } }
	s.MustDo(`{ cycles { totalCount } }`, nil, &data)
	if data.Cycles.TotalCount != 1 {
		t.Errorf("the mutation as JSON made %d cycles, want 1", data.Cycles.TotalCount)
	}
}

// The response's media type follows the Accept header; one the server
// cannot give gets 406.
func TestResponseMediaType(t *testing.T) {
	s := testserver.Start(t, nil)
	tests := []struct {
		accept, contentType string
		status              int
	}{
		{"", "application/json", http.StatusOK},
		{"*/*", "application/json", http.StatusOK},
		{"application/graphql-response+json", "application/graphql-response+json", http.StatusOK},
		{"text/html, application/json;q=0.9", "application/json", http.StatusOK},
		{"application/graphql-response+json;q=0, application/json", "application/json", http.StatusOK},
		{"text/html", "application/json", http.StatusNotAcceptable},
	}
	for _, tt := range tests {
		h := map[string]string{"Content-Type": "application/json", "Accept": tt.accept}
		a := send(t, s.Token, http.MethodPost, s.URL+"/query", h,
			strings.NewReader(`{"query": "{ __typename }"}`))
		ct := a.header.Get("Content-Type")
		if a.status != tt.status || !strings.HasPrefix(ct, tt.contentType) {
			t.Errorf("Accept %q: %d %q, want %d %q", tt.accept, a.status, ct, tt.status, tt.contentType)
		}
	}
}

// Every response carries a fresh request id that the server made; one a
// client sends is ignored.
func TestRequestIDs(t *testing.T) {
	s := testserver.Start(t, nil)
	seen := map[string]bool{}
	for _, path := range []string{"/query", "/query", "/healthz", "/"} {
		h := map[string]string{httpapi.RequestIDHeader: "client-chosen"}
		a := send(t, s.Token, http.MethodGet, s.URL+path+"?query=%7B__typename%7D", h, nil)
		id := a.header.Get(httpapi.RequestIDHeader)
		if len(id) != 16 || seen[id] {
			t.Errorf("GET %s: request id %q, want 16 hex digits never seen before", path, id)
		}
		seen[id] = true
	}
	// Refusals carry one too.
	a := send(t, "", http.MethodPost, s.URL+"/query", nil, nil)
	if a.status != http.StatusUnauthorized || a.header.Get(httpapi.RequestIDHeader) == "" {
		t.Errorf("signed out: %d, request id %q", a.status, a.header.Get(httpapi.RequestIDHeader))
	}
}

func wantNoCycle(t *testing.T, s *testserver.Server) {
	t.Helper()
	var data struct{ Cycles struct{ TotalCount int } }
	s.MustDo(`{ cycles { totalCount } }`, nil, &data)
	if data.Cycles.TotalCount != 0 {
		t.Errorf("a refused mutation ran: %d cycles", data.Cycles.TotalCount)
	}
}

// answer is an HTTP response as it came.
type answer struct {
	status int
	header http.Header
	body   string
}

// send makes one request with a token ("" for none), bounded in time so
// that a hang fails the test.
func send(t *testing.T, token, method, u string, header map[string]string,
	body io.Reader,
) answer {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return answer{status: res.StatusCode, header: res.Header, body: string(raw)}
}

// wantMessage wants a GraphQL-shaped error whose message holds text.
func wantMessage(t *testing.T, a answer, text string) {
	t.Helper()
	var r struct{ Errors []struct{ Message string } }
	if err := json.Unmarshal([]byte(a.body), &r); err != nil || len(r.Errors) == 0 ||
		!strings.Contains(r.Errors[0].Message, text) {
		t.Errorf("answer %s, want an error saying %q", a.body, text)
	}
}
