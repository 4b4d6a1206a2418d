package exchange

import (
	"context"

	throughline "throughline.dev/graph"
)

// Dump is every record an export carries, as the store holds it, read in
// one transaction so that the records agree with each other. Each list is
// in the order the records were made (by ID); capability levels by
// capability and level. Tokens, calendar feeds and the audit log are not
// part of it.
type Dump struct {
	Cycles       []*throughline.Cycle
	Teams        []*throughline.Team
	People       []*throughline.Person
	Objectives   []*throughline.Objective
	Alignments   []*throughline.Alignment
	KeyResults   []*throughline.KeyResult
	Progress     []*throughline.ProgressUpdate
	Capabilities []*throughline.Capability
	Levels       []*throughline.CapabilityLevel
	Requirements []*throughline.CapabilityRequirement
	Assessments  []*throughline.Assessment
	Evidence     []*throughline.Evidence
	Plans        []*throughline.DevelopmentPlan
	Goals        []*throughline.DevelopmentGoal
	Actions      []*throughline.DevelopmentAction
	CheckIns     []*throughline.CheckIn
	Handovers    []*throughline.Handover
	Packs        []*throughline.HandoverPack // drafts and packs of handovers
	Stints       []*throughline.ManagerStint
	Rhythm       *ReviewRhythm // nil when the database holds none
}

// Dumper reads a whole database; *storage.Store implements it.
type Dumper interface {
	Dump(ctx context.Context) (*Dump, error)
}

// Export is a whole database in the export format, in memory: the rows of
// the people file, one OKR file per cycle, and the graph document.
type Export struct {
	People []PersonRow
	OKRs   []OKRFile // one per cycle, in the order of Graph.Cycles
	Graph  *Graph
}

// PersonRow is one row of people.csv, in the people import format.
type PersonRow struct {
	Email        string
	Name         string
	Title        string
	Team         string
	ParentTeam   string
	ManagerEmail string
}

// OKRFile is one cycle's OKR file.
type OKRFile struct {
	Name string
	Rows []OKRRow
}

// OKRRow is one row of an OKR file, in the OKR import format: an
// objective (Type "objective", Parents its same-cycle parents) or a key
// result (Type "key_result", Parents its objective).
type OKRRow struct {
	Cycle      string
	CycleStart Date
	CycleEnd   Date
	Ref        string
	Type       string
	Parents    []string
	Level      throughline.ObjectiveLevel
	Team       string
	Owner      string
	Title      string
	Start      *float64
	Target     *float64
	Current    *float64
	Unit       string
	Critical   bool
}
