package e2e_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"throughline.dev/server/internal/testserver"
)

// An admin exports a running server's database, imports the export into
// a new data directory with import all, and exports that: the two exports
// are the same files, byte for byte. Import all refuses a database that
// holds data, and export refuses a directory that holds files.
func TestExportAndImportAllThroughTheCommandLine(t *testing.T) {
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	srv := startServer(t, bin, place)
	people := srv.peopleCount(t)
	first := filepath.Join(t.TempDir(), "first")
	out := runCommand(t, bin, on(place, "export", first)...)
	if want := fmt.Sprintf("people.csv: %d people", people); !strings.Contains(out, want) {
		t.Errorf("export said:\n%s\nwant it to say %q", out, want)
	}
	srv.stop(t)

	moved := testserver.NewPlace(t)
	out = runCommand(t, bin, on(moved, "import", "all", first)...)
	if !strings.Contains(out, "development plans") {
		t.Errorf("import all said:\n%s", out)
	}
	if n := countPeople(t, moved); n != int64(people) {
		t.Errorf("%d people imported, the server had %d", n, people)
	}
	second := filepath.Join(t.TempDir(), "second")
	runCommand(t, bin, on(moved, "export", second)...)
	sameDirs(t, first, second)

	out = runFailing(t, bin, on(moved, "import", "all", first)...)
	if !strings.Contains(out, "already holds data") || !strings.Contains(out, "nothing was imported") {
		t.Errorf("a second import all said:\n%s", out)
	}
	if n := countPeople(t, moved); n != int64(people) {
		t.Errorf("after the refused import: %d people, want %d", n, people)
	}
	out = runFailing(t, bin, on(moved, "export", second)...)
	if !strings.Contains(out, "is not empty") {
		t.Errorf("export into a full directory said:\n%s", out)
	}
}

// A broken graph.json is refused with the field at fault, and nothing of
// the export is written.
func TestImportAllNamesTheProblem(t *testing.T) {
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	runCommand(t, bin, on(place, "seed")...)
	dir := filepath.Join(t.TempDir(), "export")
	runCommand(t, bin, on(place, "export", dir)...)
	graph := filepath.Join(dir, "graph.json")
	b, err := os.ReadFile(graph)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte(`"status": "ON_TRACK"`), []byte(`"status": "ASLEEP"`), 1)
	if err := os.WriteFile(graph, b, 0o600); err != nil {
		t.Fatal(err)
	}

	fresh := testserver.NewPlace(t)
	out := runFailing(t, bin, on(fresh, "import", "all", dir)...)
	if !strings.Contains(out, "graph.json: plans[") ||
		!strings.Contains(out, `"ASLEEP" is not a plan status`) {
		t.Errorf("import all of a broken graph.json said:\n%s", out)
	}
	if n := countPeople(t, fresh); n != 0 {
		t.Errorf("the refused import left %d people", n)
	}
}

// sameDirs fails the test unless two directories hold the same files with
// the same bytes.
func sameDirs(t *testing.T, a, b string) {
	t.Helper()
	entries, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	others, err := os.ReadDir(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(others) || len(entries) < 3 {
		t.Errorf("%d files in the first export, %d in the second", len(entries), len(others))
	}
	for _, e := range entries {
		x := mustRead(t, filepath.Join(a, e.Name()))
		y, err := os.ReadFile(filepath.Join(b, e.Name()))
		if err != nil || x != string(y) {
			t.Errorf("%s differs between the exports (%v)", e.Name(), err)
		}
	}
}
