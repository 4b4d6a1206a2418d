package packaging

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// unit is what the test takes from the installed systemd unit to run the
// server as systemd would: the user, group, umask, working directory,
// environment and command line.
type unit struct {
	user, group, umask, workDir string
	// binary and serveArgs are ExecStart: the binary, "serve", then
	// serveArgs, which are global flags (--config) that the admin's
	// commands take too.
	binary    string
	serveArgs []string
	// env is what the unit adds to the service's environment: the
	// variables systemd sets for StateDirectory= and
	// ConfigurationDirectory=, and the Environment= lines.
	env []string
}

// readUnit reads the [Service] section of an installed unit file. A
// setting the test relies on must be there: a unit without User= would
// run the server as root.
func readUnit(t *testing.T, path string) *unit {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := serviceSettings(b)
	last := func(key string) string {
		v := s[key]
		if len(v) == 0 || v[len(v)-1] == "" {
			t.Fatalf("%s sets no %s=", path, key)
		}
		return v[len(v)-1]
	}
	u := &unit{user: last("User"), group: last("Group"), umask: last("UMask"),
		workDir: last("WorkingDirectory")}
	u.binary, u.serveArgs = splitExecStart(t, last("ExecStart"))
	u.env = append(u.env,
		"STATE_DIRECTORY=/var/lib/"+last("StateDirectory"),
		"CONFIGURATION_DIRECTORY=/etc/"+last("ConfigurationDirectory"))
	for _, line := range s["Environment"] {
		u.env = append(u.env, plainWords(t, line)...)
	}
	return u
}

// serviceSettings returns the [Service] section's settings, every value
// of a key in order. Comments and other sections are left out.
func serviceSettings(unitFile []byte) map[string][]string {
	settings := map[string][]string{}
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(unitFile))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "["):
			section = line
		case section == "[Service]":
			key, value, _ := strings.Cut(line, "=")
			settings[strings.TrimSpace(key)] = append(settings[strings.TrimSpace(key)],
				strings.TrimSpace(value))
		}
	}
	return settings
}

// splitExecStart splits ExecStart into the binary and the flags after
// serve. It takes only what this unit needs: no quotes, no prefixes.
func splitExecStart(t *testing.T, execStart string) (string, []string) {
	t.Helper()
	words := plainWords(t, execStart)
	if len(words) < 2 || !filepath.IsAbs(words[0]) || words[1] != "serve" {
		t.Fatalf("ExecStart=%s: want an absolute path to the binary, then serve", execStart)
	}
	return words[0], words[2:]
}

// plainWords splits a unit's value at spaces, failing on quotes or
// specifiers this test does not interpret.
func plainWords(t *testing.T, value string) []string {
	t.Helper()
	if strings.ContainsAny(value, `"'\%$`) {
		t.Fatalf("the test does not interpret quotes, escapes or specifiers in %q", value)
	}
	return strings.Fields(value)
}

// command runs the binary with args as the unit's user and group, with
// its umask, working directory and environment, no capabilities and no
// new privileges; extraEnv comes last and wins.
func (u *unit) command(extraEnv []string, args ...string) *exec.Cmd {
	argv := []string{"--reuid=" + u.user, "--regid=" + u.group, "--init-groups",
		"--no-new-privs", "--bounding-set=-all", "--inh-caps=-all", "--",
		// setpriv and sh exec: the server keeps the PID the test signals.
		"/bin/sh", "-c", `umask "$0" && exec "$@"`, u.umask, u.binary}
	cmd := exec.Command("setpriv", append(argv, args...)...)
	cmd.Dir = u.workDir
	cmd.Env = append(u.baseEnv(), extraEnv...)
	return cmd
}

// baseEnv is the environment systemd gives the service: nothing of the
// test's own, so that no THROUGHLINE_ variable of the machine leaks in.
func (u *unit) baseEnv() []string {
	env := []string{
		"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
		"USER=" + u.user, "LOGNAME=" + u.user, "HOME=" + dataDir, "SHELL=/usr/sbin/nologin",
	}
	return append(env, u.env...)
}

// admin runs one of the admin's commands as the server's user, with the
// unit's flags, and returns its output.
func (u *unit) admin(t *testing.T, args ...string) string {
	t.Helper()
	out, err := u.command(nil, append(args, u.serveArgs...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("throughline %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// checkCommandVersion checks that `throughline version` names the
// package's version and a build date.
func checkCommandVersion(t *testing.T, u *unit, want string) {
	t.Helper()
	out := u.admin(t, "version")
	first, rest, _ := strings.Cut(out, "\n")
	if first != "throughline "+want {
		t.Errorf("throughline version printed %q first, want %q", first, "throughline "+want)
	}
	if !strings.Contains(rest, "built:") || strings.Contains(rest, "built:      unknown") {
		t.Errorf("throughline version names no build date:\n%s", out)
	}
}

// checkConfigCheck runs `throughline config check` as the service would
// run serve: it must find the installed configuration valid, and say the
// listen address comes from THROUGHLINE_LISTEN rather than the file.
func checkConfigCheck(t *testing.T, u *unit, envPort string) {
	t.Helper()
	check := u.command([]string{"THROUGHLINE_LISTEN=127.0.0.1:" + envPort},
		append([]string{"config", "check"}, u.serveArgs...)...)
	out, err := check.CombinedOutput()
	if err != nil {
		t.Fatalf("throughline config check finds the installed configuration wrong: %v\n%s", err, out)
	}
	listen := regexp.MustCompile(`(?m)^listen\s+127\.0\.0\.1:` + envPort + `\s`)
	if !listen.Match(out) {
		t.Errorf("throughline config check does not take listen from THROUGHLINE_LISTEN:\n%s", out)
	}
}
