package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/demo"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
)

// seedCmd fills an empty data directory with the demo organisation, so
// that HR can explore the playground before any real data is imported.
type seedCmd struct{}

func (c *seedCmd) Run(ctx context.Context, g *cli) error {
	return runSeed(ctx, g.place(), os.Stdout)
}

// runSeed seeds the database when it is empty, and says on stdout what it
// did; a database with data in it is left alone.
func runSeed(ctx context.Context, place app.Place, stdout io.Writer) error {
	a, err := app.OpenAt(ctx, place, storage.Options{})
	if err != nil {
		return err
	}
	defer a.Close()
	var sum demo.Summary
	var seeded bool
	err = a.Store.Exclusively(ctx, func() (err error) {
		sum, seeded, err = seedIfEmpty(ctx, place)
		return err
	})
	switch {
	case err != nil:
		return err
	case !seeded:
		fmt.Fprintf(stdout, "%s already holds data; nothing was seeded\n", place)
	default:
		fmt.Fprintf(stdout, "seeded the demo organisation into %s:\n%s", place, describe(sum))
		fmt.Fprintf(stdout, "tokens to act as its people: %s\n",
			filepath.Join(place.DataDir, DemoTokensFile))
	}
	return nil
}

// seedOnFirstStart seeds the demo organisation when serve starts on an
// empty database. A failure stops the server: an organisation seeded half
// way must not be served as if it were whole. The caller holds the store's
// Exclusively, so that of servers started together on one PostgreSQL
// database one seeds and the others find the demo there.
func seedOnFirstStart(ctx context.Context, place app.Place) error {
	sum, seeded, err := seedIfEmpty(ctx, place)
	if err != nil {
		return fmt.Errorf("%w (start with --no-seed to serve an empty database)", err)
	}
	if seeded {
		slog.Info("seeded the demo organisation into the empty database",
			"people", sum.People, "teams", sum.Teams, "objectives", sum.Objectives,
			"key_results", sum.KeyResults, "capabilities", sum.Capabilities,
			"plans", sum.Plans, "check_ins", sum.CheckIns,
			"tokens", filepath.Join(place.DataDir, DemoTokensFile))
	}
	return nil
}

// DemoTokensFile lists tokens to act as the demo's HR person, a manager
// and an employee, readable by the server's user only.
const DemoTokensFile = "demo-tokens"

// demoTokens are the people of the demo organisation one can act as.
var demoTokens = []struct {
	email string
	role  throughline.Role
	about string
}{
	{"kenji.watanabe@northwind-labs.example", throughline.RoleHR, "Kenji Watanabe, Head of People"},
	{"grace.mwangi@northwind-labs.example", throughline.RoleManager, "Grace Mwangi, Platform lead"},
	{"meilin.chen@northwind-labs.example", throughline.RoleEmployee, "Mei-Lin Chen, reports to Grace"},
}

// writeDemoTokens issues the demo's tokens and writes them to a file.
func writeDemoTokens(ctx context.Context, a *app.App, dataDir string) error {
	var b strings.Builder
	b.WriteString("# Tokens to act as people of the demo organisation. Paste one into\n" +
		"# the playground's token bar, or send it as Authorization: Bearer <token>.\n")
	for _, d := range demoTokens {
		p, err := a.Store.FindPersonByEmail(ctx, d.email)
		if err != nil {
			return fmt.Errorf("demo token for %s: %w", d.email, err)
		}
		t := &throughline.Token{PersonID: &p.ID, Roles: []throughline.Role{d.role}, Label: "demo"}
		secret, err := a.Store.CreateToken(ctx, t)
		if err != nil {
			return fmt.Errorf("demo token for %s: %w", d.email, err)
		}
		fmt.Fprintf(&b, "%-8s %-45s %s\n", d.role, d.about, secret)
	}
	path := filepath.Join(dataDir, DemoTokensFile)
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		return fmt.Errorf("write demo tokens: %w", err)
	}
	return nil
}

// seedIfEmpty seeds the demo organisation when the database is empty and
// reports whether it did. It opens the database through a store of its
// own whose clock the seed can hold at past days, so that the demo's
// history carries the dates it happened on; the store is closed after.
//
// The domain services share no transaction, so a seed that fails leaves
// part of the organisation behind; the error says how to start again.
func seedIfEmpty(ctx context.Context, place app.Place) (demo.Summary, bool, error) {
	clock := &demo.Clock{}
	a, err := app.OpenAt(ctx, place, storage.Options{Now: clock.Now})
	if err != nil {
		return demo.Summary{}, false, err
	}
	defer a.Close()
	svc := demo.Services{
		Org: a.Store, OKRs: a.Store, Capabilities: a.Store, Plans: a.Store, Clock: clock,
		Handovers: a.Store,
		Reviews:   a.Store,
	}
	empty, err := demo.Empty(ctx, svc)
	if err != nil || !empty {
		return demo.Summary{}, false, err
	}
	sum, err := demo.Seed(ctx, svc, time.Now())
	if err == nil {
		err = writeDemoTokens(ctx, a, place.DataDir)
	}
	if err != nil {
		return sum, false, fmt.Errorf("seed the demo organisation: %w; %s now holds part "+
			"of it: %s and start again", err, place, startOver(place))
	}
	return sum, true, nil
}

// startOver says how to throw away a half-seeded database.
func startOver(place app.Place) string {
	if place.Postgres() {
		return "drop its schema's tables"
	}
	return "remove the data directory " + place.DataDir
}

// describe lists what a seed wrote, one kind of record a line.
func describe(s demo.Summary) string {
	return fmt.Sprintf(""+
		"  %d people in %d teams\n"+
		"  %d objectives and %d key results with %d progress updates, over %d cycles\n"+
		"  %d capabilities, %d requirements on key results, %d assessments\n"+
		"  %d development plans with %d goals, %d actions and %d check-ins\n"+
		"  handovers: %d, moving %d people; quarterly reviews: %d; departures: %d\n",
		s.People, s.Teams, s.Objectives, s.KeyResults, s.Progress, s.Cycles,
		s.Capabilities, s.Requirements, s.Assessments,
		s.Plans, s.Goals, s.Actions, s.CheckIns,
		s.Handovers, s.Packs, s.Reviews, s.Departures)
}
