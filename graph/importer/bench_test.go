package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"throughline.dev/graph/importer"
)

// peopleFile makes a people file of n people: a reporting tree eight
// wide, one team per manager, each team under its manager's team.
func peopleFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString(peopleHeader)
	team := func(i int) string { return fmt.Sprintf("Team %d", i) }
	for i := range n {
		manager, parentTeam, ownTeam := "", "", team(0)
		if i > 0 {
			boss := (i - 1) / 8
			manager = fmt.Sprintf("p%d@example.org", boss)
			ownTeam, parentTeam = team(boss), team(max(0, (boss-1)/8))
			if boss == 0 {
				parentTeam = ""
			}
		}
		fmt.Fprintf(&b, "p%d@example.org,Person %d,Title %d,%s,%s,%s\n",
			i, i, i%500, ownTeam, parentTeam, manager)
	}
	return b.Bytes()
}

// BenchmarkImportPeople imports 100,000 people into an empty database,
// then the same file again (which writes nothing). Run it with
// -benchtime=1x; each run should take well under 15 s.
func BenchmarkImportPeople(b *testing.B) {
	file := peopleFile(100_000)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := mustOpen(b)
		b.StartTimer()
		for range 2 {
			_, err := importer.ImportPeople(ctx, s, bytes.NewReader(file), "people.csv")
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// A generated file of a few thousand people imports whole, with its team
// tree, and a second import changes nothing.
func TestImportLargerPeopleFile(t *testing.T) {
	s := mustOpen(t)
	file := peopleFile(5000)

	first := mustImportPeople(t, s, file)
	before := dump(t, s)
	second := mustImportPeople(t, s, file)

	if first.People.Created != 5000 || second.People.Unchanged != 5000 {
		t.Errorf("first %+v, second %+v", first, second)
	}
	if first.Teams.Created != second.Teams.Unchanged || first.Teams.Created < 600 {
		t.Errorf("teams: first %+v, second %+v", first.Teams, second.Teams)
	}
	if after := dump(t, s); after != before {
		t.Error("the second import wrote rows")
	}
	deep := queryString(t, s, `SELECT m.email FROM people p JOIN people m ON m.id = p.manager_id
		WHERE p.email = 'p4999@example.org'`)
	if deep != "p624@example.org" {
		t.Errorf("p4999's manager = %s, want p624@example.org", deep)
	}
}
