package demo

import (
	"fmt"
	"time"

	throughline "throughline.dev/graph"
)

// review returns the event of the quarterly review that closes a plan of
// the previous cycle, held through the review service as a manager holds
// it: each goal closes or carries over as its row decides, and the
// person's plan for the current cycle is made with the goals carried into
// it. The row of that plan then fills it.
func (s *seeder) review(oldPlanID int64, row planRow) event {
	held := s.date(row.review.held, s.current)
	return event{on: held, run: func() ([]event, error) {
		q, err := s.newReview(oldPlanID, held, row)
		if err != nil {
			return nil, err
		}
		p, err := s.svc.Reviews.HoldQuarterlyReview(s.ctx, q)
		if err != nil {
			return nil, fmt.Errorf("quarterly review on %s: %w", held.Format(time.DateOnly), err)
		}
		s.sum.Reviews++
		s.sum.CheckIns++
		s.sum.Plans++
		return s.reviewed(p, row.person)
	}}
}

func (s *seeder) newReview(planID int64, held time.Time,
	row planRow,
) (*throughline.QuarterlyReview, error) {
	decisions, err := s.decisions(planID, row.goals)
	if err != nil {
		return nil, err
	}
	ci, err := s.newCheckIn(planID, held, row.person, *row.review)
	if err != nil {
		return nil, err
	}
	v, err := s.version(planID)
	if err != nil {
		return nil, err
	}
	return &throughline.QuarterlyReview{
		PlanID: planID, Version: v, Cycle: s.current.Name,
		Decisions: decisions, CheckIn: ci,
	}, nil
}

// decisions decides each goal of the plan as its row says, carrying a
// goal over to a key result of the current cycle.
func (s *seeder) decisions(planID int64, rows []goalRow) ([]throughline.GoalDecisionFor, error) {
	goals, err := s.svc.Plans.FindGoals(s.ctx, planID)
	if err != nil {
		return nil, err
	}
	var out []throughline.GoalDecisionFor
	for _, row := range rows {
		if row.decision == "" {
			continue
		}
		g := goalTitled(goals, row.title, false)
		if g == nil {
			return nil, fmt.Errorf("no goal %q to decide", row.title)
		}
		d := throughline.GoalDecisionFor{GoalID: g.ID, Decision: row.decision}
		if row.carryTo != "" {
			kr, err := s.keyResult(s.current, row.carryTo)
			if err != nil {
				return nil, err
			}
			d.KeyResultID = &kr
		}
		out = append(out, d)
	}
	return out, nil
}

// reviewed fills the plan a review made from the row of the person's plan
// that says fromReview, and returns the rest of that plan's history.
func (s *seeder) reviewed(p *throughline.DevelopmentPlan, person string) ([]event, error) {
	row, ok := planFromReview(person)
	if !ok {
		return nil, fmt.Errorf("no plan of %q in the data is made by the review", person)
	}
	carried, err := s.svc.Plans.FindGoals(s.ctx, p.ID)
	if err != nil {
		return nil, err
	}
	s.sum.Goals += len(carried)
	history, err := s.fill(p.ID, row, s.current)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", planName(row, s.current), err)
	}
	s.made = append(s.made, madePlan{p.ID, row})
	return named(planName(row, s.current), history), nil
}

func planFromReview(person string) (planRow, bool) {
	for _, row := range plans {
		if row.fromReview && row.person == person {
			return row, true
		}
	}
	return planRow{}, false
}

// carriedGoal finds the goal of a plan that a review carried over under
// a title.
func (s *seeder) carriedGoal(planID int64, title string) (int64, error) {
	goals, err := s.svc.Plans.FindGoals(s.ctx, planID)
	if err != nil {
		return 0, err
	}
	g := goalTitled(goals, title, true)
	if g == nil {
		return 0, fmt.Errorf("the review carried over no goal %q", title)
	}
	return g.ID, nil
}

// goalTitled finds a goal by its title, among those carried over from
// another plan or among the others.
func goalTitled(goals []*throughline.DevelopmentGoal, title string,
	carried bool,
) *throughline.DevelopmentGoal {
	for _, g := range goals {
		if g.Title == title && (g.CarriedFromID != nil) == carried {
			return g
		}
	}
	return nil
}
