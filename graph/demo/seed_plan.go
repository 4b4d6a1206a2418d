package demo

import (
	"fmt"
	"time"

	throughline "throughline.dev/graph"
)

// madePlan is a plan the seed made, with the row that says where it ends.
type madePlan struct {
	id  int64
	row planRow
}

// plans makes each plan with its goals and actions on the day it was
// made, and queues the rest of its history. A plan made by last quarter's
// review is made when the review is replayed.
func (s *seeder) plans() error {
	for _, row := range plans {
		if row.fromReview {
			continue
		}
		c := s.cycleOf(row)
		if err := s.plan(row, c); err != nil {
			return fail(err, "plan of %q in %s", row.person, c.Name)
		}
	}
	return nil
}

func (s *seeder) cycleOf(row planRow) *throughline.Cycle {
	if row.previous {
		return s.previous
	}
	return s.current
}

func (s *seeder) plan(row planRow, c *throughline.Cycle) error {
	person, err := s.person(row.person)
	if err != nil {
		return err
	}
	s.at(s.planMade(row, c))
	p := &throughline.DevelopmentPlan{
		PersonID: person, CycleID: c.ID, Status: throughline.StatusOnTrack,
	}
	if err := s.svc.Plans.CreatePlan(s.ctx, p); err != nil {
		return err
	}
	s.sum.Plans++
	history, err := s.fill(p.ID, row, c)
	if err != nil {
		return err
	}
	if row.review != nil {
		history = append(history, s.review(p.ID, row))
	}
	s.history.add(named(planName(row, c), history)...)
	s.made = append(s.made, madePlan{p.ID, row})
	return nil
}

func planName(row planRow, c *throughline.Cycle) string {
	return fmt.Sprintf("plan of %q in %s", row.person, c.Name)
}

// fill adds a row's goals and their actions to a plan on the day of the
// clock, and returns the rest of its history: the actions done later and
// the check-ins.
func (s *seeder) fill(planID int64, row planRow, c *throughline.Cycle) ([]event, error) {
	var history []event
	for _, g := range row.goals {
		done, err := s.goal(planID, c, g)
		if err != nil {
			return nil, fmt.Errorf("goal %q: %w", g.title, err)
		}
		history = append(history, done...)
	}
	for _, ci := range row.checkIns {
		history = append(history, s.checkIn(planID, c, row.person, ci))
	}
	return history, nil
}

// planMade returns the day a plan was made: as the data says, or ten days
// before its cycle, or the day before its first dated record if earlier.
func (s *seeder) planMade(row planRow, c *throughline.Cycle) time.Time {
	if row.created.set {
		return s.date(row.created, c)
	}
	made := c.StartsOn.AddDate(0, 0, -10)
	consider := func(w when) {
		if w.set {
			made = earliest(made, s.date(w, c).AddDate(0, 0, -1))
		}
	}
	for _, g := range row.goals {
		for _, a := range g.actions {
			consider(a.due)
			consider(a.done)
		}
	}
	for _, ci := range row.checkIns {
		consider(ci.held)
	}
	return made
}

// version reads the plan's version, which every write to it must name.
func (s *seeder) version(planID int64) (int32, error) {
	p, err := s.svc.Plans.FindPlanByID(s.ctx, planID)
	if err != nil {
		return 0, err
	}
	return p.Version, nil
}

// goal adds a goal and its actions, and returns the events that mark its
// actions done later.
func (s *seeder) goal(planID int64, c *throughline.Cycle, row goalRow) ([]event, error) {
	goalID, err := s.goalFor(planID, c, row)
	if err != nil {
		return nil, err
	}
	var done []event
	for _, a := range row.actions {
		more, err := s.action(planID, goalID, c, a)
		if err != nil {
			return nil, fmt.Errorf("action %q: %w", a.title, err)
		}
		done = append(done, more...)
	}
	return done, s.closeGoal(planID, goalID, row.state)
}

// goalFor adds a row's goal to a plan, or finds the goal that last
// quarter's review carried into it.
func (s *seeder) goalFor(planID int64, c *throughline.Cycle, row goalRow) (int64, error) {
	if row.carried {
		return s.carriedGoal(planID, row.title)
	}
	g, err := s.newGoal(planID, c, row)
	if err != nil {
		return 0, err
	}
	v, err := s.version(planID)
	if err != nil {
		return 0, err
	}
	if _, err := s.svc.Plans.AddGoal(s.ctx, v, g); err != nil {
		return 0, err
	}
	s.sum.Goals++
	return g.ID, nil
}

func (s *seeder) newGoal(planID int64, c *throughline.Cycle,
	row goalRow,
) (*throughline.DevelopmentGoal, error) {
	g := &throughline.DevelopmentGoal{
		PlanID: planID, Lane: row.lane, Title: row.title, ChangeInWork: row.change,
		State: throughline.GoalActive,
	}
	if row.horizon > 0 {
		g.Horizon = s.quartersAhead(row.horizon)
	}
	if row.kr != "" {
		kr, err := s.keyResult(c, row.kr)
		if err != nil {
			return nil, err
		}
		g.KeyResultID = &kr
	}
	if row.capability != "" {
		capability, err := s.capability(row.capability)
		if err != nil {
			return nil, err
		}
		g.CapabilityID, g.TargetLevel = &capability, &row.target
	}
	return g, nil
}

