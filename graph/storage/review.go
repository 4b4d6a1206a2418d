package storage

import (
	"context"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Store implements throughline.ReviewService.
var _ throughline.ReviewService = (*Store)(nil)

// HoldQuarterlyReview closes or carries over the execution goals of the
// plan reviewed, carries its career goals forward, records the review on
// the new cycle's plan (made when missing) and puts that plan on track,
// all in one transaction. It takes turns with OpenCycle, which makes the
// same plans.
func (s *Store) HoldQuarterlyReview(ctx context.Context,
	q *throughline.QuarterlyReview,
) (*throughline.DevelopmentPlan, error) {
	c := q.CheckIn
	c.ID, c.Kind, c.HeldOn = 0, throughline.CheckInQuarterly, throughline.Day(c.HeldOn)
	c.StatusAfter, c.StatusReason = throughline.StatusOnTrack, ""
	if err := throughline.CheckCheckIn(c); err != nil {
		return nil, err
	}
	var plan *throughline.DevelopmentPlan
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardCycles); err != nil {
			return err
		}
		r := &review{s: s, ctx: ctx, tx: tx, q: q}
		var err error
		plan, err = r.hold()
		return err
	})
	return plan, err
}

// review is one quarterly review on its way through its transaction.
type review struct {
	s   *Store
	ctx context.Context
	tx  *gorm.DB
	q   *throughline.QuarterlyReview

	old      *throughline.DevelopmentPlan
	cycle    *throughline.Cycle
	plan     *throughline.DevelopmentPlan // in the new cycle
	oldGoals []*throughline.DevelopmentGoal
	carried  map[int64]bool // old goals the new plan already continues
	inNew    int            // active execution goals of the new plan
}

func (r *review) hold() (*throughline.DevelopmentPlan, error) {
	steps := []func() error{
		r.loadPlans, r.notHeldYet, r.loadGoals, r.check,
		r.makePlan, r.decide, r.carryCareer, r.record,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return r.s.movePlan(r.ctx, r.tx, "holdQuarterlyReview", r.plan.ID, r.plan.Version,
		statusColumns(throughline.StatusOnTrack, ""))
}

// loadPlans finds the plan reviewed, raising its version from the one the
// reviewer read (audited like any write), the new cycle, and the person's
// plan in it if any.
func (r *review) loadPlans() error {
	var err error
	r.old, err = r.s.movePlan(r.ctx, r.tx, "holdQuarterlyReview", r.q.PlanID, r.q.Version, nil)
	if err != nil {
		return err
	}
	r.cycle, err = takeOne[throughline.Cycle](r.tx.Where("name = ?", r.q.Cycle),
		"no cycle named %q", r.q.Cycle)
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return throughline.FieldErrorf(throughline.ENOTFOUND, "cycle",
			"no cycle named %q: open it first", r.q.Cycle)
	}
	if err != nil {
		return err
	}
	if err := r.laterCycle(); err != nil {
		return err
	}
	plans, err := groupOne(r.tx.Where("cycle_id = ?", r.cycle.ID), "person_id",
		[]int64{r.old.PersonID}, func(p *throughline.DevelopmentPlan) int64 { return p.PersonID })
	r.plan = plans[r.old.PersonID]
	return err
}

// laterCycle refuses a review into any cycle but the one right after the
// plan's: into its own or an earlier one it moves nothing on, and into a
// later one it would skip the plan in between, whose goals nobody decided.
func (r *review) laterCycle() error {
	from, err := firstByID[throughline.Cycle](r.tx, r.old.CycleID, "cycle")
	if err != nil {
		return err
	}
	if !r.cycle.StartsOn.After(from.StartsOn) {
		return throughline.FieldErrorf(throughline.EINVALID, "cycle",
			"a quarterly review moves the plan of %s to a later cycle; %s is not later",
			from.Name, r.cycle.Name)
	}
	before, err := cycleBefore(r.tx, r.cycle)
	if err != nil {
		return err
	}
	if before != nil && before.ID != from.ID {
		return throughline.FieldErrorf(throughline.EINVALID, "cycle",
			"a quarterly review moves a plan to the cycle right after its own; the plan "+
				"reviewed into %s is the one of %s, not of %s", r.cycle.Name, before.Name, from.Name)
	}
	return nil
}

// loadGoals reads the goals of both plans: which old goals the new plan
// already continues, and how many execution slots it has taken.
func (r *review) loadGoals() error {
	var err error
	if r.oldGoals, err = r.goalsOf(r.old.ID); err != nil {
		return err
	}
	r.carried = map[int64]bool{}
	if r.plan == nil {
		return nil
	}
	goals, err := r.goalsOf(r.plan.ID)
	for _, g := range goals {
		if g.CarriedFromID != nil {
			r.carried[*g.CarriedFromID] = true
		}
		if holdsExecutionSlot(g) {
			r.inNew++
		}
	}
	return err
}

