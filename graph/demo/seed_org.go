package demo

import (
	"time"

	throughline "throughline.dev/graph"
)

// cycles makes the quarter that holds today and the one before it.
func (s *seeder) cycles() error {
	current := throughline.QuarterOf(s.today)
	start, _, _ := throughline.QuarterDates(current)
	previous := throughline.QuarterOf(start.AddDate(0, 0, -1))

	s.at(start.AddDate(0, -4, 0))
	var err error
	if s.previous, err = s.cycle(previous); err != nil {
		return err
	}
	s.current, err = s.cycle(current)
	return err
}

func (s *seeder) cycle(name string) (*throughline.Cycle, error) {
	c := &throughline.Cycle{Name: name}
	if err := s.svc.Org.CreateCycle(s.ctx, c); err != nil {
		return nil, fail(err, "cycle %s", name)
	}
	s.keyResults[name] = map[string]int64{}
	s.objectives[name] = map[string]int64{}
	s.sum.Cycles++
	return c, nil
}

// org makes the teams, then the people, then names each team's lead: a
// lead must exist before a team can name them, and people belong to teams.
func (s *seeder) org() error {
	for _, row := range teams {
		if err := s.team(row); err != nil {
			return err
		}
	}
	for _, row := range people {
		if err := s.addPerson(row); err != nil {
			return err
		}
	}
	for _, row := range teams {
		if err := s.teamLead(row); err != nil {
			return fail(err, "lead of team %q", row.name)
		}
	}
	return nil
}

func (s *seeder) teamLead(row teamRow) error {
	lead, err := s.person(row.lead)
	if err != nil {
		return err
	}
	_, err = s.svc.Org.UpdateTeam(s.ctx, s.teamIDs[row.name], throughline.TeamUpdate{LeadID: &lead})
	return err
}

func (s *seeder) team(row teamRow) error {
	t := &throughline.Team{Name: row.name}
	if row.parent != "" {
		parent := s.teamIDs[row.parent]
		t.ParentID = &parent
	}
	if err := s.svc.Org.CreateTeam(s.ctx, t); err != nil {
		return fail(err, "team %q", row.name)
	}
	s.teamIDs[row.name] = t.ID
	s.sum.Teams++
	return nil
}

func (s *seeder) addPerson(row personRow) error {
	team := s.teamIDs[row.team]
	p := &throughline.Person{
		Email: row.key + "@" + Domain, Name: row.name, Title: row.title, TeamID: &team,
	}
	var err error
	if p.ManagerID, err = s.optionalPerson(row.manager); err == nil {
		err = s.svc.Org.CreatePerson(s.ctx, p)
	}
	if err != nil {
		return fail(err, "person %q", row.key)
	}
	s.personIDs[row.key] = p.ID
	s.sum.People++
	return nil
}

// when is a date in the data: a number of days before or after the day of
// seeding, or a day fixed by the cycle a record belongs to.
type when struct {
	set    bool
	days   int // after today; negative is in the past
	anchor anchor
}

type anchor int

const (
	fromToday     anchor = iota
	reviewDay            // the cycle's quarterly review
	closingDay           // the last week of the cycle
	currentReview        // the current cycle's quarterly review, offset by days
)

func ago(days int) when   { return when{set: true, days: -days} }
func ahead(days int) when { return when{set: true, days: days} }

// beforeReview is a number of days before the quarterly review that opened
// the current cycle, whatever cycle the record belongs to: the history of
// a plan of the previous cycle that this review closed must come before it,
// on every day the demo may be seeded.
func beforeReview(days int) when {
	return when{set: true, anchor: currentReview, days: -days}
}

var (
	onReview  = when{set: true, anchor: reviewDay}
	onClosing = when{set: true, anchor: closingDay}
)

// date turns w into a date for a record of cycle c. The closing falls in
// the cycle's last week, but never after today. The review falls in the
// cycle's first week, or a month before today if that is earlier, so that
// the monthly check-ins of the data always come after it; but never
// before the review window opens, when no review may be held.
func (s *seeder) date(w when, c *throughline.Cycle) time.Time {
	switch w.anchor {
	case reviewDay:
		return s.reviewOf(c)
	case currentReview:
		return s.reviewOf(s.current).AddDate(0, 0, w.days)
	case closingDay:
		return earliest(c.EndsOn.AddDate(0, 0, -4), s.today)
	default:
		return s.today.AddDate(0, 0, w.days)
	}
}

// reviewOf returns the day of cycle c's quarterly review.
func (s *seeder) reviewOf(c *throughline.Cycle) time.Time {
	opens := throughline.Day(c.StartsOn.Add(-throughline.DefaultRhythm.ReviewLead))
	return latest(opens, earliest(c.StartsOn.AddDate(0, 0, 7), s.today.AddDate(0, 0, -30)))
}

// optionalDate is date for a when that may be unset.
func (s *seeder) optionalDate(w when, c *throughline.Cycle) *time.Time {
	if !w.set {
		return nil
	}
	d := s.date(w, c)
	return &d
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
