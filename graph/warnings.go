package throughline

import (
	"fmt"
	"time"
)

// WarningCode names one rule a plan is checked against.
type WarningCode string

// The plan rules. Managers see them on each plan; HR sees them counted.
const (
	WarnTooManyExecutionGoals  WarningCode = "TOO_MANY_EXECUTION_GOALS"
	WarnGoalWithoutKeyResult   WarningCode = "EXECUTION_GOAL_WITHOUT_KEY_RESULT"
	WarnEducationOnly          WarningCode = "EDUCATION_ONLY"
	WarnNoSupporter            WarningCode = "NO_SUPPORTER"
	WarnMonthlyCheckInOverdue  WarningCode = "MONTHLY_CHECK_IN_OVERDUE"
	WarnQuarterlyReviewOverdue WarningCode = "QUARTERLY_REVIEW_OVERDUE"
	WarnGapWithoutEvidence     WarningCode = "GAP_WITHOUT_EVIDENCE"
	WarnNoManager              WarningCode = "NO_MANAGER"
)

// Warning is one broken plan rule, in words a manager understands. GoalID
// is set when the warning is about one goal.
type Warning struct {
	Code    WarningCode
	Message string
	GoalID  *int64
}

// Rhythm is the review cadence plans are held to.
type Rhythm struct {
	// MonthlyEvery is the longest gap between two check-ins.
	MonthlyEvery time.Duration
	// ReviewWindow is how long into a cycle its quarterly review, which
	// resets the plan against the cycle's key results, may wait.
	ReviewWindow time.Duration
	// ReviewLead is how early before the cycle starts a review counts.
	ReviewLead time.Duration
}

// DefaultRhythm is a monthly 1:1 and a review in the first three weeks of
// each quarter, held up to two weeks before it starts.
var DefaultRhythm = Rhythm{
	MonthlyEvery: 31 * 24 * time.Hour,
	ReviewWindow: 21 * 24 * time.Hour,
	ReviewLead:   14 * 24 * time.Hour,
}

// GoalGap is the capability gap behind an execution goal.
type GoalGap struct {
	Required    int32 // the level the key result needs
	Current     int32 // the latest assessed level, 0 when never assessed
	Assessed    bool
	HasEvidence bool // the latest assessment has evidence from delivery
}

// PlanSnapshot is what the plan rules read: the plan, its person and cycle,
// active goals with their actions and gaps, and the dates of the latest
// check-ins.
type PlanSnapshot struct {
	Plan          *DevelopmentPlan
	Person        *Person
	Cycle         *Cycle
	Goals         []*DevelopmentGoal
	Actions       map[int64][]*DevelopmentAction // by goal ID
	Gaps          map[int64]GoalGap              // by goal ID, execution goals
	LastCheckIn   *time.Time                     // any kind
	LastQuarterly *time.Time
}

// WithCheckIns returns a copy of the snapshot that knows only of the
// check-ins given, as the plan stood when they were all it had.
func (s *PlanSnapshot) WithCheckIns(held []*CheckIn) *PlanSnapshot {
	c := *s
	c.LastCheckIn, c.LastQuarterly = nil, nil
	for _, ci := range held {
		day := ci.HeldOn
		if c.LastCheckIn == nil || day.After(*c.LastCheckIn) {
			c.LastCheckIn = &day
		}
		if ci.Kind == CheckInQuarterly && (c.LastQuarterly == nil || day.After(*c.LastQuarterly)) {
			c.LastQuarterly = &day
		}
	}
	return &c
}

// NextCheckInDue returns when the next monthly check-in is due: a rhythm
// after the last check-in, or after the plan was made if there was none.
func (s *PlanSnapshot) NextCheckInDue(r Rhythm) time.Time {
	from := s.Plan.CreatedAt
	if s.LastCheckIn != nil {
		from = *s.LastCheckIn
	}
	return Day(from.Add(r.MonthlyEvery))
}

