package throughline

import (
	"context"
	"math"
	"strings"
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
	Done         bool   // for a metric, whether Current has reached Target: see SettleDone
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
		if k.reached(*k.CurrentValue) {
			return 1
		}
		return 0
	}
	return roundProgress(clamp01((*k.CurrentValue - start) / span))
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
// Alignment that would make an objective its own ancestor, or that gives a
// company objective a parent, is refused with EINVALID on the field
// "alignTo". Creates and updates refer to owners, teams and parents that
// must exist (ENOTFOUND on the field that names them) and return EINVALID
// for input that breaks a rule; nothing is written when anything is wrong.
type OKRService interface {
	FindObjectiveByID(ctx context.Context, id int64) (*Objective, error)
	FindObjectives(ctx context.Context, f ObjectiveFilter, page PageRequest) (*Page[*Objective], error)
	CreateObjective(ctx context.Context, o *Objective, alignTo []AlignmentTarget) error
	UpdateObjective(ctx context.Context, id int64, u ObjectiveUpdate) (*Objective, error)
	SetAlignment(ctx context.Context, objectiveID int64, alignTo []AlignmentTarget) error
	FindAlignments(ctx context.Context, objectiveID int64) ([]*Alignment, error)
	// FindAlignedObjectives lists objectives that align to a key result.
	FindAlignedObjectives(ctx context.Context, keyResultID int64) ([]*Objective, error)
	// FindObjectivesAlignedToObjective lists objectives that align to
	// another objective directly.
	FindObjectivesAlignedToObjective(ctx context.Context, id int64) ([]*Objective, error)

	// Ancestry fetches everything above some key results in a fixed
	// number of queries, however deep the cascade.
	Ancestry(ctx context.Context, keyResultIDs []int64) (*Ancestry, error)

	FindKeyResultByID(ctx context.Context, id int64) (*KeyResult, error)
	FindKeyResults(ctx context.Context, f KeyResultFilter, page PageRequest) (*Page[*KeyResult], error)
	CreateKeyResult(ctx context.Context, k *KeyResult) error
	UpdateKeyResult(ctx context.Context, id int64, u KeyResultUpdate) (*KeyResult, error)
	// RecordProgress stores an update and applies it to the key result in
	// one transaction (see ApplyProgress); the update's RecordedAt is the
	// store's clock.
	RecordProgress(ctx context.Context, u *ProgressUpdate) (*KeyResult, error)
	FindProgressUpdateByID(ctx context.Context, id int64) (*ProgressUpdate, error)
	FindProgressUpdates(ctx context.Context, keyResultID int64,
		page PageRequest) (*Page[*ProgressUpdate], error)
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
// ReplaceAlignment replaces what the objective aligns to with AlignTo
// (nothing when AlignTo is empty), in the same transaction as the rest.
type ObjectiveUpdate struct {
	Title            *string
	Description      *string
	OwnerID          *int64
	TeamID           *int64
	ReplaceAlignment bool
	AlignTo          []AlignmentTarget
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

// CheckObjective applies the rules an objective's own fields must follow
// before it is stored.
func CheckObjective(o *Objective) error {
	var p Problems
	if !o.Level.Valid() {
		p.Add("level", "%q is not an objective level", o.Level)
	}
	if strings.TrimSpace(o.Title) == "" {
		p.Add("title", "an objective needs a title")
	}
	return p.Err()
}

// CheckAlignmentTargets checks the parents an objective at level would
// align to: each target names exactly one parent, and a company objective,
// being the top of the cascade, aligns to nothing.
func CheckAlignmentTargets(level ObjectiveLevel, targets []AlignmentTarget) error {
	if level == LevelCompany && len(targets) > 0 {
		return FieldErrorf(EINVALID, "alignTo",
			"a company objective is the top of the cascade and aligns to nothing")
	}
	for _, t := range targets {
		if (t.KeyResultID == nil) == (t.ObjectiveID == nil) {
			return FieldErrorf(EINVALID, "alignTo",
				"each parent names exactly one of a key result and an objective")
		}
	}
	return nil
}

// ObjectiveProgress is the mean progress of an objective's key results,
// 0 when it has none yet.
func ObjectiveProgress(krs []*KeyResult) float64 {
	if len(krs) == 0 {
		return 0
	}
	sum := 0.0
	for _, k := range krs {
		sum += k.Progress()
	}
	return roundProgress(sum / float64(len(krs)))
}

// roundProgress keeps four decimals: 0.4375 rather than the float noise
// 0.43749999999999967 that a division leaves.
func roundProgress(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// CheckKeyResult applies the rules a key result's definition must follow.
// A metric without a start starts at 0, so that progress has a base.
func CheckKeyResult(k *KeyResult) error {
	var p Problems
	if strings.TrimSpace(k.Title) == "" {
		p.Add("title", "a key result needs a title")
	}
	if k.StartValue != nil && k.TargetValue == nil {
		p.Add("target", "a start value needs a target; leave both out "+
			"for a done / not done result")
	}
	if k.Confidence != nil && (*k.Confidence < 0 || *k.Confidence > 100) {
		p.Add("confidence", "confidence runs from 0 to 100, not %d", *k.Confidence)
	}
	if err := p.Err(); err != nil {
		return err
	}
	if k.IsMetric() && k.StartValue == nil {
		zero := 0.0
		k.StartValue = &zero
	}
	k.SettleDone()
	return nil
}

// SettleDone keeps Done true to a metric: it is done once the current
// value reaches the target. A done / not done result is left as it is.
func (k *KeyResult) SettleDone() {
	if k.IsMetric() {
		k.Done = k.CurrentValue != nil && k.reached(*k.CurrentValue)
	}
}

// reached reports whether a value has got to the metric's target, going
// the way the metric runs: up for "grow to 40", down for "cut from 9 to 3".
func (k *KeyResult) reached(v float64) bool {
	if k.StartValue != nil && *k.StartValue > *k.TargetValue {
		return v <= *k.TargetValue
	}
	return v >= *k.TargetValue
}

// ApplyProgress checks an update against the key result it is for, applies
// it, and fills the update with the key result's state after it, so that
// the history reads as a series of states. A metric takes a value, a done
// / not done result takes done; confidence alone may also be recorded.
func ApplyProgress(k *KeyResult, u *ProgressUpdate) error {
	if err := checkProgress(k, u); err != nil {
		return err
	}
	if u.Value != nil {
		k.CurrentValue = u.Value
	}
	if u.Done != nil {
		k.Done = *u.Done
	}
	if u.Confidence != nil {
		k.Confidence = u.Confidence
	}
	k.SettleDone()

	u.KeyResultID, u.Value, u.Done, u.Confidence = k.ID, nil, nil, k.Confidence
	if k.IsMetric() {
		u.Value = k.CurrentValue
	} else {
		done := k.Done
		u.Done = &done
	}
	return nil
}

func checkProgress(k *KeyResult, u *ProgressUpdate) error {
	var p Problems
	measure := "done"
	if k.IsMetric() {
		measure = "value"
		if u.Done != nil {
			p.Add("done", "this key result is a metric: record a value, not done")
		}
	} else if u.Value != nil {
		p.Add("value", "this key result is done / not done: record done, not a value")
	}
	if c := u.Confidence; c != nil && (*c < 0 || *c > 100) {
		p.Add("confidence", "confidence runs from 0 to 100, not %d", *c)
	}
	if u.Value == nil && u.Done == nil && u.Confidence == nil {
		p.Add(measure, "nothing to record: give %s, confidence or both", measure)
	}
	return p.Err()
}
