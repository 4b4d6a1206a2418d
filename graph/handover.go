package throughline

import (
	"context"
	"time"
)

// Handover moves people from one manager to another on a date. Their
// plans, goals, actions and check-ins move with them: nothing restarts.
type Handover struct {
	ID            int64
	FromManagerID *int64
	ToManagerID   int64
	EffectiveOn   time.Time
	Note          string
	CreatedByID   *int64
	CreatedAt     time.Time
}

// HandoverPack is what the incoming manager needs about one person: the
// plan as it stood at the move, and the outgoing manager's notes on risks
// and stakeholders. Before the move it is a draft (HandoverID nil) whose
// contents are read live.
type HandoverPack struct {
	ID                    int64
	HandoverID            *int64
	PersonID              int64
	FromManagerID         *int64
	Risks                 string
	StakeholderPriorities string
	// Snapshot holds the HandoverContents frozen at the move, as JSON.
	Snapshot         *string
	DraftedByID      *int64
	AcknowledgedAt   *time.Time
	AcknowledgedByID *int64
	// Version rises with each edit of the draft; an edit names the
	// version it read.
	Version   int32
	CreatedAt time.Time
	UpdatedAt time.Time
}

// HandoverContents is a person's plan as a handover pack shows it.
type HandoverContents struct {
	Cycle           *string              `json:"cycle"`
	Status          *PlanStatus          `json:"status"`
	StatusReason    string               `json:"statusReason"`
	ExecutionGoals  []*HandoverGoal      `json:"executionGoals"`
	CareerGoals     []*HandoverGoal      `json:"careerGoals"`
	OpenActions     []*HandoverAction    `json:"openActions"`
	RecentCheckIns  []*HandoverCheckIn   `json:"recentCheckIns"`
	KeyDeliverables []*HandoverKeyResult `json:"keyDeliverables"`
	Warnings        []*HandoverWarning   `json:"warnings"`
}

// HandoverGoal is a goal as a pack shows it.
type HandoverGoal struct {
	Title        string  `json:"title"`
	ChangeInWork string  `json:"changeInWork"`
	Capability   *string `json:"capability"`
	KeyResult    *string `json:"keyResult"`
	Gap          *int32  `json:"gap"`
	Horizon      string  `json:"horizon"`
}

// HandoverAction is an open action as a pack shows it.
type HandoverAction struct {
	Goal      string     `json:"goal"`
	Kind      ActionKind `json:"kind"`
	Title     string     `json:"title"`
	Supporter *string    `json:"supporter"`
	DueOn     *time.Time `json:"dueOn"`
	Overdue   bool       `json:"overdue"`
}

// HandoverCheckIn is a check-in as a pack shows it: never a private note.
type HandoverCheckIn struct {
	Kind           CheckInKind     `json:"kind"`
	HeldOn         time.Time       `json:"heldOn"`
	StillHard      string          `json:"stillHard"`
	SupportNeeded  string          `json:"supportNeeded"`
	ObservedChange *ObservedChange `json:"observedChange"`
	StatusAfter    PlanStatus      `json:"statusAfter"`
	Note           *string         `json:"note"`
}

// HandoverKeyResult is a key result the person owns, as a pack shows it.
type HandoverKeyResult struct {
	Title     string  `json:"title"`
	Objective string  `json:"objective"`
	Progress  float64 `json:"progress"`
	Critical  bool    `json:"critical"`
}

// HandoverWarning is a broken plan rule, as a pack shows it.
type HandoverWarning struct {
	Code    WarningCode `json:"code"`
	Message string      `json:"message"`
}

// ManagerStint is one stretch of a person's reporting line.
type ManagerStint struct {
	ID         int64
	PersonID   int64
	ManagerID  *int64
	FromOn     time.Time
	UntilOn    *time.Time
	HandoverID *int64
}

