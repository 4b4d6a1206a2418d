package packaging

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// requireMachine skips the test unless THROUGHLINE_PACKAGE_TEST=1 asks
// for it, and then fails (rather than skips) when it cannot run here.
func requireMachine(t *testing.T) {
	t.Helper()
	if os.Getenv("THROUGHLINE_PACKAGE_TEST") != "1" {
		t.Skip("installs and purges the Debian package on this machine: " +
			"set THROUGHLINE_PACKAGE_TEST=1 and run as root")
	}
	if os.Geteuid() != 0 {
		t.Fatal("THROUGHLINE_PACKAGE_TEST=1 needs root: the test installs a package with dpkg")
	}
	for _, tool := range []string{"dpkg", "dpkg-query", "setpriv", "getent", "make"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("THROUGHLINE_PACKAGE_TEST=1 needs %s, a Debian machine's tool: %v", tool, err)
		}
	}
}

// refuseInstalled stops the test on a machine where Throughline is
// installed, or was: purging at the end would delete its data.
func refuseInstalled(t *testing.T) {
	t.Helper()
	var found []string
	if status := dpkgQuery(t, "${db:Status-Status}"); status != "" && status != "not-installed" {
		found = append(found, "the package ("+status+")")
	}
	if userExists(t) || groupExists(t) {
		found = append(found, "the user or group "+serviceUser)
	}
	for _, dir := range []string{dataDir, configDir, dropInDir} {
		if _, err := os.Lstat(dir); err == nil {
			found = append(found, dir)
		}
	}
	if len(found) > 0 {
		t.Fatalf("this machine has Throughline already (%s); the test would purge it: "+
			"run it on a machine without", strings.Join(found, ", "))
	}
}

// builtPackage is a .deb the test built, and its version.
type builtPackage struct {
	version, path string
}

// buildPackage builds the server's Debian package of the given version
// for this machine's architecture through the Makefile, as `make dist`
// does, into dir.
func buildPackage(t *testing.T, dir, version string) builtPackage {
	t.Helper()
	arch := strings.TrimSpace(output(t, "dpkg", "--print-architecture"))
	deb := filepath.Join(dir, fmt.Sprintf("throughline_%s_%s.deb", version, arch))
	cmd := exec.Command("make", "-C", repoRoot(t), "DIST="+dir,
		"DIST_BUILD="+filepath.Join(dir, "build"), "VERSION="+version, "PKG_VERSION="+version, deb)
	cmd.Env = withoutMake(os.Environ())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make %s: %v\n%s", filepath.Base(deb), err, out)
	}
	return builtPackage{version: version, path: deb}
}

// withoutMake drops the variables through which a make that runs this
// test would pass its jobs and command-line variables on to ours.
func withoutMake(env []string) []string {
	var kept []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES":
		default:
			kept = append(kept, kv)
		}
	}
	return kept
}

// repoRoot is the repository's root, two folders up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "Makefile")); err != nil {
		t.Fatalf("repository root: %v", err)
	}
	return root
}

