package throughline

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ReviewService keeps the review rhythm, opens cycles, holds quarterly
// reviews and serves managers' calendar feeds.
//
// Writes run in one transaction each and check their input in it: on any
// problem they return EINVALID (usually a *ValidationError naming every
// problem at once) or ENOTFOUND on the input field, and write nothing.
type ReviewService interface {
	// ReviewRhythm returns the rhythm HR set; DefaultRhythm until then.
	ReviewRhythm(ctx context.Context) (Rhythm, error)
	// SetReviewRhythm stores a new rhythm; see Rhythm.Check.
	SetReviewRhythm(ctx context.Context, r Rhythm) (Rhythm, error)

	// OpenCycle creates the cycle c names when it is missing (filling in
	// the dates of a quarter) and gives every person with a plan in the
	// cycle before it a plan in c: NEEDS_RESET until their quarterly
	// review, with their active career goals carried forward. People who
	// already have a plan in c, or who have left, are skipped, so opening
	// a cycle twice is harmless. It returns how many plans it opened.
	OpenCycle(ctx context.Context, c *Cycle) (opened int, err error)
	// HoldQuarterlyReview applies a review to the plan q.PlanID, at
	// q.Version (ECONFLICT on "version" otherwise), and returns the plan
	// of the new cycle, made when missing and now on track. q.CheckIn is
	// stored as the review's QUARTERLY check-in on that plan.
	HoldQuarterlyReview(ctx context.Context, q *QuarterlyReview) (*DevelopmentPlan, error)

	// ReportPlans lists the people below a manager (direct reports only
	// unless includeIndirect), who have not left, each with their plan in
	// the cycle that holds today, if any.
	ReportPlans(ctx context.Context, managerID int64, includeIndirect bool,
		today time.Time) ([]*ReportPlan, error)

	// ResetCalendarFeed makes a new secret for a person's calendar feed;
	// the old one stops working at once. Only a hash of it is stored.
	ResetCalendarFeed(ctx context.Context, personID int64) (secret string, err error)
	// CalendarFeedOwner returns whose feed a secret opens, or ENOTFOUND
	// for an unknown secret or a person who has left.
	CalendarFeedOwner(ctx context.Context, secret string) (personID int64, err error)
}

// The bounds HR may set the rhythm within, in days.
const (
	MinMonthlyEveryDays = 7
	MinReviewWindowDays = 1
	MinReviewLeadDays   = 0
	MaxRhythmDays       = 92
)

const day = 24 * time.Hour

// RhythmOfDays makes a rhythm from whole days, as HR sets it.
func RhythmOfDays(monthlyEvery, reviewWindow, reviewLead int) Rhythm {
	return Rhythm{
		MonthlyEvery: time.Duration(monthlyEvery) * day,
		ReviewWindow: time.Duration(reviewWindow) * day,
		ReviewLead:   time.Duration(reviewLead) * day,
	}
}

// Days returns the rhythm in whole days, as it is stored and shown.
func (r Rhythm) Days() (monthlyEvery, reviewWindow, reviewLead int) {
	return int(r.MonthlyEvery / day), int(r.ReviewWindow / day), int(r.ReviewLead / day)
}

// Check keeps a rhythm to whole days within bounds a calendar can hold:
// a check-in at least weekly and at most quarterly, and a review window
// and lead of at most a quarter.
func (r Rhythm) Check() error {
	var p Problems
	checkDays(&p, "monthlyEveryDays", r.MonthlyEvery, MinMonthlyEveryDays)
	checkDays(&p, "reviewWindowDays", r.ReviewWindow, MinReviewWindowDays)
	checkDays(&p, "reviewLeadDays", r.ReviewLead, MinReviewLeadDays)
	return p.Err()
}

func checkDays(p *Problems, field string, d time.Duration, least int) {
	n := int(d / day)
	switch {
	case d%day != 0:
		p.Add(field, "the rhythm counts whole days")
	case n < least || n > MaxRhythmDays:
		p.Add(field, "%d days is outside %d to %d", n, least, MaxRhythmDays)
	}
}

// Valid reports whether d is a known decision.
func (d GoalDecision) Valid() bool {
	return d == DecisionCloseAchieved || d == DecisionCloseDropped || d == DecisionCarryOver
}

// ClosesAs returns the state a closing decision leaves the goal in.
func (d GoalDecision) ClosesAs() (GoalState, bool) {
	switch d {
	case DecisionCloseAchieved:
		return GoalAchieved, true
	case DecisionCloseDropped:
		return GoalDropped, true
	}
	return "", false
}

