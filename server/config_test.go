package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/kong"
)

// TestMain clears the settings' environment variables a developer or CI
// may have set, so that defaults are defaults.
func TestMain(m *testing.M) {
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "THROUGHLINE_") {
			os.Unsetenv(name)
		}
	}
	os.Exit(m.Run())
}

// parse parses a command line as main does, with its output kept, and
// returns what it set.
func parse(t *testing.T, args ...string) (*cli, *kong.Context, *bytes.Buffer, error) {
	t.Helper()
	var c cli
	parser, err := newParser(context.Background(), &c)
	if err != nil {
		t.Fatal(err)
	}
	out := &bytes.Buffer{}
	parser.Stdout = out
	kctx, err := parser.Parse(args)
	return &c, kctx, out, err
}

func mustParse(t *testing.T, args ...string) (*cli, *kong.Context, *bytes.Buffer) {
	t.Helper()
	c, kctx, out, err := parse(t, args...)
	if err != nil {
		t.Fatalf("parse %q: %v", args, err)
	}
	return c, kctx, out
}

// writeConfig writes a configuration file into the test's directory.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "throughline.conf")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Flags win over environment variables, which win over the file, which
// wins over the defaults: for a flag of serve and for a global one.
func TestPrecedence(t *testing.T) {
	dirs := map[string]string{}
	for _, level := range []string{"file", "env", "flag"} {
		dirs[level] = filepath.Join(t.TempDir(), level)
	}
	file := writeConfig(t, "max-depth = 20\ndata-dir = "+dirs["file"]+"\n")
	tests := []struct {
		name      string
		env, args []string
		depth     int
		dataDir   string
		from      string
	}{
		{"defaults", nil, nil, 15, "", "default"},
		{"file over defaults", nil, []string{"--config", file}, 20, dirs["file"], "file, line 1"},
		{"environment over file",
			[]string{"THROUGHLINE_MAX_DEPTH=25", "THROUGHLINE_DATA_DIR=" + dirs["env"]},
			[]string{"--config", file}, 25, dirs["env"], "env THROUGHLINE_MAX_DEPTH"},
		{"flags over environment",
			[]string{"THROUGHLINE_MAX_DEPTH=25", "THROUGHLINE_DATA_DIR=" + dirs["env"]},
			[]string{"--config", file, "--max-depth", "30", "--data-dir", dirs["flag"]}, 30, dirs["flag"], "flag"},
		{"file named by the environment", []string{"THROUGHLINE_CONFIG=" + file}, nil, 20, dirs["file"], "file, line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, kv := range tt.env {
				k, v, _ := strings.Cut(kv, "=")
				t.Setenv(k, v)
			}
			c, kctx, _ := mustParse(t, append([]string{"serve"}, tt.args...)...)
			if c.Serve.MaxDepth != tt.depth {
				t.Errorf("max-depth %d, want %d", c.Serve.MaxDepth, tt.depth)
			}
			if tt.dataDir != "" && c.DataDir != tt.dataDir {
				t.Errorf("data-dir %s, want %s", c.DataDir, tt.dataDir)
			}
			if from := originsIn(kctx, c.file)("max-depth").String(); from != tt.from {
				t.Errorf("max-depth from %q, want %q", from, tt.from)
			}
		})
	}
}