// quartersAhead names the quarter n after the current one, so that
// career horizons stay in the future.
func (s *seeder) quartersAhead(n int) string {
	return throughline.QuarterOf(s.current.StartsOn.AddDate(0, 3*n, 0))
}

// closeGoal moves a goal out of ACTIVE when the data says it was achieved
// or dropped.
func (s *seeder) closeGoal(planID, goalID int64, state throughline.GoalState) error {
	if state == "" || state == throughline.GoalActive {
		return nil
	}
	v, err := s.version(planID)
	if err != nil {
		return err
	}
	_, err = s.svc.Plans.UpdateGoal(s.ctx, goalID, v, throughline.GoalUpdate{State: &state})
	return err
}

// action adds an action and returns the event that marks it done when
// the data says it was done, none otherwise.
func (s *seeder) action(planID, goalID int64, c *throughline.Cycle,
	row actionRow,
) ([]event, error) {
	a := &throughline.DevelopmentAction{
		GoalID: goalID, Kind: row.kind, Title: row.title,
		SupporterRole: row.role, DueOn: s.optionalDate(row.due, c),
	}
	var err error
	if a.SupporterID, err = s.optionalPerson(row.by); err != nil {
		return nil, err
	}
	v, err := s.version(planID)
	if err != nil {
		return nil, err
	}
	if err := s.svc.Plans.AddAction(s.ctx, v, a); err != nil {
		return nil, err
	}
	s.sum.Actions++
	if !row.done.set {
		return nil, nil
	}
	doneOn, outcome := s.date(row.done, c), row.outcome
	return []event{{on: doneOn, run: func() ([]event, error) {
		v, err := s.version(planID)
		if err != nil {
			return nil, err
		}
		u := throughline.ActionUpdate{DoneOn: &doneOn, Outcome: &outcome}
		if _, err := s.svc.Plans.UpdateAction(s.ctx, a.ID, v, u); err != nil {
			return nil, fmt.Errorf("action %q done: %w", row.title, err)
		}
		return nil, nil
	}}}, nil
}

// checkIn returns the event that records a check-in, written by the
// person's manager on the day unless the data names its author.
func (s *seeder) checkIn(planID int64, c *throughline.Cycle, person string, row checkInRow) event {
	held := s.date(row.held, c)
	return event{on: held, run: func() ([]event, error) {
		ci, err := s.newCheckIn(planID, held, person, row)
		if err != nil {
			return nil, err
		}
		v, err := s.version(planID)
		if err != nil {
			return nil, err
		}
		if _, err := s.svc.Plans.RecordCheckIn(s.ctx, v, ci); err != nil {
			return nil, fmt.Errorf("%s check-in on %s: %w",
				row.kind, held.Format(time.DateOnly), err)
		}
		s.sum.CheckIns++
		return nil, nil
	}}
}

func (s *seeder) newCheckIn(planID int64, held time.Time, person string,
	row checkInRow,
) (*throughline.CheckIn, error) {
	authorID, err := s.author(person, row)
	if err != nil {
		return nil, err
	}
	return &throughline.CheckIn{
		PlanID: planID, Kind: row.kind, HeldOn: held, AuthorID: authorID,
		CapabilityBuilding: row.answers[0], RealWork: row.answers[1],
		StillHard: row.answers[2], SupportNeeded: row.answers[3],
		OutputImproved: row.answers[4], ObservedChange: row.change,
		StatusAfter: statusOrOnTrack(row.status), StatusReason: row.reason,
		Note: row.note, NotePrivate: row.private,
	}, nil
}

// author returns the author the data names for a check-in, or else the
// person's manager as the store holds it now: on the day of the check-in,
// before or after a handover. A person with no manager gets no author.
func (s *seeder) author(person string, row checkInRow) (*int64, error) {
	if row.author != "" {
		return s.optionalPerson(row.author)
	}
	id, err := s.person(person)
	if err != nil {
		return nil, err
	}
	return s.managerNow(id)
}

// managerNow returns the ID of a person's manager as the store holds it.
func (s *seeder) managerNow(personID int64) (*int64, error) {
	p, err := s.svc.Org.FindPersonByID(s.ctx, personID)
	if err != nil {
		return nil, err
	}
	return p.ManagerID, nil
}

func statusOrOnTrack(st throughline.PlanStatus) throughline.PlanStatus {
	if st == "" {
		return throughline.StatusOnTrack
	}
	return st
}

// settle leaves every plan in the status the data gives it, once its
// history is written.
func (s *seeder) settle() error {
	s.at(s.today)
	for _, m := range s.made {
		if err := s.settlePlan(m.id, m.row); err != nil {
			return fail(err, "status of the plan of %q", m.row.person)
		}
	}
	return nil
}

// settlePlan sets a plan's status when its last check-in did not already.
func (s *seeder) settlePlan(planID int64, row planRow) error {
	p, err := s.svc.Plans.FindPlanByID(s.ctx, planID)
	if err != nil {
		return err
	}
	want := statusOrOnTrack(row.status)
	if p.Status == want && p.StatusReason == row.reason {
		return nil
	}
	_, err = s.svc.Plans.SetPlanStatus(s.ctx, planID, p.Version, want, row.reason)
	return err
}
