// Command throughline is the Throughline server: it serves the GraphQL API
// and playground, and holds the admin's commands to migrate, seed and
// import data.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
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

// cli is the command line. Every flag has an environment variable, and
// the global flags and those of serve a key in the configuration file
// (config.go): flags win over the environment, the environment over the
// file, and the file over the defaults.
type cli struct {
	ConfigFile  string `name:"config" env:"THROUGHLINE_CONFIG" placeholder:"FILE" type:"path" help:"Configuration file: one key = value a line, the keys being the long names of the global flags and those of serve."`
	DataDir     string `name:"data-dir" env:"THROUGHLINE_DATA_DIR" default:"data" help:"Directory that holds the database, and this server's lock and first-start tokens." type:"path"`
	DatabaseURL string `name:"database-url" env:"THROUGHLINE_DATABASE_URL" placeholder:"postgres://..." help:"PostgreSQL database to use instead of the SQLite file in --data-dir; several servers, each with a data directory of its own, may share it."`
	LogFormat   string `name:"log-format" env:"THROUGHLINE_LOG_FORMAT" enum:"text,json" default:"text" help:"Log lines as text (key=value) or JSON, one object a line."`
	LogLevel    string `name:"log-level" env:"THROUGHLINE_LOG_LEVEL" enum:"debug,info,warn,error" default:"info" help:"Least severe level logged; debug adds a line for each health check and scrape."`

	Serve     serveCmd   `cmd:"" help:"Serve the GraphQL API and playground."`
	Migrate   migrateCmd `cmd:"" help:"Bring the database schema up to date and exit."`
	Token     tokenCmd   `cmd:"" help:"Issue, list and revoke access tokens."`
	Import    importCmd  `cmd:"" help:"Import people or OKRs from a CSV file, all or nothing."`
	Seed      seedCmd    `cmd:"" help:"Seed the demo organisation into an empty database; a database with data is left alone."`
	Backup    backupCmd  `cmd:"" help:"Back the database up to a file while the server keeps serving."`
	Restore   restoreCmd `cmd:"" help:"Replace the database with a backup; the server must be stopped."`
	Export    exportCmd  `cmd:"" help:"Export everything to a directory of CSV and JSON files that import all reads back."`
	Audit     auditCmd   `cmd:"" help:"Export the audit log (who changed what, when, before and after) as JSON Lines or CSV."`
	ConfigCmd configCmd  `cmd:"" name:"config" help:"Check the configuration."`
	Version   versionCmd `cmd:"" help:"Print the version, commit, build date and Go version."`

	// file is the configuration file read, nil without one.
	file *configFile
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
	parser, err := newParser(ctx, &c)
	if err != nil {
		panic(err) // the command line's own definition is wrong
	}
	kctx, err := parser.Parse(os.Args[1:])
	var bad *configError
	if errors.As(err, &bad) {
		// A mistake in the file is not one of usage: no usage text.
		fmt.Fprintln(os.Stderr, "throughline:", bad)
		os.Exit(1)
	}
	parser.FatalIfErrorf(err)
	slog.SetDefault(newLogger(os.Stderr, c.LogFormat, c.LogLevel))
	if err := kctx.Run(&c); err != nil {
		fmt.Fprintln(os.Stderr, "throughline:", err)
		os.Exit(1)
	}
}

// newParser builds the command line's parser around c.
func newParser(ctx context.Context, c *cli) (*kong.Kong, error) {
	return kong.New(c,
		kong.BindTo(ctx, (*context.Context)(nil)),
		kong.Name("throughline"),
		kong.Description("Throughline ties an organisation's OKRs to its people's development."),
		kong.UsageOnError(),
		limitDefaults(),
	)
}

// newLogger logs as text or JSON from level up. The values are those the
// flags' enums allow.
func newLogger(w io.Writer, format, level string) *slog.Logger {
	var l slog.Level
	_ = l.UnmarshalText([]byte(level)) // debug, info, warn or error: the enum holds
	opts := &slog.HandlerOptions{Level: l}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
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
		"max_fragments":  strconv.Itoa(l.Fragments),
		"max_depth":      strconv.Itoa(l.Depth),
		"max_complexity": strconv.Itoa(l.Complexity),
	}
}