// Every mistake in a file is reported at once, each with the file, the
// line and the key.
func TestConfigFileMistakes(t *testing.T) {
	text := strings.Join([]string{
		"# a comment",
		"max-depth = ten",                 // 2
		"max-depth = 12",                  // 3
		"no-seed",                         // 4
		"max_tokens = 4",                  // 5
		"colour = blue",                   // 6
		`data-dir = "/tmp/x`,              // 7
		"metrics-token = abc # a comment", // 8
		"log-format = xml",                // 9
		"no-seed = maybe",                 // 10
		"read-timeout = 10",               // 11
		"config = /etc/other.conf",        // 12
		"= 3",                             // 13
		"",
	}, "\n")
	path := writeConfig(t, text)
	_, _, _, err := parse(t, "serve", "--config", path)
	var bad *configError
	if !errors.As(err, &bad) {
		t.Fatalf("parse: %v, want a configError", err)
	}
	want := []string{
		path + `:2: max-depth: "ten" is not a whole number`,
		path + `:3: max-depth: is set twice, first on line 2`,
		path + `:4: no-seed: has no "=": write key = value`,
		path + `:5: max_tokens: is not a setting; did you mean max-tokens?`,
		path + `:6: colour: is not a setting`,
		path + `:7: data-dir: "/tmp/x: a quoted value ends at its closing "`,
		path + `:8: metrics-token: a comment needs a line of its own`,
		path + `:9: log-format: "xml" is not one of text, json`,
		path + `:10: no-seed: "maybe" is not true or false`,
		path + `:11: read-timeout: "10" is not a duration such as 30s`,
		path + `:12: config: the configuration file cannot name another one`,
		path + `:13: has no key before the =`,
	}
	if len(bad.problems) != len(want) {
		t.Errorf("%d problems, want %d:\n%v", len(bad.problems), len(want), err)
	}
	for i, w := range want {
		if i >= len(bad.problems) || !strings.HasPrefix(bad.problems[i].String(), w) {
			t.Errorf("problem %d: want it to start %q; all:\n%v", i+1, w, err)
		}
	}
}

// Quotes, escapes, blank lines, comments, spaces and CRLF line ends are
// all read as an admin means them.
func TestConfigFileFormat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "with # and spaces")
	text := "\r\n# comment\r\n   # indented comment\r\n\r\n" +
		"  listen=127.0.0.1:9001  \r\n" +
		`data-dir = "` + strings.ReplaceAll(dir, `\`, `\\`) + `"` + "\r\n" +
		`metrics-token = "tok\"en"` + "\r\n" +
		"no-seed = yes\r\n" +
		"database-url = \r\n"
	c, _, _ := mustParse(t, "serve", "--config", writeConfig(t, text))
	if c.Serve.Listen != "127.0.0.1:9001" || c.DataDir != dir || c.Serve.MetricsToken != `tok"en` ||
		!c.Serve.NoSeed || c.DatabaseURL != "" {
		t.Errorf("read listen %q, data-dir %q, metrics-token %q, no-seed %v, database-url %q",
			c.Serve.Listen, c.DataDir, c.Serve.MetricsToken, c.Serve.NoSeed, c.DatabaseURL)
	}
}

// config check reports mistakes of the file and of the values together,
// and runs no other command's checks: a broken file stops the others.
func TestConfigCheckReportsEveryProblem(t *testing.T) {
	notADir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notADir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	path := writeConfig(t, strings.Join([]string{
		"listen = 127.0.0.1",
		"max-depth = ten",
		"data-dir = " + filepath.Join(notADir, "data"),
		"database-url = mysql://root:hunter2@db/x",
		"tls-cert = /etc/hostname",
		"max-body-bytes = 10",
		"max-complexity = 0",
		"shutdown-timeout = 0s",
		"metrics-token = \"two words\"",
	}, "\n"))
	c, kctx, out := mustParse(t, "config", "check", "--config", path)
	err := kctx.Run(c)
	var bad *configError
	if !errors.As(err, &bad) {
		t.Fatalf("config check: %v, want problems", err)
	}
	want := []string{
		path + `:1: listen: "127.0.0.1" is not host:port`,
		path + `:2: max-depth: "ten" is not a whole number`,
		path + `:3: data-dir: ` + filepath.Join(notADir, "data") + ` cannot be created: ` + notADir + ` is not a directory`,
		path + `:4: database-url: must start with postgres:// or postgresql://`,
		path + `:5: tls-cert: --tls-cert and --tls-key go together`,
		path + `:6: max-body-bytes: 10 is out of range: it must be from 1024 to 1073741824`,
		path + `:7: max-complexity: 0 is out of range`,
		path + `:8: shutdown-timeout: must be longer than 0s`,
		path + `:9: metrics-token: cannot hold spaces`,
	}
	if len(bad.problems) != len(want) {
		t.Errorf("%d problems, want %d:\n%v", len(bad.problems), len(want), err)
	}
	for i, w := range want {
		if i >= len(bad.problems) || !strings.HasPrefix(bad.problems[i].String(), w) {
			t.Errorf("problem %d: want it to start %q; all:\n%v", i+1, w, err)
		}
	}
	if strings.Contains(err.Error(), "hunter2") || out.Len() > 0 {
		t.Errorf("config check printed %q and said %v; want no password and no settings", out, err)
	}
}

