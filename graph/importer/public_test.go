package importer_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"throughline.dev/graph/importer"
)

func TestImportPublicFiles(t *testing.T) {
	s := mustOpen(t)

	people := mustImportPeople(t, s, mustRead(t, "people.csv"))
	want := importer.Summary{
		Teams:  importer.Counts{Created: 19},
		People: importer.Counts{Created: 25},
	}
	if people != want {
		t.Errorf("people summary = %+v, want %+v", people, want)
	}
	okrs := mustImportOKRs(t, s, mustRead(t, "okrs-2018-Q2.csv"))
	want = importer.Summary{
		Cycles:     importer.Counts{Created: 1},
		Teams:      importer.Counts{Unchanged: 9},
		Objectives: importer.Counts{Created: 14},
		KeyResults: importer.Counts{Created: 22},
		Alignments: importer.Counts{Created: 14},
	}
	if okrs != want {
		t.Errorf("OKR summary = %+v, want %+v", okrs, want)
	}

	for table, n := range map[string]int{"cycles": 1, "teams": 19, "people": 25,
		"objectives": 14, "key_results": 22, "alignments": 14} {
		if got := count(t, s, table); got != n {
			t.Errorf("%s: %d rows, want %d", table, got, n)
		}
	}
}

// The people file builds the team tree and the reporting lines; teams
// exist only as names in its team and parent_team columns.
func TestImportPublicPeopleTree(t *testing.T) {
	s := mustOpen(t)
	mustImportPublic(t, s)

	parent := func(team string) string {
		return queryString(t, s, `SELECT COALESCE(p.name, '') FROM teams t
			LEFT JOIN teams p ON p.id = t.parent_id WHERE t.name = ?`, team)
	}
	for team, want := range map[string]string{
		"Executive":                       "",
		"Marketing":                       "Executive",
		"Marketing and Sales Development": "Marketing",
		"Sales Development":               "Marketing and Sales Development",
		"Controller":                      "Finance",
	} {
		if got := parent(team); got != want {
			t.Errorf("parent of team %q = %q, want %q", team, got, want)
		}
	}

	ctx := context.Background()
	uma, err := s.FindPersonByEmail(ctx, "sdr2@example.org")
	if err != nil {
		t.Fatal(err)
	}
	hana, err := s.FindPersonByEmail(ctx, "SDR@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if uma.Name != "Uma Reddy" || uma.Title != "Sales Development Rep" {
		t.Errorf("sdr2 = %+v", uma)
	}
	if uma.ManagerID == nil || *uma.ManagerID != hana.ID {
		t.Errorf("sdr2's manager = %v, want Hana (%d)", uma.ManagerID, hana.ID)
	}
	ceo, err := s.FindPersonByEmail(ctx, "ceo@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if ceo.ManagerID != nil {
		t.Errorf("the CEO has a manager: %d", *ceo.ManagerID)
	}
}

// T2 aligns to two key results, and alignment from S1.1 climbs to the
// company objective C1.
func TestImportPublicCascade(t *testing.T) {
	s := mustOpen(t)
	mustImportPublic(t, s)

	if got := alignedTo(t, s, "T2"); !slices.Equal(got, []string{"D1.1", "S1.1"}) {
		t.Errorf("T2 aligns to %v, want [D1.1 S1.1]", got)
	}

	var path []string
	objective := queryString(t, s, `SELECT o.ref FROM key_results k
		JOIN objectives o ON o.id = k.objective_id WHERE k.ref = 'S1.1'`)
	for range 10 {
		path = append(path, objective)
		parents := alignedTo(t, s, objective)
		if len(parents) == 0 {
			break
		}
		objective = queryString(t, s, `SELECT o.ref FROM key_results k
			JOIN objectives o ON o.id = k.objective_id WHERE k.ref = ?`, parents[0])
	}
	if got := strings.Join(path, " > "); got != "S1 > D1 > M1 > C1" {
		t.Errorf("S1.1 climbs %s, want S1 > D1 > M1 > C1", got)
	}
	level := queryString(t, s, `SELECT level FROM objectives WHERE ref = 'C1'`)
	if level != "COMPANY" {
		t.Errorf("C1 is %s, want COMPANY", level)
	}
}

// Owners named by title resolve to the one person holding it; metrics
// keep their units; key results without a target are done / not done.
func TestImportPublicKeyResults(t *testing.T) {
	s := mustOpen(t)
	mustImportPublic(t, s)

	owner := queryString(t, s, `SELECT p.email FROM objectives o
		JOIN people p ON p.id = o.owner_id WHERE o.ref = 'T2'`)
	if owner != "content@example.org" {
		t.Errorf("T2 is owned by %s, want content@example.org", owner)
	}
	team := queryString(t, s, `SELECT t.name FROM objectives o
		JOIN teams t ON t.id = o.team_id WHERE o.ref = 'D1'`)
	if team != "Marketing and Sales Development" {
		t.Errorf("D1's team = %q", team)
	}

	for _, tc := range []struct {
		ref    string
		metric string // start/target/current/unit/critical
	}{
		{"C1.1", "0/120/-/%/true"},
		{"C1.3", "0/100/-/%/false"},
		{"T2.1", "0/2/-/webinars/false"},
		{"T1.1", "-/-/-//false"},
		{"O2.2", "0/20/-/%/true"},
	} {
		if got := metricOf(t, s, tc.ref).String(); got != tc.metric {
			t.Errorf("%s: metric %s, want %s", tc.ref, got, tc.metric)
		}
	}
}

func TestImportSummaryText(t *testing.T) {
	sum := importer.Summary{
		Teams:      importer.Counts{Created: 2, Unchanged: 3},
		Alignments: importer.Counts{Created: 1, Unchanged: 4, Removed: 2},
	}
	want := "teams: 2 created, 0 updated, 3 unchanged\n" +
		"alignments: 1 created, 0 updated, 4 unchanged, 2 removed\n"
	if got := sum.String(); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}

// Columns are matched by name, in any order and any case; a spreadsheet's
// byte order mark and its rows of empty cells are no trouble.
func TestColumnsInAnyOrder(t *testing.T) {
	s := mustOpen(t)
	people := "\uFEFFManager_Email,TEAM,Email,Name,Title\n" +
		",Board,chair@example.org,Ada Chair,Chair\n" +
		",,,,\n" +
		"chair@example.org,Board,Sec@Example.org,Sam Sec,Secretary\n"
	okrs := "title,owner,critical,type,ref,cycle,parent,level,team,target\n" +
		"Govern well,Chair,,objective,B1,2019-Q1,,company,Board,\n" +
		"\"Minutes out, within a week\",sec@example.org,yes,key_result,B1.1,2019-Q1,B1,,,\n"

	mustImportPeople(t, s, []byte(people))
	mustImportOKRs(t, s, []byte(okrs))

	manager := queryString(t, s, `SELECT m.name FROM people p JOIN people m ON m.id = p.manager_id
		WHERE p.email = 'sec@example.org'`)
	if manager != "Ada Chair" {
		t.Errorf("sec's manager = %q, want Ada Chair", manager)
	}
	var title, owner string
	var critical bool
	queryRow(t, s, `SELECT k.title, p.email, k.critical
		FROM key_results k JOIN people p ON p.id = k.owner_id WHERE k.ref = 'B1.1'`, nil,
		&title, &owner, &critical)
	if title != "Minutes out, within a week" || owner != "sec@example.org" || !critical {
		t.Errorf("B1.1 = %q owned by %s, critical %v", title, owner, critical)
	}
	if n := count(t, s, "people"); n != 2 {
		t.Errorf("%d people, want 2", n)
	}
}
