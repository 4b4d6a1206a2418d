package throughline

import (
	"context"
	"strings"
	"time"
)

// PlanStatus is exactly one of four states. Every state but ON_TRACK and
// COMPLETED needs a reason a manager can read.
type PlanStatus string

// The states of a development plan.
const (
	StatusOnTrack    PlanStatus = "ON_TRACK"
	StatusBlocked    PlanStatus = "BLOCKED"
	StatusCompleted  PlanStatus = "COMPLETED"
	StatusNeedsReset PlanStatus = "NEEDS_RESET"
)

// Valid reports whether s is a known status.
func (s PlanStatus) Valid() bool {
	switch s {
	case StatusOnTrack, StatusBlocked, StatusCompleted, StatusNeedsReset:
		return true
	}
	return false
}

// NeedsReason reports whether the status must come with a reason.
func (s PlanStatus) NeedsReason() bool {
	return s == StatusBlocked || s == StatusNeedsReset
}

// CheckStatus applies the status rule: a known status, and a reason for
// BLOCKED and NEEDS_RESET. statusField and reasonField name the input
// fields for errors, which differ between a status change and a check-in.
func CheckStatus(s PlanStatus, reason, statusField, reasonField string) error {
	var p Problems
	if !s.Valid() {
		p.Add(statusField, "%q is not a plan status", s)
	} else if s.NeedsReason() && strings.TrimSpace(reason) == "" {
		p.Add(reasonField, "a plan that is %s needs a reason a manager can act on", s)
	}
	return p.Err()
}

// StatusReason returns the reason a plan keeps with a status: the reason
// given, trimmed, when the status needs one, and nothing otherwise, so that
// a plan back on track does not carry an old explanation.
func StatusReason(s PlanStatus, reason string) string {
	if !s.NeedsReason() {
		return ""
	}
	return strings.TrimSpace(reason)
}

