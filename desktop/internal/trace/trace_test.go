package trace

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestAppendWritesOneJSONLinePerEntry(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trace.jsonl")
	f := Open(path)
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	entries := []Entry{
		{View: "connect", Title: "Throughline — Connect", Text: "Connect to Throughline", At: at},
		{View: "team", Title: "Throughline — My team", Text: "Mei-Lin Chen\n\"quoted\"\tand tabbed", At: at.Add(time.Second)},
	}
	for _, e := range entries {
		if err := f.Append(e); err != nil {
			t.Fatalf("Append: %v", err)
		}
	}

	got := readLines(t, path)
	if len(got) != len(entries) {
		t.Fatalf("%d lines, want %d", len(got), len(entries))
	}
	for i, line := range got {
		var e Entry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("line %d %q is not JSON: %v", i+1, line, err)
		}
		if !e.At.Equal(entries[i].At) || e.View != entries[i].View || e.Title != entries[i].Title || e.Text != entries[i].Text {
			t.Errorf("line %d = %+v, want %+v", i+1, e, entries[i])
		}
	}
	var fields map[string]any
	_ = json.Unmarshal([]byte(got[0]), &fields)
	for _, k := range []string{"view", "title", "text", "at"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("line 1 has no %q field: %s", k, got[0])
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	var lines []string
	s := bufio.NewScanner(file)
	for s.Scan() {
		lines = append(lines, s.Text())
	}
	return lines
}

func TestFromEnv(t *testing.T) {
	t.Setenv(EnvVar, "")
	if f := FromEnv(); f != nil {
		t.Errorf("FromEnv with %s unset = %+v, want nil", EnvVar, f)
	}
	path := filepath.Join(t.TempDir(), "trace.jsonl")
	t.Setenv(EnvVar, path)
	if err := FromEnv().Append(Entry{View: "team"}); err != nil {
		t.Fatal(err)
	}
	if lines := readLines(t, path); len(lines) != 1 {
		t.Errorf("%d lines, want 1", len(lines))
	}
}

func TestNilFileTracesNothing(t *testing.T) {
	var f *File
	if err := f.Append(Entry{View: "team"}); err != nil {
		t.Errorf("Append on nil = %v, want nil", err)
	}
}

func TestUnwritablePathIsAnError(t *testing.T) {
	f := Open(filepath.Join(t.TempDir(), "missing-folder", "trace.jsonl"))
	if err := f.Append(Entry{View: "team"}); err == nil {
		t.Error("Append into a missing folder succeeded")
	}
}
