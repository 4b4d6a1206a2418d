package importer

import (
	"context"
	"io"
	"strings"
)

var peopleLayout = layout{
	required: []string{"email", "name", "title", "team", "manager_email"},
	optional: []string{"parent_team"},
}

// ImportPeople reads a people file and writes it in one transaction, or
// writes nothing and returns an *Error listing every problem. name is the
// file's name as problems should cite it.
func ImportPeople(ctx context.Context, store Store, r io.Reader, name string) (Summary, error) {
	p := &problems{file: name}
	recs := readRecords(r, peopleLayout, p)
	if recs == nil {
		return Summary{}, p.err()
	}
	org, err := store.OrgForImport(ctx)
	if err != nil {
		return Summary{}, err
	}
	plan := checkPeople(recs, org, p)
	if err := p.err(); err != nil {
		return Summary{}, err
	}
	return store.ApplyPeopleImport(ctx, plan)
}

// personRow is one row of a people file: what the plan gets, plus the
// line it is on and the parent it gives its team.
type personRow struct {
	PlanPerson
	line       int
	parentTeam string
}

// peopleCheck holds what checking one people file needs to look up.
type peopleCheck struct {
	p         *problems
	rows      []personRow
	lines     map[string]int // the line of each email, to find repeats
	byEmail   map[string]*personRow
	teams     map[string]*teamRow
	teamOrder []string
	stored    *OrgSnapshot
}

// teamRow is a team the file names and the line that gave its parent.
type teamRow struct {
	parent string
	line   int
}

func checkPeople(recs []record, org *OrgSnapshot, p *problems) *PeoplePlan {
	c := &peopleCheck{p: p, stored: org, teams: map[string]*teamRow{},
		lines:   make(map[string]int, len(recs)),
		byEmail: make(map[string]*personRow, len(recs)),
	}
	c.rows = make([]personRow, 0, len(recs))
	for _, rec := range recs {
		c.readPerson(rec)
	}
	for i := range c.rows {
		c.byEmail[c.rows[i].Email] = &c.rows[i]
		c.noteTeams(&c.rows[i])
	}
	c.checkManagers()
	c.checkTeamLoops()
	c.checkManagerLoops()
	if len(p.list) > 0 {
		return nil
	}
	return c.plan()
}

// readPerson checks one row's own fields and notes the row when its email
// is usable; duplicates are reported at the later line.
func (c *peopleCheck) readPerson(rec record) {
	row := personRow{line: rec.line, parentTeam: rec.get("parent_team")}
	row.Email = strings.ToLower(rec.get("email"))
	row.Name = rec.get("name")
	row.Title = rec.get("title")
	row.Team = rec.get("team")
	row.ManagerEmail = strings.ToLower(rec.get("manager_email"))

	if row.Name == "" {
		c.p.add(rec.line, "name", "a name is required")
	}
	if row.parentTeam != "" && row.Team == "" {
		c.p.add(rec.line, "parent_team", "a parent team needs a team in the team column")
	}
	switch {
	case row.Email == "":
		c.p.add(rec.line, "email", "an email is required")
	case !strings.Contains(row.Email, "@"):
		c.p.add(rec.line, "email", "%q is not an email address", row.Email)
	default:
		if prev, dup := c.lines[row.Email]; dup {
			c.p.add(rec.line, "email", "%q is already on line %d", row.Email, prev)
			return
		}
		c.rows = append(c.rows, row)
		c.lines[row.Email] = rec.line
	}
}

// noteTeams records the teams a row names and the parent it gives its
// team; two rows may not give one team different parents.
func (c *peopleCheck) noteTeams(row *personRow) {
	if row.Team == "" {
		return
	}
	t := c.team(row.Team)
	if row.parentTeam == "" {
		return
	}
	c.team(row.parentTeam)
	switch {
	case t.parent == "":
		t.parent, t.line = row.parentTeam, row.line
	case t.parent != row.parentTeam:
		c.p.add(row.line, "parent_team", "team %q already has the parent %q on line %d",
			row.Team, t.parent, t.line)
	}
}

func (c *peopleCheck) team(name string) *teamRow {
	t, ok := c.teams[name]
	if !ok {
		t = &teamRow{}
		c.teams[name] = t
		c.teamOrder = append(c.teamOrder, name)
	}
	return t
}

// storedManagers maps each stored person's email to their manager's.
func (c *peopleCheck) storedManagers() map[string]string {
	m := make(map[string]string, len(c.stored.People))
	for _, p := range c.stored.People {
		m[p.Email] = p.ManagerEmail
	}
	return m
}

func (c *peopleCheck) checkManagers() {
	stored := c.storedManagers()
	for _, row := range c.rows {
		if row.ManagerEmail == "" {
			continue
		}
		_, inFile := c.byEmail[row.ManagerEmail]
		if _, inDB := stored[row.ManagerEmail]; !inFile && !inDB {
			c.p.add(row.line, "manager_email", "%q is neither in the file nor in the database",
				row.ManagerEmail)
		}
	}
}

// checkTeamLoops finds parents that would put a team under itself, with
// the file's parents taking the place of the stored ones.
func (c *peopleCheck) checkTeamLoops() {
	parent := make(map[string]string, len(c.stored.Teams)+len(c.teams))
	for _, t := range c.stored.Teams {
		parent[t.Name] = t.Parent
	}
	for name, t := range c.teams {
		if t.parent != "" {
			parent[name] = t.parent
		}
	}
	loops := findLoops(keys(parent), singleParent(parent))
	for _, name := range c.teamOrder {
		t := c.teams[name]
		if t.parent != "" && onLoop(loops, name, t.parent) {
			c.p.add(t.line, "parent_team", "putting %q under %q makes a loop in the team tree",
				name, t.parent)
		}
	}
}

// checkManagerLoops finds managers that would make someone report to
// themselves, with the file's managers taking the place of the stored
// ones.
func (c *peopleCheck) checkManagerLoops() {
	manager := c.storedManagers()
	for _, row := range c.rows {
		manager[row.Email] = row.ManagerEmail
	}
	loops := findLoops(keys(manager), singleParent(manager))
	for _, row := range c.rows {
		if row.ManagerEmail != "" && onLoop(loops, row.Email, row.ManagerEmail) {
			c.p.add(row.line, "manager_email", "%q makes a loop in the reporting line: "+
				"%s would report to themselves", row.ManagerEmail, row.Email)
		}
	}
}

func (c *peopleCheck) plan() *PeoplePlan {
	plan := &PeoplePlan{
		Teams:  make([]PlanTeam, 0, len(c.teamOrder)),
		People: make([]PlanPerson, 0, len(c.rows)),
	}
	for _, name := range c.teamOrder {
		plan.Teams = append(plan.Teams, PlanTeam{Name: name, Parent: c.teams[name].parent})
	}
	for _, row := range c.rows {
		plan.People = append(plan.People, row.PlanPerson)
	}
	return plan
}

// singleParent turns a child-to-parent map into the parents function of
// findLoops; "" means no parent.
func singleParent(parent map[string]string) func(string) []string {
	return func(k string) []string {
		if p := parent[k]; p != "" {
			return []string{p}
		}
		return nil
	}
}

func keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
