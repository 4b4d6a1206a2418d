// Package synth fills a Throughline database with a deterministic
// synthetic organisation, for benchmarks at sizes no demo reaches.
//
// Shape: teams of PeoplePerTeam people in a tree with TeamFanOut children
// per team; the first person of a team leads it and manages the rest, and
// reports to the lead of the parent team. Each team has ObjectivesPerTeam
// objectives of KeyResultsPerObjective key results; each objective aligns
// to a key result of the parent team, so a chain from a person's goal up
// to the company objective is as deep as the team tree. Every person has a
// plan with two execution goals, a career goal, ActionsPerPlan actions and
// CheckInsPerPlan check-ins.
package synth

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
)

// Spec sets the size and fan-outs of the organisation.
type Spec struct {
	People                 int
	PeoplePerTeam          int
	TeamFanOut             int
	ObjectivesPerTeam      int
	KeyResultsPerObjective int
	ActionsPerPlan         int
	CheckInsPerPlan        int
	Capabilities           int
	// Today anchors every date, so that two runs make the same data.
	Today time.Time
}

// DefaultSpec returns the benchmark's shape for a number of people.
func DefaultSpec(people int, today time.Time) Spec {
	return Spec{
		People: people, PeoplePerTeam: 50, TeamFanOut: 3,
		ObjectivesPerTeam: 3, KeyResultsPerObjective: 3,
		ActionsPerPlan: 5, CheckInsPerPlan: 10, Capabilities: 8,
		Today: today,
	}
}

// Teams returns how many teams the spec makes.
func (s Spec) Teams() int { return (s.People + s.PeoplePerTeam - 1) / s.PeoplePerTeam }

// Generate writes the organisation into an empty, migrated database in
// one transaction. IDs are assigned by the generator, so that a team's
// people, objectives and plans can be found by arithmetic in benchmarks.
func Generate(ctx context.Context, db *sql.DB, s Spec) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	defer tx.Rollback()

	_, pg := db.Driver().(*stdlib.Driver)
	g := &gen{tx: tx, s: s, now: s.Today.UTC(), pg: pg}
	steps := []func(context.Context) error{
		g.cycle, g.teams, g.people, g.capabilities, g.okrs, g.plans, g.moveSequences,
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	return tx.Commit()
}

type gen struct {
	tx  *sql.Tx
	s   Spec
	now time.Time
	pg  bool // PostgreSQL: numbered placeholders, identity sequences to move
}

// sql writes the generator's "?" placeholders as the engine wants them;
// its statements hold no "?" of their own.
func (g *gen) sql(query string) string {
	if !g.pg {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (g *gen) exec(ctx context.Context, query string, args ...any) error {
	_, err := g.tx.ExecContext(ctx, g.sql(query), args...)
	return err
}

// identityTables are the tables whose IDs the generator sets.
var identityTables = []string{
	"cycles", "teams", "people", "capabilities", "objectives", "key_results",
	"capability_requirements", "alignments", "development_plans", "development_goals",
	"development_actions", "check_ins", "assessments", "evidence",
}

// moveSequences moves each identity sequence of PostgreSQL past the IDs
// the generator set, so that rows added later get fresh ones. SQLite
// needs nothing: it numbers from the largest ID.
func (g *gen) moveSequences(ctx context.Context) error {
	if !g.pg {
		return nil
	}
	for _, t := range identityTables {
		err := g.exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'),
			COALESCE((SELECT MAX(id) FROM %s), 0) + 1, false)`, t, t))
		if err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) day(offset int) string {
	return g.now.AddDate(0, 0, offset).Format(time.DateOnly)
}

// insertBatch is how many rows one statement inserts: a round trip per
// row makes a large organisation slow to write to PostgreSQL.
const insertBatch = 200

// insert runs a statement of the form INSERT ... VALUES (row) for rows
// rows, insertBatch rows a statement.
func (g *gen) insert(ctx context.Context, query string, rows int,
	args func(i int) []any,
) error {
	head, tuple, ok := strings.Cut(query, "VALUES")
	if !ok {
		return fmt.Errorf("%.30s: no VALUES", query)
	}
	for start := 0; start < rows; start += insertBatch {
		n := min(insertBatch, rows-start)
		values := strings.TrimSuffix(strings.Repeat(tuple+",", n), ",")
		var all []any
		for i := start; i < start+n; i++ {
			all = append(all, args(i)...)
		}
		if err := g.exec(ctx, head+"VALUES"+values, all...); err != nil {
			return fmt.Errorf("%.30s: rows %d to %d: %w", query, start, start+n-1, err)
		}
	}
	return nil
}

// CycleName is the name of the cycle the organisation plans in.
func (s Spec) CycleName() string {
	return fmt.Sprintf("%d-Q%d", s.Today.Year(), (int(s.Today.Month())-1)/3+1)
}

func (g *gen) cycle(ctx context.Context) error {
	y, q := g.now.Year(), (int(g.now.Month())-1)/3
	start := time.Date(y, time.Month(3*q+1), 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 3, -1)
	return g.exec(ctx,
		`INSERT INTO cycles (id, name, starts_on, ends_on, created_at) VALUES (1, ?, ?, ?, ?)`,
		g.s.CycleName(), start.Format(time.DateOnly), end.Format(time.DateOnly), g.now)
}
