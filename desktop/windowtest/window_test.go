//go:build linux

package windowtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The environment the test reads.
const (
	binEnv       = "THROUGHLINE_DESKTOP_BIN"     // the built app; the test skips without it
	requireEnv   = "THROUGHLINE_REQUIRE_DESKTOP" // "1": fail instead of skipping
	artifactsEnv = "THROUGHLINE_ARTIFACTS"       // where the screenshot goes
)

// patience bounds each wait for the window: starting WebKit, a sign-in,
// a view loading its data.
const patience = 30 * time.Second

// TestSignInShowsMyTeam signs a manager in through the window and checks
// that the team view lists their direct reports, as the server has them.
func TestSignInShowsMyTeam(t *testing.T) {
	bin := appBinary(t)
	tmp := t.TempDir()
	srv := startServer(t, tmp)
	token := demoToken(t, srv.dataDir, "MANAGER")
	reports := reportNames(t, srv.addr, token)
	if len(reports) == 0 {
		t.Fatal("the demo manager has no direct reports: nothing to look for in the window")
	}

	display := startXvfb(t, tmp)
	configHome := filepath.Join(tmp, "config")
	tracePath := filepath.Join(tmp, "trace.jsonl")
	startApp(t, bin, tmp, display, configHome, tracePath)
	x := xdo{t: t, display: display}
	win := x.findWindow()

	// With no stored connection, the app opens on Connect.
	x.waitForTitle(win, "Connect")
	x.signIn(win, token, srv.addr)

	checkSavedConnection(t, filepath.Join(configHome, "throughline", "connection.json"), srv.addr, token)
	waitForTeam(t, tracePath, reports)
	x.waitForTitle(win, "My team")
	x.screenshot("desktop-team.png")
}

// appBinary answers the built app, or skips (fails, when the desktop is
// required) without one or without the tools that drive it.
func appBinary(t *testing.T) string {
	t.Helper()
	missing := func(what string) {
		if os.Getenv(requireEnv) == "1" {
			t.Fatalf("%s; %s=1 requires this test", what, requireEnv)
		}
		t.Skip(what)
	}
	bin := os.Getenv(binEnv)
	if bin == "" {
		missing(binEnv + " names no built desktop app")
	}
	if _, err := os.Stat(bin); err != nil {
		missing(fmt.Sprintf("%s=%s: %v", binEnv, bin, err))
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing(tool + " is not installed (Debian packages xvfb, xdotool, imagemagick)")
		}
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// repoRoot is the repository's root, two folders above this file.
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate this test's source file")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// server is a running Throughline server with the demo organisation.
type server struct {
	addr    string
	dataDir string
}

var servingAddr = regexp.MustCompile(`serving addr=(https?://\S+)`)

// startServer builds the server from this checkout and starts it on a
// fresh data folder, where it seeds the demo organisation.
func startServer(t *testing.T, tmp string) server {
	t.Helper()
	bin := filepath.Join(tmp, "throughline")
	build := exec.Command("go", "build", "-o", bin, "./server")
	build.Dir = repoRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the server: %v\n%s", err, out)
	}

	dataDir := filepath.Join(tmp, "data")
	logPath := filepath.Join(tmp, "server.log")
	start(t, "server", logPath, nil, bin, "serve", "--listen", "127.0.0.1:0", "--data-dir", dataDir)

	var addr string
	waitFor(t, "the server to log its address", func() (bool, string) {
		b, _ := os.ReadFile(logPath)
		if m := servingAddr.FindSubmatch(b); m != nil {
			addr = string(m[1])
			return true, ""
		}
		return false, tail(b)
	})
	return server{addr: addr, dataDir: dataDir}
}

// demoToken reads the token the seed issued for a role: demo-tokens has
// one line per role, the role first and the token last.
func demoToken(t *testing.T, dataDir, role string) string {
	t.Helper()
	var token string
	waitFor(t, "the demo tokens", func() (bool, string) {
		b, err := os.ReadFile(filepath.Join(dataDir, "demo-tokens"))
		if err != nil {
			return false, err.Error()
		}
		for line := range strings.Lines(string(b)) {
			if f := strings.Fields(line); len(f) > 1 && f[0] == role {
				token = f[len(f)-1]
				return true, ""
			}
		}
		return false, "no " + role + " line in:\n" + string(b)
	})
	return token
}

