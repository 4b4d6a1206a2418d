package throughline

import (
	"context"
	"time"
)

// ObjectiveLevel says where in the cascade an objective sits.
type ObjectiveLevel string

// The levels of an objective.
const (
	LevelCompany    ObjectiveLevel = "COMPANY"
	LevelTeam       ObjectiveLevel = "TEAM"
	LevelIndividual ObjectiveLevel = "INDIVIDUAL"
)

// Valid reports whether l is a known level.
func (l ObjectiveLevel) Valid() bool {
	return l == LevelCompany || l == LevelTeam || l == LevelIndividual
}

// Objective is a qualitative goal for a cycle. Ref is the key it was
// imported under (unique within its cycle), empty for objectives created
// through the API.
type Objective struct {
	ID          int64
	CycleID     int64
	Ref         string
	Level       ObjectiveLevel
	Title       string
	Description string
	OwnerID     *int64
	TeamID      *int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Alignment links an objective to one parent: a key result or another
// objective. An objective may have several; a company objective has none.
type Alignment struct {
	ID                int64
	ObjectiveID       int64
	ParentKeyResultID *int64
	ParentObjectiveID *int64
}

// KeyResult is a measurable result that shows its objective landed. With a
// Target it is a metric; without one it is done or not done.
type KeyResult struct {
	ID           int64
	ObjectiveID  int64
	Ref          string
	Title        string
	OwnerID      *int64
	StartValue   *float64
	TargetValue  *float64
	CurrentValue *float64
	Unit         string
	Done         bool
	Confidence   *int32 // 0 to 100
	Critical     bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// IsMetric reports whether the key result is measured against a target.
func (k *KeyResult) IsMetric() bool { return k.TargetValue != nil }

// Progress returns how far the key result is, from 0 to 1. A metric
// without a current value has made no progress; a start equal to the
// target counts as done once the current value reaches it.
func (k *KeyResult) Progress() float64 {
	if !k.IsMetric() {
		if k.Done {
			return 1
		}
		return 0
	}
	if k.CurrentValue == nil {
		return 0
	}
	start := 0.0
	if k.StartValue != nil {
		start = *k.StartValue
	}
	span := *k.TargetValue - start
	if span == 0 {
		if *k.CurrentValue >= *k.TargetValue {
			return 1
		}
		return 0
	}
	return clamp01((*k.CurrentValue - start) / span)
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	default:
		return x
	}
}

// ProgressUpdate records a key result's value (or done state) and the
// owner's confidence at one moment, so progress can be read over time.
type ProgressUpdate struct {
	ID           int64
	KeyResultID  int64
	Value        *float64
	Done         *bool
	Confidence   *int32
	Note         string
	RecordedByID *int64
	RecordedAt   time.Time
}

// OKRService stores objectives, their alignment and key results.
//
// Alignment that would make an objective its own ancestor is refused with
// EINVALID on the field "alignTo".
type OKRService interface {
	FindObjectiveByID(ctx context.Context, id int64) (*Objective, error)
	FindObjectives(ctx context.Context, f ObjectiveFilter, page PageRequest) (*Page[*Objective], error)
	CreateObjective(ctx context.Context, o *Objective, alignTo []AlignmentTarget) error
	UpdateObjective(ctx context.Context, id int64, u ObjectiveUpdate) (*Objective, error)
	SetAlignment(ctx context.Context, objectiveID int64, alignTo []AlignmentTarget) error
	FindAlignments(ctx context.Context, objectiveID int64) ([]*Alignment, error)
	// FindAlignedObjectives lists objectives that align to a key result.
	FindAlignedObjectives(ctx context.Context, keyResultID int64) ([]*Objective, error)

	FindKeyResultByID(ctx context.Context, id int64) (*KeyResult, error)
	FindKeyResults(ctx context.Context, f KeyResultFilter, page PageRequest) (*Page[*KeyResult], error)
	CreateKeyResult(ctx context.Context, k *KeyResult) error
	UpdateKeyResult(ctx context.Context, id int64, u KeyResultUpdate) (*KeyResult, error)
	// RecordProgress stores an update and applies it to the key result.
	RecordProgress(ctx context.Context, u *ProgressUpdate) (*KeyResult, error)
	FindProgressUpdateByID(ctx context.Context, id int64) (*ProgressUpdate, error)
	FindProgressUpdates(ctx context.Context, keyResultID int64, page PageRequest) (*Page[*ProgressUpdate], error)
}

// AlignmentTarget names one parent for an objective: exactly one of the two
// IDs is set.
type AlignmentTarget struct {
	KeyResultID *int64
	ObjectiveID *int64
}

// ObjectiveFilter narrows a list of objectives. Zero values do not filter.
type ObjectiveFilter struct {
	CycleID *int64
	Level   ObjectiveLevel
	TeamID  *int64
	OwnerID *int64
}

// ObjectiveUpdate holds the fields to change; nil leaves a field as it is.
type ObjectiveUpdate struct {
	Title       *string
	Description *string
	OwnerID     *int64
	TeamID      *int64
}

// KeyResultFilter narrows a list of key results. Zero values do not filter.
type KeyResultFilter struct {
	CycleID     *int64
	ObjectiveID *int64
	OwnerID     *int64
	Critical    *bool
}

// KeyResultUpdate holds the fields to change; nil leaves a field as it is.
type KeyResultUpdate struct {
	Title       *string
	OwnerID     *int64
	StartValue  *float64
	TargetValue *float64
	Unit        *string
	Critical    *bool
}
