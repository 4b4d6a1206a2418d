package exchange_test

import (
	"bytes"
	"context"
	"encoding/csv"
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
)

// mustSeedAll seeds the demo organisation and adds what the demo lacks:
// a draft pack not yet part of a handover, and a review rhythm HR set.
func mustSeedAll(t *testing.T) (*storage.Store, demo.Summary) {
	t.Helper()
	s, sum := mustSeed(t)
	ctx := context.Background()
	p, err := s.FindPersonByEmail(ctx, "meilin.chen@"+demo.Domain)
	if err != nil {
		t.Fatal(err)
	}
	risks, stakeholders := "Leaves for a conference in week 3.", "Keep the data team close."
	_, err = s.DraftPack(ctx, throughline.HandoverDraft{PersonID: p.ID, Risks: &risks,
		StakeholderPriorities: &stakeholders, DraftedByID: p.ManagerID})
	if err != nil {
		t.Fatalf("draft a pack: %v", err)
	}
	if _, err := s.SetReviewRhythm(ctx, throughline.RhythmOfDays(28, 14, 7)); err != nil {
		t.Fatalf("set the rhythm: %v", err)
	}
	return s, sum
}

// The handovers with their packs, the draft packs, the manager history,
// the departures, the goals carried over and the review rhythm come back
// from an export: exporting again gives the same bytes, and the rows of
// both databases are the same, compared by natural keys.
func TestHandoversAndHistoryComeBackRowForRow(t *testing.T) {
	src, seeded := mustSeedAll(t)
	first := mustExport(t, src)
	g := mustGraph(t, first)
	if g.FormatVersion != exchange.FormatVersion {
		t.Errorf("formatVersion %d, want %d", g.FormatVersion, exchange.FormatVersion)
	}

	dst := mustStore(t, nil)
	sum := mustImport(t, dst, first)
	sameFiles(t, first, mustExport(t, dst))

	counts := []struct {
		what      string
		got, want int
	}{
		{"handovers", sum.Handovers, seeded.Handovers},
		{"handover packs", sum.Packs, seeded.Packs},
		{"draft packs", sum.DraftPacks, 1},
		{"departures", sum.Departures, seeded.Departures},
		{"stints", sum.Stints, len(g.ManagerHistory)},
		{"goals carried over", sum.Carried, carriedGoals(g)},
		{"review rhythms", sum.Rhythms, 1},
	}
	for _, c := range counts {
		if c.got != c.want || c.got == 0 {
			t.Errorf("%s: imported %d, want %d (and some)", c.what, c.got, c.want)
		}
	}
	for _, q := range naturalRows {
		t.Run(q.name, func(t *testing.T) {
			before, after := rowsOf(t, src, q.sql), rowsOf(t, dst, q.sql)
			if len(before) == 0 {
				t.Fatalf("the source holds no %s: the test shows nothing", q.name)
			}
			if !slices.Equal(before, after) {
				t.Errorf("%s differ:\n%s", q.name, firstDifference(
					[]byte(strings.Join(before, "\n")), []byte(strings.Join(after, "\n"))))
			}
		})
	}
}

func carriedGoals(g *exchange.Graph) int {
	n := 0
	for _, p := range g.Plans {
		for _, goal := range p.Goals {
			if goal.CarriedFrom != nil {
				n++
			}
		}
	}
	return n
}

