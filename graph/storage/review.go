package storage

import (
	"context"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Store implements throughline.ReviewService.
var _ throughline.ReviewService = (*Store)(nil)

// kindRhythm names the review rhythm in the audit log.
const kindRhythm = "ReviewRhythm"

// rhythmRow is the one row of review_rhythm.
type rhythmRow struct {
	ID               int64
	MonthlyEveryDays int
	ReviewWindowDays int
	ReviewLeadDays   int
	UpdatedAt        time.Time
}

func (rhythmRow) TableName() string { return "review_rhythm" }

func (r *rhythmRow) rhythm() throughline.Rhythm {
	return throughline.RhythmOfDays(r.MonthlyEveryDays, r.ReviewWindowDays, r.ReviewLeadDays)
}

// ReviewRhythm returns the rhythm HR set. The migration writes the
// default row; a database without it holds plans to the default.
func (s *Store) ReviewRhythm(ctx context.Context) (throughline.Rhythm, error) {
	row, err := firstByID[rhythmRow](s.read(ctx), 1, "review rhythm")
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return throughline.DefaultRhythm, nil
	}
	if err != nil {
		return throughline.Rhythm{}, err
	}
	return row.rhythm(), nil
}

// SetReviewRhythm stores a new rhythm for every plan.
func (s *Store) SetReviewRhythm(ctx context.Context,
	r throughline.Rhythm,
) (throughline.Rhythm, error) {
	if err := r.Check(); err != nil {
		return throughline.Rhythm{}, err
	}
	m, w, l := r.Days()
	after := &rhythmRow{
		ID: 1, MonthlyEveryDays: m, ReviewWindowDays: w, ReviewLeadDays: l, UpdatedAt: s.Now(),
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		before, err := firstByID[rhythmRow](s.forUpdate(tx), 1, "review rhythm")
		if err != nil && throughline.ErrorCode(err) != throughline.ENOTFOUND {
			return err
		}
		if err := tx.Save(after).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "setReviewRhythm", kindRhythm, 1, before, after)
	})
	if err != nil {
		return throughline.Rhythm{}, err
	}
	return after.rhythm(), nil
}

// ReportPlans lists the people below a manager who have not left, by
// name, each with their plan in the cycle that holds today.
func (s *Store) ReportPlans(ctx context.Context, managerID int64, includeIndirect bool,
	today time.Time,
) ([]*throughline.ReportPlan, error) {
	db := s.read(ctx)
	people, err := reportsOf(db, managerID, includeIndirect)
	if err != nil {
		return nil, err
	}
	cycle, err := cycleHolding(db, today)
	if err != nil {
		return nil, err
	}
	plans, err := plansIn(db, cycle, people)
	if err != nil {
		return nil, err
	}
	out := make([]*throughline.ReportPlan, len(people))
	for i, p := range people {
		direct := p.ManagerID != nil && *p.ManagerID == managerID
		out[i] = &throughline.ReportPlan{Person: p, Direct: direct, Cycle: cycle, Plan: plans[p.ID]}
	}
	return out, nil
}

// plansIn loads the people's plans in a cycle, by person ID; none when
// there is no cycle.
func plansIn(db *gorm.DB, cycle *throughline.Cycle,
	people []*throughline.Person,
) (map[int64]*throughline.DevelopmentPlan, error) {
	if cycle == nil {
		return map[int64]*throughline.DevelopmentPlan{}, nil
	}
	ids := make([]int64, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	return groupOne(db.Where("cycle_id = ?", cycle.ID).Session(&gorm.Session{}),
		"person_id", ids, func(p *throughline.DevelopmentPlan) int64 { return p.PersonID })
}

// reportsOf loads the people below a manager who have not left.
func reportsOf(db *gorm.DB, managerID int64, indirect bool) ([]*throughline.Person, error) {
	q := db.Where("left_on IS NULL")
	if indirect {
		q = q.Where("id IN ("+reportsSQL+")", managerID)
	} else {
		q = q.Where("manager_id = ?", managerID)
	}
	var people []*throughline.Person
	err := q.Order("name, id").Find(&people).Error
	return people, mapError(err)
}

// cycleHolding finds the cycle that holds a day, the latest to start when
// cycles overlap, or nil when none does.
func cycleHolding(db *gorm.DB, day time.Time) (*throughline.Cycle, error) {
	d := throughline.Day(day)
	var cycles []*throughline.Cycle
	err := db.Where("starts_on <= ? AND ends_on >= ?", d, d).
		Order("starts_on DESC, id DESC").Limit(1).Find(&cycles).Error
	if err != nil || len(cycles) == 0 {
		return nil, mapError(err)
	}
	return cycles[0], nil
}

// OpenCycle makes the cycle when missing and opens a plan in it for each
// person with a plan in the cycle before it. Two openings take turns: the
// second finds the cycle and the plans made, and opens nothing twice.
func (s *Store) OpenCycle(ctx context.Context, c *throughline.Cycle) (int, error) {
	opened := 0
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardCycles); err != nil {
			return err
		}
		if err := s.ensureCycle(ctx, tx, c); err != nil {
			return err
		}
		prev, err := cycleBefore(tx, c)
		if err != nil || prev == nil {
			return err
		}
		opened, err = s.openPlans(ctx, tx, prev, c)
		return err
	})
	return opened, err
}