// QuarterlyReview resets a person's plan against a new cycle: it decides
// for each active execution goal of the plan whether it closes or carries
// over, carries career goals forward, and records the review.
type QuarterlyReview struct {
	PlanID    int64 // the plan of the cycle that ends
	Version   int32 // that plan's version as the reviewer read it
	Cycle     string
	Decisions []GoalDecisionFor
	// CheckIn holds the answers to the prompts, the day held, the author
	// and the note; the store sets its plan, kind and status.
	CheckIn *CheckIn
}

// GoalDecisionFor is the decision about one goal. KeyResultID is the
// new cycle's key result a carried-over goal will serve.
type GoalDecisionFor struct {
	GoalID      int64
	Decision    GoalDecision
	KeyResultID *int64
}

// NeedsResetReason is why a plan of a newly opened cycle waits.
func NeedsResetReason(cycle string) string {
	return fmt.Sprintf("the quarterly review for %s has not been held", cycle)
}

// CheckDecisions applies the review's rules before anything is written:
// exactly one valid decision for each goal in open (the active execution
// goals still waiting for one), a key result for each carried-over goal
// and for no other, and at most MaxExecutionGoals active execution goals
// in the new plan, which already holds inNewPlan. named gives the title
// of a goal of the reviewed plan that is not in open, or "" for a goal
// outside that plan, whose title the reviewer may not read. Whether a
// key result belongs to the new cycle is for the store to check.
func CheckDecisions(open []*DevelopmentGoal, inNewPlan int, ds []GoalDecisionFor,
	named func(goalID int64) string,
) error {
	var p Problems
	decided, carried := checkEachDecision(&p, open, ds, named)
	for _, g := range open {
		if !decided[g.ID] {
			p.Add("decisions", "no decision for %q: close it or carry it over", g.Title)
		}
	}
	if n := inNewPlan + carried; n > MaxExecutionGoals {
		p.Add("decisions", "the new plan would hold %d execution goals; carry over at most %d",
			n, max(MaxExecutionGoals-inNewPlan, 0))
	}
	return p.Err()
}

// checkEachDecision checks the decisions one by one and returns the goals
// validly decided and how many of them carry over.
func checkEachDecision(p *Problems, open []*DevelopmentGoal, ds []GoalDecisionFor,
	named func(int64) string,
) (decided map[int64]bool, carried int) {
	byID := map[int64]*DevelopmentGoal{}
	for _, g := range open {
		byID[g.ID] = g
	}
	decided = map[int64]bool{}
	for i, d := range ds {
		g := byID[d.GoalID]
		switch {
		case g == nil:
			p.Add("decisions", "%s", notOpen(i, d.GoalID, named))
		case decided[g.ID]:
			p.Add("decisions", "%q has more than one decision", g.Title)
		default:
			decided[g.ID] = true
			if checkDecision(p, g, d) && d.Decision == DecisionCarryOver {
				carried++
			}
		}
	}
	return decided, carried
}

// notOpen explains a decision about a goal that waits for none.
func notOpen(i int, goalID int64, named func(int64) string) string {
	if title := named(goalID); title != "" {
		return fmt.Sprintf("%q is not an active execution goal of this plan "+
			"waiting for a decision (closed, in the career lane, or already "+
			"carried over)", title)
	}
	return fmt.Sprintf("decision %d names no goal of this plan", i+1)
}

// checkDecision checks one decision about a known goal and reports
// whether it holds.
func checkDecision(p *Problems, g *DevelopmentGoal, d GoalDecisionFor) bool {
	switch {
	case !d.Decision.Valid():
		p.Add("decisions", "%q: %q is not a decision", g.Title, d.Decision)
	case d.Decision == DecisionCarryOver && d.KeyResultID == nil:
		p.Add("decisions", "%q: carrying it over needs a key result of the new cycle", g.Title)
	case d.Decision != DecisionCarryOver && d.KeyResultID != nil:
		p.Add("decisions", "%q: only a goal carried over takes a key result", g.Title)
	default:
		return true
	}
	return false
}

// CarryOver copies a goal into a plan of a new cycle, pointing back to it.
// The copy is active, whatever the original's state.
func CarryOver(g *DevelopmentGoal, planID int64, keyResultID *int64) *DevelopmentGoal {
	from := g.ID
	return &DevelopmentGoal{
		PlanID: planID, Lane: g.Lane, Title: g.Title, ChangeInWork: g.ChangeInWork,
		KeyResultID: keyResultID, CapabilityID: g.CapabilityID, TargetLevel: g.TargetLevel,
		Horizon: g.Horizon, State: GoalActive, CarriedFromID: &from,
	}
}

// CheckInOverdue reports whether the monthly check-in is past due today.
// A completed plan has nothing left to check in on.
func (s *PlanSnapshot) CheckInOverdue(today time.Time, r Rhythm) bool {
	return s.Plan.Status != StatusCompleted && Day(today).After(s.NextCheckInDue(r))
}