// naturalRows read the records format version 2 added, every ID turned
// into the natural key of what it names. A handover is named by its day,
// the moment it was made and its incoming manager.
var naturalRows = []struct{ name, sql string }{
	{"handovers", `SELECT f.email, t.email, h.effective_on, h.note, c.email, h.created_at
		FROM handovers h JOIN people t ON t.id = h.to_manager_id
		LEFT JOIN people f ON f.id = h.from_manager_id
		LEFT JOIN people c ON c.id = h.created_by_id`},
	{"packs", `SELECT p.email, f.email, k.risks, k.stakeholder_priorities, k.snapshot,
		d.email, k.acknowledged_at, a.email, k.created_at, k.updated_at,
		h.effective_on, h.created_at, t.email
		FROM handover_packs k JOIN people p ON p.id = k.person_id
		LEFT JOIN people f ON f.id = k.from_manager_id
		LEFT JOIN people d ON d.id = k.drafted_by_id
		LEFT JOIN people a ON a.id = k.acknowledged_by_id
		LEFT JOIN handovers h ON h.id = k.handover_id
		LEFT JOIN people t ON t.id = h.to_manager_id`},
	{"manager history", `SELECT p.email, m.email, s.from_on, s.until_on,
		h.effective_on, h.created_at, t.email
		FROM manager_history s JOIN people p ON p.id = s.person_id
		LEFT JOIN people m ON m.id = s.manager_id
		LEFT JOIN handovers h ON h.id = s.handover_id
		LEFT JOIN people t ON t.id = h.to_manager_id`},
	{"departures", `SELECT email, left_on FROM people WHERE left_on IS NOT NULL`},
	{"goals carried over", `SELECT p.email, c.name, g.title, g.created_at,
		fp.email, fc.name, f.title, f.created_at
		FROM development_goals g
		JOIN development_plans pl ON pl.id = g.plan_id
		JOIN people p ON p.id = pl.person_id JOIN cycles c ON c.id = pl.cycle_id
		JOIN development_goals f ON f.id = g.carried_from_id
		JOIN development_plans fpl ON fpl.id = f.plan_id
		JOIN people fp ON fp.id = fpl.person_id JOIN cycles fc ON fc.id = fpl.cycle_id`},
	{"review rhythm", `SELECT monthly_every_days, review_window_days, review_lead_days,
		updated_at FROM review_rhythm`},
}

