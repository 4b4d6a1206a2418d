package throughline

import (
	"context"
	"strings"
	"time"
)

// Capability is a skill or behaviour in the framework HR maintains. Each
// has a level scale, 1 to len(Levels), with a descriptor per level.
type Capability struct {
	ID          int64
	Name        string
	Description string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// CapabilityLevel describes what one level of a capability looks like.
type CapabilityLevel struct {
	CapabilityID int64
	Level        int32
	Name         string
	Descriptor   string
}

// CapabilityRequirement says that a key result needs a capability at a
// level, and why. It is where development starts: from the work, not from a
// training catalogue.
type CapabilityRequirement struct {
	ID           int64
	KeyResultID  int64
	CapabilityID int64
	Level        int32
	Reason       string
	CreatedAt    time.Time
}

// EvidenceKind names the delivery signal behind an assessment.
type EvidenceKind string

// The kinds of evidence from delivery.
const (
	EvidenceMissedDeadline    EvidenceKind = "MISSED_DEADLINE"
	EvidenceWeakDiscoveryCall EvidenceKind = "WEAK_DISCOVERY_CALL"
	EvidencePoorHandover      EvidenceKind = "POOR_HANDOVER"
	EvidenceUnclearDecision   EvidenceKind = "UNCLEAR_DECISION"
	EvidenceAvoidableRework   EvidenceKind = "AVOIDABLE_REWORK"
	EvidenceOther             EvidenceKind = "OTHER"
)

// Valid reports whether k is a known kind.
func (k EvidenceKind) Valid() bool {
	switch k {
	case EvidenceMissedDeadline, EvidenceWeakDiscoveryCall, EvidencePoorHandover,
		EvidenceUnclearDecision, EvidenceAvoidableRework, EvidenceOther:
		return true
	}
	return false
}

// Assessment records a person's current level in a capability, who judged
// it, when, and the evidence from delivery behind it.
type Assessment struct {
	ID           int64
	PersonID     int64
	CapabilityID int64
	Level        int32
	AssessedByID *int64
	AssessedOn   time.Time
	Note         string
	CreatedAt    time.Time
}

// Evidence is one observation from delivery that supports an assessment.
type Evidence struct {
	ID           int64
	AssessmentID int64
	Kind         EvidenceKind
	Description  string
	ObservedOn   *time.Time
}

// Gap is how many levels a person is short of a requirement; zero or less
// means no gap.
func Gap(required, current int32) int32 { return required - current }

// CapabilityService stores the capability framework, requirements on key
// results and assessments of people.
//
// Writes refer to key results, capabilities and people that must exist
// (ENOTFOUND on the field that names them), check levels against the
// capability's scale (EINVALID on "level"), and refuse a capability name
// already taken with ECONFLICT on "name". Nothing is written when anything
// is wrong.
type CapabilityService interface {
	FindCapabilityByID(ctx context.Context, id int64) (*Capability, error)
	FindCapabilities(ctx context.Context, page PageRequest) (*Page[*Capability], error)
	// CreateCapability stores a capability with its level scale; levels
	// must run 1, 2, ... with no gaps.
	CreateCapability(ctx context.Context, c *Capability, levels []*CapabilityLevel) error
	FindCapabilityLevels(ctx context.Context, capabilityID int64) ([]*CapabilityLevel, error)

	FindRequirementByID(ctx context.Context, id int64) (*CapabilityRequirement, error)
	FindRequirements(ctx context.Context, f RequirementFilter) ([]*CapabilityRequirement, error)
	// SetRequirement creates or replaces the requirement of a key result
	// for a capability.
	SetRequirement(ctx context.Context, r *CapabilityRequirement) error
	RemoveRequirement(ctx context.Context, id int64) error

	// CoveringGoals returns the active execution goals that build a
	// capability for a key result, keyed by capability ID: who is working on
	// what the key result needs. Capabilities nobody builds are absent.
	CoveringGoals(ctx context.Context, keyResultID int64) (map[int64][]*DevelopmentGoal, error)

	FindAssessmentByID(ctx context.Context, id int64) (*Assessment, error)
	// FindAssessments lists the current assessments: the latest of each
	// person in each capability, the newest assessed date winning and the
	// later record breaking a tie. AllVersions in the filter lists the
	// whole history instead.
	FindAssessments(ctx context.Context, f AssessmentFilter, page PageRequest) (*Page[*Assessment], error)
	// LatestAssessment returns the newest assessment of a person in a
	// capability, or ENOTFOUND.
	LatestAssessment(ctx context.Context, personID, capabilityID int64) (*Assessment, error)
	// RecordAssessment stores an assessment with its evidence in one
	// transaction; an assessment without a date is dated today.
	RecordAssessment(ctx context.Context, a *Assessment, evidence []*Evidence) error
	FindEvidence(ctx context.Context, assessmentID int64) ([]*Evidence, error)
}

// RequirementFilter narrows a list of requirements.
type RequirementFilter struct {
	KeyResultID  *int64
	CapabilityID *int64
}

// AssessmentFilter narrows a list of assessments. Zero values do not
// filter. AllVersions lists superseded assessments too.
type AssessmentFilter struct {
	PersonID     *int64
	CapabilityID *int64
	AllVersions  bool
}

// MinScaleLevels is the smallest useful scale: with one level nobody could
// have a gap.
const MinScaleLevels = 2

// CheckCapability applies the rules of the framework to a new capability
// and its scale: a name, at least MinScaleLevels levels, numbered 1, 2, ...
// in order, each with a name.
func CheckCapability(c *Capability, levels []*CapabilityLevel) error {
	var p Problems
	if strings.TrimSpace(c.Name) == "" {
		p.Add("name", "a capability needs a name")
	}
	if len(levels) < MinScaleLevels {
		p.Add("levels", "a scale needs at least %d levels, not %d", MinScaleLevels, len(levels))
	}
	for i, l := range levels {
		if l.Level != int32(i+1) {
			p.Add("levels", "levels run 1, 2, ... in order; entry %d is level %d", i+1, l.Level)
		}
		if strings.TrimSpace(l.Name) == "" {
			p.Add("levels", "level %d needs a name", i+1)
		}
	}
	return p.Err()
}

// CheckRequirement applies the rules a requirement's own fields follow;
// the level is checked against the scale by whoever knows it.
func CheckRequirement(r *CapabilityRequirement) error {
	if strings.TrimSpace(r.Reason) == "" {
		return FieldErrorf(EINVALID, "reason",
			"say why the key result needs this capability: the reason is what a plan starts from")
	}
	return nil
}

// CheckEvidence applies the rules every piece of evidence follows: a known
// kind, and words for OTHER, which has no meaning of its own.
func CheckEvidence(evidence []*Evidence) error {
	var p Problems
	for i, e := range evidence {
		if !e.Kind.Valid() {
			p.Add("evidence", "evidence %d: %q is not a kind of evidence", i+1, e.Kind)
		} else if e.Kind == EvidenceOther && strings.TrimSpace(e.Description) == "" {
			p.Add("evidence", "evidence %d: OTHER needs a description of what happened", i+1)
		}
	}
	return p.Err()
}
