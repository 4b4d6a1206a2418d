package packaging

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// dropInDir holds the test's drop-in for the unit; purging the package
// deletes it with the rest.
const dropInDir = "/etc/systemd/system/throughline.service.d"

// systemd is the machine's service manager, when it runs one. There,
// postinst enables and starts the service itself: the test points it at
// its own port with a drop-in, checks that the hardened unit serves, and
// stops it before it runs the server its own way.
type systemd struct {
	running bool
	url     string
}

// useSystemd prepares for postinst's start, if systemd runs this machine.
func useSystemd(t *testing.T, port string) systemd {
	t.Helper()
	if _, err := os.Stat("/run/systemd/system"); err != nil {
		t.Log("systemd does not run this machine: postinst leaves the service to the admin, " +
			"and the test runs the server as the unit would")
		return systemd{}
	}
	if err := os.MkdirAll(dropInDir, 0o755); err != nil {
		t.Fatal(err)
	}
	dropIn := "[Service]\nEnvironment=THROUGHLINE_LISTEN=127.0.0.1:" + port + "\n"
	path := filepath.Join(dropInDir, "package-test.conf")
	if err := os.WriteFile(path, []byte(dropIn), 0o644); err != nil {
		t.Fatal(err)
	}
	return systemd{running: true, url: "http://127.0.0.1:" + port}
}

// checkServing checks that postinst left the service enabled and
// serving the package's version, then stops it.
func (sd systemd) checkServing(t *testing.T, version string) {
	t.Helper()
	if !sd.running {
		return
	}
	if out := systemctl(t, "is-enabled", "throughline.service"); out != "enabled" {
		t.Errorf("after the install the service is %q, want enabled", out)
	}
	s := &server{url: sd.url, done: make(chan error)}
	if err := s.pollReady(time.Minute); err != nil {
		t.Fatalf("the service systemd started is not ready: %v\n%s", err, journal(t))
	}
	checkServerVersion(t, s, readAdminToken(t), version)
	systemctl(t, "stop", "throughline.service")
}

// systemctl runs systemctl and returns what it printed.
func systemctl(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command("systemctl", args...).CombinedOutput()
	if err != nil && args[0] != "is-enabled" {
		t.Fatalf("systemctl %s: %v\n%s\n%s", strings.Join(args, " "), err, out, journal(t))
	}
	return strings.TrimSpace(string(out))
}

// journal is the service's last log lines.
func journal(t *testing.T) string {
	t.Helper()
	out, _ := exec.Command("journalctl", "--unit=throughline.service", "--no-pager",
		"--lines=50").CombinedOutput()
	return string(out)
}
