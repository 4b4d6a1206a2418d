package importer

import (
	"context"
	"fmt"
	"strings"
	"time"

	throughline "throughline.dev/graph"
)

// Store is what an import needs from storage; *storage.Store implements
// it. The snapshots are read before a file is checked; the Apply methods
// write a checked plan in one transaction, re-checking there whatever may
// have changed since the snapshot, and report what they wrote.
type Store interface {
	OrgForImport(ctx context.Context) (*OrgSnapshot, error)
	OKRsForImport(ctx context.Context) (*OKRSnapshot, error)
	ApplyPeopleImport(ctx context.Context, p *PeoplePlan) (Summary, error)
	ApplyOKRImport(ctx context.Context, p *OKRPlan) (Summary, error)
}

// OrgSnapshot is the organisation as an import checks a file against it:
// names and emails, not IDs, since files speak in names.
type OrgSnapshot struct {
	Teams  []TeamRecord
	People []PersonRecord
}

// TeamRecord is a stored team; Parent is the parent team's name, "" for a
// root.
type TeamRecord struct {
	Name   string
	Parent string
}

// PersonRecord is a stored person; Email is in lower case and
// ManagerEmail is "" for someone without a manager.
type PersonRecord struct {
	Email        string
	Title        string
	ManagerEmail string
}

// OKRSnapshot is every stored objective, key result and alignment, reduced
// to what the checks need: refs to resolve parents, and the alignment
// graph to find loops that run through objectives not in the file.
type OKRSnapshot struct {
	Cycles     []CycleRecord
	Objectives []ObjectiveRecord
	KeyResults []KeyResultRecord
	Alignments []AlignmentRecord
}

// CycleRecord is a stored cycle.
type CycleRecord struct {
	Name     string
	StartsOn time.Time
	EndsOn   time.Time
}

// ObjectiveRecord is a stored objective: its ID, its cycle's name and its
// ref ("" when made through the API).
type ObjectiveRecord struct {
	ID    int64
	Cycle string
	Ref   string
}

// KeyResultRecord is a stored key result and the objective it measures.
type KeyResultRecord struct {
	ID          int64
	ObjectiveID int64
	Ref         string
}

// AlignmentRecord is one stored alignment; exactly one parent ID is
// non-zero.
type AlignmentRecord struct {
	ObjectiveID       int64
	ParentObjectiveID int64
	ParentKeyResultID int64
}

// PeoplePlan is a checked people file: the state the file asks for, keyed
// by team name and email. The store decides, in its transaction, which
// rows to create, update or leave alone.
type PeoplePlan struct {
	// Teams holds every team the file names, in the order it names them.
	Teams  []PlanTeam
	People []PlanPerson
}

// PlanTeam is a team the file names. An empty Parent leaves the team's
// parent as it is (a new team becomes a root).
type PlanTeam struct {
	Name   string
	Parent string
}

// PlanPerson is one row of a people file. Email and ManagerEmail are in
// lower case; an empty Team or ManagerEmail clears the person's team or
// manager.
type PlanPerson struct {
	Email        string
	Name         string
	Title        string
	Team         string
	ManagerEmail string
}

// OKRPlan is a checked OKR file, keyed by cycle name and ref.
type OKRPlan struct {
	Cycles []PlanCycle
	// Teams names every team an objective uses; missing ones are made.
	Teams      []string
	Objectives []PlanObjective
	KeyResults []PlanKeyResult
}

// PlanCycle is a cycle the file uses, with the dates a new one gets.
type PlanCycle struct {
	Name     string
	StartsOn time.Time
	EndsOn   time.Time
}

// PlanObjective is one objective row. Owner is an email ("" for none);
// AlignTo replaces the objective's alignments.
type PlanObjective struct {
	Cycle   string
	Ref     string
	Level   throughline.ObjectiveLevel
	Title   string
	Owner   string
	Team    string
	AlignTo []PlanRef
}

// PlanRef names an objective or key result by its cycle and ref.
type PlanRef struct {
	Cycle     string
	Ref       string
	KeyResult bool
}

// PlanKeyResult is one key result row; Objective is the ref of its
// objective in the same cycle. A nil Target makes it done / not done; a
// nil Current leaves the stored value alone.
type PlanKeyResult struct {
	Cycle     string
	Ref       string
	Objective string
	Title     string
	Owner     string
	Start     *float64
	Target    *float64
	Current   *float64
	Unit      string
	Critical  bool
}

// Summary says what an import wrote, per kind of row.
type Summary struct {
	Cycles     Counts
	Teams      Counts
	People     Counts
	Objectives Counts
	KeyResults Counts
	Alignments Counts
}

// Counts are the rows of one kind an import created, updated, left
// unchanged, and removed (alignments only).
type Counts struct {
	Created   int
	Updated   int
	Unchanged int
	Removed   int
}

func (c Counts) total() int { return c.Created + c.Updated + c.Unchanged + c.Removed }

func (c Counts) String() string {
	s := fmt.Sprintf("%d created, %d updated, %d unchanged", c.Created, c.Updated, c.Unchanged)
	if c.Removed > 0 {
		s += fmt.Sprintf(", %d removed", c.Removed)
	}
	return s
}

// String lists the counts of every kind the import touched, one kind per
// line.
func (s Summary) String() string {
	var b strings.Builder
	for _, k := range []struct {
		name string
		c    Counts
	}{
		{"cycles", s.Cycles}, {"teams", s.Teams}, {"people", s.People},
		{"objectives", s.Objectives}, {"key results", s.KeyResults},
		{"alignments", s.Alignments},
	} {
		if k.c.total() > 0 {
			fmt.Fprintf(&b, "%s: %s\n", k.name, k.c)
		}
	}
	return b.String()
}