// QuarterlyReviewDue returns when the cycle's review is due and whether it
// has been held.
func (s *PlanSnapshot) QuarterlyReviewDue(r Rhythm) (due time.Time, held bool) {
	due = Day(s.Cycle.StartsOn.Add(r.ReviewWindow))
	opens := s.Cycle.StartsOn.Add(-r.ReviewLead)
	held = s.LastQuarterly != nil && !s.LastQuarterly.Before(opens)
	return due, held
}

// Warnings checks a plan against every rule, as of today. Completed plans
// raise no warnings about rhythm: nothing is left to check in on.
func Warnings(s *PlanSnapshot, today time.Time, r Rhythm) []Warning {
	var w []Warning
	today = Day(today)
	if s.Person != nil && s.Person.ManagerID == nil {
		w = append(w, Warning{Code: WarnNoManager, Message: fmt.Sprintf(
			"%s has no manager: nobody owns coaching and resourcing for this plan",
			s.Person.Name)})
	}
	w = append(w, goalWarnings(s)...)
	if s.Plan.Status != StatusCompleted {
		w = append(w, rhythmWarnings(s, today, r)...)
	}
	return w
}

func goalWarnings(s *PlanSnapshot) []Warning {
	var w []Warning
	execution := 0
	for _, g := range s.Goals {
		if g.State != GoalActive {
			continue
		}
		if g.Lane == LaneExecution {
			execution++
			w = append(w, executionGoalWarnings(s, g)...)
		}
		w = append(w, actionWarnings(g, s.Actions[g.ID])...)
	}
	if execution > MaxExecutionGoals {
		w = append(w, Warning{Code: WarnTooManyExecutionGoals, Message: fmt.Sprintf(
			"%d execution goals: keep the plan to %d so each gets real attention",
			execution, MaxExecutionGoals)})
	}
	return w
}

func executionGoalWarnings(s *PlanSnapshot, g *DevelopmentGoal) []Warning {
	var w []Warning
	id := g.ID
	if g.KeyResultID == nil {
		w = append(w, Warning{Code: WarnGoalWithoutKeyResult, GoalID: &id, Message: fmt.Sprintf(
			"%q serves no key result: link it to the work it should improve", g.Title)})
	}
	gap, ok := s.Gaps[g.ID]
	if ok && Gap(gap.Required, gap.Current) > 0 && !gap.HasEvidence {
		w = append(w, Warning{Code: WarnGapWithoutEvidence, GoalID: &id, Message: fmt.Sprintf(
			"%q: the gap (%s) has no evidence from delivery behind it",
			g.Title, describeGap(gap))})
	}
	return w
}

func actionWarnings(g *DevelopmentGoal, actions []*DevelopmentAction) []Warning {
	var w []Warning
	id := g.ID
	education, supported := 0, false
	for _, a := range actions {
		if a.Kind == ActionEducation {
			education++
		}
		if a.SupporterID != nil {
			supported = true
		}
	}
	if len(actions) > 0 && education == len(actions) {
		w = append(w, Warning{Code: WarnEducationOnly, GoalID: &id, Message: fmt.Sprintf(
			"%q has only courses: add real work or exposure to someone who does it well",
			g.Title)})
	}
	if !supported {
		w = append(w, Warning{Code: WarnNoSupporter, GoalID: &id, Message: fmt.Sprintf(
			"%q has no supporter: name a manager, coach or mentor on one of its actions",
			g.Title)})
	}
	return w
}

func rhythmWarnings(s *PlanSnapshot, today time.Time, r Rhythm) []Warning {
	var w []Warning
	if due := s.NextCheckInDue(r); today.After(due) {
		w = append(w, Warning{Code: WarnMonthlyCheckInOverdue, Message: fmt.Sprintf(
			"the monthly check-in was due on %s", due.Format(time.DateOnly))})
	}
	if due, held := s.QuarterlyReviewDue(r); !held && today.After(due) {
		w = append(w, Warning{Code: WarnQuarterlyReviewOverdue, Message: fmt.Sprintf(
			"the quarterly review for %s was due on %s",
			s.Cycle.Name, due.Format(time.DateOnly))})
	}
	return w
}
