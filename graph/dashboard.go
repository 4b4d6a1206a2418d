package throughline

import (
	"context"
	"time"
)

// DashboardService computes HR's dashboard: figures about how the
// development system works across every plan of a cycle. The figures are
// counted by the database, not by loading each plan, so that the
// dashboard stays quick for an organisation of thousands.
type DashboardService interface {
	// Dashboard computes every figure for one cycle's plans, of everyone
	// or of the people in one team and the teams below it. It returns
	// ENOTFOUND on "cycle" or "teamId" when either does not exist.
	Dashboard(ctx context.Context, f DashboardFilter) (*Dashboard, error)
}

// DashboardFilter says which plans a dashboard covers and on which day.
type DashboardFilter struct {
	CycleID int64
	// TeamID narrows the dashboard to the people of one team and of every
	// team below it; nil covers the whole organisation.
	TeamID *int64
	// Today is the day due dates and the review rhythm are judged on, the
	// same day the plan warnings managers see are judged on.
	Today time.Time
}

// Dashboard holds the figures HR watches. The rules behind them:
//
//   - A critical key result is in scope when its objective belongs to the
//     cycle (and, with a team, to a team in the subtree). It is covered
//     when an active execution goal, of anyone, serves it and builds a
//     capability: the same goals CapabilityService.CoveringGoals lists.
//   - Plans are the cycle's plans of the people in scope.
//   - A milestone is an action with a due date, of a goal that was not
//     dropped: a dropped goal's milestones no longer apply. It is due once
//     its date has passed or it is done; it is met when done on or before
//     its date.
//   - The observed change of a plan is the one its latest check-in (by day
//     held, then by record) noted; a check-in that noted none counts for
//     nothing.
//   - Cadence covers plans not completed, as the rhythm warnings do: a
//     check-in is on time unless MONTHLY_CHECK_IN_OVERDUE; reviews are due
//     once the cycle's review window has closed, and held unless
//     QUARTERLY_REVIEW_OVERDUE.
//   - Warnings count the plans that break each rule at least once.
type Dashboard struct {
	Coverage     CriticalCoverage
	StatusByTeam []TeamPlanStatus // teams with at least one plan, by name
	Milestones   MilestoneAttainment
	Observed     ObservedChanges
	Cadence      CadenceCompliance
	Warnings     map[WarningCode]int // plans breaking each rule
}

// CriticalCoverage is the development behind critical key results.
type CriticalCoverage struct {
	Total     int
	Covered   int
	Uncovered []*KeyResult // by ID
}

// Share is the covered part of the critical key results, 0 when there
// are none: nothing is being built for key results nobody set.
func (c CriticalCoverage) Share() float64 { return ratio(c.Covered, c.Total, 0) }

// TeamPlanStatus counts one team's plans by status.
type TeamPlanStatus struct {
	Team   *Team
	Counts map[PlanStatus]int
}

// MilestoneAttainment counts milestones met on time.
type MilestoneAttainment struct {
	Due        int
	DoneOnTime int
}

// Share is the part of due milestones met on time, 0 when none is due.
func (m MilestoneAttainment) Share() float64 { return ratio(m.DoneOnTime, m.Due, 0) }

// ObservedChanges counts the plans whose latest check-in observed each
// change.
type ObservedChanges map[ObservedChange]int

// Mean averages the changes on the scale of ObservedChange.Score; ok is
// false when nothing was observed, since a mean of nothing is no news.
func (o ObservedChanges) Mean() (mean float64, ok bool) {
	n, sum := 0, 0
	for c, count := range o {
		n += count
		sum += c.Score() * count
	}
	if n == 0 {
		return 0, false
	}
	return float64(sum) / float64(n), true
}

// CadenceCompliance counts plans held to the review rhythm.
type CadenceCompliance struct {
	ActivePlans    int // plans not completed
	CheckInsOnTime int // of those, monthly check-in not overdue
	ReviewsDue     int // active plans whose review window has closed
	ReviewsHeld    int // of those, reviews held
}

// CheckInShare is the part of active plans on rhythm; 1 when no plan is
// active, since no check-in is owed.
func (c CadenceCompliance) CheckInShare() float64 {
	return ratio(c.CheckInsOnTime, c.ActivePlans, 1)
}

// ReviewShare is the part of due reviews that were held; 1 when none is
// due yet.
func (c CadenceCompliance) ReviewShare() float64 { return ratio(c.ReviewsHeld, c.ReviewsDue, 1) }

// ObservedChangeScale lists the observed changes from worse to better,
// the order the dashboard shows them in.
var ObservedChangeScale = []ObservedChange{
	ChangeDeclined, ChangeNone, ChangeSomeImprovement, ChangeClearImprovement,
}

// WarningCodes lists every plan rule, in the order the dashboard counts
// them.
var WarningCodes = []WarningCode{
	WarnTooManyExecutionGoals, WarnGoalWithoutKeyResult, WarnEducationOnly,
	WarnNoSupporter, WarnMonthlyCheckInOverdue, WarnQuarterlyReviewOverdue,
	WarnGapWithoutEvidence, WarnNoManager,
}

// CycleReview returns what the rhythm asks of a cycle's quarterly review
// as of today: a review held on or after opens counts, and one not held
// is overdue when late is true. PlanSnapshot.QuarterlyReviewDue applies
// the same rule to one plan.
func (r Rhythm) CycleReview(c *Cycle, today time.Time) (opens time.Time, late bool) {
	due := Day(c.StartsOn.Add(r.ReviewWindow))
	return c.StartsOn.Add(-r.ReviewLead), Day(today).After(due)
}

func ratio(part, whole int, empty float64) float64 {
	if whole == 0 {
		return empty
	}
	return float64(part) / float64(whole)
}
