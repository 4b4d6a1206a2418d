package e2e_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"throughline.dev/server/internal/testserver"
)

// example is one saved query the playground opens as a tab.
type example struct {
	Query     []string       `json:"query"`
	Variables map[string]any `json:"variables"`
}

// The playground's saved examples run without error against the demo
// organisation, as HR, and return data; the due check-ins example, as a
// manager.
func TestPlaygroundExamplesRunOnTheDemo(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "internal", "httpapi", "playground", "examples.json"))
	if err != nil {
		t.Fatal(err)
	}
	var examples []example
	if err := json.Unmarshal(b, &examples); err != nil {
		t.Fatal(err)
	}
	place := testserver.NewPlace(t)
	srv := startServer(t, buildServer(t), place)
	manager := demoToken(t, place.DataDir, "MANAGER")
	for _, e := range examples {
		query := strings.Join(e.Query, "\n")
		if strings.Contains(query, "dueCheckIns") {
			srv.token = manager
		}
		var data map[string]any
		srv.query(t, query, e.Variables, &data)
		for field, v := range data {
			if isEmpty(v) {
				t.Errorf("example %q: %s is empty on the demo organisation", e.Query[0], field)
			}
		}
	}
	srv.stop(t)
}

// demoToken reads the demo's token for a role from the data directory.
func demoToken(t *testing.T, dataDir, role string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "demo-tokens"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == role {
			return f[len(f)-1]
		}
	}
	t.Fatalf("no %s token in demo-tokens", role)
	return ""
}

func isEmpty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case []any:
		return len(v) == 0
	case map[string]any:
		if nodes, ok := v["nodes"].([]any); ok {
			return len(nodes) == 0
		}
	}
	return false
}
