package e2e_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"throughline.dev/graph/storage/storagetest"
	"throughline.dev/server/internal/app"
)

// Two server processes on one PostgreSQL schema, as behind a load
// balancer, each with a data directory of its own. Started together on a
// new database, one seeds the demo while the other waits and finds it
// done.
// Writers then go through both at once: every write acknowledged is
// stored, none is applied over another unseen (a plan's stale version is
// refused as a conflict), and what one server writes the other reads at
// once. Skipped unless THROUGHLINE_TEST_POSTGRES names a database.
func TestTwoReplicasShareOnePostgres(t *testing.T) {
	url := storagetest.PostgresURL(t)
	bin := buildServer(t)
	replicas, seeded := startReplicas(t, bin, url, 2)
	// HR records progress; the manager of the plan's person changes it.
	hr, manager := demoToken(t, seeded, "HR"), demoToken(t, seeded, "MANAGER")
	clients := make([]replicaClient, len(replicas))
	for i, r := range replicas {
		clients[i] = replicaClient{hr: gqlClient{url: r.url, token: hr},
			manager: gqlClient{url: r.url, token: manager}}
	}

	plan, kr := replicaTargets(t, replicas[0])
	t.Run("reads see the other's writes at once", func(t *testing.T) {
		checkReadsAcross(t, clients, plan, kr)
	})
	t.Run("racing writes lose nothing", func(t *testing.T) {
		checkRacingWrites(t, clients, plan, kr)
	})
	for _, r := range replicas {
		r.stop(t)
	}
}

// replicaClient speaks to one server as the demo's HR person and as the
// manager Grace Mwangi.
type replicaClient struct{ hr, manager gqlClient }

// startReplicas starts n servers on one database at the same moment and
// waits until each answers. Exactly one of them seeds the demo: it
// returns the servers, and the data directory of the one that did. The
// schema is migrated first, so that the servers reach the seed together
// rather than one after the other behind the migration's lock (the
// storage tests race migrations).
func startReplicas(t *testing.T, bin, url string, n int) ([]*server, string) {
	t.Helper()
	runCommand(t, bin, "migrate", "--data-dir", t.TempDir(), "--database-url", url)
	dirs := make([]string, n)
	replicas := make([]*server, n)
	for i := range n {
		dirs[i] = filepath.Join(t.TempDir(), fmt.Sprintf("replica%d", i))
		replicas[i] = launchServer(t, bin, app.Place{DataDir: dirs[i], DatabaseURL: url})
	}
	for _, r := range replicas {
		r.waitHealthy(t)
	}
	var seeded []string
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "demo-tokens")); err == nil {
			seeded = append(seeded, d)
		}
	}
	if len(seeded) != 1 {
		t.Fatalf("%d of %d servers started together seeded the demo, want 1", len(seeded), n)
	}
	token := firstStartToken(t, seeded[0])
	for _, r := range replicas {
		r.token = token
	}
	return replicas, seeded[0]
}

// replicaTargets picks the current plan of Mei-Lin Chen, who reports to
// the demo's manager, and a metric key result.
func replicaTargets(t *testing.T, s *server) (plan, kr string) {
	t.Helper()
	var data struct {
		Person     struct{ Plan *struct{ ID string } }
		KeyResults struct {
			Nodes []struct {
				ID     string
				Metric *struct{ Current *float64 }
			}
		}
	}
	s.query(t, `{ person(email: "meilin.chen@northwind-labs.example") { plan { id } }
		keyResults(first: 100) { nodes { id metric { current } } } }`, nil, &data)
	if data.Person.Plan == nil {
		t.Fatal("Mei-Lin Chen has no plan this quarter")
	}
	for _, k := range data.KeyResults.Nodes {
		if k.Metric != nil {
			return data.Person.Plan.ID, k.ID
		}
	}
	t.Fatal("the demo has no metric key result")
	return "", ""
}