func (r *review) goalsOf(planID int64) ([]*throughline.DevelopmentGoal, error) {
	var goals []*throughline.DevelopmentGoal
	err := r.tx.Where("plan_id = ?", planID).Order("id").Find(&goals).Error
	return goals, mapError(err)
}

// open returns the goals waiting for a decision: the old plan's active
// execution goals that the new plan does not already continue.
func (r *review) open() []*throughline.DevelopmentGoal {
	var out []*throughline.DevelopmentGoal
	for _, g := range r.oldGoals {
		if holdsExecutionSlot(g) && !r.carried[g.ID] {
			out = append(out, g)
		}
	}
	return out
}

// check applies every rule of the review before anything is written, so
// that the reviewer sees all problems at once.
func (r *review) check() error {
	var p throughline.Problems
	err := throughline.CheckDecisions(r.open(), r.inNew, r.q.Decisions, r.title)
	if err != nil {
		p = append(p, err.(*throughline.ValidationError).Problems...)
	}
	krProblems, err := r.checkKeyResults()
	if err != nil {
		return err
	}
	p = append(p, krProblems...)
	if err := r.checkHeldInWindow(&p); err != nil {
		return err
	}
	if err := mustExist[throughline.Person](r.tx, r.q.CheckIn.AuthorID, "authorId",
		"person"); err != nil {
		return err
	}
	return p.Err()
}

// checkHeldInWindow refuses a review held before the new cycle's review
// window opens: the rhythm counts only reviews from that day on as held,
// so an earlier one would put the plan on track and still read overdue.
func (r *review) checkHeldInWindow(p *throughline.Problems) error {
	rhythm, err := rhythmIn(r.tx)
	if err != nil {
		return err
	}
	opens := throughline.Day(r.cycle.StartsOn.Add(-rhythm.ReviewLead))
	if r.q.CheckIn.HeldOn.Before(opens) {
		p.Add("heldOn", "the review into %s can be held from %s, %d days before the cycle "+
			"starts as the review rhythm says; %s is earlier", r.cycle.Name,
			opens.Format(time.DateOnly), int(rhythm.ReviewLead.Hours()/24),
			r.q.CheckIn.HeldOn.Format(time.DateOnly))
	}
	return nil
}

// title names a goal of the reviewed plan, or "" for any other goal.
func (r *review) title(goalID int64) string {
	for _, g := range r.oldGoals {
		if g.ID == goalID {
			return g.Title
		}
	}
	return ""
}

// checkKeyResults checks that each key result a goal is carried over to
// exists and belongs to the new cycle.
func (r *review) checkKeyResults() (throughline.Problems, error) {
	var ids []int64
	for _, d := range r.q.Decisions {
		if d.KeyResultID != nil {
			ids = append(ids, *d.KeyResultID)
		}
	}
	cycles := map[int64]int64{}
	err := eachChunk(ids, func(part []int64) error {
		var rows []struct{ ID, CycleID int64 }
		err := r.tx.Table("key_results AS k").Select("k.id, o.cycle_id").
			Joins("JOIN objectives o ON o.id = k.objective_id").
			Where("k.id IN ?", part).Scan(&rows).Error
		for _, row := range rows {
			cycles[row.ID] = row.CycleID
		}
		return err
	})
	if err != nil {
		return nil, mapError(err)
	}
	return r.keyResultProblems(cycles), nil
}

func (r *review) keyResultProblems(cycles map[int64]int64) throughline.Problems {
	var p throughline.Problems
	for i, d := range r.q.Decisions {
		if d.KeyResultID == nil {
			continue
		}
		cycle, ok := cycles[*d.KeyResultID]
		switch {
		case !ok:
			p.Add("decisions", "decision %d: no key result with ID %d", i+1, *d.KeyResultID)
		case cycle != r.cycle.ID:
			p.Add("decisions", "decision %d: the key result is not in %s; "+
				"a carried-over goal serves a key result of the new cycle", i+1, r.cycle.Name)
		}
	}
	return p
}

// notHeldYet refuses a second review into the same plan: a review held
// again would put the plan back on track over whatever came since.
func (r *review) notHeldYet() error {
	if r.plan == nil {
		return nil
	}
	var held []*throughline.CheckIn
	err := r.tx.Where("plan_id = ? AND kind = ?", r.plan.ID, throughline.CheckInQuarterly).
		Order("held_on").Limit(1).Find(&held).Error
	if err != nil || len(held) == 0 {
		return mapError(err)
	}
	return throughline.FieldErrorf(throughline.EINVALID, "cycle",
		"the review into %s was held on %s; record what followed as a check-in",
		r.cycle.Name, held[0].HeldOn.Format(time.DateOnly))
}

// makePlan makes the person's plan in the new cycle when openCycle did
// not, waiting for this review like the plans it opens.
func (r *review) makePlan() error {
	if r.plan != nil {
		return nil
	}
	r.plan = waitingPlan(r.old.PersonID, r.cycle)
	if err := r.tx.Create(r.plan).Error; err != nil {
		return mapError(err)
	}
	return r.s.audit(r.ctx, r.tx, "holdQuarterlyReview", throughline.KindPlan, r.plan.ID, nil, r.plan)
}

