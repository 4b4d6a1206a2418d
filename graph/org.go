package throughline

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Cycle is a planning period, usually a calendar quarter such as 2026-Q4.
// Execution goals live within one cycle; career goals may look past it.
type Cycle struct {
	ID        int64
	Name      string
	StartsOn  time.Time
	EndsOn    time.Time
	CreatedAt time.Time
}

// Contains reports whether day falls within the cycle, both ends included.
func (c *Cycle) Contains(day time.Time) bool {
	d := Day(day)
	return !d.Before(Day(c.StartsOn)) && !d.After(Day(c.EndsOn))
}

var quarterName = regexp.MustCompile(`^(\d{4})-Q([1-4])$`)

// QuarterDates returns the first and last day of a cycle named YYYY-Qn, and
// false for any other name.
func QuarterDates(name string) (start, end time.Time, ok bool) {
	m := quarterName.FindStringSubmatch(name)
	if m == nil {
		return time.Time{}, time.Time{}, false
	}
	year, _ := strconv.Atoi(m[1])
	q, _ := strconv.Atoi(m[2])
	start = time.Date(year, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
	end = start.AddDate(0, 3, -1)
	return start, end, true
}

// QuarterOf returns the name of the calendar quarter that holds day.
func QuarterOf(day time.Time) string {
	return fmt.Sprintf("%d-Q%d", day.Year(), (int(day.Month())-1)/3+1)
}

// Day truncates t to midnight UTC: dates in Throughline carry no time.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Validate checks the cycle's own fields.
func (c *Cycle) Validate() error {
	var p Problems
	if c.Name == "" {
		p.Add("name", "a cycle needs a name")
	}
	if c.StartsOn.IsZero() || c.EndsOn.IsZero() {
		p.Add("startsOn", "a cycle needs a start and an end date")
	} else if c.EndsOn.Before(c.StartsOn) {
		p.Add("endsOn", "the cycle ends before it starts")
	}
	return p.Err()
}

// Team is a unit of the organisation. Teams form a tree through ParentID.
type Team struct {
	ID        int64
	Name      string
	ParentID  *int64
	LeadID    *int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Person is someone in the organisation. Reporting lines form a tree
// through ManagerID; a person without a manager is at the top of it, or
// waiting for a handover.
type Person struct {
	ID        int64
	Email     string
	Name      string
	Title     string
	TeamID    *int64
	ManagerID *int64
	// LeftOn is the person's last day, once they have left. They keep
	// their history but manage nobody.
	LeftOn    *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// OrgService stores cycles, teams and people.
//
// Creates and updates return EINVALID (usually a *ValidationError) for
// input that breaks a rule, including a team or reporting line that would
// loop back on itself, and ECONFLICT when a unique name or email is taken.
type OrgService interface {
	FindCycleByID(ctx context.Context, id int64) (*Cycle, error)
	FindCycleByName(ctx context.Context, name string) (*Cycle, error)
	FindCycles(ctx context.Context, page PageRequest) (*Page[*Cycle], error)
	CreateCycle(ctx context.Context, c *Cycle) error

	FindTeamByID(ctx context.Context, id int64) (*Team, error)
	FindTeams(ctx context.Context, f TeamFilter, page PageRequest) (*Page[*Team], error)
	CreateTeam(ctx context.Context, t *Team) error
	UpdateTeam(ctx context.Context, id int64, u TeamUpdate) (*Team, error)

	FindPersonByID(ctx context.Context, id int64) (*Person, error)
	FindPersonByEmail(ctx context.Context, email string) (*Person, error)
	FindPeople(ctx context.Context, f PersonFilter, page PageRequest) (*Page[*Person], error)
	CreatePerson(ctx context.Context, p *Person) error
	UpdatePerson(ctx context.Context, id int64, u PersonUpdate) (*Person, error)
}

// TeamFilter narrows a list of teams. Zero values do not filter.
type TeamFilter struct {
	ParentID *int64
	RootOnly bool
}

// TeamUpdate holds the fields to change; nil leaves a field as it is.
// ClearParent makes the team a root.
type TeamUpdate struct {
	Name        *string
	ParentID    *int64
	ClearParent bool
	LeadID      *int64
}

// PersonFilter narrows a list of people. Zero values do not filter.
type PersonFilter struct {
	TeamID    *int64
	ManagerID *int64
	Search    string // matched against name, email and title
}

// PersonUpdate holds the fields to change; nil leaves a field as it is.
// ClearManager removes the person's manager.
type PersonUpdate struct {
	Name         *string
	Title        *string
	TeamID       *int64
	ManagerID    *int64
	ClearManager bool
}
