package connection

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	return NewStore(filepath.Join(t.TempDir(), "throughline", "connection.json"))
}

func mustSave(t *testing.T, s *Store, server, token string) {
	t.Helper()
	if err := s.Save(server, token); err != nil {
		t.Fatalf("Save(%q): %v", server, err)
	}
}

func mustLoad(t *testing.T, s *Store) Connection {
	t.Helper()
	c, err := s.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

func TestNothingStoredIsZero(t *testing.T) {
	if c := mustLoad(t, newStore(t)); c != (Connection{}) {
		t.Errorf("Load with no file = %+v, want zero", c)
	}
}

func TestRoundTrip(t *testing.T) {
	s := newStore(t)
	mustSave(t, s, " https://throughline.example.com/ ", " secret-1 ")

	want := Connection{Server: "https://throughline.example.com", Token: "secret-1"}
	if c := mustLoad(t, s); c != want {
		t.Errorf("Load = %+v, want %+v", c, want)
	}
	// A second store on the same file, as after a restart of the app.
	if c := mustLoad(t, NewStore(s.Path())); c != want {
		t.Errorf("Load from a new store = %+v, want %+v", c, want)
	}

	mustSave(t, s, "http://127.0.0.1:8080", "secret-2")
	want = Connection{Server: "http://127.0.0.1:8080", Token: "secret-2"}
	if c := mustLoad(t, s); c != want {
		t.Errorf("Load after a second Save = %+v, want %+v", c, want)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), ".connection-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestFileAndFolderArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	s := newStore(t)
	mustSave(t, s, "http://127.0.0.1:8080", "secret")
	assertMode(t, s.Path(), 0o600)
	assertMode(t, filepath.Dir(s.Path()), 0o700)
}

func TestLoadTightensLoosenedPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	s := newStore(t)
	mustSave(t, s, "http://127.0.0.1:8080", "secret")
	if err := os.Chmod(s.Path(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Dir(s.Path()), 0o755); err != nil {
		t.Fatal(err)
	}

	mustLoad(t, s)
	assertMode(t, s.Path(), 0o600)
	assertMode(t, filepath.Dir(s.Path()), 0o700)
}

func TestSaveTightensAnExistingFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	s := newStore(t)
	if err := os.MkdirAll(filepath.Dir(s.Path()), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Dir(s.Path()), 0o777); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s, "http://127.0.0.1:8080", "secret")
	assertMode(t, filepath.Dir(s.Path()), 0o700)
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %#o, want %#o", path, got, want)
	}
}

func TestClearTokenKeepsServer(t *testing.T) {
	s := newStore(t)
	mustSave(t, s, "https://throughline.example.com", "secret")
	if err := s.ClearToken(); err != nil {
		t.Fatalf("ClearToken: %v", err)
	}

	want := Connection{Server: "https://throughline.example.com"}
	if c := mustLoad(t, s); c != want {
		t.Errorf("Load after ClearToken = %+v, want %+v", c, want)
	}
	b, _ := os.ReadFile(s.Path())
	if strings.Contains(string(b), "secret") {
		t.Errorf("the file still holds the token:\n%s", b)
	}
}

func TestClearTokenWithNothingStored(t *testing.T) {
	s := newStore(t)
	if err := s.ClearToken(); err != nil {
		t.Fatalf("ClearToken: %v", err)
	}
	if _, err := os.Stat(s.Path()); !os.IsNotExist(err) {
		t.Errorf("ClearToken created %s (err %v)", s.Path(), err)
	}
}

func TestBadAddressRefused(t *testing.T) {
	for _, tc := range []struct{ addr, says string }{
		{"", "enter the server's address"},
		{"   ", "enter the server's address"},
		{"throughline.example.com", "must start with http:// or https://"},
		{"ftp://throughline.example.com", "must start with http:// or https://"},
		{"http://", "names no host"},
		{"https://:8080", "names no host"},
		{"https://bob:pw@throughline.example.com", "leave out user names"},
		{"https://throughline.example.com/?token=x", "leave out user names, queries"},
		{"http://exa mple.com", "not a server address"},
	} {
		s := newStore(t)
		err := s.Save(tc.addr, "secret")
		if err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("Save(%q) = %v, want an error saying %q", tc.addr, err, tc.says)
		}
		if _, statErr := os.Stat(s.Path()); !os.IsNotExist(statErr) {
			t.Errorf("Save(%q) wrote the file despite the error", tc.addr)
		}
	}
}

func TestBadAddressKeepsThePreviousConnection(t *testing.T) {
	s := newStore(t)
	mustSave(t, s, "http://127.0.0.1:8080", "secret")
	if err := s.Save("nonsense", "other"); err == nil {
		t.Fatal("Save(nonsense) succeeded")
	}
	want := Connection{Server: "http://127.0.0.1:8080", Token: "secret"}
	if c := mustLoad(t, s); c != want {
		t.Errorf("Load = %+v, want %+v", c, want)
	}
}

func TestCorruptFileIsAClearError(t *testing.T) {
	s := newStore(t)
	writeRaw(t, s, "{not json")

	_, err := s.Load()
	if err == nil {
		t.Fatal("Load of a corrupt file succeeded")
	}
	for _, want := range []string{s.Path(), "damaged", "connect again"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if err := s.ClearToken(); err == nil {
		t.Error("ClearToken of a corrupt file succeeded")
	}
	// Connecting again replaces the damaged file.
	mustSave(t, s, "http://127.0.0.1:8080", "secret")
	mustLoad(t, s)
}

func TestStoredBadAddressIsAClearError(t *testing.T) {
	s := newStore(t)
	writeRaw(t, s, `{"server": "gopher://x", "token": "secret"}`)

	_, err := s.Load()
	if err == nil || !strings.Contains(err.Error(), "http://") || !strings.Contains(err.Error(), s.Path()) {
		t.Errorf("Load = %v, want an error naming the file and the rule", err)
	}
}

func writeRaw(t *testing.T, s *Store, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(s.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path(), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestDefaultPathFollowsTheUserConfigDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG_CONFIG_HOME is the Linux way")
	}
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "throughline", "connection.json"); p != want {
		t.Errorf("DefaultPath = %q, want %q", p, want)
	}
}
