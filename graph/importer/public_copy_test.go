package importer_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sharedPublicOKRs is where the shared public OKR files sit, relative to
// the repository's root: beside the repository, as on the machines the
// project is built on and in CI.
var sharedPublicOKRs = filepath.Join("..", "shared", "data", "public-okrs")

// The tests read testdata/public-okrs, a copy of the shared public OKR
// files. When the shared files are beside the repository, the copy's CSV
// files must be byte for byte the same, and the same set of files.
func TestPublicOKRsCopyMatchesTheSharedFiles(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(root, sharedPublicOKRs)
	if _, err := os.Stat(shared); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the shared public OKR files are not beside the repository (no %s): "+
			"nothing to compare testdata/public-okrs with", shared)
	} else if err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join("testdata", "public-okrs")
	sharedCSV, copiedCSV := csvFiles(t, shared), csvFiles(t, copied)
	if len(sharedCSV) == 0 {
		t.Fatalf("%s holds no CSV files", shared)
	}
	if !slices.Equal(sharedCSV, copiedCSV) {
		t.Errorf("CSV files differ: %s holds %v, %s holds %v", shared, sharedCSV, copied, copiedCSV)
	}
	for _, name := range sharedCSV {
		if !slices.Contains(copiedCSV, name) {
			continue
		}
		want, err := os.ReadFile(filepath.Join(shared, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(copied, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s: %d and %d bytes, first difference at byte %d",
				filepath.Join(copied, name), filepath.Join(shared, name), len(got), len(want),
				firstDifference(got, want))
		}
	}
}

// repoRoot finds the repository's root above the package's directory:
// the directory holding go.work.
func repoRoot() (string, error) {
	dir, err := filepath.Abs(".")
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.work above the package: cannot find the repository's root")
		}
		dir = up
	}
}

// csvFiles lists the names of the CSV files in a directory, sorted.
func csvFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