// dpkg runs dpkg as an admin would, with no one to answer its questions.
func dpkg(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("dpkg", args...)
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("dpkg %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	t.Logf("dpkg %s:\n%s", strings.Join(args, " "), out)
}

// dpkgQuery formats what dpkg knows of the package; "" when it knows
// nothing of it.
func dpkgQuery(t *testing.T, format string) string {
	t.Helper()
	out, err := exec.Command("dpkg-query", "--show", "--showformat="+format, packageName).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// purgeAll purges the package, then deletes whatever a failed purge left.
// It runs at the end of the test, passed or failed, on a machine that had
// no Throughline before (refuseInstalled saw to that).
func purgeAll(t *testing.T) {
	if status := dpkgQuery(t, "${db:Status-Status}"); status != "" && status != "not-installed" {
		out, err := exec.Command("dpkg", "--purge", packageName).CombinedOutput()
		if err != nil {
			t.Errorf("cleaning up: dpkg --purge: %v\n%s", err, out)
		}
	}
	for _, dir := range []string{dataDir, configDir, dropInDir} {
		if err := os.RemoveAll(dir); err != nil {
			t.Errorf("cleaning up: %v", err)
		}
	}
	if userExists(t) {
		run(t, "userdel", serviceUser)
	}
	if groupExists(t) {
		run(t, "groupdel", serviceUser)
	}
}

func userExists(t *testing.T) bool {
	t.Helper()
	return exec.Command("getent", "passwd", serviceUser).Run() == nil
}

func groupExists(t *testing.T) bool {
	t.Helper()
	return exec.Command("getent", "group", serviceUser).Run() == nil
}

// checkSystemUser checks the server's user is a system account with no
// login shell, at home in the data directory.
func checkSystemUser(t *testing.T) {
	t.Helper()
	entry := strings.TrimSpace(output(t, "getent", "passwd", serviceUser))
	fields := strings.Split(entry, ":")
	if len(fields) != 7 {
		t.Fatalf("getent passwd %s: %q", serviceUser, entry)
	}
	uid, err := strconv.Atoi(fields[2])
	if err != nil || uid == 0 || uid >= 1000 {
		t.Errorf("%s has uid %s, want a system uid (1 to 999)", serviceUser, fields[2])
	}
	if home := fields[5]; home != dataDir {
		t.Errorf("%s's home is %s, want %s", serviceUser, home, dataDir)
	}
	if shell := fields[6]; !strings.HasSuffix(shell, "nologin") && shell != "/bin/false" {
		t.Errorf("%s's shell is %s: a system user must not log in", serviceUser, shell)
	}
}

// checkFile checks a file's owner, group and mode.
func checkFile(t *testing.T, path, owner, group string, mode os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Error(err)
		return
	}
	st := info.Sys().(*syscall.Stat_t)
	gotOwner, gotGroup := userName(st.Uid), groupName(st.Gid)
	gotMode := info.Mode() & (os.ModePerm | os.ModeDir)
	if gotOwner != owner || gotGroup != group || gotMode != mode {
		t.Errorf("%s is %s:%s %v, want %s:%s %v", path, gotOwner, gotGroup, gotMode, owner, group, mode)
	}
}

func userName(uid uint32) string {
	u, err := user.LookupId(strconv.Itoa(int(uid)))
	if err != nil {
		return strconv.Itoa(int(uid))
	}
	return u.Username
}

func groupName(gid uint32) string {
	g, err := user.LookupGroupId(strconv.Itoa(int(gid)))
	if err != nil {
		return strconv.Itoa(int(gid))
	}
	return g.Name
}

// setConfig sets a key in the installed configuration file, as an admin
// would with an editor: the line that sets it, or else the commented-out
// example of it, becomes key = value; without either, the line is added.
func setConfig(t *testing.T, key, value string) {
	t.Helper()
	b, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatal(err)
	}
	line := key + " = " + value
	set := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `\s*=.*$`)
	example := regexp.MustCompile(`(?m)^#\s*` + regexp.QuoteMeta(key) + `\s*=.*$`)
	text := string(b)
	switch {
	case set.MatchString(text):
		text = replaceFirst(set, text, line)
	case example.MatchString(text):
		text = replaceFirst(example, text, line)
	default:
		text = strings.TrimRight(text, "\n") + "\n" + line + "\n"
	}
	// WriteFile keeps the file's owner, group and mode.
	if err := os.WriteFile(configPath, []byte(text), 0o640); err != nil {
		t.Fatal(err)
	}
}

func replaceFirst(re *regexp.Regexp, text, with string) string {
	loc := re.FindStringIndex(text)
	return text[:loc[0]] + with + text[loc[1]:]
}

// checkConfig checks the installed configuration file sets key to value.
func checkConfig(t *testing.T, key, value string) {
	t.Helper()
	b, err := os.ReadFile(configPath)
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key+" = "+value) + `$`)
	if !want.Match(b) {
		t.Errorf("%s lost the admin's line %q:\n%s", configPath, key+" = "+value, b)
	}
}

// checkUnitVerifies runs systemd-analyze verify on the installed unit,
// where systemd's tools are installed.
func checkUnitVerifies(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Log("systemd-analyze is not installed: the unit is not verified")
		return
	}
	out, err := exec.Command("systemd-analyze", "verify", unitPath).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify %s: %v\n%s", unitPath, err, out)
	}
}

// freePort returns a loopback port nothing listens on now.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// output runs a command and returns what it printed, failing the test
// when it fails.
func output(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// run runs a command for the cleanup, reporting a failure.
func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Errorf("cleaning up: %s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}
