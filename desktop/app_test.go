package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"throughline.dev/desktop/internal/connection"
	"throughline.dev/desktop/internal/trace"
)

// testApp is an App on a real store in a temporary folder, with a
// started window whose runtime calls are recorded instead of shown.
type testApp struct {
	*App
	dir    string
	titles []string
	dialog runtime.SaveDialogOptions
	answer string // what the save dialog answers
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	dir := t.TempDir()
	ta := &testApp{dir: dir}
	ta.App = NewApp(connection.NewStore(filepath.Join(dir, "config", "connection.json")),
		trace.Open(filepath.Join(dir, "trace.jsonl")), "1.2.3")
	ta.setWindowTitle = func(_ context.Context, title string) { ta.titles = append(ta.titles, title) }
	ta.saveDialog = func(_ context.Context, o runtime.SaveDialogOptions) (string, error) {
		ta.dialog = o
		return ta.answer, nil
	}
	ta.startup(context.Background())
	return ta
}

func TestRenderedAppendsOneJSONLineWithTheTitle(t *testing.T) {
	a := newTestApp(t)
	before := time.Now().UTC()
	if err := a.SetTitle("Throughline — My team"); err != nil {
		t.Fatal(err)
	}
	if err := a.Rendered("team", "My team\nMei-Lin Chen"); err != nil {
		t.Fatalf("Rendered: %v", err)
	}
	if err := a.Rendered("plan", "Plan"); err != nil {
		t.Fatalf("Rendered: %v", err)
	}

	b, err := os.ReadFile(filepath.Join(a.dir, "trace.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("trace has %d lines, want 2:\n%s", len(lines), b)
	}
	var got struct {
		View, Title, Text string
		At                time.Time
	}
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatalf("line 1 is not JSON: %v", err)
	}
	if got.View != "team" || got.Title != "Throughline — My team" || got.Text != "My team\nMei-Lin Chen" {
		t.Errorf("line 1 = %+v", got)
	}
	if got.At.Before(before.Add(-time.Second)) || got.At.After(time.Now().Add(time.Second)) {
		t.Errorf("line 1 is stamped %s, not now", got.At)
	}
	if len(a.titles) != 1 || a.titles[0] != "Throughline — My team" {
		t.Errorf("window titles set: %q", a.titles)
	}
}

func TestRenderedWithoutTraceDoesNothing(t *testing.T) {
	a := NewApp(connection.NewStore(filepath.Join(t.TempDir(), "c.json")), nil, "dev")
	if err := a.Rendered("team", "text"); err != nil {
		t.Errorf("Rendered without a trace = %v, want nil", err)
	}
}

func TestConnectionHidesTheToken(t *testing.T) {
	a := newTestApp(t)
	if c, err := a.Connection(); err != nil || c != (Connection{}) {
		t.Fatalf("Connection before connecting = %+v, %v", c, err)
	}
	if err := a.SetConnection("http://127.0.0.1:8080/", "secret"); err != nil {
		t.Fatal(err)
	}
	c, err := a.Connection()
	if err != nil || c != (Connection{Server: "http://127.0.0.1:8080", HasToken: true}) {
		t.Errorf("Connection = %+v, %v", c, err)
	}
	b, _ := json.Marshal(c)
	if string(b) != `{"server":"http://127.0.0.1:8080","hasToken":true}` {
		t.Errorf("the frontend receives %s", b)
	}

	if err := a.ClearToken(); err != nil {
		t.Fatal(err)
	}
	if c, _ := a.Connection(); c != (Connection{Server: "http://127.0.0.1:8080"}) {
		t.Errorf("Connection after ClearToken = %+v", c)
	}
	if err := a.SetConnection("not an address", "secret"); err == nil {
		t.Error("SetConnection accepted a bad address")
	}
}

