package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"throughline.dev/server/internal/httpapi"
	"throughline.dev/server/internal/testserver"
)

// Tests that need the built assets or a browser skip without them, so that
// `go test` works on a fresh checkout; `make test` and CI set these
// variables to turn the skips into failures.
const (
	requirePlaygroundEnv = "THROUGHLINE_REQUIRE_PLAYGROUND"
	requireBrowserEnv    = "THROUGHLINE_REQUIRE_BROWSER"
)

const playgroundTitle = "<title>Throughline — GraphQL playground</title>"

// identifierOrigins are the origins allowed inside the vendored scripts.
// They are never fetched: XML namespace names that React and GraphiQL
// pass to createElementNS, and links in licence comments, error messages
// and help text. A new origin in an upgraded package fails the test, so
// that someone checks it is not a download.
var identifierOrigins = map[string]bool{
	"http://www.w3.org":        true,
	"https://reactjs.org":      true,
	"https://github.com":       true,
	"https://en.wikipedia.org": true,
	"https://commonmark.org":   true,
	"https://codemirror.net":   true,
}

// ownFiles are ours, not vendored: they may name no origin at all.
var ownFiles = map[string]bool{
	"/playground/init.js":        true,
	"/playground/playground.css": true,
}

var (
	originPattern = regexp.MustCompile(`https?://[A-Za-z0-9.-]+`)
	assetPattern  = regexp.MustCompile(`(?:src|href)="([^"]*)"`)
)

func TestPlaygroundWithoutAssetsSaysHowToBuild(t *testing.T) {
	empty := fstest.MapFS{".keep": &fstest.MapFile{}}

	page := serve(httpapi.NewPlaygroundPage(empty), "/")
	if page.Code != http.StatusServiceUnavailable {
		t.Errorf("GET / = %d, want 503", page.Code)
	}
	if !strings.Contains(page.Body.String(), "make playground") {
		t.Errorf("503 page does not say to run make playground:\n%s", page.Body)
	}
	asset := serve(httpapi.NewPlaygroundAssets(empty), "/playground/graphiql.min.js")
	if asset.Code != http.StatusNotFound {
		t.Errorf("GET missing asset = %d, want 404", asset.Code)
	}
}

func TestPlaygroundAssetsListNoFolders(t *testing.T) {
	dist := fstest.MapFS{"init.js": &fstest.MapFile{Data: []byte("1")}}
	h := httpapi.NewPlaygroundAssets(dist)

	if got := serve(h, "/playground/").Code; got != http.StatusNotFound {
		t.Errorf("GET /playground/ = %d, want 404", got)
	}
	res := serve(h, "/playground/init.js")
	if res.Code != http.StatusOK || res.Body.String() != "1" {
		t.Errorf("GET init.js = %d %q, want 200 \"1\"", res.Code, res.Body)
	}
}

func TestPlaygroundPageWorksOffline(t *testing.T) {
	s := testserver.Start(t, nil)
	page, body := mustGetPlayground(t, s.URL)
	checkPage(t, page, body)

	assets := referencedAssets(body)
	if len(assets) < 4 {
		t.Fatalf("page references %v; want React, ReactDOM, GraphiQL and its styles", assets)
	}
	for _, path := range assets {
		checkAsset(t, s.URL, path)
	}
}

// Without a token the page renders GraphiQL and the token bar, asks the
// user for a token, and sends no query that would only be refused.
func TestPlaygroundRendersInChromium(t *testing.T) {
	chromium := findChromium(t)
	s := testserver.Start(t, nil)
	mustGetPlayground(t, s.URL)

	deps, err := s.HTTPDeps()
	if err != nil {
		t.Fatal(err)
	}
	var log requestLog
	api := httpapi.New(deps, httpapi.Options{})
	ts := httptest.NewServer(log.wrap(api))
	defer ts.Close()

	dom := dumpDOM(t, chromium, ts.URL+"/")
	for _, want := range []string{`class="graphiql-container`, `graphiql-logo">Throughline<`,
		`id="token"`, `Paste a token to explore the graph.`} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered page lacks %q:\n%.2000s", want, dom)
		}
	}
	if strings.Contains(dom, "Loading the playground") {
		t.Errorf("GraphiQL did not replace the loading text")
	}
	log.check(t)
}

