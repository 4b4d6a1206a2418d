package synth

import (
	"context"
	"fmt"
)

// TeamID returns the ID of team t (0-based).
func TeamID(t int) int64 { return int64(t + 1) }

// PersonID returns the ID of person p (0-based).
func PersonID(p int) int64 { return int64(p + 1) }

// LeadOf returns the index of the person who leads team t.
func (s Spec) LeadOf(t int) int { return t * s.PeoplePerTeam }

// parentTeam returns the parent of team t, or -1 for the root.
func (s Spec) parentTeam(t int) int {
	if t == 0 {
		return -1
	}
	return (t - 1) / s.TeamFanOut
}

// TeamDepth returns how many levels sit above team t.
func (s Spec) TeamDepth(t int) int {
	d := 0
	for t = s.parentTeam(t); t >= 0; t = s.parentTeam(t) {
		d++
	}
	return d
}

func (g *gen) teams(ctx context.Context) error {
	return g.insert(ctx,
		`INSERT INTO teams (id, name, parent_id, lead_id, created_at, updated_at)
		 VALUES (?, ?, ?, NULL, ?, ?)`,
		g.s.Teams(), func(t int) []any {
			var parent any
			if p := g.s.parentTeam(t); p >= 0 {
				parent = TeamID(p)
			}
			return []any{TeamID(t), fmt.Sprintf("Team %04d", t), parent, g.now, g.now}
		})
}

func (g *gen) people(ctx context.Context) error {
	err := g.insert(ctx,
		`INSERT INTO people (id, email, name, title, team_id, manager_id, created_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		g.s.People, func(p int) []any {
			t := p / g.s.PeoplePerTeam
			return []any{PersonID(p), fmt.Sprintf("person%06d@synth.example", p),
				fmt.Sprintf("Person %06d", p), g.title(p), TeamID(t),
				g.managerOf(p), g.now, g.now}
		})
	if err != nil {
		return err
	}
	return g.exec(ctx, `UPDATE teams SET lead_id = (id - 1) * ? + 1`, g.s.PeoplePerTeam)
}

func (g *gen) title(p int) string {
	if p%g.s.PeoplePerTeam == 0 {
		return "Team Lead"
	}
	return "Engineer"
}

// managerOf returns the manager's ID of person p: the team lead, or for a
// lead the parent team's lead; nil for the lead of the root team.
func (g *gen) managerOf(p int) any {
	t := p / g.s.PeoplePerTeam
	if lead := g.s.LeadOf(t); p != lead {
		return PersonID(lead)
	}
	if parent := g.s.parentTeam(t); parent >= 0 {
		return PersonID(g.s.LeadOf(parent))
	}
	return nil
}