// QuarterlyReviewOverdue reports whether the cycle's review is past due
// today and not held.
func (s *PlanSnapshot) QuarterlyReviewOverdue(today time.Time, r Rhythm) bool {
	due, held := s.QuarterlyReviewDue(r)
	return s.Plan.Status != StatusCompleted && !held && Day(today).After(due)
}

// ReportPlan is a person below a manager, with their plan in the current
// cycle when they have one.
type ReportPlan struct {
	Person *Person
	Direct bool
	Cycle  *Cycle // the cycle that holds today; nil when none does
	Plan   *DevelopmentPlan
	// NextCycle is the first cycle to start after today, once HR has
	// opened it, and NextPlan the person's plan there: its review is the
	// next one due once this cycle's is held.
	NextCycle *Cycle
	NextPlan  *DevelopmentPlan
}

// DueReview is what a manager must hold next with one report. A date is
// nil when nothing of its kind is due: no plan, a completed plan, or a
// review already held.
type DueReview struct {
	ReportPlan
	NextCheckInDue         *time.Time
	CheckInOverdue         bool
	QuarterlyReviewDue     *time.Time
	QuarterlyReviewOverdue bool
}

// NewDueReview works out a report's due dates as of today. snap is the
// snapshot of rp.Plan, nil when the report has no plan: the cycle's review
// is then due, since it is where the plan is made.
func NewDueReview(rp *ReportPlan, snap *PlanSnapshot, today time.Time, r Rhythm) *DueReview {
	d := &DueReview{ReportPlan: *rp}
	today = Day(today)
	if snap == nil {
		if rp.Cycle != nil && rp.Plan == nil {
			due := Day(rp.Cycle.StartsOn.Add(r.ReviewWindow))
			d.QuarterlyReviewDue, d.QuarterlyReviewOverdue = &due, today.After(due)
		}
		return d
	}
	if snap.Plan.Status == StatusCompleted {
		return d
	}
	next := snap.NextCheckInDue(r)
	d.NextCheckInDue, d.CheckInOverdue = &next, today.After(next)
	if due, held := snap.QuarterlyReviewDue(r); !held {
		d.QuarterlyReviewDue, d.QuarterlyReviewOverdue = &due, today.After(due)
	}
	return d
}

// Soonest returns the earliest date due, or false when nothing is.
func (d *DueReview) Soonest() (time.Time, bool) {
	var out *time.Time
	for _, t := range []*time.Time{d.NextCheckInDue, d.QuarterlyReviewDue} {
		if t != nil && (out == nil || t.Before(*out)) {
			out = t
		}
	}
	if out == nil {
		return time.Time{}, false
	}
	return *out, true
}

// SnapshotsFunc reads the snapshots of many plans in one batch, keyed by
// plan ID, as PlanService.PlanSnapshots does.
type SnapshotsFunc func(ctx context.Context, planIDs []int64) (map[int64]*PlanSnapshot, error)

// DueQuery asks what a manager must hold next with their reports.
type DueQuery struct {
	ManagerID       int64
	IncludeIndirect bool
	Today           time.Time
	Rhythm          Rhythm
}

// DueReviewsOf works out the due dates of every report of a manager, in
// the order ReportPlans gives, reading the snapshots of all their plans in
// one batch rather than plan by plan.
func DueReviewsOf(ctx context.Context, reviews ReviewService, snapshots SnapshotsFunc,
	q DueQuery,
) ([]*DueReview, error) {
	reports, err := reviews.ReportPlans(ctx, q.ManagerID, q.IncludeIndirect, q.Today)
	if err != nil {
		return nil, err
	}
	snaps, err := snapshotsOf(ctx, reports, snapshots)
	if err != nil {
		return nil, err
	}
	out := make([]*DueReview, len(reports))
	for i, rp := range reports {
		out[i] = NewDueReview(rp, snapOf(snaps, rp.Plan), q.Today, q.Rhythm)
		out[i].awaitNextReview(snapOf(snaps, rp.NextPlan), q.Today, q.Rhythm)
	}
	return out, nil
}

func snapOf(snaps map[int64]*PlanSnapshot, p *DevelopmentPlan) *PlanSnapshot {
	if p == nil {
		return nil
	}
	return snaps[p.ID]
}

// awaitNextReview makes the review of the cycle opened after this one the
// review due, once none is due in this cycle: after openCycle a manager
// sees, and can plan for, the reviews the new quarter waits on before it
// starts. next is the snapshot of the plan there, nil when there is none.
func (d *DueReview) awaitNextReview(next *PlanSnapshot, today time.Time, r Rhythm) {
	if d.QuarterlyReviewDue != nil || next == nil {
		return
	}
	if due, held := next.QuarterlyReviewDue(r); !held {
		d.QuarterlyReviewDue, d.QuarterlyReviewOverdue = &due, Day(today).After(due)
	}
}