// rowsOf runs a query and returns its rows as sorted lines of text,
// moments in UTC, so that the rows of two databases compare whatever
// order and zone their engine gives.
func rowsOf(t *testing.T, s *storage.Store, query string) []string {
	t.Helper()
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		values := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range values {
			ptrs[i] = &values[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, textRow(values))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func textRow(values []any) string {
	fields := make([]string, len(values))
	for i, v := range values {
		switch v := v.(type) {
		case nil:
			fields[i] = "NULL"
		case time.Time:
			fields[i] = v.UTC().Format(time.RFC3339Nano)
		case []byte:
			fields[i] = string(v)
		default:
			fields[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(fields, " | ")
}

// The people file's import records a manager change in the history, as
// any change of manager is. In a whole import the history of graph.json
// replaces those stints rather than adding to them.
func TestImportReplacesTheHistoryThePeopleFileMade(t *testing.T) {
	src, _ := mustSeedAll(t)
	dir := mustExport(t, src)
	g := mustGraph(t, dir)
	ctx := context.Background()
	q := naturalRows[2].sql

	// The people files alone leave stints behind.
	probe := mustStore(t, nil)
	if err := probe.ImportTransaction(ctx, func(tx exchange.Tx) error {
		return importPeopleTwice(t, tx, dir)
	}); err != nil {
		t.Fatalf("import people: %v", err)
	}
	if len(rowsOf(t, probe, q)) == 0 {
		t.Fatal("importing the people files made no stints: the test shows nothing")
	}

	dst := mustStore(t, nil)
	err := dst.ImportTransaction(ctx, func(tx exchange.Tx) error {
		if err := importPeopleTwice(t, tx, dir); err != nil {
			return err
		}
		for _, c := range g.Cycles {
			f := mustOpen(t, filepath.Join(dir, c.OKRFile))
			if _, err := importer.ImportOKRs(ctx, tx, f, c.OKRFile); err != nil {
				return err
			}
		}
		_, err := tx.ApplyGraph(ctx, g)
		return err
	})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if before, after := rowsOf(t, src, q), rowsOf(t, dst, q); !slices.Equal(before, after) {
		t.Errorf("manager history: %d stints exported, %d after the import:\n%s",
			len(before), len(after), strings.Join(after, "\n"))
	}
}

// importPeopleTwice imports the export's people without managers, then
// with them: every person with a manager moves, and the move is a stint.
func importPeopleTwice(t *testing.T, tx exchange.Tx, dir string) error {
	t.Helper()
	people := readDir(t, dir)[exchange.PeopleFile]
	for _, file := range [][]byte{withoutManagers(t, people), people} {
		_, err := importer.ImportPeople(context.Background(), tx, bytes.NewReader(file),
			exchange.PeopleFile)
		if err != nil {
			return err
		}
	}
	return nil
}

// withoutManagers empties the manager_email column, the last, of a
// people file.
func withoutManagers(t *testing.T, file []byte) []byte {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(file)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records[1:] {
		r[len(r)-1] = ""
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(records); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A graph.json of format version 1, as exports wrote before handovers
// were in the format, still imports; the records it cannot hold are
// simply absent.
func TestVersion1FileStillImports(t *testing.T) {
	src, seeded := mustSeedAll(t)
	dir := mustExport(t, src)
	writeVersion1(t, dir)

	dst := mustStore(t, nil)
	sum := mustImport(t, dst, dir)
	if sum.Plans != seeded.Plans || sum.Goals != seeded.Goals || sum.CheckIns != seeded.CheckIns {
		t.Errorf("imported %d plans, %d goals, %d check-ins; want %d, %d, %d", sum.Plans,
			sum.Goals, sum.CheckIns, seeded.Plans, seeded.Goals, seeded.CheckIns)
	}
	if sum.Handovers+sum.Packs+sum.DraftPacks+sum.Stints+sum.Departures+sum.Carried != 0 {
		t.Errorf("a version 1 file imported records it cannot hold: %+v", sum)
	}
	r, err := dst.ReviewRhythm(context.Background())
	if err != nil || r != throughline.DefaultRhythm {
		t.Errorf("rhythm after a version 1 import: %v (%v), want the default", r, err)
	}
	if g := mustGraph(t, mustExport(t, dst)); g.FormatVersion != exchange.FormatVersion {
		t.Errorf("a new export is of version %d, want %d", g.FormatVersion, exchange.FormatVersion)
	}
}

// writeVersion1 rewrites an export's graph.json as format version 1
// wrote it: without the lists version 2 added, and without carriedFrom.
func writeVersion1(t *testing.T, dir string) {
	t.Helper()
	var g map[string]any
	if err := json.Unmarshal(readDir(t, dir)[exchange.GraphFile], &g); err != nil {
		t.Fatal(err)
	}
	g["formatVersion"] = 1
	for _, k := range []string{"handovers", "draftPacks", "managerHistory", "departures",
		"reviewRhythm"} {
		delete(g, k)
	}
	for _, p := range g["plans"].([]any) {
		goals, _ := p.(map[string]any)["goals"].([]any)
		for _, goal := range goals {
			delete(goal.(map[string]any), "carriedFrom")
		}
	}
	b, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, exchange.GraphFile), b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// A reference of the sections format version 2 added that names nothing,
// or breaks a rule of the format, is refused at its field, and nothing of
// the export is written.
func TestBadVersion2ReferencesAreRefused(t *testing.T) {
	src, _ := mustSeedAll(t)
	dir := mustExport(t, src)
	orig := mustGraph(t, dir) // unedited, for the paths the cases expect
	nobody := "nobody@example.com"
	cases := []struct {
		name  string
		edit  func(g *exchange.Graph)
		field string
	}{
		{"incoming manager unknown", func(g *exchange.Graph) {
			g.Handovers[1].ToManager = nobody
		}, "handovers[1].toManager"},
		{"acknowledger unknown", func(g *exchange.Graph) {
			ackedPack(t, g).AcknowledgedBy = nobody
		}, "handovers[0].packs[0].acknowledgedBy"},
		{"snapshot not an object", func(g *exchange.Graph) {
			g.Handovers[0].Packs[0].Snapshot = json.RawMessage(`"frozen"`)
		}, "handovers[0].packs[0].snapshot"},
		{"person in two pending packs", func(g *exchange.Graph) {
			i, j := pendingAt(t, g)
			g.Handovers[0].Packs = append(g.Handovers[0].Packs, g.Handovers[i].Packs[j])
		}, pendingPath(t, orig)},
		{"draft of someone unknown", func(g *exchange.Graph) {
			g.DraftPacks[0].Person = nobody
		}, "draftPacks[0].person"},
		{"stint under someone unknown", func(g *exchange.Graph) {
			g.ManagerHistory[0].Manager = nobody
		}, "managerHistory[0].manager"},
		{"stint of a handover not listed", func(g *exchange.Graph) {
			g.ManagerHistory[0].Handover = new(len(g.Handovers))
		}, "managerHistory[0].handover"},
		{"stint that ends before it starts", func(g *exchange.Graph) {
			g.ManagerHistory[0].UntilOn = &exchange.Date{Time: g.ManagerHistory[0].FromOn.AddDate(0, 0, -1)}
		}, "managerHistory[0].untilOn"},
		{"history whose last stint ends", func(g *exchange.Graph) {
			st := &g.ManagerHistory[openStintAt(t, g)]
			st.UntilOn = &st.FromOn
		}, fmt.Sprintf("managerHistory[%d].untilOn", openStintAt(t, orig))},
		{"version 1 with handovers", func(g *exchange.Graph) {
			g.FormatVersion = 1
		}, "handovers"},
		{"departure of someone unknown", func(g *exchange.Graph) {
			g.Departures[0].Person = nobody
		}, "departures[0].person"},
		{"rhythm out of bounds", func(g *exchange.Graph) {
			g.ReviewRhythm.MonthlyEveryDays = 3
		}, "reviewRhythm.monthlyEveryDays"},
		{"carried from a goal not listed", func(g *exchange.Graph) {
			carried(t, g).Goal = 99
		}, carriedPath(t, orig) + ".goal"},
		{"carried from a later cycle", func(g *exchange.Graph) {
			from := carried(t, g)
			*from = exchange.GoalRef{Person: from.Person, Cycle: carriedOwnCycle(t, g), Goal: 0}
		}, carriedPath(t, orig) + ".cycle"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bad := copyDir(t, dir)
			g := mustGraph(t, dir)
			c.edit(g)
			writeGraph(t, bad, g)
			dst := mustStore(t, nil)
			_, err := exchange.ImportDir(context.Background(), dst, bad)
			var ve *throughline.ValidationError
			if !errors.As(err, &ve) || !slices.ContainsFunc(ve.Problems,
				func(p *throughline.Error) bool { return p.Field == c.field }) {
				t.Fatalf("import: %v, want a problem on %s", err, c.field)
			}
			people, err := dst.FindPeople(context.Background(), throughline.PersonFilter{},
				throughline.PageRequest{First: 1})
			if err != nil || people.TotalCount != 0 {
				t.Errorf("after the refused import: %d people (%v), want none",
					people.TotalCount, err)
			}
		})
	}
}

// ackedPack returns the first pack of the first handover, which the demo
// has acknowledged.
func ackedPack(t *testing.T, g *exchange.Graph) *exchange.Pack {
	t.Helper()
	p := &g.Handovers[0].Packs[0]
	if p.AcknowledgedAt == nil {
		t.Fatal("the first pack of the demo is not acknowledged")
	}
	return p
}

// pendingAt finds a pack no one has acknowledged yet, after the first
// handover: a copy in the first is then the earlier of the two.
func pendingAt(t *testing.T, g *exchange.Graph) (int, int) {
	t.Helper()
	for i := 1; i < len(g.Handovers); i++ {
		for j, p := range g.Handovers[i].Packs {
			if p.AcknowledgedAt == nil {
				return i, j
			}
		}
	}
	t.Fatal("the demo has no pending pack after its first handover")
	return 0, 0
}

func pendingPath(t *testing.T, g *exchange.Graph) string {
	t.Helper()
	i, j := pendingAt(t, g)
	return fmt.Sprintf("handovers[%d].packs[%d].person", i, j)
}

// openStintAt finds the first stint that goes on: the last of its
// person's history, since the demo lists it sorted.
func openStintAt(t *testing.T, g *exchange.Graph) int {
	t.Helper()
	i := slices.IndexFunc(g.ManagerHistory, func(s exchange.Stint) bool { return s.UntilOn == nil })
	if i < 0 {
		t.Fatal("the demo's history has no stint that goes on")
	}
	return i
}

// carried returns the first goal carried over, where it is carried from.
func carried(t *testing.T, g *exchange.Graph) *exchange.GoalRef {
	t.Helper()
	i, j := carriedAt(t, g)
	return g.Plans[i].Goals[j].CarriedFrom
}

func carriedOwnCycle(t *testing.T, g *exchange.Graph) string {
	t.Helper()
	i, _ := carriedAt(t, g)
	return g.Plans[i].Cycle
}

func carriedPath(t *testing.T, g *exchange.Graph) string {
	t.Helper()
	i, j := carriedAt(t, g)
	return fmt.Sprintf("plans[%d].goals[%d].carriedFrom", i, j)
}

func carriedAt(t *testing.T, g *exchange.Graph) (int, int) {
	t.Helper()
	for i, p := range g.Plans {
		for j, goal := range p.Goals {
			if goal.CarriedFrom != nil {
				return i, j
			}
		}
	}
	t.Fatal("the demo carries no goal over")
	return 0, 0
}

// copyDir copies an export's files into a new directory.
func copyDir(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "export")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, data := range readDir(t, dir) {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// A goal carried over into a cycle whose name sorts first is listed
// before the goal it continues; the import stores the earlier cycle's
// goals first all the same, and each plan's goals keep their order.
func TestGoalsCarriedFromACycleListedLaterComeBack(t *testing.T) {
	src := mustStore(t, nil)
	carryAcrossNames(t, src)
	first := mustExport(t, src)
	g := mustGraph(t, first)
	if g.Plans[0].Cycle != "Alpha" || len(g.Plans[0].Goals) != 3 ||
		g.Plans[0].Goals[1].CarriedFrom == nil || g.Plans[0].Goals[2].CarriedFrom != nil {
		t.Fatalf("the export lists the carried goals after their sources: %+v", g.Plans)
	}

	dst := mustStore(t, nil)
	sum := mustImport(t, dst, first)
	sameFiles(t, first, mustExport(t, dst))
	if sum.Carried != 2 {
		t.Errorf("%d goals carried over, want 2", sum.Carried)
	}
	q := naturalRows[4].sql
	if before, after := rowsOf(t, src, q), rowsOf(t, dst, q); !slices.Equal(before, after) {
		t.Errorf("goals carried over:\n%s\nafter the import:\n%s",
			strings.Join(before, "\n"), strings.Join(after, "\n"))
	}
}

// carryAcrossNames gives a person a plan in Zeta with two career goals,
// then opens Alpha, which starts later and carries the goals into it, and
// adds a goal of Alpha's own after them: a plan whose goals go back to
// another cycle's, and one that continues none.
func carryAcrossNames(t *testing.T, s *storage.Store) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := &throughline.Person{Email: "ana@example.com", Name: "Ana"}
	must(s.CreatePerson(ctx, p))
	day := func(m int) time.Time { return time.Date(2026, time.Month(m), 1, 0, 0, 0, 0, time.UTC) }
	zeta := &throughline.Cycle{Name: "Zeta", StartsOn: day(1), EndsOn: day(3).AddDate(0, 1, -1)}
	must(s.CreateCycle(ctx, zeta))
	plan := &throughline.DevelopmentPlan{PersonID: p.ID, CycleID: zeta.ID}
	must(s.CreatePlan(ctx, plan))
	for _, title := range []string{"Lead a team", "Speak at a conference"} {
		var err error
		plan, err = s.AddGoal(ctx, plan.Version, &throughline.DevelopmentGoal{PlanID: plan.ID,
			Lane: throughline.LaneCareer, Title: title, Horizon: "2028", State: throughline.GoalActive})
		must(err)
	}
	alpha := &throughline.Cycle{Name: "Alpha", StartsOn: day(4), EndsOn: day(6).AddDate(0, 1, -1)}
	opened, err := s.OpenCycle(ctx, alpha)
	must(err)
	if opened != 1 {
		t.Fatalf("opening Alpha opened %d plans, want 1", opened)
	}
	next, err := s.FindPlanFor(ctx, p.ID, alpha.ID)
	must(err)
	_, err = s.AddGoal(ctx, next.Version, &throughline.DevelopmentGoal{PlanID: next.ID,
		Lane: throughline.LaneCareer, Title: "Mentor a new hire", Horizon: "2027",
		State: throughline.GoalActive})
	must(err)
}
