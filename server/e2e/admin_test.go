package e2e_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"throughline.dev/server/internal/testserver"
)

// These tests run the binary as the Debian package's unit does: settings
// in a configuration file, logs as JSON, monitored through /healthz,
// /readyz and /metrics, stopped with SIGTERM.

// packagedConfig is the configuration file the package installs.
const packagedConfig = "../packaging/throughline.conf"

// config check passes on the file the package installs, with the data
// directory moved by the environment, as the tests cannot write to
// /var/lib; a mistake added to it fails the check, naming its line.
func TestConfigCheckPassesOnThePackagedFile(t *testing.T) {
	bin := buildServer(t)
	check := exec.Command(bin, "config", "check", "--config", packagedConfig)
	check.Env = append(os.Environ(), "THROUGHLINE_DATA_DIR="+filepath.Join(t.TempDir(), "data"))
	out, err := check.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "The configuration is valid.") {
		t.Fatalf("config check on %s: %v\n%s", packagedConfig, err, out)
	}
	if !regexp.MustCompile(`log-format +json +file, line \d+`).Match(out) ||
		!regexp.MustCompile(`data-dir +\S+ +env THROUGHLINE_DATA_DIR`).Match(out) {
		t.Errorf("config check did not say where the values came from:\n%s", out)
	}

	b, err := os.ReadFile(packagedConfig)
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "throughline.conf")
	lines := strings.Count(string(b), "\n")
	if err := os.WriteFile(broken, append(b, "max-depth = ten\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	check = exec.Command(bin, "config", "check", "--config", broken, "--data-dir", t.TempDir())
	out, err = check.CombinedOutput()
	var exit *exec.ExitError
	want := broken + ":" + strconv.Itoa(lines+1) + `: max-depth: "ten" is not a whole number`
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(out), want) {
		t.Errorf("config check on a broken file: %v, want exit 1 and %q:\n%s", err, want, out)
	}
}

// A server started from a configuration file logs JSON, one line a
// request; its metrics, behind their token, count the requests it
// answers; and on SIGTERM it stops being ready before it stops serving.
func TestServeFromAConfigurationFile(t *testing.T) {
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	conf := filepath.Join(t.TempDir(), "throughline.conf")
	settings := "listen = 127.0.0.1:0\nno-seed = true\nlog-format = json\n" +
		"metrics-token = \"scrape-secret\"\nshutdown-delay = 3s\n"
	if err := os.WriteFile(conf, []byte(settings), 0o600); err != nil {
		t.Fatal(err)
	}
	s := launchServer(t, bin, place, "--config", conf)
	s.url = waitForJSONURL(t, s)
	client := &http.Client{Timeout: 2 * time.Second}
	if !eventuallyOK(client, s.url+"/readyz") {
		t.Fatalf("never ready:\n%s", s.log(t))
	}
	s.token = firstStartToken(t, place.DataDir)

	if res, err := client.Get(s.url + "/metrics"); err != nil || res.StatusCode != http.StatusUnauthorized {
		t.Errorf("scrape without the metrics token: %v, want 401", describe(res, err))
	} else {
		res.Body.Close()
	}
	before := opsScrape(t, s.url)
	var data struct{ People struct{ TotalCount int } }
	s.query(t, `{ people(first: 1) { totalCount } }`, nil, &data)
	after := opsScrape(t, s.url)
	for name, labels := range map[string]map[string]string{
		"throughline_http_requests_total":      {"route": "/query", "code": "200"},
		"throughline_graphql_operations_total": {"type": "query", "outcome": "ok"},
	} {
		if moved := opsValue(after, name, labels) - opsValue(before, name, labels); moved != 1 {
			t.Errorf("%s%v moved by %v after one query, want 1", name, labels, moved)
		}
	}

	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitNotReady(t, client, s)
	if res, err := client.Get(s.url + "/healthz"); err != nil || res.StatusCode != http.StatusOK {
		t.Errorf("/healthz while draining: %v, want 200", describe(res, err))
	} else {
		res.Body.Close()
	}
	select {
	case err := <-s.done:
		s.done <- err
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, s.log(t))
		}
	case <-time.After(20 * time.Second):
		t.Fatal("still running 20 s after SIGTERM")
	}
	wantJSONRequestLog(t, s.log(t), s.token)
}

