package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"throughline.dev/graph/importer"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
)

// importCmd groups the commands that load CSV files; the formats are
// described in the importer package.
type importCmd struct {
	People importPeopleCmd `cmd:"" help:"Import people and teams from a CSV file (email, name, title, team, parent_team, manager_email)."`
	OKRs   importOKRsCmd   `cmd:"" name:"okrs" help:"Import objectives and key results from a CSV file; import people first, since owners must exist."`
	All    importAllCmd    `cmd:"" help:"Import a whole export (see the export command) into an empty database, in one transaction."`
}

type importPeopleCmd struct {
	File string `arg:"" help:"The people CSV file."`
}

type importOKRsCmd struct {
	File string `arg:"" help:"The OKR CSV file."`
}

// importFunc is the shape of importer.ImportPeople and ImportOKRs.
type importFunc func(context.Context, importer.Store, io.Reader, string) (importer.Summary, error)

func (c *importPeopleCmd) Run(ctx context.Context, g *cli) error {
	return runImport(ctx, g.place(), c.File, importer.ImportPeople, os.Stdout, os.Stderr)
}

func (c *importOKRsCmd) Run(ctx context.Context, g *cli) error {
	return runImport(ctx, g.place(), c.File, importer.ImportOKRs, os.Stdout, os.Stderr)
}

// runImport imports one file into the database. A
// refused file's problems go to stderr, one per line as file:line:
// column: message, and the command fails without writing anything; a
// clean file's summary goes to stdout.
func runImport(ctx context.Context, place app.Place, path string, run importFunc, stdout,
	stderr io.Writer,
) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	a, err := app.OpenAt(ctx, place, storage.Options{})
	if err != nil {
		return err
	}
	defer a.Close()

	sum, err := run(ctx, a.Store, f, path)
	var refused *importer.Error
	if errors.As(err, &refused) {
		for _, line := range refused.Lines() {
			fmt.Fprintln(stderr, line)
		}
		return fmt.Errorf("%s: %s; nothing was imported", path, countProblems(len(refused.Problems)))
	}
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	if sum == (importer.Summary{}) {
		fmt.Fprintf(stdout, "%s has no rows; nothing was imported\n", path)
		return nil
	}
	fmt.Fprintf(stdout, "imported %s\n%s", path, sum)
	return nil
}

// countProblems counts problems in words: "1 problem", "3 problems".
func countProblems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}