// mustGetPlayground fetches the page, skipping the test when the assets
// are not built unless the environment requires them.
func mustGetPlayground(t *testing.T, base string) (*http.Response, string) {
	t.Helper()
	res, body := mustGet(t, base+"/")
	if res.StatusCode == http.StatusServiceUnavailable {
		if os.Getenv(requirePlaygroundEnv) == "" {
			t.Skip("playground assets not built; run make playground")
		}
		t.Fatalf("playground assets not built, and %s is set", requirePlaygroundEnv)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %d, want 200", res.StatusCode)
	}
	return res, body
}

// checkPage checks the page's title, endpoint and policy, and that it
// names no origin at all.
func checkPage(t *testing.T, page *http.Response, body string) {
	t.Helper()
	if !strings.Contains(body, playgroundTitle) {
		t.Errorf("page has no title %q", playgroundTitle)
	}
	if !strings.Contains(body, `data-endpoint="/query"`) {
		t.Errorf("page does not point GraphiQL at /query:\n%s", body)
	}
	csp := page.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy = %q, want default-src 'self'", csp)
	}
	if origins := originPattern.FindAllString(body, -1); len(origins) > 0 {
		t.Errorf("page names origins %v; it must name none", origins)
	}
}

// checkAsset fetches one asset the page references and checks its type
// and the origins it names.
func checkAsset(t *testing.T, base, path string) {
	t.Helper()
	if !strings.HasPrefix(path, "/playground/") {
		t.Errorf("asset %q is not served by the playground", path)
		return
	}
	res, body := mustGet(t, base+path)
	if res.StatusCode != http.StatusOK {
		t.Errorf("GET %s = %d, want 200", path, res.StatusCode)
		return
	}
	wantType := "text/javascript"
	if strings.HasSuffix(path, ".css") {
		wantType = "text/css"
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, wantType) {
		t.Errorf("GET %s: Content-Type %q, want %s", path, ct, wantType)
	}
	vendoredScript := strings.HasSuffix(path, ".js") && !ownFiles[path]
	for _, origin := range originPattern.FindAllString(body, -1) {
		if !vendoredScript || !identifierOrigins[origin] {
			t.Errorf("%s names origin %s", path, origin)
		}
	}
}

// referencedAssets lists the page's src and href values, except data:
// URLs, which load nothing.
func referencedAssets(page string) []string {
	var paths []string
	for _, m := range assetPattern.FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "data:") {
			paths = append(paths, m[1])
		}
	}
	return paths
}

// findChromium returns Debian's chromium, or skips the test when it is not
// installed and the environment does not require it.
func findChromium(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err == nil {
		return path
	}
	if os.Getenv(requireBrowserEnv) == "" {
		t.Skip("chromium not installed")
	}
	t.Fatalf("chromium not found, and %s is set: %v", requireBrowserEnv, err)
	return ""
}

// dumpDOM loads url in headless Chromium with background networking off,
// waits for the page to settle and returns its DOM. The deadline only
// bounds a hung browser; a normal run takes about a second.
func dumpDOM(t *testing.T, chromium, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium,
		"--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--no-first-run",
		"--user-data-dir="+t.TempDir(),
		"--virtual-time-budget=10000",
		"--dump-dom", url)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return string(out)
}

// requestLog records what a browser asked the server for.
type requestLog struct {
	mu       sync.Mutex
	requests []string
	failed   []string
}

func (l *requestLog) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		l.mu.Lock()
		defer l.mu.Unlock()
		line := r.Method + " " + r.URL.Path
		l.requests = append(l.requests, line)
		if rec.status >= 400 {
			l.failed = append(l.failed, line)
		}
	})
}

// check wants every request answered and GraphiQL to have asked /query
// for the schema, which shows its script ran against the right endpoint.
func (l *requestLog) check(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.failed) > 0 {
		t.Errorf("failed requests: %v", l.failed)
	}
	for _, r := range l.requests {
		if r == "POST /query" {
			t.Errorf("the page sent a query before anyone pasted a token")
		}
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func serve(h http.Handler, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

func mustGet(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read %s: %v", url, err)
	}
	return res, string(body)
}
