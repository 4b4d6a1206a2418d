package gql

import (
	"context"
	"strings"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// defaultDueWithinDays is how far ahead dueCheckIns looks when not told:
// a week, the span of a manager's planning.
const defaultDueWithinDays = 7

// maxDueWithinDays bounds how far ahead dueCheckIns looks: a year.
const maxDueWithinDays = 366

// calendarPath is where a manager's calendar feed is served, the secret
// being its only credential.
func calendarPath(secret string) string { return "/calendar/" + secret + ".ics" }

func isManager(a *throughline.Actor) bool { return a.Has(throughline.RoleManager) }

// rhythm returns the review rhythm HR set, read once per request.
func (r *Resolver) rhythm(ctx context.Context) (throughline.Rhythm, error) {
	return loaders.For(ctx).Rhythm.Load(ctx)
}

// snapshotAndRhythm returns what the plan rules read for one plan, and
// the rhythm they hold it to.
func (r *Resolver) snapshotAndRhythm(ctx context.Context,
	planID int64,
) (*throughline.PlanSnapshot, throughline.Rhythm, error) {
	rhythm, err := r.rhythm(ctx)
	if err != nil {
		return nil, rhythm, err
	}
	s, err := r.snapshot(ctx, planID)
	return s, rhythm, err
}

// planOverdue reports whether a plan's monthly check-in and quarterly
// review are overdue today.
func (r *Resolver) planOverdue(ctx context.Context, planID int64,
) (checkIn, review bool, err error) {
	s, rhythm, err := r.snapshotAndRhythm(ctx, planID)
	if err != nil {
		return false, false, err
	}
	today := r.today()
	return s.CheckInOverdue(today, rhythm), s.QuarterlyReviewOverdue(today, rhythm), nil
}

func (r *Resolver) setReviewRhythm(ctx context.Context,
	in model.SetReviewRhythmInput,
) (*throughline.Rhythm, error) {
	if err := require(ctx, "change the review rhythm", isHR); err != nil {
		return nil, err
	}
	rh := throughline.RhythmOfDays(int(in.MonthlyEveryDays), int(in.ReviewWindowDays),
		int(in.ReviewLeadDays))
	set, err := r.Reviews.SetReviewRhythm(ctx, rh)
	if err != nil {
		return nil, err
	}
	return &set, nil
}

// openedCycle is what openCycle returns.
type openedCycle struct {
	cycle  *throughline.Cycle
	opened int
}

func (r *Resolver) openCycle(ctx context.Context, in model.OpenCycleInput) (openedCycle, error) {
	if err := require(ctx, "open cycles", (*throughline.Actor).CanManageData); err != nil {
		return openedCycle{}, err
	}
	c := &throughline.Cycle{
		Name: strings.TrimSpace(in.Name), StartsOn: deref(in.StartsOn), EndsOn: deref(in.EndsOn),
	}
	n, err := r.Reviews.OpenCycle(ctx, c)
	return openedCycle{cycle: c, opened: n}, err
}

// heldReview is what holdQuarterlyReview returns.
type heldReview struct {
	plan    *throughline.DevelopmentPlan
	checkIn *throughline.CheckIn
}

// holdQuarterlyReview is for the managers above the person, who may edit
// their plan; not for the person, nor for HR.
func (r *Resolver) holdQuarterlyReview(ctx context.Context,
	in model.HoldQuarterlyReviewInput,
) (heldReview, error) {
	planID, err := decodeID("planId", throughline.KindPlan, in.PlanID)
	if err != nil {
		return heldReview{}, err
	}
	if err := mayEditPlan(ctx, planID, "planId"); err != nil {
		return heldReview{}, err
	}
	q := &throughline.QuarterlyReview{PlanID: planID, Version: in.Version, Cycle: in.Cycle}
	if q.Decisions, err = goalDecisions(in.Decisions); err != nil {
		return heldReview{}, err
	}
	if q.CheckIn, err = r.reviewCheckIn(ctx, in); err != nil {
		return heldReview{}, err
	}
	p, err := r.Reviews.HoldQuarterlyReview(ctx, q)
	return heldReview{plan: p, checkIn: q.CheckIn}, err
}

func goalDecisions(in []*model.GoalDecisionInput) ([]throughline.GoalDecisionFor, error) {
	out := make([]throughline.GoalDecisionFor, len(in))
	for i, d := range in {
		goal, err := decodeID("decisions", throughline.KindGoal, d.GoalID)
		if err != nil {
			return nil, err
		}
		kr, err := decodeOptionalID("decisions", throughline.KindKeyResult, d.KeyResultID)
		if err != nil {
			return nil, err
		}
		out[i] = throughline.GoalDecisionFor{GoalID: goal, Decision: d.Decision, KeyResultID: kr}
	}
	return out, nil
}

// reviewCheckIn is the review's check-in as the input gives it, held
// today when no day is given, and written by the actor.
func (r *Resolver) reviewCheckIn(ctx context.Context,
	in model.HoldQuarterlyReviewInput,
) (*throughline.CheckIn, error) {
	c := &throughline.CheckIn{
		HeldOn:             r.heldOnOrToday(in.HeldOn),
		CapabilityBuilding: deref(in.CapabilityBuilding),
		RealWork:           deref(in.RealWork),
		StillHard:          deref(in.StillHard),
		SupportNeeded:      deref(in.SupportNeeded),
		OutputImproved:     deref(in.OutputImproved),
		ObservedChange:     deref(in.ObservedChange),
		Note:               deref(in.Note),
		NotePrivate:        deref(in.NotePrivate),
	}
	if err := throughline.CheckHeldOn(c.HeldOn, r.today(), "review"); err != nil {
		return nil, err
	}
	if a, _ := actorFrom(ctx); a != nil && a.PersonID != 0 {
		c.AuthorID = &a.PersonID
	}
	return c, nil
}

// heldOnOrToday is the day a review was held: today when not given.
func (r *Resolver) heldOnOrToday(in *time.Time) time.Time {
	if in == nil {
		return r.today()
	}
	return *in
}

// resetCalendarFeed gives the signed-in manager a new feed address.
func (r *Resolver) resetCalendarFeed(ctx context.Context) (*model.CalendarFeed, error) {
	a, err := actorFrom(ctx)
	if err != nil {
		return nil, err
	}
	if !isManager(a) || a.PersonID == 0 {
		return nil, throughline.Errorf(throughline.EUNAUTHORIZED,
			"you may not keep a calendar feed: it lists a manager's reports")
	}
	secret, err := r.Reviews.ResetCalendarFeed(ctx, a.PersonID)
	if err != nil {
		return nil, err
	}
	return &model.CalendarFeed{Path: calendarPath(secret)}, nil
}

// dueCheckIns pages through the signed-in manager's reports with
// something due within the days given or overdue, most overdue first.
// Each page works the whole list out anew, in the same statements
// whichever page it is, and cuts the page from it after the cursor's
// position: see throughline.DueCursor for why a cursor is a position.
func (r *Resolver) dueCheckIns(ctx context.Context, includeIndirect *bool,
	withinDays, first *int32, after *string,
) (*model.DueCheckInConnection, error) {
	if err := require(ctx, "list your reports' check-ins", isManager); err != nil {
		return nil, err
	}
	a, err := actorFrom(ctx)
	if err != nil {
		return nil, err
	}
	within, err := dueWithinDays(withinDays)
	if err != nil {
		return nil, err
	}
	page, err := pageRequest(first, nil)
	if err != nil {
		return nil, err
	}
	var from *throughline.DuePosition
	if after != nil && *after != "" {
		c, err := throughline.DecodeDueCursor(*after, a.PersonID)
		if err != nil {
			return nil, err
		}
		from = &c.DuePosition
	}
	dues, err := r.dueReviews(ctx, a.PersonID, deref(includeIndirect))
	if err != nil {
		return nil, err
	}
	kept := throughline.DueWithin(dues, r.today(), within)
	return dueConnection(throughline.PageDue(kept, from, page.First), a.PersonID, from != nil), nil
}

// dueWithinDays is how far ahead dueCheckIns looks, as asked.
func dueWithinDays(withinDays *int32) (int, error) {
	within := int32(defaultDueWithinDays)
	if withinDays != nil {
		within = *withinDays
	}
	if within < 0 || within > maxDueWithinDays {
		return 0, throughline.FieldErrorf(throughline.EINVALID, "withinDays",
			"look 0 to %d days ahead, not %d", maxDueWithinDays, within)
	}
	return int(within), nil
}

// dueConnection is a page of a manager's due list, each edge's cursor
// the report's position in the list's order.
func dueConnection(p *throughline.Page[*throughline.DueReview], managerID int64,
	after bool,
) *model.DueCheckInConnection {
	c := &model.DueCheckInConnection{
		Edges:      make([]*model.DueCheckInEdge, len(p.Items)),
		Nodes:      make([]*model.DueCheckIn, len(p.Items)),
		PageInfo:   &model.PageInfo{HasNextPage: p.HasNextPage, HasPreviousPage: after},
		TotalCount: int32(p.TotalCount),
	}
	for i, d := range p.Items {
		cursor := throughline.DueCursor{ManagerID: managerID, DuePosition: d.Position()}.Encode()
		c.Nodes[i] = dueCheckIn(d)
		c.Edges[i] = &model.DueCheckInEdge{Cursor: cursor, Node: c.Nodes[i]}
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.StartCursor, c.PageInfo.EndCursor = &c.Edges[0].Cursor, &c.Edges[n-1].Cursor
	}
	return c
}

func (r *Resolver) dueReviews(ctx context.Context, managerID int64,
	includeIndirect bool,
) ([]*throughline.DueReview, error) {
	rhythm, err := r.rhythm(ctx)
	if err != nil {
		return nil, err
	}
	return throughline.DueReviewsOf(ctx, r.Reviews, loadSnapshots, throughline.DueQuery{
		ManagerID: managerID, IncludeIndirect: includeIndirect,
		Today: r.today(), Rhythm: rhythm,
	})
}

// loadSnapshots reads snapshots through the request's loader, in one
// batch, so that the plans' own fields later in the query reuse them.
func loadSnapshots(ctx context.Context,
	ids []int64,
) (map[int64]*throughline.PlanSnapshot, error) {
	snaps, err := loaders.For(ctx).Snapshot.LoadAll(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*throughline.PlanSnapshot, len(ids))
	for i, id := range ids {
		out[id] = snaps[i]
	}
	return out, nil
}

func dueCheckIn(d *throughline.DueReview) *model.DueCheckIn {
	return &model.DueCheckIn{
		Person: d.Person, Plan: d.Plan, Direct: d.Direct,
		NextCheckInDue: d.NextCheckInDue, CheckInOverdue: d.CheckInOverdue,
		QuarterlyReviewDue: d.QuarterlyReviewDue, QuarterlyReviewOverdue: d.QuarterlyReviewOverdue,
	}
}

// The payload builders of the review mutations, for payload().

func openCyclePayload(v openedCycle, ue []*model.UserError) *model.OpenCyclePayload {
	return &model.OpenCyclePayload{Cycle: v.cycle, PlansOpened: int32(v.opened), UserErrors: ue}
}

func holdReviewPayload(v heldReview, ue []*model.UserError) *model.HoldQuarterlyReviewPayload {
	return &model.HoldQuarterlyReviewPayload{Plan: v.plan, CheckIn: v.checkIn, UserErrors: ue}
}

func setRhythmPayload(rh *throughline.Rhythm,
	ue []*model.UserError,
) *model.SetReviewRhythmPayload {
	return &model.SetReviewRhythmPayload{Rhythm: rh, UserErrors: ue}
}

func calendarFeedPayload(f *model.CalendarFeed,
	ue []*model.UserError,
) *model.ResetCalendarFeedPayload {
	return &model.ResetCalendarFeedPayload{Feed: f, UserErrors: ue}
}
