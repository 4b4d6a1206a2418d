package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"throughline.dev/graph/storage/storagetest"
	"throughline.dev/graph/storage/synth"
	"throughline.dev/server/internal/app"
)

// wantStatements is what each benchmark screen costs in SQL statements
// per request, set by the shape of its query alone: the same for one
// client and for eight at once, for 1,000 people and for 10,000. The
// token's lookup is one of them. The strategy tree reads a page of the
// objectives aligned to each of its key results in one statement, the
// alignments joined to their objectives.
var wantStatements = map[string]int64{
	"chain":     21,
	"handover":  26,
	"dashboard": 21,
	"strategy":  10,
	"card":      17,
}

// pagedLists are queries no screen makes, each reading a page of a list
// under every object of a level: the page of every object is read in one
// statement, so the count is set by the query however many objects the
// level holds. The token's lookup is one of the statements.
var pagedLists = []struct {
	name, query string
	want        int64
}{
	{"requirements of each capability", `{ capabilities(first: 100) { nodes { name
		requiredBy(first: 5) { totalCount nodes { level keyResult { title } } } } } }`, 5},
	{"goals covering each need", `query($cycle: String) {
		keyResults(cycle: $cycle, critical: true, first: 50) { nodes { capabilityCoverage {
			covered goals(first: 5) { totalCount nodes { title plan { status } } } } } } }`, 8},
	{"objectives aligned to each objective", `query($cycle: String) {
		objectives(cycle: $cycle, first: 100) { nodes {
			alignedObjectives(first: 5) { totalCount edges { node { title owner { name } } } } } } }`, 5},
}

func TestPagedListsReadALevelAtOnce(t *testing.T) {
	for _, size := range countSizes {
		t.Run(fmt.Sprintf("%d people", size), func(t *testing.T) {
			c, subj, _ := countServer(t, size)
			for _, pl := range pagedLists {
				sc := screen{name: pl.name, token: subj.hr, text: pl.query,
					vars: map[string]any{"cycle": subj.cycle}}
				for _, clients := range []int{1, 8} {
					if got := statementsPerRequest(t, c, sc, clients); !got.equals(pl.want) {
						t.Errorf("%s, %d clients: %s statements a request, want %d",
							pl.name, clients, got, pl.want)
					}
				}
			}
		})
	}
}

// countSizes are the organisations the statement counts are checked on.
var countSizes = []int{1000, 10000}

func TestStatementCountsAreFixedByTheQuery(t *testing.T) {
	for _, size := range countSizes {
		t.Run(fmt.Sprintf("%d people", size), func(t *testing.T) {
			c, subj, spec := countServer(t, size)
			for _, sc := range screens(subj, castOf(spec)) {
				want, ok := wantStatements[sc.name]
				if !ok {
					t.Fatalf("no statement count written for %s", sc.name)
				}
				for _, clients := range []int{1, 8} {
					if got := statementsPerRequest(t, c, sc, clients); !got.equals(want) {
						t.Errorf("%s, %d clients: %s statements a request, want %d",
							sc.name, clients, got, want)
					}
				}
			}
		})
	}
}

// countServer generates an organisation on the test's engine and serves
// it in-process, with the benchmark's handler.
func countServer(t *testing.T, size int) (*client, subjects, synth.Spec) {
	t.Helper()
	ctx := context.Background()
	p := countPlace(t)
	spec := synth.DefaultSpec(size, today)
	toks, err := generate(ctx, p, spec)
	if err != nil {
		t.Fatal(err)
	}
	s, err := startServer(ctx, p, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := newClient(s.URL)
	subj, err := findSubjects(ctx, c, spec, toks)
	if err != nil {
		t.Fatal(err)
	}
	return c, subj, spec
}

// countPlace is a fresh database: a SQLite file, or a schema of the
// PostgreSQL database the test run names.
func countPlace(t *testing.T) app.Place {
	loc := storagetest.Location(t, app.DatabaseFile)
	if storagetest.Postgres() {
		return app.Place{DataDir: t.TempDir(), DatabaseURL: loc}
	}
	return app.Place{DataDir: filepath.Dir(loc)}
}

// statementsPerRequest runs a screen from several clients at once, two
// requests each after one to warm up, and divides the statements the
// server ran by the requests. A count that varied from one request to
// another shows as a fraction, or as a different whole number.
func statementsPerRequest(t *testing.T, c *client, sc screen, clients int) count {
	t.Helper()
	ctx := context.Background()
	do := func(ctx context.Context) error {
		_, err := c.query(ctx, sc.token, sc.text, sc.vars)
		return err
	}
	if err := do(ctx); err != nil {
		t.Fatal(err)
	}
	before, err := c.stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	l := load{clients: clients, n: 2 * clients, budget: time.Hour}
	run, err := l.run(ctx, do)
	if err != nil {
		t.Fatal(err)
	}
	after, err := c.stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return count{after.Statements - before.Statements, int64(run.Requests)}
}

// count is statements over requests.
type count struct{ statements, requests int64 }

func (c count) String() string {
	return fmt.Sprintf("%.2f", float64(c.statements)/float64(c.requests))
}

// equals reports whether every request ran exactly n statements on
// average, which a varying count only meets by chance.
func (c count) equals(n int64) bool { return c.statements == n*c.requests }
