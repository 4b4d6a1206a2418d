package exchange_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/demo"
	"throughline.dev/graph/exchange"
	"throughline.dev/graph/importer"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
)

var seedDay = time.Date(2026, 5, 14, 9, 30, 0, 0, time.UTC)

// mustStore opens a new, empty database.
func mustStore(t *testing.T, clock *demo.Clock) *storage.Store {
	t.Helper()
	opts := storage.Options{}
	if clock != nil {
		opts.Now = clock.Now
	}
	s, err := storage.Open(context.Background(), storagetest.Location(t, "t.db"), opts)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// mustSeed opens a database holding the demo organisation.
func mustSeed(t *testing.T) (*storage.Store, demo.Summary) {
	t.Helper()
	clock := &demo.Clock{}
	s := mustStore(t, clock)
	svc := demo.Services{Org: s, OKRs: s, Capabilities: s, Plans: s, Clock: clock}
	sum, err := demo.Seed(context.Background(), svc, seedDay)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	return s, sum
}

func mustExport(t *testing.T, s *storage.Store) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "export")
	if _, err := exchange.WriteDir(context.Background(), s, dir); err != nil {
		t.Fatalf("export: %v", err)
	}
	return dir
}

func mustImport(t *testing.T, s *storage.Store, dir string) exchange.Summary {
	t.Helper()
	sum, err := exchange.ImportDir(context.Background(), s, dir)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return sum
}

// readDir reads every file of a directory by name.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// sameFiles fails the test unless two directories hold the same files
// with the same bytes.
func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	fa, fb := readDir(t, a), readDir(t, b)
	for name, data := range fa {
		other, ok := fb[name]
		switch {
		case !ok:
			t.Errorf("%s is in the first export only", name)
		case !bytes.Equal(data, other):
			t.Errorf("%s differs:\n%s", name, firstDifference(data, other))
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			t.Errorf("%s is in the second export only", name)
		}
	}
}

func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, la[i], lb[i])
		}
	}
	return "one is longer"
}

// The demo organisation, exported, imported into a new database and
// exported again, gives the same files byte for byte: nothing the export
// holds is lost or changed on the way.
func TestExportImportExportGivesTheSameFiles(t *testing.T) {
	src, seeded := mustSeed(t)
	first := mustExport(t, src)

	dst := mustStore(t, nil)
	sum := mustImport(t, dst, first)
	second := mustExport(t, dst)
	sameFiles(t, first, second)

	counts := []struct {
		what      string
		got, want int
	}{
		{"people", sum.People, seeded.People},
		{"teams", sum.Teams, seeded.Teams},
		{"cycles", sum.Cycles, seeded.Cycles},
		{"objectives", sum.Objectives, seeded.Objectives},
		{"key results", sum.KeyResults, seeded.KeyResults},
		{"progress updates", sum.Progress, seeded.Progress},
		{"capabilities", sum.Capabilities, seeded.Capabilities},
		{"requirements", sum.Requirements, seeded.Requirements},
		{"assessments", sum.Assessments, seeded.Assessments},
		{"plans", sum.Plans, seeded.Plans},
		{"goals", sum.Goals, seeded.Goals},
		{"actions", sum.Actions, seeded.Actions},
		{"check-ins", sum.CheckIns, seeded.CheckIns},
	}
	for _, c := range counts {
		if c.got != c.want || c.got == 0 {
			t.Errorf("%s: imported %d, the demo seeded %d", c.what, c.got, c.want)
		}
	}
	checkSamePlan(t, src, dst, "meilin.chen@"+demo.Domain)

	// The import is in the audit log, record by record.
	logged, err := dst.FindAuditEntries(context.Background(),
		throughline.AuditFilter{ObjectKind: "DevelopmentPlan"}, throughline.PageRequest{First: 1})
	if err != nil {
		t.Fatal(err)
	}
	if logged.TotalCount != int64(seeded.Plans) {
		t.Errorf("audit log: %d plan entries (%v), want %d", logged.TotalCount, err, seeded.Plans)
	}
}