func TestSaveFileWritesWhereThePersonChose(t *testing.T) {
	a := newTestApp(t)
	a.answer = filepath.Join(a.dir, "pack") // typed without the extension
	content := []byte("# Handover pack\n")

	path, err := a.SaveFile("handover-pack.md", base64.StdEncoding.EncodeToString(content))
	if err != nil {
		t.Fatalf("SaveFile: %v", err)
	}
	if want := a.answer + ".md"; path != want {
		t.Errorf("SaveFile = %q, want %q", path, want)
	}
	if b, _ := os.ReadFile(path); string(b) != string(content) {
		t.Errorf("the file holds %q, want %q", b, content)
	}
	if info, err := os.Stat(path); err != nil {
		t.Errorf("stat the saved pack: %v", err)
	} else if info.Mode().Perm() != 0o600 {
		t.Errorf("the saved pack's permissions = %v, want 0600: it holds notes about a person",
			info.Mode().Perm())
	}
	if a.dialog.DefaultDirectory == "" {
		t.Error("the dialog opens in the app's working folder; want the user's documents or home")
	}
	if a.dialog.DefaultFilename != "handover-pack.md" || len(a.dialog.Filters) != 1 ||
		a.dialog.Filters[0].Pattern != "*.md" {
		t.Errorf("dialog options = %+v", a.dialog)
	}
}

func TestSaveFileFilters(t *testing.T) {
	for _, tc := range []struct{ name, pattern, chosen, written string }{
		{"pack.pdf", "*.pdf", "/x/out", "/x/out.pdf"},
		{"pack.PDF", "*.pdf", "/x/out.pdf", "/x/out.pdf"},
		{"pack.md", "*.md", "/x/out.txt", "/x/out.txt"}, // the person's own choice
		{"data.csv", "", "/x/out", "/x/out"},
	} {
		var pattern string
		if f := filtersFor(tc.name); len(f) == 1 {
			pattern = f[0].Pattern
		}
		if pattern != tc.pattern {
			t.Errorf("filtersFor(%q) pattern = %q, want %q", tc.name, pattern, tc.pattern)
		}
		if got := withExtension(tc.chosen, tc.name); got != tc.written {
			t.Errorf("withExtension(%q, %q) = %q, want %q", tc.chosen, tc.name, got, tc.written)
		}
	}
}

func TestSaveFileCancelled(t *testing.T) {
	a := newTestApp(t)
	a.answer = ""
	path, err := a.SaveFile("pack.pdf", base64.StdEncoding.EncodeToString([]byte("%PDF")))
	if path != "" || err != nil {
		t.Errorf("SaveFile cancelled = %q, %v; want \"\", nil", path, err)
	}
}

func TestSaveFileRefusesBadContent(t *testing.T) {
	a := newTestApp(t)
	a.answer = filepath.Join(a.dir, "pack.md")
	_, err := a.SaveFile("pack.md", "not base64!")
	if err == nil || !strings.Contains(err.Error(), "base64") {
		t.Errorf("SaveFile with bad content = %v, want a base64 error", err)
	}
	if a.dialog.DefaultFilename != "" {
		t.Error("the dialog opened for content that cannot be saved")
	}
}

func TestWindowCallsBeforeStartupAreErrors(t *testing.T) {
	a := NewApp(connection.NewStore(filepath.Join(t.TempDir(), "c.json")), nil, "dev")
	if err := a.SetTitle("x"); err == nil {
		t.Error("SetTitle before startup succeeded")
	}
	if _, err := a.SaveFile("x.md", ""); err == nil {
		t.Error("SaveFile before startup succeeded")
	}
}

func TestPanicsBecomeErrors(t *testing.T) {
	a := newTestApp(t)
	a.setWindowTitle = func(context.Context, string) { panic("gtk went away") }
	a.saveDialog = func(context.Context, runtime.SaveDialogOptions) (string, error) { panic("no dialog") }
	broken := &App{} // no store: every store call panics

	if err := a.SetTitle("x"); err == nil || !strings.Contains(err.Error(), "gtk went away") {
		t.Errorf("SetTitle = %v, want the panic as an error", err)
	}
	if _, err := a.SaveFile("x.md", ""); err == nil || !strings.Contains(err.Error(), "no dialog") {
		t.Errorf("SaveFile = %v, want the panic as an error", err)
	}
	if _, err := broken.Connection(); err == nil {
		t.Error("Connection on a broken App returned no error")
	}
	if err := broken.SetConnection("http://127.0.0.1:1", "t"); err == nil {
		t.Error("SetConnection on a broken App returned no error")
	}
	if err := broken.ClearToken(); err == nil {
		t.Error("ClearToken on a broken App returned no error")
	}
}

func TestVersion(t *testing.T) {
	if v := newTestApp(t).Version(); v != "1.2.3" {
		t.Errorf("Version = %q", v)
	}
	if version != "dev" {
		t.Errorf("the default version is %q, want dev", version)
	}
}
