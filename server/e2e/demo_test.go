package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/demo"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/testserver"
)

// These tests run the server binary as an admin does: built from source,
// started on a data directory, stopped with SIGTERM. Each place the
// binary works on is a new data directory, with a PostgreSQL schema of
// its own on a PostgreSQL run (testserver.NewPlace).

// The first start on an empty data directory seeds the demo organisation,
// and HR finds it through GraphQL: the people, and a person's chain from
// their development goal up to a company objective.
func TestFirstStartSeedsTheDemoOrganisation(t *testing.T) {
	bin := buildServer(t)
	srv := startServer(t, bin, testserver.NewPlace(t))

	people := srv.peopleCount(t)
	if people < 35 || people > 45 {
		t.Errorf("people: totalCount %d, want the demo's forty or so", people)
	}
	if paths := srv.companyPaths(t, "meilin.chen@"+demo.Domain); paths == 0 {
		t.Errorf("no path from Mei-Lin's goals reaches a company objective")
	}
	srv.stop(t)

	log := srv.log(t)
	if want := fmt.Sprintf("people=%d", people); !strings.Contains(log, "seeded the demo") ||
		!strings.Contains(log, want) {
		t.Errorf("server log does not say it seeded %s:\n%s", want, log)
	}
}

// Seeding a database that holds data changes nothing and says so.
func TestSeedLeavesADatabaseWithDataAlone(t *testing.T) {
	bin := buildServer(t)
	place := testserver.NewPlace(t)

	first := runCommand(t, bin, on(place, "seed")...)
	if !strings.Contains(first, "seeded the demo organisation") {
		t.Fatalf("first seed said:\n%s", first)
	}
	before := countPeople(t, place)
	second := runCommand(t, bin, on(place, "seed")...)
	if !strings.Contains(second, "already holds data; nothing was seeded") {
		t.Errorf("second seed said:\n%s", second)
	}
	if after := countPeople(t, place); after != before || before == 0 {
		t.Errorf("people before the second seed %d, after %d", before, after)
	}
}

// The first start leaves the bootstrap admin token in a file only its
// user can read, and never writes the secret to the log.
func TestFirstStartWritesTheAdminTokenPrivately(t *testing.T) {
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	// A file left there world-readable must not keep its mode.
	path := filepath.Join(place.DataDir, "admin-token")
	if err := os.MkdirAll(place.DataDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("stale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, bin, place, "--no-seed")
	srv.stop(t)

	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("admin-token has mode %o, want 600", perm)
	}
	secret := firstStartToken(t, place.DataDir)
	if !strings.HasPrefix(secret, "tl_") || strings.Contains(srv.log(t), secret) {
		t.Errorf("admin token %q is malformed or was logged:\n%s", secret, srv.log(t))
	}

	restarted := startServer(t, bin, place, "--no-seed")
	restarted.stop(t)
	if again := firstStartToken(t, place.DataDir); again != secret {
		t.Errorf("a restart replaced the admin token")
	}

	// Revoked, the bootstrap token stays revoked: no new one at the next
	// start.
	runCommand(t, bin, on(place, "token", "revoke", "1")...)
	restarted = startServer(t, bin, place, "--no-seed")
	restarted.stop(t)
	if again := firstStartToken(t, place.DataDir); again != secret {
		t.Errorf("a restart after revoking the bootstrap token wrote a new one")
	}
	if list := runCommand(t, bin, on(place, "token", "list")...); strings.Count(list, "ADMIN") != 1 {
		t.Errorf("tokens after the restart:\n%s\nwant the one revoked admin token", list)
	}
}

// An admin who imports their own data starts with --no-seed and gets an
// empty database.
func TestServeWithNoSeedStartsEmpty(t *testing.T) {
	bin := buildServer(t)
	srv := startServer(t, bin, testserver.NewPlace(t), "--no-seed")
	if n := srv.peopleCount(t); n != 0 {
		t.Errorf("people: totalCount %d, want 0", n)
	}
	srv.stop(t)
}

// buildServer returns the server binary, built once for all the tests of
// this package (see TestMain).
func buildServer(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		built.bin = filepath.Join(built.dir, "throughline")
		out, err := exec.Command("go", "build", "-o", built.bin,
			"throughline.dev/server").CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// on returns a command's arguments followed by the flags that point the
// binary at a place: its data directory, and its PostgreSQL database if
// it has one.
func on(p app.Place, args ...string) []string {
	flags := []string{"--data-dir", p.DataDir}
	if p.Postgres() {
		flags = append(flags, "--database-url", p.DatabaseURL)
	}
	return slices.Concat(args, flags)
}

// runCommand runs the binary to completion and returns its output.
func runCommand(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// countPeople reads a place's database directly, once no server holds
// it.
func countPeople(t *testing.T, place app.Place) int64 {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, place.Database(), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.FindPeople(ctx, throughline.PersonFilter{}, throughline.PageRequest{First: 1})
	if err != nil {
		t.Fatal(err)
	}
	return p.TotalCount
}

// server is a running server binary.
type server struct {
	cmd     *exec.Cmd
	url     string
	logPath string
	done    chan error
	// token signs requests in: the demo's HR person when the demo was
	// seeded, else the bootstrap admin.
	token string
}

// startServer starts the binary on a place and a free loopback port,
// and waits until it answers its health check. The test's cleanup stops
// it if the test did not.
func startServer(t *testing.T, bin string, p app.Place, flags ...string) *server {
	t.Helper()
	s := launchServer(t, bin, p, flags...)
	s.waitHealthy(t)
	s.token = firstStartToken(t, p.DataDir)
	return s
}

// launchServer starts the binary on a free loopback port without waiting
// for it, so that several can start at once; startServer waits.
func launchServer(t *testing.T, bin string, p app.Place, flags ...string) *server {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), "server.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	// Port 0 lets the kernel pick a free port; the server logs which.
	args := on(p, append([]string{"serve", "--listen", "127.0.0.1:0"}, flags...)...)
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("start server: %v", err)
	}
	s := &server{cmd: cmd, logPath: logPath, done: make(chan error, 1)}
	go func() {
		s.done <- cmd.Wait()
		logFile.Close()
	}()
	t.Cleanup(func() { s.kill() })
	return s
}

// firstStartToken reads the token a first start left in the data
// directory: the demo's HR token if there is one, else the admin token.
func firstStartToken(t *testing.T, dataDir string) string {
	t.Helper()
	if b, err := os.ReadFile(filepath.Join(dataDir, "demo-tokens")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) > 0 && f[0] == "HR" {
				return f[len(f)-1]
			}
		}
		t.Fatalf("demo-tokens has no HR token:\n%s", b)
	}
	b, err := os.ReadFile(filepath.Join(dataDir, "admin-token"))
	if err != nil {
		t.Fatalf("first start left no admin token: %v", err)
	}
	return strings.TrimSpace(string(b))
}