// checkReadsAcross writes through one server and reads through the other
// straight after, both ways round, a few times.
func checkReadsAcross(t *testing.T, clients []replicaClient, plan, kr string) {
	for i := range 6 {
		w, r := clients[i%2], clients[(i+1)%2]
		value := float64(1000 + i)
		if err := w.hr.mutate("recordProgress", progressMutation, map[string]any{
			"keyResultId": kr, "value": value}, nil); err != nil {
			t.Fatalf("record progress: %v", err)
		}
		if got := metricNow(t, r.hr, kr); got != value {
			t.Fatalf("write %d: the other server reads %v, want %v", i, got, value)
		}
		v := planVersionVia(t, w.manager, plan)
		var out struct{ Plan struct{ Version int } }
		status := []string{"BLOCKED", "ON_TRACK"}[i%2]
		if err := w.manager.mutate("setPlanStatus", statusMutation, map[string]any{
			"planId": plan, "version": v, "status": status, "reason": "waiting on access"},
			&out); err != nil {
			t.Fatalf("set status: %v", err)
		}
		if got := planVersionVia(t, r.manager, plan); got != out.Plan.Version {
			t.Fatalf("write %d: the other server reads version %d, want %d", i, got,
				out.Plan.Version)
		}
	}
}

// replicaWrites is what one writer saw acknowledged.
type replicaWrites struct {
	progress  int
	won, lost int
	made      []int // the plan versions this writer's changes made
	errs      []error
}

// raceWriters runs writers at once, each through the servers in turn,
// and returns what each saw.
func raceWriters(clients []replicaClient, writers, rounds int,
	write func(c replicaClient, i, n int, r *replicaWrites) error,
) []replicaWrites {
	results := make([]replicaWrites, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := &results[i]
			for n := range rounds {
				if err := write(clients[(i+n)%len(clients)], i, n, r); err != nil {
					r.errs = append(r.errs, fmt.Errorf("round %d: %w", n, err))
					return
				}
			}
		}()
	}
	wg.Wait()
	return results
}

// reportErrors fails the test with the errors the writers met.
func reportErrors(t *testing.T, results []replicaWrites) {
	t.Helper()
	for i, r := range results {
		for _, err := range r.errs {
			t.Errorf("writer %d: %v", i, err)
		}
	}
}

// checkRacingWrites races writers through both servers: first progress on
// one key result, then status changes of one plan, each sent with the
// version its writer just read.
func checkRacingWrites(t *testing.T, clients []replicaClient, plan, kr string) {
	const writers, rounds = 8, 10
	before, _ := progressNow(t, clients[0].hr, kr)
	results := raceWriters(clients, writers, rounds, recordValues(kr))
	reportErrors(t, results)
	checkProgressKept(t, clients, kr, before+writers*rounds)

	startVersion := planVersionVia(t, clients[0].manager, plan)
	results = raceWriters(clients, writers, rounds, changeStatusAt(plan))
	reportErrors(t, results)
	var won, lost int
	var made []int
	for _, r := range results {
		won, lost = won+r.won, lost+r.lost
		made = append(made, r.made...)
	}
	if won+lost != writers*rounds || won == 0 {
		t.Errorf("plan: %d changes succeeded and %d conflicted, of %d", won, lost, writers*rounds)
	}
	for _, c := range clients {
		if v := planVersionVia(t, c.manager, plan); v != startVersion+won {
			t.Errorf("plan at version %d after %d changes from %d, want %d", v, won,
				startVersion, startVersion+won)
		}
	}
	slices.Sort(made)
	for i, v := range made {
		if v != startVersion+1+i {
			t.Fatalf("the changes made versions %v, want %d to %d once each", made,
				startVersion+1, startVersion+won)
		}
	}
	t.Logf("plan: %d changes succeeded, %d refused as conflicts", won, lost)
}

// recordValues records values on the key result as HR.
func recordValues(kr string) func(replicaClient, int, int, *replicaWrites) error {
	return func(c replicaClient, i, n int, r *replicaWrites) error {
		err := c.hr.mutate("recordProgress", progressMutation, map[string]any{
			"keyResultId": kr, "value": float64(100*i + n)}, nil)
		if err == nil {
			r.progress++
		}
		return err
	}
}

