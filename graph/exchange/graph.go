package exchange

import (
	"encoding/json"
	"fmt"
	"time"

	throughline "throughline.dev/graph"
)

// The files of an export. OKR files are named per cycle, okrs-<cycle>.csv;
// graph.json lists them.
const (
	PeopleFile = "people.csv"
	GraphFile  = "graph.json"
)

// Format and FormatVersion identify graph.json. The version rises when a
// change to the format would make an older Throughline misread it.
// Version 2 added handovers, draft packs, manager history, departures,
// carried-over goals and the review rhythm; a version 1 file still reads,
// without them.
const (
	Format        = "throughline-export"
	FormatVersion = 2
)

// Graph is the document in graph.json: everything an export holds beyond
// what the people and OKR files say. Records refer to each other by
// natural keys (emails, team and capability names, a cycle and a ref)
// rather than database IDs, so that an export imports into any database.
// Lists are in a fixed order, so that exporting the same data twice gives
// the same bytes.
type Graph struct {
	Format        string        `json:"format"`
	FormatVersion int           `json:"formatVersion"`
	Cycles        []Cycle       `json:"cycles"`
	Teams         []Team        `json:"teams"`
	Objectives    []Objective   `json:"objectives"`
	KeyResults    []KeyResult   `json:"keyResults"`
	Capabilities  []Capability  `json:"capabilities"`
	Requirements  []Requirement `json:"requirements"`
	Assessments   []Assessment  `json:"assessments"`
	Plans         []Plan        `json:"plans"`

	// Since format version 2.
	Handovers      []Handover    `json:"handovers"`
	DraftPacks     []PackNotes   `json:"draftPacks"`
	ManagerHistory []Stint       `json:"managerHistory"`
	Departures     []Departure   `json:"departures"`
	ReviewRhythm   *ReviewRhythm `json:"reviewRhythm,omitempty"`
}

// Cycle is a planning period and the file that holds its OKRs.
type Cycle struct {
	Name     string `json:"name"`
	StartsOn Date   `json:"startsOn"`
	EndsOn   Date   `json:"endsOn"`
	OKRFile  string `json:"okrFile"`
}

// Team is a team with its parent's name and its lead's email; the people
// file names only teams that have members, and no leads.
type Team struct {
	Name   string `json:"name"`
	Parent string `json:"parent,omitempty"`
	Lead   string `json:"lead,omitempty"`
}

// Ref names an objective or a key result: its cycle and its ref there.
type Ref struct {
	Cycle string `json:"cycle"`
	Ref   string `json:"ref"`
}

// Objective holds what the OKR file has no column for: the description,
// and parents in other cycles (the file's parent column names refs of
// the same cycle only).
type Objective struct {
	Ref
	Description       string   `json:"description,omitempty"`
	OtherCycleParents []Parent `json:"otherCycleParents,omitempty"`
}

// Parent is an objective's parent: an objective or a key result.
type Parent struct {
	Ref
	Type string `json:"type"` // "objective" or "key_result", as in the OKR file
}

// The types of a parent, as in the OKR file's type column.
const (
	TypeObjective = "objective"
	TypeKeyResult = "key_result"
)

// KeyResult holds a key result's state and history: whether a done / not
// done result is done, the latest confidence, and every progress update.
type KeyResult struct {
	Ref
	Done       bool             `json:"done"`
	Confidence *int32           `json:"confidence,omitempty"`
	Progress   []ProgressUpdate `json:"progress,omitempty"`
}

// ProgressUpdate is one entry of a key result's history.
type ProgressUpdate struct {
	RecordedAt time.Time `json:"recordedAt"`
	RecordedBy string    `json:"recordedBy,omitempty"`
	Value      *float64  `json:"value,omitempty"`
	Done       *bool     `json:"done,omitempty"`
	Confidence *int32    `json:"confidence,omitempty"`
	Note       string    `json:"note,omitempty"`
}