// reportNames asks the server, as the window will, for the names of the
// token's person's direct reports.
func reportNames(t *testing.T, addr, token string) []string {
	t.Helper()
	const query = `{ viewer { person { name reports(first: 50) { edges { node { name } } } } } }`
	body, _ := json.Marshal(map[string]string{"query": query})
	req, err := http.NewRequest(http.MethodPost, addr+"/query", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("ask the server for the reports: %v", err)
	}
	defer res.Body.Close()

	var out struct {
		Data struct {
			Viewer struct {
				Person struct {
					Name    string
					Reports struct {
						Edges []struct{ Node struct{ Name string } }
					}
				}
			}
		}
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
		t.Fatalf("reports query: status %d, decode %v, errors %+v", res.StatusCode, err, out.Errors)
	}
	var names []string
	for _, e := range out.Data.Viewer.Person.Reports.Edges {
		names = append(names, e.Node.Name)
	}
	t.Logf("%s's direct reports: %s", out.Data.Viewer.Person.Name, strings.Join(names, ", "))
	return names
}

// startXvfb starts a virtual display and answers its name. Xvfb picks a
// free display number itself (-displayfd), so tests running side by
// side cannot collide.
func startXvfb(t *testing.T, tmp string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	start(t, "Xvfb", filepath.Join(tmp, "xvfb.log"), func(c *exec.Cmd) { c.ExtraFiles = []*os.File{w} },
		"Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	w.Close()

	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatalf("Xvfb exited without a display; see %s", filepath.Join(tmp, "xvfb.log"))
		}
		return ":" + n
	case <-time.After(patience):
		t.Fatal("Xvfb did not report its display in time")
	}
	return ""
}

// startApp starts the desktop app on the display with a configuration
// folder of its own (so no connection is stored) and tracing on.
func startApp(t *testing.T, bin, tmp, display, configHome, tracePath string) {
	t.Helper()
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		return slices.Contains([]string{"DISPLAY", "WAYLAND_DISPLAY", "XDG_CONFIG_HOME",
			"XDG_CACHE_HOME", "XDG_DATA_HOME", "GDK_BACKEND", "THROUGHLINE_DESKTOP_TRACE"}, name)
	})
	env = append(env,
		"DISPLAY="+display,
		"GDK_BACKEND=x11",
		"XDG_CONFIG_HOME="+configHome,
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
		"XDG_DATA_HOME="+filepath.Join(tmp, "share"),
		"THROUGHLINE_DESKTOP_TRACE="+tracePath,
	)
	logPath := filepath.Join(tmp, "app.log")
	start(t, "desktop app", logPath, func(c *exec.Cmd) { c.Env = env }, bin)
	t.Cleanup(func() {
		if t.Failed() {
			b, _ := os.ReadFile(logPath)
			t.Logf("the app's output:\n%s", tail(b))
		}
	})
}

// xdo drives the display with xdotool and ImageMagick's import.
type xdo struct {
	t       *testing.T
	display string
}

