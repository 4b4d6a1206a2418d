package throughline

import (
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
	CreatedAt        time.Time
	UpdatedAt        time.Time
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
type HandoverService interface{}

// HandoverFilter narrows a list of handovers. Zero values do not filter.
type HandoverFilter struct {
	// Involving keeps handovers given or received by this manager, or
	// moving this person.
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
