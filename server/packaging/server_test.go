package packaging

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// server is a server the test started as the unit would.
type server struct {
	url  string
	log  string
	cmd  *exec.Cmd
	done chan error
	// exited is set once done has delivered the process's end.
	exited bool
}

// start starts the server as its unit would, listening on the loopback
// port given through THROUGHLINE_LISTEN, and waits until it is ready.
func (u *unit) start(t *testing.T, work, port string) *server {
	t.Helper()
	log, err := os.CreateTemp(work, "serve-*.log")
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	listen := "127.0.0.1:" + port
	serve := append([]string{"serve"}, u.serveArgs...)
	cmd := u.command([]string{"THROUGHLINE_LISTEN=" + listen}, serve...)
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{url: "http://" + listen, log: log.Name(), cmd: cmd, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(s.kill)
	s.waitReady(t)
	return s
}

// waitReady waits for the server to be ready, failing if it ends first
// or takes longer than a minute.
func (s *server) waitReady(t *testing.T) {
	t.Helper()
	if err := s.pollReady(time.Minute); err != nil {
		t.Fatalf("%v\n%s", err, s.output())
	}
}

// pollReady polls /readyz until it answers 200. It gives up when the
// process ends (done delivers) or the time is up.
func (s *server) pollReady(limit time.Duration) error {
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		select {
		case err := <-s.done:
			s.exited = true
			return fmt.Errorf("the server ended before it was ready: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
		resp, err := client.Get(s.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("%s/readyz did not answer 200 within %v", s.url, limit)
}

// stop stops the server as systemd does, with SIGTERM, and checks that it
// shut down cleanly in the unit's TimeoutStopSec.
func (s *server) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.done:
		s.exited = true
		if err != nil {
			t.Fatalf("the server did not stop cleanly on SIGTERM: %v\n%s", err, s.output())
		}
	case <-time.After(20 * time.Second):
		s.kill()
		t.Fatalf("the server did not stop within 20 s of SIGTERM:\n%s", s.output())
	}
}

// kill ends a server the test did not stop, when the test failed early.
func (s *server) kill() {
	if s.exited {
		return
	}
	s.cmd.Process.Kill()
	<-s.done
	s.exited = true
}

func (s *server) output() string {
	b, err := os.ReadFile(s.log)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// checkEnvBeatsFile checks that the server listens where
// THROUGHLINE_LISTEN says, not where the configuration file does.
func checkEnvBeatsFile(t *testing.T, s *server, filePort string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", "127.0.0.1:"+filePort, time.Second)
	if err == nil {
		conn.Close()
		t.Fatalf("something listens on the configuration file's port %s: "+
			"THROUGHLINE_LISTEN must win over the file", filePort)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("dial the configuration file's port %s: %v", filePort, err)
	}
}

// checkMonitoring checks that what a load balancer and Prometheus ask
// for answers: /healthz, and /metrics in Prometheus's text format.
func checkMonitoring(t *testing.T, s *server) {
	t.Helper()
	for path, want := range map[string]string{"/healthz": "", "/metrics": "# TYPE "} {
		resp, err := http.Get(s.url + path)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Errorf("GET %s: %s, %v, body starting %.200q", path, resp.Status, err, body)
		}
	}
}

// readAdminToken reads the bootstrap admin token the first start wrote,
// checking only the server's user may read it.
func readAdminToken(t *testing.T) string {
	t.Helper()
	path := filepath.Join(dataDir, "admin-token")
	checkFile(t, path, serviceUser, serviceUser, 0o600)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the first start must write the admin token: %v", err)
	}
	return strings.TrimSpace(string(b))
}
