package exchange

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/importer"
)

// Store is where a whole export is imported; *storage.Store implements
// it.
type Store interface {
	// ImportTransaction runs fn on a Tx bound to one transaction, which
	// commits when fn returns nil and rolls back otherwise.
	ImportTransaction(ctx context.Context, fn func(Tx) error) error
}

// Tx is a store inside the one transaction of an import. The people and
// OKR files go through the importer, as they would on their own;
// graph.json goes through ApplyGraph.
type Tx interface {
	importer.Store
	// HoldsData reports whether the database holds any cycle, team,
	// person or capability.
	HoldsData(ctx context.Context) (bool, error)
	// ApplyGraph writes what a graph document holds, once the people and
	// OKR files are in, resolving its keys against them; it counts what
	// it created. A key that names nothing is EINVALID on the field that
	// holds it.
	ApplyGraph(ctx context.Context, g *Graph) (Summary, error)
}

// importFunc is the shape of importer.ImportPeople and ImportOKRs.
type importFunc func(context.Context, importer.Store, io.Reader, string) (importer.Summary, error)

// ImportDir imports the export in dir into an empty database, all or
// nothing: graph.json is read and checked first, then the people file,
// each cycle's OKR file and the rest of graph.json are written in one
// transaction. A refused CSV file comes back as the importer's *Error,
// with every problem and its line; a refused graph.json as a
// *throughline.ValidationError naming each field.
func ImportDir(ctx context.Context, s Store, dir string) (Summary, error) {
	g, err := readGraphFile(filepath.Join(dir, GraphFile))
	if err != nil {
		return Summary{}, err
	}
	var sum Summary
	err = s.ImportTransaction(ctx, func(tx Tx) error {
		sum = Summary{}
		return importInto(ctx, tx, dir, g, &sum)
	})
	if err != nil {
		return Summary{}, err
	}
	return sum, nil
}

func readGraphFile(path string) (*Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, throughline.Errorf(throughline.EINVALID,
			"%s cannot be read: %v; is this an export's directory?", path, err)
	}
	defer f.Close()
	return ReadGraph(f, path)
}

func importInto(ctx context.Context, tx Tx, dir string, g *Graph, sum *Summary) error {
	held, err := tx.HoldsData(ctx)
	if err != nil {
		return err
	}
	if held {
		return throughline.Errorf(throughline.ECONFLICT, "the database already holds "+
			"data: a whole export imports only into an empty database, such as a new data directory")
	}
	err = importFile(ctx, tx, filepath.Join(dir, PeopleFile), importer.ImportPeople, sum)
	if err != nil {
		return err
	}
	for _, c := range g.Cycles {
		if c.OKRFile == "" {
			continue
		}
		err := importFile(ctx, tx, filepath.Join(dir, c.OKRFile), importer.ImportOKRs, sum)
		if err != nil {
			return err
		}
	}
	applied, err := tx.ApplyGraph(ctx, g)
	if err != nil {
		return err
	}
	sum.add(applied)
	return nil
}

func importFile(ctx context.Context, tx Tx, path string, run importFunc, sum *Summary) error {
	f, err := os.Open(path)
	if err != nil {
		return throughline.Errorf(throughline.EINVALID, "%s cannot be read: %v", path, err)
	}
	defer f.Close()
	s, err := run(ctx, tx, f, path)
	if err != nil {
		return err
	}
	sum.addFile(s)
	return nil
}

// Summary counts the records an import created; for departures, goals
// carried over and the review rhythm, the records it set.
type Summary struct {
	Cycles, Teams, People              int
	Objectives, KeyResults, Alignments int
	Progress                           int
	Capabilities, Requirements         int
	Assessments, Evidence              int
	Plans, Goals, Actions, CheckIns    int
	Carried                            int // goals linked to the goal they continue
	Handovers, Packs, DraftPacks       int
	Stints, Departures, Rhythms        int
}

// addFile adds what the importer created from one CSV file.
func (s *Summary) addFile(f importer.Summary) {
	s.Cycles += f.Cycles.Created
	s.Teams += f.Teams.Created
	s.People += f.People.Created
	s.Objectives += f.Objectives.Created
	s.KeyResults += f.KeyResults.Created
	s.Alignments += f.Alignments.Created
}

func (s *Summary) add(o Summary) {
	for i, n := range o.counts() {
		*s.counts()[i].n += *n.n
	}
}

type namedCount struct {
	name string
	n    *int
}

func (s *Summary) counts() []namedCount {
	return []namedCount{
		{"cycles", &s.Cycles}, {"teams", &s.Teams}, {"people", &s.People},
		{"objectives", &s.Objectives}, {"key results", &s.KeyResults},
		{"alignments", &s.Alignments}, {"progress updates", &s.Progress},
		{"capabilities", &s.Capabilities}, {"capability requirements", &s.Requirements},
		{"assessments", &s.Assessments}, {"pieces of evidence", &s.Evidence},
		{"development plans", &s.Plans}, {"goals", &s.Goals}, {"actions", &s.Actions},
		{"check-ins", &s.CheckIns}, {"goals carried over", &s.Carried},
		{"handovers", &s.Handovers}, {"handover packs", &s.Packs},
		{"draft handover packs", &s.DraftPacks}, {"manager history stints", &s.Stints},
		{"departures", &s.Departures}, {"review rhythms", &s.Rhythms},
	}
}

// String lists the counts, one kind of record a line.
func (s Summary) String() string {
	var b strings.Builder
	for _, c := range s.counts() {
		fmt.Fprintf(&b, "  %d %s\n", *c.n, c.name)
	}
	return b.String()
}