// snapshotsOf reads the snapshots of the reports' plans in one call.
func snapshotsOf(ctx context.Context, reports []*ReportPlan,
	snapshots SnapshotsFunc,
) (map[int64]*PlanSnapshot, error) {
	var ids []int64
	for _, rp := range reports {
		for _, p := range []*DevelopmentPlan{rp.Plan, rp.NextPlan} {
			if p != nil {
				ids = append(ids, p.ID)
			}
		}
	}
	if len(ids) == 0 {
		return map[int64]*PlanSnapshot{}, nil
	}
	return snapshots(ctx, ids)
}

// DueWithin keeps the reports with something due on or before today plus
// days, overdue ones included, and orders them most overdue first: by
// their earliest due date, then by name.
func DueWithin(ds []*DueReview, today time.Time, days int) []*DueReview {
	until := Day(today).AddDate(0, 0, days)
	out := []*DueReview{}
	for _, d := range ds {
		if t, ok := d.Soonest(); ok && !t.After(until) {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b *DueReview) int {
		return a.Position().Compare(b.Position())
	})
	return out
}

// DuePosition is a place in the order DueWithin gives: the earliest date
// due, then the name, then the person's ID, which parts namesakes, so
// that no two reports share a place.
type DuePosition struct {
	Due      time.Time // a day, as Day gives it
	Name     string
	PersonID int64
}

// Position is where a review stands in the order of a due list. A review
// with nothing due stands at the zero day: DueWithin keeps none such.
func (d *DueReview) Position() DuePosition {
	t, _ := d.Soonest()
	return DuePosition{Due: Day(t), Name: d.Person.Name, PersonID: d.Person.ID}
}

// Compare orders positions as DueWithin orders reviews.
func (p DuePosition) Compare(q DuePosition) int {
	return cmp.Or(p.Due.Compare(q.Due), strings.Compare(p.Name, q.Name),
		cmp.Compare(p.PersonID, q.PersonID))
}

// PageDue cuts one page of at most first reviews from a due list in
// DueWithin's order: those after the position given, or from the start
// when it is nil. The list is worked out whole for each page, so the
// store answers every page with the same statements.
func PageDue(ds []*DueReview, after *DuePosition, first int) *Page[*DueReview] {
	rest := ds
	if after != nil {
		start := sort.Search(len(ds), func(i int) bool {
			return ds[i].Position().Compare(*after) > 0
		})
		rest = ds[start:]
	}
	n := min(len(rest), first)
	p := &Page[*DueReview]{
		Items: rest[:n], HasNextPage: len(rest) > n, TotalCount: int64(len(ds)),
	}
	for _, d := range p.Items {
		p.IDs = append(p.IDs, d.Person.ID)
	}
	return p
}

// DueCursor is a cursor into a manager's due list: a position in its
// order, and the manager whose list it is.
//
// It names a position rather than a report, because the list is worked
// out anew from today's dates on each page: between two pages a report
// may check in and leave the list, or a new one fall due. A cursor of the
// report alone would lose its place when they leave; a position is always
// somewhere in the order, and the next page starts at the first report
// ordered after it. The name it holds is one the client has just read.
// The order is the same whatever includeIndirect and withinDays say, so
// the cursor is bound to the manager alone.
type DueCursor struct {
	ManagerID int64
	DuePosition
}

const dueCursorPrefix = "due:"

// Encode makes the opaque cursor a client passes back as `after`.
func (c DueCursor) Encode() string {
	raw := fmt.Sprintf("%s%d:%s:%d:%s", dueCursorPrefix, c.ManagerID,
		c.Due.Format(time.DateOnly), c.PersonID, c.Name)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// DecodeDueCursor reads a cursor made by Encode for the list of the
// manager given: EINVALID on "after" for anything else, a cursor of
// another list included.
func DecodeDueCursor(cursor string, managerID int64) (DueCursor, error) {
	bad := FieldErrorf(EINVALID, "after", "%q is not a cursor from this server", cursor)
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || !strings.HasPrefix(string(raw), dueCursorPrefix) {
		return DueCursor{}, bad
	}
	parts := strings.SplitN(strings.TrimPrefix(string(raw), dueCursorPrefix), ":", 4)
	if len(parts) != 4 {
		return DueCursor{}, bad
	}
	manager, err1 := strconv.ParseInt(parts[0], 10, 64)
	due, err2 := time.Parse(time.DateOnly, parts[1])
	person, err3 := strconv.ParseInt(parts[2], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || manager < 0 || person < 0 {
		return DueCursor{}, bad
	}
	if manager != managerID {
		return DueCursor{}, FieldErrorf(EINVALID, "after",
			"%q is a cursor of another manager's due list, not yours", cursor)
	}
	return DueCursor{ManagerID: manager,
		DuePosition: DuePosition{Due: due, Name: parts[3], PersonID: person}}, nil
}