// decide closes each goal decided closed and copies each goal carried
// over into the new plan, serving its new key result.
func (r *review) decide() error {
	goals := map[int64]*throughline.DevelopmentGoal{}
	for _, g := range r.oldGoals {
		goals[g.ID] = g
	}
	for _, d := range r.q.Decisions {
		g := goals[d.GoalID]
		if state, closes := d.Decision.ClosesAs(); closes {
			if err := r.close(g, state); err != nil {
				return err
			}
			continue
		}
		if err := r.copyGoal(throughline.CarryOver(g, r.plan.ID, d.KeyResultID)); err != nil {
			return err
		}
	}
	return nil
}

func (r *review) close(g *throughline.DevelopmentGoal, state throughline.GoalState) error {
	before := *g
	g.State, g.UpdatedAt = state, r.s.Now()
	err := r.tx.Model(g).Updates(map[string]any{"state": state, "updated_at": g.UpdatedAt}).Error
	if err != nil {
		return mapError(err)
	}
	return r.s.audit(r.ctx, r.tx, "holdQuarterlyReview", throughline.KindGoal, g.ID, &before, g)
}

func (r *review) copyGoal(g *throughline.DevelopmentGoal) error {
	if err := r.tx.Create(g).Error; err != nil {
		return mapError(err)
	}
	return r.s.audit(r.ctx, r.tx, "holdQuarterlyReview", throughline.KindGoal, g.ID, nil, g)
}

// carryCareer copies the old plan's active career goals that the new plan
// does not already continue: all of them when this review made the plan.
func (r *review) carryCareer() error {
	for _, g := range r.oldGoals {
		career := g.Lane == throughline.LaneCareer && g.State == throughline.GoalActive
		if !career || r.carried[g.ID] {
			continue
		}
		if err := r.copyGoal(throughline.CarryOver(g, r.plan.ID, g.KeyResultID)); err != nil {
			return err
		}
	}
	return nil
}

// record stores the review as the new plan's QUARTERLY check-in.
func (r *review) record() error {
	c := r.q.CheckIn
	c.PlanID = r.plan.ID
	if err := r.tx.Create(c).Error; err != nil {
		return mapError(err)
	}
	return r.s.audit(r.ctx, r.tx, "holdQuarterlyReview", throughline.KindCheckIn, c.ID, nil, c)
}

// refuseSkippingReview keeps a plan that waits for its quarterly review
// in NEEDS_RESET until the review is held: a status change or a check-in
// that put it on track, or a QUARTERLY check-in recorded on its own,
// would skip the decisions the review makes on the goals carried over.
// field names the input that asks for the status.
func refuseSkippingReview(tx *gorm.DB, planID int64, status throughline.PlanStatus,
	kind throughline.CheckInKind, field string,
) error {
	p, err := findNamed[throughline.DevelopmentPlan](tx, planID, "planId", "development plan")
	if err != nil || p.Status != throughline.StatusNeedsReset {
		return err
	}
	leaves := status != throughline.StatusNeedsReset
	if !leaves && kind != throughline.CheckInQuarterly {
		return nil
	}
	prev, err := waitsForReview(tx, p)
	if err != nil || prev == nil {
		return err
	}
	if !leaves {
		field = "kind"
	}
	return throughline.FieldErrorf(throughline.EINVALID, field,
		"this plan waits for its quarterly review: hold it with holdQuarterlyReview on the "+
			"plan of %s, which decides on the goals carried over and puts this plan on track", prev.Name)
}

// waitsForReview returns the cycle before the plan's when the person had
// a plan there and no review is recorded on this one yet, or nil.
func waitsForReview(tx *gorm.DB, p *throughline.DevelopmentPlan) (*throughline.Cycle, error) {
	var reviews int64
	err := tx.Model(&throughline.CheckIn{}).
		Where("plan_id = ? AND kind = ?", p.ID, throughline.CheckInQuarterly).Count(&reviews).Error
	if err != nil || reviews > 0 {
		return nil, mapError(err)
	}
	_, prev, err := planBefore(tx, p)
	return prev, err
}

// planBefore returns a plan's cycle, and the cycle before it when the
// person had a plan there (nil otherwise): the plan whose goals a
// quarterly review into this one decides on.
func planBefore(tx *gorm.DB, p *throughline.DevelopmentPlan) (cycle, prev *throughline.Cycle,
	err error,
) {
	if cycle, err = firstByID[throughline.Cycle](tx, p.CycleID, "cycle"); err != nil {
		return nil, nil, err
	}
	if prev, err = cycleBefore(tx, cycle); err != nil || prev == nil {
		return cycle, nil, err
	}
	var earlier int64
	err = tx.Model(&throughline.DevelopmentPlan{}).
		Where("person_id = ? AND cycle_id = ?", p.PersonID, prev.ID).Count(&earlier).Error
	if err != nil || earlier == 0 {
		return cycle, nil, mapError(err)
	}
	return cycle, prev, nil
}
