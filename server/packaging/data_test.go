package packaging

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importTestData imports the public OKR example's people and OKRs with
// the admin's commands, as the server's user, and returns how many
// people its CSV holds. The files are copied where that user may read
// them.
func importTestData(t *testing.T, u *unit) int {
	t.Helper()
	dir, err := os.MkdirTemp("", "throughline-package-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(repoRoot(t), "graph", "importer", "testdata", "public-okrs")
	people := copyReadable(t, filepath.Join(src, "people.csv"), dir)
	okrs := copyReadable(t, filepath.Join(src, "okrs-2018-Q2.csv"), dir)
	t.Log(u.admin(t, "import", "people", people))
	t.Log(u.admin(t, "import", "okrs", okrs))
	return csvRows(t, people)
}

func copyReadable(t *testing.T, src, dir string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// csvRows counts a CSV file's rows after its header (the test data has
// no line breaks inside fields).
func csvRows(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < 2 {
		t.Fatalf("%s has no rows", path)
	}
	return len(lines) - 1
}
