package importer_test

import (
	"slices"
	"strings"
	"testing"

	"throughline.dev/graph/importer"
)

func TestReimportChangesNothing(t *testing.T) {
	s := mustOpen(t)
	mustImportPublic(t, s)
	before := dump(t, s)

	people := mustImportPeople(t, s, mustRead(t, "people.csv"))
	okrs := mustImportOKRs(t, s, mustRead(t, "okrs-2018-Q2.csv"))

	if after := dump(t, s); after != before {
		t.Errorf("the second import wrote rows:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	want := importer.Summary{
		Teams:  importer.Counts{Unchanged: 19},
		People: importer.Counts{Unchanged: 25},
	}
	if people != want {
		t.Errorf("people summary = %+v, want %+v", people, want)
	}
	want = importer.Summary{
		Cycles:     importer.Counts{Unchanged: 1},
		Teams:      importer.Counts{Unchanged: 9},
		Objectives: importer.Counts{Unchanged: 14},
		KeyResults: importer.Counts{Unchanged: 22},
		Alignments: importer.Counts{Unchanged: 14},
	}
	if okrs != want {
		t.Errorf("OKR summary = %+v, want %+v", okrs, want)
	}
}

// An edited people file updates the changed people in place: same IDs,
// new values and updated_at on those rows only.
func TestEditedPeopleFileUpdatesInPlace(t *testing.T) {
	s := mustOpen(t)
	mustImportPublic(t, s)
	before := dump(t, s)
	file := mustRead(t, "people.csv")
	file = edit(t, file, "Tomas Novak,Content Marketer,", "Tomas Novak,Senior Content Marketer,")
	file = edit(t, file, "Wen Li,Growth Marketer,Online Growth,Marketing,growth@example.org",
		"Wen Li,Growth Marketer,Online Growth,Marketing,cmo@example.org")

	sum := mustImportPeople(t, s, file)

	want := importer.Summary{
		Teams:  importer.Counts{Unchanged: 19},
		People: importer.Counts{Updated: 2, Unchanged: 23},
	}
	if sum != want {
		t.Errorf("summary = %+v, want %+v", sum, want)
	}
	after := dump(t, s)
	changed := changedRows(rowsIn(before, "people"), rowsIn(after, "people"))
	if len(changed) != 2 {
		t.Fatalf("%d people rows changed, want 2:\n%s", len(changed), strings.Join(changed, "\n"))
	}
	for _, r := range []string{"teams", "objectives", "key_results", "alignments"} {
		if !slices.Equal(rowsIn(before, r), rowsIn(after, r)) {
			t.Errorf("%s changed", r)
		}
	}
	title := queryString(t, s, `SELECT title FROM people WHERE email = 'content2@example.org'`)
	if title != "Senior Content Marketer" {
		t.Errorf("Tomas's title = %q", title)
	}
	manager := queryString(t, s, `SELECT m.email FROM people p JOIN people m ON m.id = p.manager_id
		WHERE p.email = 'growth2@example.org'`)
	if manager != "cmo@example.org" {
		t.Errorf("Wen's manager = %s, want cmo@example.org", manager)
	}
	// The move is in Wen's history: the first stint closed, the new open.
	stints := queryStrings(t, s, `SELECT COALESCE(m.email, '') || ' ' ||
		CASE WHEN h.until_on IS NULL THEN 'open' ELSE 'closed' END
		FROM manager_history h JOIN people p ON p.id = h.person_id
		LEFT JOIN people m ON m.id = h.manager_id
		WHERE p.email = 'growth2@example.org' ORDER BY h.id`)
	if want := []string{"growth@example.org closed", "cmo@example.org open"}; !slices.Equal(stints, want) {
		t.Errorf("Wen's manager history = %q, want %q", stints, want)
	}
	if n := count(t, s, "people"); n != 25 {
		t.Errorf("%d people, want 25", n)
	}
}

// changedRows returns the rows of after that differ from the row at the
// same place in before; the row counts must match.
func changedRows(before, after []string) []string {
	if len(before) != len(after) {
		return append([]string{"row counts differ"}, after...)
	}
	var out []string
	for i := range after {
		if before[i] != after[i] {
			out = append(out, after[i])
		}
	}
	return out
}

// An edited OKR file updates objectives and key results keyed by cycle
// and ref, replaces alignments, creates a team it names, and adds rows.
func TestEditedOKRFileUpdatesInPlace(t *testing.T) {
	s := mustOpen(t)
	mustImportPublic(t, s)
	t2 := queryInt(t, s, `SELECT id FROM objectives WHERE ref = 'T2'`)
	file := mustRead(t, "okrs-2018-Q2.csv")
	file = edit(t, file, "T2,objective,D1.1;S1.1,team,Content,", "T2,objective,D1.1,team,Video,")
	file = edit(t, file, "Webinars produced,0,2,,webinars", "Webinars produced,0,3,1,webinars")
	file = append(file, []byte("2018-Q2,T2.4,key_result,T2,,,content2@example.org,"+
		"Customer videos published,,,,,no\n")...)

	sum := mustImportOKRs(t, s, file)

	want := importer.Summary{
		Cycles:     importer.Counts{Unchanged: 1},
		Teams:      importer.Counts{Created: 1, Unchanged: 9},
		Objectives: importer.Counts{Updated: 1, Unchanged: 13},
		KeyResults: importer.Counts{Created: 1, Updated: 1, Unchanged: 21},
		Alignments: importer.Counts{Unchanged: 13, Removed: 1},
	}
	if sum != want {
		t.Errorf("summary = %+v, want %+v", sum, want)
	}
	if got := queryInt(t, s, `SELECT id FROM objectives WHERE ref = 'T2'`); got != t2 {
		t.Errorf("T2 has a new ID: %d, was %d", got, t2)
	}
	if got := alignedTo(t, s, "T2"); !slices.Equal(got, []string{"D1.1"}) {
		t.Errorf("T2 aligns to %v, want [D1.1]", got)
	}
	team := queryString(t, s, `SELECT t.name FROM objectives o JOIN teams t ON t.id = o.team_id
		WHERE o.ref = 'T2'`)
	if team != "Video" {
		t.Errorf("T2's team = %q, want the new team Video", team)
	}
	if m := metricOf(t, s, "T2.1"); m.target == nil || *m.target != 3 ||
		m.current == nil || *m.current != 1 {
		t.Errorf("T2.1 = %s, want target 3 and current 1", m)
	}
	owner := queryString(t, s, `SELECT p.email FROM key_results k JOIN people p ON p.id = k.owner_id
		WHERE k.ref = 'T2.4'`)
	if owner != "content2@example.org" {
		t.Errorf("T2.4's owner = %s", owner)
	}
}

// A file may hold only part of a cycle: its parents may be rows an
// earlier import stored. A current value left empty keeps the one
// recorded since.
func TestPartialOKRFileAlignsToStoredRows(t *testing.T) {
	s := mustOpen(t)
	mustImportPublic(t, s)
	db, err := s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE key_results SET current_value = 40 WHERE ref = 'S1.1'`); err != nil {
		t.Fatal(err)
	}
	file := []byte(okrHeader +
		"2018-Q2,S1.1,key_result,S1,,,SDR Lead,Sales accepted opportunities at 110% of plan," +
		"0,110,,%,no\n" +
		"2018-Q2,P1,objective,C1.2;M1,team,Product Marketing,pmm@example.org,Launch messaging,,,,,\n" +
		"2018-Q2,P1.1,key_result,P1,,,Product Marketing Lead,Launch pages live,,,,,yes\n")

	sum := mustImportOKRs(t, s, file)

	if sum.Objectives.Created != 1 || sum.KeyResults != (importer.Counts{Created: 1, Unchanged: 1}) {
		t.Errorf("summary = %+v", sum)
	}
	if got := alignedTo(t, s, "P1"); !slices.Equal(got, []string{"C1.2", "M1"}) {
		t.Errorf("P1 aligns to %v, want [C1.2 M1]", got)
	}
	current := queryInt(t, s, `SELECT current_value FROM key_results WHERE ref = 'S1.1'`)
	if current != 40 {
		t.Errorf("S1.1's current value = %d, want the recorded 40", current)
	}
}

// A metric whose current value reaches its target is done; the file has
// no done column, so a done / not done result keeps what was recorded.
func TestImportSettlesDone(t *testing.T) {
	s := mustOpen(t)
	mustImportPublic(t, s)
	okrs := mustRead(t, "okrs-2018-Q2.csv")
	reached := edit(t, okrs, "Webinars produced,0,2,,webinars", "Webinars produced,0,2,2,webinars")
	mustImportOKRs(t, s, reached)
	if got := queryInt(t, s, `SELECT COUNT(*) FROM key_results WHERE ref = 'T2.1' AND done`); got != 1 {
		t.Errorf("T2.1 reached its target but is not done (%d)", got)
	}

	db, _ := s.SQL()
	if _, err := db.Exec(`UPDATE key_results SET done = TRUE WHERE ref = 'T1.1'`); err != nil {
		t.Fatal(err)
	}
	mustImportOKRs(t, s, reached)
	if got := queryInt(t, s, `SELECT COUNT(*) FROM key_results WHERE ref = 'T1.1' AND done`); got != 1 {
		t.Errorf("re-import undid T1.1's recorded done")
	}
}