// describe is a response's status, or the error that stood for one.
func describe(res *http.Response, err error) string {
	if err != nil {
		return err.Error()
	}
	res.Body.Close()
	return res.Status
}

// waitForJSONURL waits a bounded time for a server logging JSON to log
// the address it serves on.
func waitForJSONURL(t *testing.T, s *server) string {
	t.Helper()
	addr := regexp.MustCompile(`"msg":"serving","addr":"(https?://[^"]+)"`)
	for range 200 {
		b, _ := os.ReadFile(s.logPath)
		if m := addr.FindSubmatch(b); m != nil {
			return string(m[1])
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the server logged no address:\n%s", s.log(t))
	return ""
}

// waitNotReady waits for /readyz to answer 503 "shutting down".
func waitNotReady(t *testing.T, client *http.Client, s *server) {
	t.Helper()
	for range 50 {
		res, err := client.Get(s.url + "/readyz")
		if err == nil {
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusServiceUnavailable &&
				bytes.Contains(body, []byte(`"reason":"shutting down"`)) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("/readyz never answered 503 shutting down after SIGTERM:\n%s", s.log(t))
}

// wantJSONRequestLog wants every log line to be a JSON object, the query
// logged once by route, and the token nowhere.
func wantJSONRequestLog(t *testing.T, log, token string) {
	t.Helper()
	queries := 0
	for line := range strings.Lines(log) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Errorf("a log line is not JSON: %q", line)
			continue
		}
		if m["msg"] == "request" && m["route"] == "/query" {
			queries++
			if m["status"] != float64(200) || m["method"] != "POST" || m["request_id"] == "" {
				t.Errorf("request line %v", m)
			}
		}
	}
	if queries != 1 {
		t.Errorf("%d request lines for /query, want 1:\n%s", queries, log)
	}
	if strings.Contains(log, token) || strings.Contains(log, "scrape-secret") {
		t.Errorf("the log holds a secret:\n%s", log)
	}
}

// opsScrape reads /metrics with the metrics token.
func opsScrape(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url+"/metrics", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer scrape-secret")
	res, err := (&http.Client{Timeout: 5 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("scrape: %d", res.StatusCode)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(res.Body)
	if err != nil {
		t.Fatalf("parse /metrics: %v", err)
	}
	return families
}

// opsValue is the counter with exactly these labels, 0 when none.
func opsValue(families map[string]*dto.MetricFamily, name string, labels map[string]string) float64 {
	for _, m := range families[name].GetMetric() {
		if len(m.GetLabel()) != len(labels) {
			continue
		}
		match := true
		for _, l := range m.GetLabel() {
			match = match && labels[l.GetName()] == l.GetValue()
		}
		if match {
			return m.GetCounter().GetValue()
		}
	}
	return 0
}

// version prints what the build stamped into the binary.
func TestVersionShowsTheBuild(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "throughline")
	ldflags := "-X throughline.dev/graph.Version=9.8.7 -X main.commit=abc1234 " +
		"-X main.buildDate=2025-06-01T12:00:00Z"
	if out, err := exec.Command("go", "build", "-ldflags", ldflags, "-o", bin,
		"throughline.dev/server").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := runCommand(t, bin, "version")
	for _, want := range []string{"throughline 9.8.7", "commit:     abc1234",
		"built:      2025-06-01T12:00:00Z", "go:         go1."} {
		if !strings.Contains(out, want) {
			t.Errorf("version printed no %q:\n%s", want, out)
		}
	}
}
