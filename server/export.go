package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/exchange"
	"throughline.dev/graph/importer"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
)

// exportCmd writes the whole database to a directory in the export
// format (docs/export-format.md); `import all` reads it back.
type exportCmd struct {
	Dir string `arg:"" type:"path" help:"Directory to write the export into; created when missing, and must be empty."`
}

func (c *exportCmd) Run(ctx context.Context, g *cli) error {
	return runExport(ctx, g.place(), c.Dir, os.Stdout)
}

// runExport exports the database. A running server can keep serving: the
// export reads one consistent snapshot.
func runExport(ctx context.Context, place app.Place, dir string, stdout io.Writer) error {
	if err := mustHaveDatabase(place); err != nil {
		return err
	}
	a, err := app.OpenAt(ctx, place, storage.Options{})
	if err != nil {
		return err
	}
	defer a.Close()
	e, err := exchange.WriteDir(ctx, a.Store, dir)
	if err != nil {
		return userFacing(err)
	}
	g := e.Graph
	fmt.Fprintf(stdout, "exported %s into %s:\n", place, dir)
	fmt.Fprintf(stdout, "  %s: %d people\n", exchange.PeopleFile, len(e.People))
	for _, f := range e.OKRs {
		fmt.Fprintf(stdout, "  %s: %d objectives and key results\n", f.Name, len(f.Rows))
	}
	fmt.Fprintf(stdout, "  %s: %d teams, %d capabilities, %d assessments, %d plans\n",
		exchange.GraphFile, len(g.Teams), len(g.Capabilities), len(g.Assessments), len(g.Plans))
	return nil
}

// importAllCmd imports a whole export into an empty database.
type importAllCmd struct {
	Dir string `arg:"" type:"existingdir" help:"The directory an export wrote."`
}

func (c *importAllCmd) Run(ctx context.Context, g *cli) error {
	return runImportAll(ctx, g.place(), c.Dir, os.Stdout, os.Stderr)
}

// runImportAll imports the export in dir, all or nothing. Problems of a
// CSV file are printed one per line with their line numbers, as import
// people and import okrs print them; problems of graph.json with the
// path of the field.
func runImportAll(ctx context.Context, place app.Place, dir string, stdout, stderr io.Writer) error {
	a, err := app.OpenAt(ctx, place, storage.Options{})
	if err != nil {
		return err
	}
	defer a.Close()
	sum, err := exchange.ImportDir(ctx, a.Store, dir)
	if err != nil {
		return importProblems(err, dir, stderr)
	}
	fmt.Fprintf(stdout, "imported %s into %s:\n%s", dir, place, sum)
	return nil
}

// importProblems prints the problems of a refused import, one a line, and
// returns the error the command ends with.
func importProblems(err error, dir string, stderr io.Writer) error {
	var refused *importer.Error
	var invalid *throughline.ValidationError
	switch {
	case errors.As(err, &refused):
		for _, line := range refused.Lines() {
			fmt.Fprintln(stderr, line)
		}
		return fmt.Errorf("%s; nothing was imported", countProblems(len(refused.Problems)))
	case errors.As(err, &invalid):
		graph := filepath.Join(dir, exchange.GraphFile)
		for _, p := range invalid.Problems {
			fmt.Fprintf(stderr, "%s: %s: %s\n", graph, p.Field, p.Message)
		}
		return fmt.Errorf("%s; nothing was imported", countProblems(len(invalid.Problems)))
	}
	return fmt.Errorf("%w; nothing was imported", userFacing(err))
}
