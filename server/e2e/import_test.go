package e2e_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"throughline.dev/server/internal/testserver"
)

// The public files the importer's own tests use.
var publicOKRs = filepath.Join("..", "..", "graph", "importer", "testdata", "public-okrs")

// mustBuildCLI returns the throughline binary.
func mustBuildCLI(t *testing.T) string {
	t.Helper()
	return buildServer(t)
}

// cliRun is one finished run of the binary.
type cliRun struct {
	stdout, stderr string
	exitCode       int
}

// runCLI runs the binary in dir, where the CSV files sit, so that it
// names them as an admin would type them.
func runCLI(t *testing.T, bin, dir string, args ...string) cliRun {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run %v: %v", args, err)
	}
	return cliRun{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

// mustCopyPublic copies the public CSV files into a new directory.
func mustCopyPublic(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"people.csv", "okrs-2018-Q2.csv"} {
		b, err := os.ReadFile(filepath.Join(publicOKRs, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestImportCommandBuildsTheCascade(t *testing.T) {
	bin := mustBuildCLI(t)
	s := testserver.Start(t, nil)
	files := mustCopyPublic(t)

	// The command line imports into the test server's database while it runs.
	people := runCLI(t, bin, files, on(s.Place, "import", "people", "people.csv")...)
	okrs := runCLI(t, bin, files, on(s.Place, "import", "okrs", "okrs-2018-Q2.csv")...)

	for _, tc := range []struct {
		run  cliRun
		want string
	}{
		{people, "imported people.csv\n" +
			"teams: 19 created, 0 updated, 0 unchanged\n" +
			"people: 25 created, 0 updated, 0 unchanged\n"},
		{okrs, "imported okrs-2018-Q2.csv\n" +
			"cycles: 1 created, 0 updated, 0 unchanged\n" +
			"teams: 0 created, 0 updated, 9 unchanged\n" +
			"objectives: 14 created, 0 updated, 0 unchanged\n" +
			"key results: 22 created, 0 updated, 0 unchanged\n" +
			"alignments: 14 created, 0 updated, 0 unchanged\n"},
	} {
		if tc.run.exitCode != 0 || tc.run.stdout != tc.want {
			t.Errorf("exit %d, stdout:\n%s\nwant:\n%s\nstderr:\n%s",
				tc.run.exitCode, tc.run.stdout, tc.want, tc.run.stderr)
		}
	}

	objs := mustObjectives(t, s, "2018-Q2")
	if got := objs.byRef["T2"].parentRefs(); !slices.Equal(got, []string{"D1.1", "S1.1"}) {
		t.Errorf("T2 is aligned to %v, want [D1.1 S1.1]", got)
	}
	if got := objs.climb("S1.1"); got != "S1 > D1 > M1 > C1 (COMPANY)" {
		t.Errorf("alignment from S1.1 climbs %s, want S1 > D1 > M1 > C1 (COMPANY)", got)
	}
	if owner := objs.byRef["T2"].Owner.Email; owner != "content@example.org" {
		t.Errorf("T2's owner = %q, want content@example.org", owner)
	}
}

func TestImportCommandRefusesBadFile(t *testing.T) {
	bin := mustBuildCLI(t)
	s := testserver.Start(t, nil)
	files := mustCopyPublic(t)
	if r := runCLI(t, bin, files, on(s.Place, "import", "people", "people.csv")...); r.exitCode != 0 {
		t.Fatalf("import people: exit %d\n%s", r.exitCode, r.stderr)
	}
	bad := "cycle,ref,type,parent,level,team,owner,title,start,target,current,unit,critical\n" +
		"2018-Q2,C1,objective,,company,Executive,CEO,Grow,,,,,\n" +
		"2018-Q2,C1.1,key_result,C1,,,VP Sales,Revenue,0,120,,%,yes\n" +
		"2018-Q2,C1.2,key_result,C9,,,CEO,Pipeline,0,3x,,x,yes\n"
	if err := os.WriteFile(filepath.Join(files, "okrs.csv"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	before := tableCounts(t, s)

	r := runCLI(t, bin, files, on(s.Place, "import", "okrs", "okrs.csv")...)

	if r.exitCode == 0 {
		t.Errorf("exit code 0 for a bad file; stdout:\n%s", r.stdout)
	}
	for _, want := range []string{
		`okrs.csv:3: owner: "VP Sales" matches nobody`,
		`okrs.csv:4: parent: no objective or key result in cycle 2018-Q2 has the ref "C9"`,
		`okrs.csv:4: target: "3x" is not a number`,
	} {
		if !slices.Contains(strings.Split(r.stderr, "\n"), want) {
			t.Errorf("stderr lacks the line %s:\n%s", want, r.stderr)
		}
	}
	if after := tableCounts(t, s); after != before {
		t.Errorf("the refused file changed the database: %s, was %s", after, before)
	}
	objs := mustObjectives(t, s, "2018-Q2")
	if len(objs.byRef) != 0 {
		t.Errorf("GraphQL lists %d objectives after a refused import", len(objs.byRef))
	}
}

// tableCounts renders the row counts and the newest update of the tables
// an import writes.
func tableCounts(t *testing.T, s *testserver.Server) string {
	t.Helper()
	db, err := s.Store.SQL()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, table := range []string{"teams", "people", "objectives", "key_results"} {
		var n int
		var newest any
		q := "SELECT COUNT(*), MAX(updated_at) FROM " + table
		if err := db.QueryRow(q).Scan(&n, &newest); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d@%v ", table, n, newest)
	}
	for _, table := range []string{"cycles", "alignments"} {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d ", table, n)
	}
	return b.String()
}

// gqlObjective is an objective as the cascade query returns it.
type gqlObjective struct {
	Ref       string `json:"ref"`
	Level     string `json:"level"`
	Owner     struct{ Email string }
	AlignedTo []struct {
		Typename  string `json:"__typename"`
		Ref       string `json:"ref"`
		Objective struct {
			Ref string `json:"ref"`
		} `json:"objective"`
	} `json:"alignedTo"`
	KeyResults []struct {
		Ref string `json:"ref"`
	} `json:"keyResults"`
}

func (o *gqlObjective) parentRefs() []string {
	if o == nil {
		return nil
	}
	var out []string
	for _, p := range o.AlignedTo {
		out = append(out, p.Ref)
	}
	return out
}

// cascade is one cycle's objectives by ref, and the objective of each key
// result.
type cascade struct {
	byRef       map[string]*gqlObjective
	objectiveOf map[string]string
}

const cascadeQuery = `query($cycle: String) {
	objectives(cycle: $cycle, first: 100) {
		nodes {
			ref level owner { email }
			alignedTo {
				__typename
				... on Objective { ref }
				... on KeyResult { ref objective { ref } }
			}
			keyResults { ref }
		}
	}
}`

func mustObjectives(t *testing.T, s *testserver.Server, cycle string) cascade {
	t.Helper()
	var data struct {
		Objectives struct{ Nodes []*gqlObjective }
	}
	s.MustDo(cascadeQuery, map[string]any{"cycle": cycle}, &data)
	c := cascade{byRef: map[string]*gqlObjective{}, objectiveOf: map[string]string{}}
	for _, o := range data.Objectives.Nodes {
		c.byRef[o.Ref] = o
		for _, k := range o.KeyResults {
			c.objectiveOf[k.Ref] = o.Ref
		}
	}
	return c
}

// climb follows the first alignment up from a key result's objective to
// an objective that aligns to nothing, and returns the objectives passed.
func (c cascade) climb(keyResult string) string {
	var path []string
	o := c.byRef[c.objectiveOf[keyResult]]
	for range 10 {
		if o == nil {
			return strings.Join(append(path, "?"), " > ")
		}
		path = append(path, o.Ref)
		if len(o.AlignedTo) == 0 {
			return strings.Join(path, " > ") + " (" + o.Level + ")"
		}
		p := o.AlignedTo[0]
		next := p.Ref
		if p.Typename == "KeyResult" {
			next = p.Objective.Ref
		}
		o = c.byRef[next]
	}
	return strings.Join(append(path, "..."), " > ")
}