// ensureCycle loads the cycle c names into c, or creates it. Dates given
// for a cycle that exists must be its dates: they are not changed here.
func (s *Store) ensureCycle(ctx context.Context, tx *gorm.DB, c *throughline.Cycle) error {
	found, err := takeOne[throughline.Cycle](tx.Where("name = ?", c.Name), "no cycle")
	if err == nil {
		return sameDates(c, found)
	}
	if throughline.ErrorCode(err) != throughline.ENOTFOUND {
		return err
	}
	start, end, quarter := throughline.QuarterDates(c.Name)
	if quarter && c.StartsOn.IsZero() && c.EndsOn.IsZero() {
		c.StartsOn, c.EndsOn = start, end
	}
	c.ID, c.StartsOn, c.EndsOn = 0, throughline.Day(c.StartsOn), throughline.Day(c.EndsOn)
	if err := c.Validate(); err != nil {
		return err
	}
	if err := tx.Create(c).Error; err != nil {
		return mapError(err)
	}
	return s.audit(ctx, tx, "openCycle", throughline.KindCycle, c.ID, nil, c)
}

// sameDates copies an existing cycle into c, refusing dates that differ
// from its own.
func sameDates(c, found *throughline.Cycle) error {
	var p throughline.Problems
	if !c.StartsOn.IsZero() && !throughline.Day(c.StartsOn).Equal(throughline.Day(found.StartsOn)) {
		p.Add("startsOn", "%s already exists and starts on %s", found.Name,
			found.StartsOn.Format(time.DateOnly))
	}
	if !c.EndsOn.IsZero() && !throughline.Day(c.EndsOn).Equal(throughline.Day(found.EndsOn)) {
		p.Add("endsOn", "%s already exists and ends on %s", found.Name,
			found.EndsOn.Format(time.DateOnly))
	}
	*c = *found
	return p.Err()
}

// cycleBefore finds the cycle that starts last before c does, or nil.
func cycleBefore(tx *gorm.DB, c *throughline.Cycle) (*throughline.Cycle, error) {
	var cycles []*throughline.Cycle
	err := tx.Where("starts_on < ? AND id <> ?", c.StartsOn, c.ID).
		Order("starts_on DESC, id DESC").Limit(1).Find(&cycles).Error
	if err != nil || len(cycles) == 0 {
		return nil, mapError(err)
	}
	return cycles[0], nil
}

// openPlans gives every person with a plan in prev, who has none in c and
// has not left, a plan in c waiting for its review, with their active
// career goals carried forward.
func (s *Store) openPlans(ctx context.Context, tx *gorm.DB,
	prev, c *throughline.Cycle,
) (int, error) {
	var old []*throughline.DevelopmentPlan
	err := tx.Where("cycle_id = ?", prev.ID).
		Where("person_id NOT IN (SELECT person_id FROM development_plans WHERE cycle_id = ?)", c.ID).
		Where("person_id IN (SELECT id FROM people WHERE left_on IS NULL)").
		Order("id").Find(&old).Error
	if err != nil || len(old) == 0 {
		return 0, mapError(err)
	}
	newPlans := make(map[int64]*throughline.DevelopmentPlan, len(old)) // by old plan ID
	rows := make([]*throughline.DevelopmentPlan, len(old))
	for i, p := range old {
		rows[i] = waitingPlan(p.PersonID, c)
		newPlans[p.ID] = rows[i]
	}
	if err := tx.CreateInBatches(rows, chunk/10).Error; err != nil {
		return 0, mapError(err)
	}
	goals, err := s.carryCareerGoals(tx, newPlans)
	if err != nil {
		return 0, err
	}
	return len(rows), s.auditOpened(ctx, tx, rows, goals)
}

// waitingPlan is a person's plan in a cycle whose review is not held yet.
func waitingPlan(personID int64, c *throughline.Cycle) *throughline.DevelopmentPlan {
	return &throughline.DevelopmentPlan{
		PersonID: personID, CycleID: c.ID, Status: throughline.StatusNeedsReset,
		StatusReason: throughline.NeedsResetReason(c.Name), Version: 1,
	}
}

// carryCareerGoals copies the active career goals of the old plans into
// the new plans they map to, and returns the copies.
func (s *Store) carryCareerGoals(tx *gorm.DB,
	newPlans map[int64]*throughline.DevelopmentPlan,
) ([]*throughline.DevelopmentGoal, error) {
	oldIDs := make([]int64, 0, len(newPlans))
	for id := range newPlans {
		oldIDs = append(oldIDs, id)
	}
	career := tx.Where("lane = ? AND state = ?", throughline.LaneCareer, throughline.GoalActive).
		Session(&gorm.Session{})
	byPlan, err := groupMany(career, "plan_id", "id", oldIDs,
		func(g *throughline.DevelopmentGoal) int64 { return g.PlanID })
	if err != nil {
		return nil, err
	}
	var copies []*throughline.DevelopmentGoal
	for _, id := range oldIDs {
		for _, g := range byPlan[id] {
			copies = append(copies, throughline.CarryOver(g, newPlans[id].ID, g.KeyResultID))
		}
	}
	if len(copies) == 0 {
		return nil, nil
	}
	return copies, mapError(tx.CreateInBatches(copies, chunk/10).Error)
}

func (s *Store) auditOpened(ctx context.Context, tx *gorm.DB,
	plans []*throughline.DevelopmentPlan, goals []*throughline.DevelopmentGoal,
) error {
	b := s.newAuditBatch(ctx, tx, s.Now(), "openCycle")
	for _, p := range plans {
		b.add(throughline.KindPlan, p.ID, nil, p)
	}
	for _, g := range goals {
		b.add(throughline.KindGoal, g.ID, nil, g)
	}
	return b.flush()
}

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
		r.loadPlans, r.loadGoals, r.check,
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

// laterCycle refuses a review into the plan's own cycle or an earlier one.
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
	if err := mustExist[throughline.Person](r.tx, r.q.CheckIn.AuthorID, "authorId",
		"person"); err != nil {
		return err
	}
	return p.Err()
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
