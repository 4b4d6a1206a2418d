package httpapi_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"throughline.dev/server/internal/testserver"
)

// requireAuditEnv turns the audit's skip (no node, or its packages not
// installed) into a failure; `make test` and CI set it.
const requireAuditEnv = "THROUGHLINE_REQUIRE_AUDIT"

// auditResult is one check of graphql-http's server audit.
type auditResult struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Status     string `json:"status"`
	Reason     string `json:"reason"`
	HTTPStatus int    `json:"httpStatus"`
	Body       string `json:"body"`
}

// The endpoint must pass every MUST of the GraphQL-over-HTTP audit that
// the graphql-http package runs; SHOULD and MAY checks that fail are
// logged as warnings.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node := mustAuditTools(t)
	s := testserver.Start(t, nil)

	results := mustRunAudit(t, node, s.URL+"/query", s.Token)
	if len(results) < 40 {
		t.Fatalf("the audit ran %d checks; expected the full list", len(results))
	}
	passed := map[string]int{}
	failed := map[string]int{}
	for _, r := range results {
		level, _, _ := strings.Cut(r.Name, " ")
		if r.Status == "ok" {
			passed[level]++
			continue
		}
		failed[level]++
		if level == "MUST" || r.Status == "error" {
			t.Errorf("%s %s: %s (status %d, body %.200s)", r.ID, r.Name, r.Reason, r.HTTPStatus, r.Body)
		} else {
			t.Logf("warning: %s %s: %s", r.ID, r.Name, r.Reason)
		}
	}
	for _, level := range []string{"MUST", "SHOULD", "MAY"} {
		t.Logf("%s: %d passed, %d failed", level, passed[level], failed[level])
	}
}

// mustAuditTools finds node and the audit's installed packages, or skips
// when they are missing and the environment does not require them.
func mustAuditTools(t *testing.T) string {
	t.Helper()
	missing := func(why string) {
		if os.Getenv(requireAuditEnv) != "" {
			t.Fatalf("%s; run `make audit-deps`", why)
		}
		t.Skipf("%s; run `make audit-deps` (or set %s to fail instead)", why, requireAuditEnv)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	pkg := filepath.Join("audit", "node_modules", "graphql-http", "package.json")
	if _, err := os.Stat(pkg); err != nil {
		missing("the audit's npm packages are not installed")
	}
	return node
}

func mustRunAudit(t *testing.T, node, url, token string) []auditResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "audit.mjs", url, token)
	cmd.Dir = "audit"
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node audit.mjs: %v\n%s", err, stderr.String())
	}
	var results []auditResult
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("decode the audit's results: %v\n%.500s", err, out)
	}
	return results
}

// mustNodeOutput runs an ES module script in the audit folder, where its
// packages resolve, and returns what it printed.
func mustNodeOutput(t *testing.T, node, script string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--input-type=module", "-e", script)
	cmd.Dir = "audit"
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	return string(out)
}