// A problem with a value from the environment or a flag names that.
func TestProblemsNameWhereTheValueCameFrom(t *testing.T) {
	t.Setenv("THROUGHLINE_LISTEN", "nowhere")
	c, kctx, _ := mustParse(t, "config", "check", "--data-dir", t.TempDir(), "--max-depth", "0")
	err := kctx.Run(c)
	for _, want := range []string{
		`listen ($THROUGHLINE_LISTEN): "nowhere" is not host:port`,
		`--max-depth: 0 is out of range`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("config check said %v, want %q", err, want)
		}
	}
}

// A valid configuration is printed with where each value came from, and
// secrets hidden.
func TestConfigCheckPrintsTheSettings(t *testing.T) {
	dataDir := t.TempDir()
	path := writeConfig(t, "database-url = postgres://throughline:hunter2@db.internal/tl\n"+
		"metrics-token = scrape-secret\nmax-depth = 20\n")
	t.Setenv("THROUGHLINE_LOG_FORMAT", "json")
	c, kctx, out := mustParse(t, "config", "check", "--config", path, "--data-dir", dataDir)
	if err := kctx.Run(c); err != nil {
		t.Fatalf("config check: %v", err)
	}
	for _, want := range []string{
		"configuration file: " + path,
		`database-url +postgres://throughline:xxxxx@db.internal/tl +file, line 1`,
		`metrics-token +\(set, hidden\) +file, line 2`,
		`max-depth +20 +file, line 3`,
		`data-dir +` + regexp.QuoteMeta(dataDir) + ` +flag`,
		`log-format +json +env THROUGHLINE_LOG_FORMAT`,
		`listen +127\.0\.0\.1:8080 +default`,
		`The configuration is valid\.`,
	} {
		if !regexp.MustCompile(want).MatchString(out.String()) {
			t.Errorf("config check printed no line matching %q:\n%s", want, out)
		}
	}
	if strings.Contains(out.String(), "hunter2") || strings.Contains(out.String(), "scrape-secret") {
		t.Errorf("config check printed a secret:\n%s", out)
	}
}

// The file the package installs shows every setting, commented out with
// its default, and sets what a production install needs; config check
// passes on it.
func TestPackagedConfigFile(t *testing.T) {
	const path = "packaging/throughline.conf"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	commented := map[string][]string{}
	set := map[string]string{}
	line := regexp.MustCompile(`^(#\s*)?([a-z][a-z-]*) =\s?(.*)$`)
	for _, l := range strings.Split(string(b), "\n") {
		if m := line.FindStringSubmatch(l); m != nil && m[1] != "" {
			commented[m[2]] = append(commented[m[2]], m[3])
		} else if m != nil {
			set[m[2]] = m[3]
		}
	}
	_, kctx, _ := mustParse(t, "version")
	for _, f := range settingList(kctx.Model) {
		def := f.Default
		if def == "" && f.IsBool() {
			def = "false"
		}
		if !slices.Contains(commented[f.Name], def) {
			t.Errorf("%s: no line %q among %q", f.Name, "# "+f.Name+" = "+def, commented[f.Name])
		}
	}
	want := map[string]string{
		"listen": "127.0.0.1:8080", "data-dir": "/var/lib/throughline",
		"no-seed": "true", "log-format": "json",
	}
	if len(set) != len(want) {
		t.Errorf("the file sets %v, want %v", set, want)
	}
	for k, v := range want {
		if set[k] != v {
			t.Errorf("the file sets %s = %q, want %q", k, set[k], v)
		}
	}

	t.Setenv("THROUGHLINE_DATA_DIR", filepath.Join(t.TempDir(), "data"))
	c, kctx, out := mustParse(t, "config", "check", "--config", path)
	if err := kctx.Run(c); err != nil {
		t.Fatalf("config check on %s: %v", path, err)
	}
	if !regexp.MustCompile(`listen +127\.0\.0\.1:8080 +file, line \d+`).MatchString(out.String()) {
		t.Errorf("config check did not take listen from the file:\n%s", out)
	}
}
