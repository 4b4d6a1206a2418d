package gql_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// generatedFiles are gqlgen's output that must match the schema. Resolver
// files are left out: gqlgen keeps their bodies, and people edit them.
var generatedFiles = []string{
	"graph/gql/generated/generated.go",
	"graph/gql/model/models_gen.go",
}

// The committed generated code must be what gqlgen makes from the
// committed schema; otherwise the server runs a schema nobody wrote.
// Generation runs on a copy of the graph module, so the working tree is
// never rewritten, and uses only the module cache.
func TestGeneratedCodeIsFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("runs gqlgen; skipped in -short mode")
	}
	root := mustRepoRoot(t)
	work := mustCopyGraphModule(t, root)

	cmd := exec.Command("go", "tool", "gqlgen", "generate")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(work, "go.work"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gqlgen generate failed on a copy of the schema (%v); "+
			"fix the schema and run `make generate`:\n%s", err, out)
	}

	for _, name := range generatedFiles {
		committed := mustRead(t, filepath.Join(root, name))
		fresh := mustRead(t, filepath.Join(work, name))
		if !bytes.Equal(committed, fresh) {
			t.Errorf("%s is out of date with graph/gql/schema/*.graphqls: "+
				"run `make generate` and commit the result (%s)",
				name, firstDifference(committed, fresh))
		}
	}
}

// mustRepoRoot finds the workspace root: the folder holding gqlgen.yml,
// two levels above this package.
func mustRepoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "gqlgen.yml")); err != nil {
		t.Fatalf("no gqlgen.yml at the workspace root: %v", err)
	}
	return root
}

// mustCopyGraphModule copies gqlgen.yml and the graph module into a
// temporary folder with a go.work that uses only that module.
func mustCopyGraphModule(t *testing.T, root string) string {
	t.Helper()
	work := t.TempDir()
	for _, name := range []string{"gqlgen.yml", "go.work.sum"} {
		err := copyFile(filepath.Join(root, name), filepath.Join(work, name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
	graph := os.DirFS(filepath.Join(root, "graph"))
	if err := os.CopyFS(filepath.Join(work, "graph"), graph); err != nil {
		t.Fatalf("copy graph module: %v", err)
	}
	goWork := "go 1.26.8\n\nuse ./graph\n"
	if err := os.WriteFile(filepath.Join(work, "go.work"), []byte(goWork), 0o644); err != nil {
		t.Fatal(err)
	}
	return work
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// mustRead reads a file; a missing one reads as empty, so that it shows
// as a difference rather than an error.
func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return data
}

// firstDifference names the first line where the committed and the fresh
// file part, so that the failure shows what changed.
func firstDifference(committed, fresh []byte) string {
	a := bytes.Split(committed, []byte("\n"))
	b := bytes.Split(fresh, []byte("\n"))
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y []byte
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if !bytes.Equal(x, y) {
			return fmt.Sprintf("first difference at line %d: committed %q, generated %q",
				i+1, x, y)
		}
	}
	return "files differ"
}
