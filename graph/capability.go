package throughline

import (
	"context"
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

	FindAssessmentByID(ctx context.Context, id int64) (*Assessment, error)
	FindAssessments(ctx context.Context, f AssessmentFilter, page PageRequest) (*Page[*Assessment], error)
	// LatestAssessment returns the newest assessment of a person in a
	// capability, or ENOTFOUND.
	LatestAssessment(ctx context.Context, personID, capabilityID int64) (*Assessment, error)
	RecordAssessment(ctx context.Context, a *Assessment, evidence []*Evidence) error
	FindEvidence(ctx context.Context, assessmentID int64) ([]*Evidence, error)
}

// RequirementFilter narrows a list of requirements.
type RequirementFilter struct {
	KeyResultID  *int64
	CapabilityID *int64
}

// AssessmentFilter narrows a list of assessments.
type AssessmentFilter struct {
	PersonID     *int64
	CapabilityID *int64
}