// servingAddr is the address a server logs when it starts serving.
var servingAddr = regexp.MustCompile(`serving addr=(https?://\S+)`)

// listenURL reads the address the server logged, or "" before it has.
func listenURL(logPath string) string {
	b, _ := os.ReadFile(logPath)
	if m := servingAddr.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

// waitHealthy polls /healthz, a bounded number of times; seeding takes a
// second or two.
func (s *server) waitHealthy(t *testing.T) {
	t.Helper()
	client := &http.Client{Timeout: time.Second}
	for range 300 {
		select {
		case err := <-s.done:
			s.done <- err
			t.Fatalf("server exited before it was healthy (%v):\n%s", err, s.log(t))
		default:
		}
		if s.url == "" {
			s.url = listenURL(s.logPath)
			if s.url == "" {
				time.Sleep(50 * time.Millisecond)
				continue
			}
		}
		res, err := client.Get(s.url + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("server not healthy after 30 s:\n%s", s.log(t))
}

// stop sends SIGTERM to the server's process and expects a clean exit.
func (s *server) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	select {
	case err := <-s.done:
		s.done <- err
		if err != nil {
			t.Errorf("server exited with %v after SIGTERM:\n%s", err, s.log(t))
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("server still running 20 s after SIGTERM")
	}
}

// kill ends the server's process if it still runs.
func (s *server) kill() {
	select {
	case err := <-s.done:
		s.done <- err
	default:
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

func (s *server) log(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(s.logPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// query posts a GraphQL query and decodes its data, failing on any error.
func (s *server) query(t *testing.T, query string, vars map[string]any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, s.url+"/query", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+s.token)
	client := &http.Client{Timeout: 10 * time.Second}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer res.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
		t.Fatalf("decode response (%d): %v", res.StatusCode, err)
	}
	if res.StatusCode != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("query failed (%d): %v", res.StatusCode, r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decode %s: %v", r.Data, err)
	}
}

func (s *server) peopleCount(t *testing.T) int {
	t.Helper()
	var data struct{ People struct{ TotalCount int } }
	s.query(t, `{ people(first: 100) { totalCount } }`, nil, &data)
	return data.People.TotalCount
}

const demoPersonQuery = `query($email: String!) {
	person(email: $email) { id }
}`

const demoPathsQuery = `query($id: ID!) {
	chain(personId: $id) {
		goals { pathsUp { reachesCompanyObjective steps { __typename ... on Objective { level } } } } } }`

// companyPaths counts the paths up from a person's goals in the current
// quarter that end at a company objective, checking that each such path
// ends in a COMPANY objective indeed.
func (s *server) companyPaths(t *testing.T, email string) int {
	t.Helper()
	var who struct{ Person *struct{ ID string } }
	s.query(t, demoPersonQuery, map[string]any{"email": email}, &who)
	if who.Person == nil {
		t.Fatalf("no person %s", email)
	}
	var data struct {
		Chain *struct {
			Goals []struct {
				PathsUp []struct {
					ReachesCompanyObjective bool
					Steps                   []struct {
						Typename string `json:"__typename"`
						Level    string
					}
				}
			}
		}
	}
	s.query(t, demoPathsQuery, map[string]any{"id": who.Person.ID}, &data)
	if data.Chain == nil {
		t.Fatalf("no chain for %s", email)
	}
	n := 0
	for _, g := range data.Chain.Goals {
		for _, p := range g.PathsUp {
			if !p.ReachesCompanyObjective {
				continue
			}
			if top := p.Steps[len(p.Steps)-1]; top.Level != string(throughline.LevelCompany) {
				t.Errorf("path said to reach a company objective ends at %+v", top)
			}
			n++
		}
	}
	return n
}
