// Command throughline is the Throughline server: it serves the GraphQL API
// and playground, and holds the admin's commands to migrate, seed and
// import data.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"
)

// cli is the command line; every flag has an environment variable.
type cli struct {
	DataDir string `name:"data-dir" env:"THROUGHLINE_DATA_DIR" default:"data" help:"Directory that holds the database." type:"path"`

	Serve   serveCmd   `cmd:"" help:"Serve the GraphQL API and playground."`
	Migrate migrateCmd `cmd:"" help:"Bring the database schema up to date and exit."`
	Token   tokenCmd   `cmd:"" help:"Issue, list and revoke access tokens."`
	Import  importCmd  `cmd:"" help:"Import people or OKRs from a CSV file, all or nothing."`
	Seed    seedCmd    `cmd:"" help:"Seed the demo organisation into an empty database; a database with data is left alone."`
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
	)
	if err := kctx.Run(&c); err != nil {
		fmt.Fprintln(os.Stderr, "throughline:", err)
		os.Exit(1)
	}
}