// DevelopmentPlan is one person's plan for one cycle. The employee owns
// its momentum, the manager owns coaching and resourcing, and HR owns the
// quality of the system. Version rises with every change so that two
// people editing the same plan do not overwrite each other.
type DevelopmentPlan struct {
	ID           int64
	PersonID     int64
	CycleID      int64
	Status       PlanStatus
	StatusReason string
	Version      int32
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Lane separates this cycle's execution goals from career goals.
type Lane string

// The two lanes of a plan.
const (
	LaneExecution Lane = "EXECUTION"
	LaneCareer    Lane = "CAREER"
)

// MaxExecutionGoals keeps a plan narrow enough to act on in one cycle.
const MaxExecutionGoals = 2

// GoalState says whether a goal is still being worked on.
type GoalState string

// The states of a goal.
const (
	GoalActive   GoalState = "ACTIVE"
	GoalAchieved GoalState = "ACHIEVED"
	GoalDropped  GoalState = "DROPPED"
)

// Valid reports whether s is a known goal state.
func (s GoalState) Valid() bool {
	return s == GoalActive || s == GoalAchieved || s == GoalDropped
}

// DevelopmentGoal is one narrow thing a person is developing. An EXECUTION
// goal serves a key result by building a capability this cycle; a CAREER
// goal looks further, to a horizon, and needs no key result.
type DevelopmentGoal struct {
	ID           int64
	PlanID       int64
	Lane         Lane
	Title        string
	ChangeInWork string // what will be different in the person's work
	KeyResultID  *int64
	CapabilityID *int64
	TargetLevel  *int32
	Horizon      string // for career goals, e.g. "2027-Q4" or "18 months"
	State        GoalState
	// CarriedFromID is the goal of an earlier cycle this one continues.
	CarriedFromID *int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// ActionKind is the 70-20-10 of development: real work, people, a course.
type ActionKind string

// The kinds of development action.
const (
	ActionExperience ActionKind = "EXPERIENCE"
	ActionExposure   ActionKind = "EXPOSURE"
	ActionEducation  ActionKind = "EDUCATION"
)

// Valid reports whether k is a known kind.
func (k ActionKind) Valid() bool {
	return k == ActionExperience || k == ActionExposure || k == ActionEducation
}

// SupporterRole says how a supporter helps with an action.
type SupporterRole string

// The roles a supporter can take.
const (
	SupporterManager SupporterRole = "MANAGER"
	SupporterCoach   SupporterRole = "COACH"
	SupporterMentor  SupporterRole = "MENTOR"
)

// Valid reports whether r is a known role.
func (r SupporterRole) Valid() bool {
	return r == SupporterManager || r == SupporterCoach || r == SupporterMentor
}

// DevelopmentAction is one step of a goal. Actions with a due date are the
// plan's milestones.
type DevelopmentAction struct {
	ID            int64
	GoalID        int64
	Kind          ActionKind
	Title         string
	SupporterID   *int64
	SupporterRole SupporterRole
	DueOn         *time.Time
	DoneOn        *time.Time
	Outcome       string
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// CheckInKind separates the monthly 1:1 from the quarterly review.
type CheckInKind string

// The kinds of check-in.
const (
	CheckInMonthly   CheckInKind = "MONTHLY"
	CheckInQuarterly CheckInKind = "QUARTERLY"
)

// Valid reports whether k is a known kind.
func (k CheckInKind) Valid() bool {
	return k == CheckInMonthly || k == CheckInQuarterly
}

// ObservedChange is the change in a person's output that the manager saw
// since the last check-in.
type ObservedChange string

// The observed changes, from worse to clearly better.
const (
	ChangeDeclined         ObservedChange = "DECLINED"
	ChangeNone             ObservedChange = "NO_CHANGE"
	ChangeSomeImprovement  ObservedChange = "SOME_IMPROVEMENT"
	ChangeClearImprovement ObservedChange = "CLEAR_IMPROVEMENT"
)

// Score places a change on a scale from -1 to 2 so HR can average it.
func (c ObservedChange) Score() int {
	switch c {
	case ChangeDeclined:
		return -1
	case ChangeSomeImprovement:
		return 1
	case ChangeClearImprovement:
		return 2
	default:
		return 0
	}
}

// Valid reports whether c is a known change.
func (c ObservedChange) Valid() bool {
	switch c {
	case ChangeDeclined, ChangeNone, ChangeSomeImprovement, ChangeClearImprovement:
		return true
	}
	return false
}

// CheckIn is a monthly 1:1 or a quarterly review of a plan, with answers
// to the five coaching prompts. A private note is visible to its author
// only.
type CheckIn struct {
	ID                 int64
	PlanID             int64
	Kind               CheckInKind
	HeldOn             time.Time
	AuthorID           *int64
	CapabilityBuilding string // what capability are you building?
	RealWork           string // what real work is building it?
	StillHard          string // what is still hard?
	SupportNeeded      string // what support do you need?
	OutputImproved     string // what has improved in your output?
	ObservedChange     ObservedChange
	StatusAfter        PlanStatus
	StatusReason       string
	Note               string
	NotePrivate        bool
	CreatedAt          time.Time
}

// PlanService stores development plans and everything inside them.
//
// Writes that touch a plan take the version the caller read and return
// ECONFLICT on the field "version" when the plan changed since, writing
// nothing; each successful write, to the plan or to its goals, actions or
// check-ins, raises the version by one. Rules of the domain (two active
// execution goals at most, the links of an execution goal, reasons for
// statuses, one plan per person and cycle) are checked in the same
// transaction as the write.
type PlanService interface {
	FindPlanByID(ctx context.Context, id int64) (*DevelopmentPlan, error)
	FindPlanFor(ctx context.Context, personID, cycleID int64) (*DevelopmentPlan, error)
	FindPlans(ctx context.Context, f PlanFilter, page PageRequest) (*Page[*DevelopmentPlan], error)
	CreatePlan(ctx context.Context, p *DevelopmentPlan) error
	SetPlanStatus(ctx context.Context, id int64, version int32, s PlanStatus,
		reason string) (*DevelopmentPlan, error)

	FindGoalByID(ctx context.Context, id int64) (*DevelopmentGoal, error)
	FindGoals(ctx context.Context, planID int64) ([]*DevelopmentGoal, error)
	// AddGoal adds a goal to the plan at planVersion.
	AddGoal(ctx context.Context, planVersion int32, g *DevelopmentGoal) (*DevelopmentPlan, error)
	UpdateGoal(ctx context.Context, id int64, planVersion int32, u GoalUpdate) (*DevelopmentGoal, error)

	FindActionByID(ctx context.Context, id int64) (*DevelopmentAction, error)
	FindActions(ctx context.Context, goalID int64) ([]*DevelopmentAction, error)
	AddAction(ctx context.Context, planVersion int32, a *DevelopmentAction) error
	UpdateAction(ctx context.Context, id int64, planVersion int32, u ActionUpdate) (*DevelopmentAction, error)

	FindCheckInByID(ctx context.Context, id int64) (*CheckIn, error)
	FindCheckIns(ctx context.Context, planID int64, page PageRequest) (*Page[*CheckIn], error)
	// RecordCheckIn stores a check-in and moves the plan to its StatusAfter.
	RecordCheckIn(ctx context.Context, planVersion int32, c *CheckIn) (*DevelopmentPlan, error)

	// PlanSnapshots returns what the plan rules read for each plan, keyed
	// by plan ID, in a fixed number of queries however many plans are
	// asked for, so that HR's lists of plans stay cheap. Plans that do not
	// exist are left out of the map.
	PlanSnapshots(ctx context.Context, planIDs []int64) (map[int64]*PlanSnapshot, error)
}

// PlanKey names the one plan a person has in a cycle.
type PlanKey struct {
	PersonID int64
	CycleID  int64
}

// PlanFilter narrows a list of plans. Zero values do not filter.
type PlanFilter struct {
	// ReadableBy keeps the plans a person may read as an employee (their
	// own) and, with Reports set, as a manager (everyone below them).
	ReadableBy *int64
	Reports    bool

	CycleID  *int64
	PersonID *int64
	Status   PlanStatus
	TeamID   *int64
}

// GoalUpdate holds the fields to change; nil leaves a field as it is.
type GoalUpdate struct {
	Title        *string
	ChangeInWork *string
	KeyResultID  *int64
	CapabilityID *int64
	TargetLevel  *int32
	Horizon      *string
	State        *GoalState
}

// ActionUpdate holds the fields to change; nil leaves a field as it is.
type ActionUpdate struct {
	Title         *string
	SupporterID   *int64
	SupporterRole *SupporterRole
	DueOn         *time.Time
	DoneOn        *time.Time
	ClearDoneOn   bool
	Outcome       *string
}