// changeStatusAt reads the plan's version and changes its status with it,
// as the manager: success, or a CONFLICT on the version when another
// writer got there first.
func changeStatusAt(plan string) func(replicaClient, int, int, *replicaWrites) error {
	return func(rc replicaClient, _, n int, r *replicaWrites) error {
		c := rc.manager
		var read struct{ Node struct{ Version int } }
		err := c.query(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan { version } } }`,
			map[string]any{"id": plan}, &read)
		if err != nil {
			return err
		}
		var out struct{ Plan struct{ Version int } }
		err = c.mutate("setPlanStatus", statusMutation, map[string]any{"planId": plan,
			"version": read.Node.Version, "status": []string{"ON_TRACK", "COMPLETED"}[n%2]}, &out)
		var ue *userErrorsError
		switch {
		case err == nil && out.Plan.Version != read.Node.Version+1:
			return fmt.Errorf("a change sent at version %d left the plan at %d",
				read.Node.Version, out.Plan.Version)
		case err == nil:
			r.won++
			r.made = append(r.made, out.Plan.Version)
		case asUserErrors(err, &ue) && ue.only("CONFLICT", "version"):
			r.lost++
		default:
			return err
		}
		return nil
	}
}

// checkProgressKept checks, through each server, that every update
// acknowledged is stored and that the key result holds the newest one's
// value: updates applied one after the other, none over another unseen.
func checkProgressKept(t *testing.T, clients []replicaClient, kr string, want int) {
	t.Helper()
	for _, c := range clients {
		n, newest := progressNow(t, c.hr, kr)
		if n != want {
			t.Errorf("%d progress updates stored, want %d", n, want)
		}
		if current := metricNow(t, c.hr, kr); newest == nil || *newest != current {
			t.Errorf("the key result is at %v, its newest update at %v", current, newest)
		}
	}
}

// progressNow counts a key result's updates and returns the newest one's
// value, reading every page: the list runs oldest first.
func progressNow(t *testing.T, c gqlClient, kr string) (int, *float64) {
	t.Helper()
	var n int
	var newest *float64
	var after *string
	for range 100 {
		var data struct {
			Node struct {
				ProgressUpdates struct {
					Nodes    []struct{ Value *float64 }
					PageInfo struct {
						HasNextPage bool
						EndCursor   *string
					}
				}
			}
		}
		err := c.query(`query($id: ID!, $after: String) { node(id: $id) { ... on KeyResult {
			progressUpdates(first: 100, after: $after) {
				nodes { value } pageInfo { hasNextPage endCursor } } } } }`,
			map[string]any{"id": kr, "after": after}, &data)
		if err != nil {
			t.Fatal(err)
		}
		p := data.Node.ProgressUpdates
		if n += len(p.Nodes); len(p.Nodes) > 0 {
			newest = p.Nodes[len(p.Nodes)-1].Value
		}
		if !p.PageInfo.HasNextPage {
			return n, newest
		}
		after = p.PageInfo.EndCursor
	}
	t.Fatal("more than 100 pages of progress updates")
	return 0, nil
}

func metricNow(t *testing.T, c gqlClient, kr string) float64 {
	t.Helper()
	var data struct {
		Node struct{ Metric struct{ Current float64 } }
	}
	err := c.query(`query($id: ID!) { node(id: $id) { ... on KeyResult { metric { current } } } }`,
		map[string]any{"id": kr}, &data)
	if err != nil {
		t.Fatal(err)
	}
	return data.Node.Metric.Current
}

func planVersionVia(t *testing.T, c gqlClient, plan string) int {
	t.Helper()
	var data struct{ Node struct{ Version int } }
	err := c.query(`query($id: ID!) { node(id: $id) { ... on DevelopmentPlan { version } } }`,
		map[string]any{"id": plan}, &data)
	if err != nil {
		t.Fatal(err)
	}
	return data.Node.Version
}

// On PostgreSQL, backup and restore refuse and point to pg_dump, which
// copies a live PostgreSQL database as VACUUM INTO copies a SQLite one.
func TestBackupAndRestorePointToPgDump(t *testing.T) {
	url := storagetest.PostgresURL(t)
	bin := buildServer(t)
	dataDir := t.TempDir()
	file := filepath.Join(t.TempDir(), "backup.db")
	if err := os.WriteFile(file, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"backup", "--force", file}, {"restore", file},
	} {
		args = append(args, "--data-dir", dataDir, "--database-url", url)
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err == nil || !strings.Contains(string(out), "pg_dump") {
			t.Errorf("%s on PostgreSQL: %v\n%s\nwant a refusal that names pg_dump", args[0], err, out)
		}
	}
	if b, _ := os.ReadFile(file); string(b) != "not a database" {
		t.Errorf("the refused backup wrote %q", b)
	}
}
