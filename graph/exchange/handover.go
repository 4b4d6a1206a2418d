package exchange

import (
	"encoding/json"
	"time"
)

// Handover moves people from one manager to another on a day, with one
// pack per person moved. Handovers have no natural key: the stints of
// the manager history name one by its position in Graph.Handovers.
type Handover struct {
	FromManager string    `json:"fromManager,omitempty"`
	ToManager   string    `json:"toManager"`
	EffectiveOn Date      `json:"effectiveOn"`
	Note        string    `json:"note,omitempty"`
	CreatedBy   string    `json:"createdBy,omitempty"`
	CreatedAt   time.Time `json:"createdAt"`
	Packs       []Pack    `json:"packs"`
}

// PackNotes is what the outgoing manager writes about a person. A pack
// not yet part of a handover is a draft, and holds nothing more.
type PackNotes struct {
	Person                string `json:"person"`
	FromManager           string `json:"fromManager,omitempty"`
	Risks                 string `json:"risks,omitempty"`
	StakeholderPriorities string `json:"stakeholderPriorities,omitempty"`
	DraftedBy             string `json:"draftedBy,omitempty"`
	// Version is the version of the notes' last edit; absent (as in
	// files of format 2 before it was added) reads as 1.
	Version   int32     `json:"version,omitempty"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Pack is a person's pack in a handover: the notes, the person's plan as
// it stood at the move, and whether the incoming manager read it. A pack
// acknowledged by nobody was closed because that manager left.
type Pack struct {
	PackNotes
	// Snapshot is the JSON object frozen at the move, as stored; it is
	// written indented with the document and stored compact again.
	Snapshot       json.RawMessage `json:"snapshot,omitempty"`
	AcknowledgedAt *time.Time      `json:"acknowledgedAt,omitempty"`
	AcknowledgedBy string          `json:"acknowledgedBy,omitempty"`
}

// Stint is one stretch of a person's reporting line. A person with no
// stint has had the manager of the people file since they were added.
type Stint struct {
	Person   string `json:"person"`
	Manager  string `json:"manager,omitempty"`
	FromOn   Date   `json:"fromOn"`
	UntilOn  *Date  `json:"untilOn,omitempty"`
	Handover *int   `json:"handover,omitempty"` // a position in Graph.Handovers
}

// Departure is the last day of a person who left.
type Departure struct {
	Person string `json:"person"`
	LeftOn Date   `json:"leftOn"`
}

// ReviewRhythm is the one review rhythm HR sets, in days.
type ReviewRhythm struct {
	MonthlyEveryDays int       `json:"monthlyEveryDays"`
	ReviewWindowDays int       `json:"reviewWindowDays"`
	ReviewLeadDays   int       `json:"reviewLeadDays"`
	UpdatedAt        time.Time `json:"updatedAt"`
}