// checkSamePlan compares what both databases say about one person's plan
// in the current quarter, through the domain services.
func checkSamePlan(t *testing.T, a, b *storage.Store, email string) {
	t.Helper()
	pa, pb := planOf(t, a, email), planOf(t, b, email)
	if pa.Status != pb.Status || pa.Version != pb.Version || !pa.CreatedAt.Equal(pb.CreatedAt) {
		t.Errorf("plan of %s: %s v%d made %s before, %s v%d made %s after", email,
			pa.Status, pa.Version, pa.CreatedAt, pb.Status, pb.Version, pb.CreatedAt)
	}
	ctx := context.Background()
	ca, err := a.FindCheckIns(ctx, pa.ID, throughline.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	cb, err := b.FindCheckIns(ctx, pb.ID, throughline.PageRequest{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	if ca.TotalCount == 0 || ca.TotalCount != cb.TotalCount ||
		ca.Items[0].RealWork != cb.Items[0].RealWork {
		t.Errorf("check-ins of %s: %d before, %d after", email, ca.TotalCount, cb.TotalCount)
	}
}

func planOf(t *testing.T, s *storage.Store, email string) *throughline.DevelopmentPlan {
	t.Helper()
	ctx := context.Background()
	p, err := s.FindPersonByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.FindCycleByName(ctx, throughline.QuarterOf(seedDay))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.FindPlanFor(ctx, p.ID, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// The CSV files are in the import formats: each imports on its own, into
// a new database, with the importer.
func TestExportedCSVFilesImportOnTheirOwn(t *testing.T) {
	src, seeded := mustSeed(t)
	dir := mustExport(t, src)
	dst := mustStore(t, nil)
	ctx := context.Background()

	people := mustOpen(t, filepath.Join(dir, exchange.PeopleFile))
	sum, err := importer.ImportPeople(ctx, dst, people, exchange.PeopleFile)
	if err != nil || sum.People.Created != seeded.People {
		t.Fatalf("people.csv: %v, %+v", err, sum.People)
	}
	okrs := 0
	for _, c := range mustGraph(t, dir).Cycles {
		f := mustOpen(t, filepath.Join(dir, c.OKRFile))
		sum, err := importer.ImportOKRs(ctx, dst, f, c.OKRFile)
		if err != nil {
			t.Fatalf("%s: %v", c.OKRFile, err)
		}
		okrs += sum.Objectives.Created + sum.KeyResults.Created
	}
	if want := seeded.Objectives + seeded.KeyResults; okrs != want {
		t.Errorf("OKR files: %d objectives and key results imported, want %d", okrs, want)
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func mustGraph(t *testing.T, dir string) *exchange.Graph {
	t.Helper()
	g, err := exchange.ReadGraph(mustOpen(t, filepath.Join(dir, exchange.GraphFile)), "graph.json")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Records the import formats cannot hold on their own come back through
// graph.json: a cycle with no objectives, a team with no members but a
// lead, objectives and key results made through the API (which have no
// ref), an alignment to a key result of another cycle, and a done key
// result.
func TestRecordsOutsideTheCSVFormatsComeBack(t *testing.T) {
	src := mustStore(t, nil)
	w := edgeWorld(t, src)
	first := mustExport(t, src)

	dst := mustStore(t, nil)
	mustImport(t, dst, first)
	sameFiles(t, first, mustExport(t, dst))

	ctx := context.Background()
	if _, err := dst.FindCycleByName(ctx, "FY27 first half"); err != nil {
		t.Errorf("the cycle without objectives: %v", err)
	}
	teams, err := dst.FindTeams(ctx, throughline.TeamFilter{}, throughline.PageRequest{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range teams.Items {
		if tm.Name == w.emptyTeam && (tm.LeadID == nil || tm.ParentID == nil) {
			t.Errorf("team %q came back with lead %v, parent %v", tm.Name, tm.LeadID, tm.ParentID)
		}
	}
	g := mustGraph(t, first)
	if !slices.ContainsFunc(g.Objectives, func(o exchange.Objective) bool {
		return len(o.OtherCycleParents) == 1 && o.Description == "made through the API"
	}) {
		t.Errorf("graph.json lacks the objective aligned to another cycle: %+v", g.Objectives)
	}
}

// edgeWorld stores the records TestRecordsOutsideTheCSVFormatsComeBack
// needs, through the domain services.
type edge struct{ emptyTeam string }

func edgeWorld(t *testing.T, s *storage.Store) edge {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	root := &throughline.Team{Name: "Company"}
	must(s.CreateTeam(ctx, root))
	lead := &throughline.Person{Email: "lead@example.com", Name: "Lead", TeamID: &root.ID}
	must(s.CreatePerson(ctx, lead))
	empty := &throughline.Team{Name: "Skunkworks", ParentID: &root.ID, LeadID: &lead.ID}
	must(s.CreateTeam(ctx, empty))

	q2, q3 := &throughline.Cycle{Name: "2026-Q2"}, &throughline.Cycle{Name: "2026-Q3"}
	must(s.CreateCycle(ctx, q2))
	must(s.CreateCycle(ctx, q3))
	must(s.CreateCycle(ctx, &throughline.Cycle{Name: "FY27 first half",
		StartsOn: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
		EndsOn:   time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)}))

	top := &throughline.Objective{CycleID: q2.ID, Level: throughline.LevelCompany, Title: "Grow"}
	must(s.CreateObjective(ctx, top, nil))
	kr := &throughline.KeyResult{ObjectiveID: top.ID, Title: "Ship it", OwnerID: &lead.ID}
	must(s.CreateKeyResult(ctx, kr))
	done, confidence := true, int32(80)
	_, err := s.RecordProgress(ctx, &throughline.ProgressUpdate{KeyResultID: kr.ID,
		Done: &done, Confidence: &confidence, Note: "shipped", RecordedByID: &lead.ID})
	must(err)
	team := &throughline.Objective{CycleID: q3.ID, Level: throughline.LevelTeam,
		Title: "Keep growing", Description: "made through the API", TeamID: &empty.ID}
	must(s.CreateObjective(ctx, team, []throughline.AlignmentTarget{{KeyResultID: &kr.ID}}))
	return edge{emptyTeam: empty.Name}
}

// A whole export imports only into an empty database.
func TestImportRefusesADatabaseWithData(t *testing.T) {
	src, _ := mustSeed(t)
	dir := mustExport(t, src)
	_, err := exchange.ImportDir(context.Background(), src, dir)
	if throughline.ErrorCode(err) != throughline.ECONFLICT {
		t.Fatalf("import into the seeded database: %v, want CONFLICT", err)
	}
}

// A graph.json that names someone the people file lacks is refused with
// the field that names them, and nothing of the export is written, not
// even the people file that imported cleanly before it.
func TestImportIsAllOrNothing(t *testing.T) {
	src, _ := mustSeed(t)
	dir := mustExport(t, src)
	g := mustGraph(t, dir)
	g.Plans[2].Person = "nobody@example.com"
	writeGraph(t, dir, g)

	dst := mustStore(t, nil)
	_, err := exchange.ImportDir(context.Background(), dst, dir)
	var ve *throughline.ValidationError
	if !errors.As(err, &ve) || ve.Problems[0].Field != "plans[2].person" {
		t.Fatalf("import: %v, want a problem on plans[2].person", err)
	}
	people, err := dst.FindPeople(context.Background(), throughline.PersonFilter{},
		throughline.PageRequest{First: 1})
	if err != nil || people.TotalCount != 0 {
		t.Errorf("after the refused import: %d people (%v), want none", people.TotalCount, err)
	}
}

func writeGraph(t *testing.T, dir string, g *exchange.Graph) {
	t.Helper()
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, exchange.GraphFile), b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Check reports each broken rule of a hand-edited graph.json at the field
// that breaks it.
func TestCheckNamesTheField(t *testing.T) {
	src, _ := mustSeed(t)
	dir := mustExport(t, src)
	cases := []struct {
		name  string
		edit  func(g *exchange.Graph)
		field string
	}{
		{"OKR file outside the export", func(g *exchange.Graph) {
			g.Cycles[0].OKRFile = "../people.csv"
		}, "cycles[0].okrFile"},
		{"team listed twice", func(g *exchange.Graph) {
			g.Teams[1].Name = g.Teams[0].Name
		}, "teams[1].name"},
		{"level beyond the scale", func(g *exchange.Graph) {
			g.Requirements[0].Level = 9
		}, "requirements[0].level"},
		{"unknown plan status", func(g *exchange.Graph) {
			g.Plans[0].Status = "SLEEPING"
		}, "plans[0].status"},
		{"action without a title", func(g *exchange.Graph) {
			g.Plans[0].Goals[0].Actions[0].Title = " "
		}, "plans[0].goals[0].actions[0].title"},
		{"confidence out of range", func(g *exchange.Graph) {
			g.KeyResults[0].Confidence = new(int32(101))
		}, "keyResults[0].confidence"},
		{"a goal of more actions than the API allows", func(g *exchange.Graph) {
			goal := &g.Plans[0].Goals[0]
			for len(goal.Actions) <= throughline.MaxActionsPerGoal {
				goal.Actions = append(goal.Actions, goal.Actions[0])
			}
		}, "plans[0].goals[0].actions"},
		{"a title too long", func(g *exchange.Graph) {
			g.Plans[1].Goals[0].Title = strings.Repeat("t", throughline.MaxShortText+1)
		}, "plans[1].goals[0].title"},
		{"a second plan for one person and cycle", func(g *exchange.Graph) {
			g.Plans[1].Person, g.Plans[1].Cycle = g.Plans[0].Person, g.Plans[0].Cycle
		}, "plans[1].cycle"},
		{"an execution goal serving another cycle's key result", func(g *exchange.Graph) {
			g.Plans[0].Goals[0].KeyResult.Cycle = "2026-Q1"
		}, "plans[0].goals[0].keyResult"},
		{"a NUL in a note", func(g *exchange.Graph) {
			g.Plans[0].Goals[0].ChangeInWork = "a\x00b"
		}, "plans[0].goals[0].changeInWork"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := mustGraph(t, dir)
			c.edit(g)
			var ve *throughline.ValidationError
			if err := exchange.Check(g); !errors.As(err, &ve) ||
				!slices.ContainsFunc(ve.Problems, func(p *throughline.Error) bool {
					return p.Field == c.field
				}) {
				t.Errorf("Check: %v, want a problem on %s", err, c.field)
			}
		})
	}
}

// A graph.json that does not decode is refused with the line it breaks
// on: a hand-edited date that is no date names its line, not only the
// parser's complaint.
func TestReadGraphNamesTheLine(t *testing.T) {
	src, _ := mustSeed(t)
	dir := mustExport(t, src)
	b, err := os.ReadFile(filepath.Join(dir, exchange.GraphFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, `"createdAt": "`) })
	if at < 0 {
		t.Fatal("no createdAt in graph.json")
	}
	lines[at] = `"createdAt": "2026-02-30T00:00:00Z",`
	_, err = exchange.ReadGraph(strings.NewReader(strings.Join(lines, "\n")), "graph.json")
	want := fmt.Sprintf("graph.json: line %d: ", at+1)
	if err == nil || !strings.Contains(err.Error(), want) ||
		!strings.Contains(err.Error(), "day out of range") {
		t.Errorf("ReadGraph: %v, want %q and the reason", err, want)
	}
}
