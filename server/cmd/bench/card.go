package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage/synth"
)

// The card: one person as a manager's list shows them, with their plan's
// status, warnings and the next check-in due. Read with their manager's
// token.

const cardFields = `
  id
  name
  title
  manager { id name }
  team { id name }
  plan { id status nextCheckInDue warnings { code message } }`

const cardQuery = `query PersonCard($id: ID!) {
  node(id: $id) { ... on Person {` + cardFields + ` } }
}`

// cardByEmailQuery is the card found by email, which needs no ID: the
// first request a freshly started server answers.
const cardByEmailQuery = `query PersonCardByEmail($email: String!) {
  person(email: $email) {` + cardFields + ` }
}`

func cardScreen(s subjects, c cast) screen {
	return screen{
		name: "card", token: s.chainManager, text: cardQuery,
		vars:    map[string]any{"id": s.chainPerson},
		figures: cardFigures,
		floor: func(ctx context.Context, f *floorDB) (figures, error) {
			return cardFloor(ctx, f, synth.PersonID(c.chainPerson), s.cycle)
		},
	}
}

type cardAnswer struct {
	Name, Title string
	Manager     *struct{ Name string }
	Team        *struct{ Name string }
	Plan        *cardPlanAnswer
}

type cardPlanAnswer struct {
	Status         string
	NextCheckInDue string
	Warnings       []struct{ Code string }
}

func cardFigures(data json.RawMessage) (figures, error) {
	var a struct{ Node cardAnswer }
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, err
	}
	return a.Node.figures()
}

func (c cardAnswer) figures() (figures, error) {
	fig := figures{"person": 1}
	if c.Manager != nil {
		fig["manager"] = 1
	}
	if c.Team != nil {
		fig["team"] = 1
	}
	if c.Plan == nil {
		return fig, nil
	}
	fig["status "+c.Plan.Status] = 1
	due, err := time.Parse(time.DateOnly, c.Plan.NextCheckInDue)
	if err != nil {
		return nil, err
	}
	fig["next check-in due (unix day)"] = float64(due.Unix() / 86400)
	for _, w := range c.Plan.Warnings {
		fig["warning "+w.Code]++
	}
	return fig, nil
}

// cardSQL reads the person, their manager and team, their plan in the
// cycle with the days of its latest check-ins, and the review rhythm.
const cardSQL = `SELECT p.name, p.title, p.manager_id, m.name, t.name,
	pl.id, pl.status, pl.created_at, cy.id, cy.starts_on,
	(SELECT MAX(c.held_on) FROM check_ins c WHERE c.plan_id = pl.id),
	(SELECT MAX(c.held_on) FROM check_ins c WHERE c.plan_id = pl.id AND c.kind = 'QUARTERLY'),
	` + rhythmColumns + `
FROM people p
LEFT JOIN people m ON m.id = p.manager_id
LEFT JOIN teams t ON t.id = p.team_id
LEFT JOIN cycles cy ON cy.name = ?
LEFT JOIN development_plans pl ON pl.person_id = p.id AND pl.cycle_id = cy.id
LEFT JOIN review_rhythm rr ON rr.id = 1
WHERE p.id = ?`

// cardFloor reads the card in two statements, the row above and the
// plan's active goals, and checks the plan as the server does.
func cardFloor(ctx context.Context, f *floorDB, personID int64,
	cycleName string,
) (figures, error) {
	row, err := readCard(ctx, f, personID, cycleName)
	if err != nil {
		return nil, err
	}
	c := cardAnswer{Name: row.person.Name, Title: row.person.Title}
	if row.manager.Valid {
		c.Manager = &struct{ Name string }{row.manager.String}
	}
	if row.team.Valid {
		c.Team = &struct{ Name string }{row.team.String}
	}
	if row.plan != nil {
		if err := cardPlan(ctx, f, row, &c); err != nil {
			return nil, err
		}
	}
	return c.figures()
}

// cardPlan fills the card's plan: status, next check-in due, warnings.
func cardPlan(ctx context.Context, f *floorDB, row *cardRow, c *cardAnswer) error {
	goals, err := activeGoals(ctx, f, []int64{row.plan.ID})
	if err != nil {
		return err
	}
	s := snapshot(row.plan, row.person, row.cycle, goals[row.plan.ID],
		row.lastCheckIn.ptr(), row.lastQuarterly.ptr())
	c.Plan = &cardPlanAnswer{
		Status:         string(row.plan.Status),
		NextCheckInDue: s.NextCheckInDue(row.rhythm).Format(time.DateOnly),
	}
	for _, w := range throughline.Warnings(s, today, row.rhythm) {
		c.Plan.Warnings = append(c.Plan.Warnings, struct{ Code string }{string(w.Code)})
	}
	return nil
}

// cardRow is the one row of cardSQL.
type cardRow struct {
	person                     *throughline.Person
	manager, team              sql.NullString
	plan                       *throughline.DevelopmentPlan
	cycle                      *throughline.Cycle
	lastCheckIn, lastQuarterly dbTime
	rhythm                     throughline.Rhythm
}

func readCard(ctx context.Context, f *floorDB, personID int64,
	cycleName string,
) (*cardRow, error) {
	r := &cardRow{person: &throughline.Person{ID: personID}}
	var planID, cycleID sql.NullInt64
	var status sql.NullString
	var created, starts dbTime
	var monthly, window, lead sql.NullInt64
	found := false
	err := f.rows(ctx, cardSQL, []any{cycleName, personID}, func(rs *sql.Rows) error {
		found = true
		return rs.Scan(&r.person.Name, &r.person.Title, &r.person.ManagerID, &r.manager,
			&r.team, &planID, &status, &created, &cycleID, &starts,
			&r.lastCheckIn, &r.lastQuarterly, &monthly, &window, &lead)
	})
	if err != nil || !found {
		return nil, fmt.Errorf("card of person %d: found %v, %v", personID, found, err)
	}
	r.rhythm = rhythmOf(monthly, window, lead)
	r.cycle = &throughline.Cycle{ID: cycleID.Int64, Name: cycleName, StartsOn: starts.T}
	if planID.Valid {
		r.plan = &throughline.DevelopmentPlan{
			ID: planID.Int64, PersonID: personID, CycleID: cycleID.Int64,
			Status: throughline.PlanStatus(status.String), CreatedAt: created.T,
		}
	}
	return r, nil
}