func (x xdo) run(ctx context.Context, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

func (x xdo) must(args ...string) string {
	x.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	out, err := x.run(ctx, "xdotool", args...)
	if err != nil {
		x.t.Fatalf("xdotool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// findWindow waits for the app's window. GTK also makes an unmapped
// leader window named after the program ("throughline-desktop"), and the
// search ignores case, so the window is the visible one whose title
// starts with "Throughline".
func (x xdo) findWindow() string {
	x.t.Helper()
	var win string
	waitFor(x.t, "the app's window", func() (bool, string) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		out, err := x.run(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", "Throughline")
		if err != nil {
			return false, out
		}
		for id := range strings.FieldsSeq(out) {
			if name, _ := x.run(ctx, "xdotool", "getwindowname", id); strings.HasPrefix(name, "Throughline") {
				win = id
				return true, ""
			}
		}
		return false, "windows: " + out
	})
	x.t.Cleanup(func() {
		if x.t.Failed() {
			x.screenshot("desktop-failure.png")
		}
	})
	return win
}

func (x xdo) waitForTitle(win, part string) {
	x.t.Helper()
	waitFor(x.t, fmt.Sprintf("the window's title to contain %q", part), func() (bool, string) {
		name := x.must("getwindowname", win)
		return strings.Contains(name, part), "title: " + name
	})
}

// signIn fills the Connect form as a person would: with no stored
// address the form starts in its address field, the token field next in
// tab order; they type both and press Enter.
func (x xdo) signIn(win, token, addr string) {
	x.t.Helper()
	x.must("windowfocus", "--sync", win)
	x.must("type", "--delay", "5", addr)
	x.must("key", "Tab")
	x.must("type", "--delay", "5", token)
	x.must("key", "Return")
}

// screenshot saves the whole display where artifacts go, and logs where.
func (x xdo) screenshot(name string) {
	x.t.Helper()
	dir := os.Getenv(artifactsEnv)
	if dir == "" {
		dir = x.t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		x.t.Errorf("artifacts folder: %v", err)
		return
	}
	path := filepath.Join(dir, name)
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	if out, err := x.run(ctx, "import", "-window", "root", path); err != nil {
		x.t.Errorf("screenshot: %v\n%s", err, out)
		return
	}
	x.t.Logf("screenshot: %s", path)
}

// checkSavedConnection waits for the sign-in to store the connection,
// and checks that only the user may read it.
func checkSavedConnection(t *testing.T, path, addr, token string) {
	t.Helper()
	var stored struct{ Server, Token string }
	waitFor(t, "the connection to be saved", func() (bool, string) {
		b, err := os.ReadFile(path)
		if err != nil {
			return false, err.Error()
		}
		stored.Server, stored.Token = "", ""
		if err := json.Unmarshal(b, &stored); err != nil {
			return false, err.Error()
		}
		return stored.Token != "", fmt.Sprintf("%s holds server %q and no token", path, stored.Server)
	})
	if stored.Server != addr || stored.Token != token {
		t.Errorf("saved server %q and token %q, want %q and the manager's token",
			stored.Server, stored.Token, addr)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700} {
		info, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
		} else if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %#o, want %#o", p, got, want)
		}
	}
}

// traceLine is one view the app reported rendering.
type traceLine struct {
	View  string `json:"view"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// waitForTeam waits until the app traces the team view showing every
// one of the reports.
func waitForTeam(t *testing.T, tracePath string, reports []string) {
	t.Helper()
	waitFor(t, "the team view to list "+strings.Join(reports, ", "), func() (bool, string) {
		b, _ := os.ReadFile(tracePath)
		var seen []string
		for line := range strings.Lines(string(b)) {
			var l traceLine
			if json.Unmarshal([]byte(line), &l) != nil {
				continue
			}
			seen = append(seen, l.View)
			if l.View != "team" {
				continue
			}
			if missing := absent(l.Text, reports); len(missing) > 0 {
				seen = append(seen, fmt.Sprintf("(without %s)", strings.Join(missing, ", ")))
				continue
			}
			return true, ""
		}
		return false, fmt.Sprintf("views traced: %v", seen)
	})
}

func absent(text string, names []string) []string {
	var missing []string
	for _, n := range names {
		if !strings.Contains(text, n) {
			missing = append(missing, n)
		}
	}
	return missing
}

// start runs a program with its output in logPath, stopped by its PID
// when the test ends: SIGTERM, then SIGKILL if it lingers.
func start(t *testing.T, name, logPath string, configure func(*exec.Cmd), program string, args ...string) {
	t.Helper()
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(program, args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if configure != nil {
		configure(cmd)
	}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		t.Fatalf("start %s: %v", name, err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		logFile.Close()
		close(done)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Logf("%s (pid %d) ignored SIGTERM; killing it", name, cmd.Process.Pid)
			_ = cmd.Process.Kill()
			<-done
		}
	})
}

// waitFor polls cond until it holds, for at most patience; cond answers
// what it saw, for the failure message.
func waitFor(t *testing.T, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(patience)
	var last string
	for time.Now().Before(deadline) {
		var ok bool
		if ok, last = cond(); ok {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("waited %s for %s; last seen: %s", patience, what, last)
}

// tail is the end of a log, enough to see why something failed.
func tail(b []byte) string {
	const max = 4000
	if len(b) > max {
		b = b[len(b)-max:]
	}
	return string(b)
}
