// Command throughline is the Throughline server: it serves the GraphQL API
// and playground, and holds the admin's commands to migrate, seed and
// import data.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/alecthomas/kong"

	"throughline.dev/graph/gql"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
)

// cli is the command line; every flag has an environment variable.
type cli struct {
	DataDir     string `name:"data-dir" env:"THROUGHLINE_DATA_DIR" default:"data" help:"Directory that holds the database, and this server's lock and first-start tokens." type:"path"`
	DatabaseURL string `name:"database-url" env:"THROUGHLINE_DATABASE_URL" placeholder:"postgres://..." help:"PostgreSQL database to use instead of the SQLite file in --data-dir; several servers, each with a data directory of its own, may share it."`

	Serve   serveCmd   `cmd:"" help:"Serve the GraphQL API and playground."`
	Migrate migrateCmd `cmd:"" help:"Bring the database schema up to date and exit."`
	Token   tokenCmd   `cmd:"" help:"Issue, list and revoke access tokens."`
	Import  importCmd  `cmd:"" help:"Import people or OKRs from a CSV file, all or nothing."`
	Seed    seedCmd    `cmd:"" help:"Seed the demo organisation into an empty database; a database with data is left alone."`
	Backup  backupCmd  `cmd:"" help:"Back the database up to a file while the server keeps serving."`
	Restore restoreCmd `cmd:"" help:"Replace the database with a backup; the server must be stopped."`
	Export  exportCmd  `cmd:"" help:"Export everything to a directory of CSV and JSON files that import all reads back."`
	Audit   auditCmd   `cmd:"" help:"Export the audit log (who changed what, when, before and after) as JSON Lines or CSV."`
}

// place is where the commands find the data.
func (c *cli) place() app.Place {
	return app.Place{DataDir: c.DataDir, DatabaseURL: c.DatabaseURL}
}

// open opens the database for a command.
func (c *cli) open(ctx context.Context) (*app.App, error) {
	return app.OpenAt(ctx, c.place(), storage.Options{})
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var c cli
	kctx := kong.Parse(&c,
		kong.BindTo(ctx, (*context.Context)(nil)),
		kong.Name("throughline"),
		kong.Description("Throughline ties an organisation's OKRs to its people's development."),
		kong.UsageOnError(),
		limitDefaults(),
	)
	if err := kctx.Run(&c); err != nil {
		fmt.Fprintln(os.Stderr, "throughline:", err)
		os.Exit(1)
	}
}

// limitDefaults gives the limit flags their defaults from the packages
// that define them, so that --help and the code cannot disagree.
func limitDefaults() kong.Vars {
	l := gql.DefaultLimits
	return kong.Vars{
		"max_body_bytes": strconv.FormatInt(httpapi.DefaultMaxBodyBytes, 10),
		"max_tokens":     strconv.Itoa(l.Tokens),
		"max_fields":     strconv.Itoa(l.Fields),
		"max_aliases":    strconv.Itoa(l.Aliases),
		"max_directives": strconv.Itoa(l.Directives),
		"max_depth":      strconv.Itoa(l.Depth),
		"max_complexity": strconv.Itoa(l.Complexity),
	}
}