// HandoverService moves people between managers and keeps the packs.
//
// HandOver refuses, with EINVALID on the named field and nothing written:
// an empty list of people ("personIds"), a new manager who is one of the
// people or below one of them, which would make a reporting loop
// ("toManagerId"), a person who already reports to the new manager
// ("toManagerId"), a person in a handover not yet acknowledged
// ("personIds"), people who have left ("personIds", "toManagerId"), and
// an effective date in the future or before the person's current stint
// began ("effectiveOn"). People and managers that do not exist are
// ENOTFOUND on the same fields.
type HandoverService interface {
	FindHandoverByID(ctx context.Context, id int64) (*Handover, error)
	// FindHandovers lists handovers newest first.
	FindHandovers(ctx context.Context, f HandoverFilter, page PageRequest) (*Page[*Handover], error)
	FindPackByID(ctx context.Context, id int64) (*HandoverPack, error)
	// FindDraftPack returns a person's draft pack, or ENOTFOUND.
	FindDraftPack(ctx context.Context, personID int64) (*HandoverPack, error)
	// FindPacks lists the packs of a handover, one per person moved.
	FindPacks(ctx context.Context, handoverID int64) ([]*HandoverPack, error)
	// DraftPack creates or updates the draft pack of a person: the
	// outgoing manager's notes before the move. A person who has left
	// gets no draft (EINVALID on "personId").
	DraftPack(ctx context.Context, d HandoverDraft) (*HandoverPack, error)
	// HandOver makes the move in one transaction: managers change,
	// history closes and opens, and each person's pack (their draft, or a
	// new one) freezes its contents from contents(personID). contents is
	// called before the transaction opens, and the rules are checked
	// again inside it. h.ID, h.FromManagerID and h.CreatedAt are set.
	HandOver(ctx context.Context, h *Handover, personIDs []int64,
		contents func(ctx context.Context, personID int64) (*HandoverContents, error),
	) ([]*HandoverPack, error)
	// AcknowledgePack records that the incoming manager, by, read a pack.
	// A draft, or a pack already acknowledged, is EINVALID on "packId";
	// anyone but the incoming manager is EUNAUTHORIZED.
	AcknowledgePack(ctx context.Context, packID, by int64) (*HandoverPack, error)
	// AcknowledgePackForManager is AcknowledgePack by HR for an incoming
	// manager who cannot (away, or leaving): until a pack is acknowledged
	// its person cannot be moved again.
	AcknowledgePackForManager(ctx context.Context, packID, by int64) (*HandoverPack, error)
	// RecordDeparture marks a person gone from leftOn and leaves their
	// reports without a manager until they are handed over; it returns
	// those reports. Packs still waiting for the leaver to acknowledge
	// them are closed, unacknowledged by anyone, so that the people in
	// them can be handed over again.
	RecordDeparture(ctx context.Context, personID int64, leftOn time.Time) ([]*Person, error)
	// ManagerHistory lists a person's stints oldest first. A person with
	// no recorded change reads as one open stint, from the day they were
	// added, under their current manager.
	ManagerHistory(ctx context.Context, personID int64) ([]*ManagerStint, error)
	// AwaitingHandover reports whether a person has no manager because
	// their last manager left.
	AwaitingHandover(ctx context.Context, personID int64) (bool, error)
}

// HandoverDraft is what the outgoing manager writes before a move; nil
// leaves a note as it is.
type HandoverDraft struct {
	PersonID              int64
	Risks                 *string
	StakeholderPriorities *string
	DraftedByID           *int64
	// Version is the version of the draft the edit was made on; nil for
	// a person with no draft yet.
	Version *int32
}

// HandoverFilter narrows a list of handovers. Zero values do not filter.
type HandoverFilter struct {
	// Involving keeps handovers given, received or made by this person,
	// or moving them.
	Involving   *int64
	PersonID    *int64
	PendingOnly bool
}

// GoalDecision is what a quarterly review does with an execution goal.
type GoalDecision string

// The decisions a quarterly review makes.
const (
	DecisionCloseAchieved GoalDecision = "CLOSE_ACHIEVED"
	DecisionCloseDropped  GoalDecision = "CLOSE_DROPPED"
	DecisionCarryOver     GoalDecision = "CARRY_OVER"
)