// Capability is a capability of the framework with its level scale.
type Capability struct {
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	Levels      []Level   `json:"levels"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// Level is one step of a capability's scale.
type Level struct {
	Level      int32  `json:"level"`
	Name       string `json:"name"`
	Descriptor string `json:"descriptor,omitempty"`
}

// Requirement says a key result needs a capability at a level.
type Requirement struct {
	KeyResult  Ref       `json:"keyResult"`
	Capability string    `json:"capability"`
	Level      int32     `json:"level"`
	Reason     string    `json:"reason"`
	CreatedAt  time.Time `json:"createdAt"`
}

// Assessment is a person's level in a capability on a day, with its
// evidence. Superseded assessments are kept: they are the history.
type Assessment struct {
	Person     string     `json:"person"`
	Capability string     `json:"capability"`
	Level      int32      `json:"level"`
	AssessedBy string     `json:"assessedBy,omitempty"`
	AssessedOn Date       `json:"assessedOn"`
	Note       string     `json:"note,omitempty"`
	CreatedAt  time.Time  `json:"createdAt"`
	Evidence   []Evidence `json:"evidence,omitempty"`
}

// Evidence is one observation from delivery behind an assessment.
type Evidence struct {
	Kind        throughline.EvidenceKind `json:"kind"`
	Description string                   `json:"description,omitempty"`
	ObservedOn  *Date                    `json:"observedOn,omitempty"`
}

// Plan is a person's development plan for a cycle, with its goals,
// actions and check-ins. Version carries over, so that the plan's next
// change is checked against the version its editors last read.
type Plan struct {
	Person       string                 `json:"person"`
	Cycle        string                 `json:"cycle"`
	Status       throughline.PlanStatus `json:"status"`
	StatusReason string                 `json:"statusReason,omitempty"`
	Version      int32                  `json:"version"`
	CreatedAt    time.Time              `json:"createdAt"`
	UpdatedAt    time.Time              `json:"updatedAt"`
	Goals        []Goal                 `json:"goals,omitempty"`
	CheckIns     []CheckIn              `json:"checkIns,omitempty"`
}

// Goal is a development goal with its actions.
type Goal struct {
	Lane         throughline.Lane      `json:"lane"`
	Title        string                `json:"title"`
	ChangeInWork string                `json:"changeInWork,omitempty"`
	KeyResult    *Ref                  `json:"keyResult,omitempty"`
	Capability   string                `json:"capability,omitempty"`
	TargetLevel  *int32                `json:"targetLevel,omitempty"`
	Horizon      string                `json:"horizon,omitempty"`
	State        throughline.GoalState `json:"state"`
	CarriedFrom  *GoalRef              `json:"carriedFrom,omitempty"`
	CreatedAt    time.Time             `json:"createdAt"`
	UpdatedAt    time.Time             `json:"updatedAt"`
	Actions      []Action              `json:"actions,omitempty"`
}

// GoalRef names a goal, which has no natural key of its own, by its
// plan (person and cycle) and its position in that plan's goals, from 0.
// The goals of a plan keep the order they were made in, through an
// export and an import, so the position stays the same.
type GoalRef struct {
	Person string `json:"person"`
	Cycle  string `json:"cycle"`
	Goal   int    `json:"goal"`
}

// Action is one step of a goal.
type Action struct {
	Kind          throughline.ActionKind    `json:"kind"`
	Title         string                    `json:"title"`
	Supporter     string                    `json:"supporter,omitempty"`
	SupporterRole throughline.SupporterRole `json:"supporterRole,omitempty"`
	DueOn         *Date                     `json:"dueOn,omitempty"`
	DoneOn        *Date                     `json:"doneOn,omitempty"`
	Outcome       string                    `json:"outcome,omitempty"`
	CreatedAt     time.Time                 `json:"createdAt"`
	UpdatedAt     time.Time                 `json:"updatedAt"`
}

// CheckIn is a monthly 1:1 or a quarterly review. Private notes are
// exported too: an export is everything, for the admin who holds it.
type CheckIn struct {
	Kind               throughline.CheckInKind    `json:"kind"`
	HeldOn             Date                       `json:"heldOn"`
	Author             string                     `json:"author,omitempty"`
	CapabilityBuilding string                     `json:"capabilityBuilding,omitempty"`
	RealWork           string                     `json:"realWork,omitempty"`
	StillHard          string                     `json:"stillHard,omitempty"`
	SupportNeeded      string                     `json:"supportNeeded,omitempty"`
	OutputImproved     string                     `json:"outputImproved,omitempty"`
	ObservedChange     throughline.ObservedChange `json:"observedChange,omitempty"`
	StatusAfter        throughline.PlanStatus     `json:"statusAfter"`
	StatusReason       string                     `json:"statusReason,omitempty"`
	Note               string                     `json:"note,omitempty"`
	NotePrivate        bool                       `json:"notePrivate,omitempty"`
	CreatedAt          time.Time                  `json:"createdAt"`
}

// Date is a day, written YYYY-MM-DD: the dates of Throughline carry no
// time of day.
type Date struct{ time.Time }

// DateOf returns the day of t.
func DateOf(t time.Time) Date { return Date{throughline.Day(t)} }

// DateOfPtr returns the day of an optional time.
func DateOfPtr(t *time.Time) *Date {
	if t == nil {
		return nil
	}
	d := DateOf(*t)
	return &d
}

// TimePtr returns the time of an optional date.
func (d *Date) TimePtr() *time.Time {
	if d == nil {
		return nil
	}
	return &d.Time
}

// String formats the day as YYYY-MM-DD.
func (d Date) String() string { return d.Format(time.DateOnly) }

// MarshalJSON implements json.Marshaler.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON implements json.Unmarshaler.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("%q is not a date (YYYY-MM-DD): %w", s, err)
	}
	d.Time = t
	return nil
}
