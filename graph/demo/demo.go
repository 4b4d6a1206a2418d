// Package demo seeds the organisation a new Throughline server starts
// with: Northwind Labs, a software company of forty people, with OKRs for
// the current and the previous quarter, a capability framework,
// assessments, development plans and check-ins, last quarter's review of
// a plan with a goal carried over, a completed handover, one waiting for
// the new manager, and a person whose manager left. HR exploring the
// playground finds every part of the schema filled with data that reads
// like a real company's, and every plan warning the dashboard counts.
//
// The data is written by hand in the *_data.go files; the seed_*.go files
// store it through the domain services only, so the seeded data obeys the
// same rules as data entered through the API. Every date is relative to
// the day of seeding, so the demo always looks current. The history of
// plans, reviews and handovers is written in date order (timeline.go), so
// that what one record reads of another is what it held on its day.
//
// The services share no transaction, so a seed that fails half-way leaves
// part of an organisation behind. Seed writes only into an empty
// database; after a failure, remove the data directory and seed again.
package demo

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	throughline "throughline.dev/graph"
)

// Domain is the invented domain of every demo email address.
const Domain = "northwind-labs.example"

// Services are the domain services the seed writes through. The storage
// package's Store implements all six.
type Services struct {
	Org          throughline.OrgService
	OKRs         throughline.OKRService
	Capabilities throughline.CapabilityService
	Plans        throughline.PlanService
	// Handovers and Reviews, when nil, are Plans if it implements them,
	// as the storage package's Store does.
	Handovers throughline.HandoverService
	Reviews   throughline.ReviewService

	// Clock, when set, is the clock the services stamp records with. The
	// seed moves it to the day each record would have been written, so
	// that progress updates spread over the weeks of a cycle and plans
	// were made before their first check-in. Without it every record is
	// stamped with the services' own clock.
	Clock *Clock
}

// Summary counts what a seed wrote.
type Summary struct {
	Cycles, Teams, People                   int
	Objectives, KeyResults, Progress        int
	Capabilities, Requirements, Assessments int
	Plans, Goals, Actions, CheckIns         int
	Reviews, Handovers, Packs, Departures   int
}

// ErrNotEmpty is returned by Seed when the database already holds data:
// the demo organisation would mix with it.
var ErrNotEmpty = throughline.Errorf(throughline.ECONFLICT,
	"the database already holds data; the demo organisation is seeded only into an empty one")

// Empty reports whether the database holds no cycles, teams, people or
// capabilities: nothing an admin imported and nothing a seed wrote.
func Empty(ctx context.Context, svc Services) (bool, error) {
	one := throughline.PageRequest{First: 1}
	counts := []func() (int64, error){
		func() (int64, error) { return total(svc.Org.FindCycles(ctx, one)) },
		func() (int64, error) {
			return total(svc.Org.FindTeams(ctx, throughline.TeamFilter{}, one))
		},
		func() (int64, error) {
			return total(svc.Org.FindPeople(ctx, throughline.PersonFilter{}, one))
		},
		func() (int64, error) { return total(svc.Capabilities.FindCapabilities(ctx, one)) },
	}
	for _, count := range counts {
		n, err := count()
		if err != nil {
			return false, fmt.Errorf("demo: check the database is empty: %w", err)
		}
		if n > 0 {
			return false, nil
		}
	}
	return true, nil
}

func total[T any](p *throughline.Page[T], err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return p.TotalCount, nil
}

// Seed writes the demo organisation into an empty database, with every
// date relative to today: the current quarter is the one that holds
// today. It returns ErrNotEmpty when the database holds data, and
// otherwise an error that names the step that failed.
func Seed(ctx context.Context, svc Services, today time.Time) (Summary, error) {
	svc, err := svc.complete()
	if err != nil {
		return Summary{}, err
	}
	empty, err := Empty(ctx, svc)
	if err != nil {
		return Summary{}, err
	}
	if !empty {
		return Summary{}, ErrNotEmpty
	}
	s := newSeeder(ctx, svc, today)
	defer svc.Clock.Reset()
	steps := []func() error{
		s.cycles, s.org, s.capabilities, s.okrs, s.requirements, s.assessments,
		s.plans, s.moves, s.replay, s.settle,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return s.sum, err
		}
	}
	return s.sum, nil
}

// complete takes the services left nil from Plans, and fails when it
// does not implement them.
func (svc Services) complete() (Services, error) {
	if svc.Handovers == nil {
		svc.Handovers, _ = svc.Plans.(throughline.HandoverService)
	}
	if svc.Reviews == nil {
		svc.Reviews, _ = svc.Plans.(throughline.ReviewService)
	}
	if svc.Handovers == nil || svc.Reviews == nil {
		return svc, errors.New("demo: the seed needs a handover service and a review service")
	}
	return svc, nil
}

// seeder holds what one seed has written so far, so that later steps can
// refer to earlier records by their keys in the data.
type seeder struct {
	ctx   context.Context
	svc   Services
	now   time.Time // the moment of seeding
	today time.Time // its date

	current, previous *throughline.Cycle
	teamIDs           map[string]int64            // by name
	personIDs         map[string]int64            // by key
	capabilityIDs     map[string]int64            // by name
	keyResults        map[string]map[string]int64 // by cycle name, then ref
	objectives        map[string]map[string]int64 // by cycle name, then ref
	history           timeline                    // still to write
	made              []madePlan                  // to settle once written
	sum               Summary
}

func newSeeder(ctx context.Context, svc Services, now time.Time) *seeder {
	return &seeder{
		ctx: ctx, svc: svc, now: now.UTC(), today: throughline.Day(now),
		teamIDs:       map[string]int64{},
		personIDs:     map[string]int64{},
		capabilityIDs: map[string]int64{},
		keyResults:    map[string]map[string]int64{},
		objectives:    map[string]map[string]int64{},
	}
}

// at moves the services' clock to the working morning of day, or to the
// moment of seeding when day is today.
func (s *seeder) at(day time.Time) {
	t := throughline.Day(day).Add(10 * time.Hour)
	if t.After(s.now) {
		t = s.now
	}
	s.svc.Clock.Set(t)
}

// fail names the step of the seed that failed, so that an admin reading
// the error knows how far it got. Steps within a step wrap their errors
// with fmt.Errorf and no prefix.
func fail(err error, format string, args ...any) error {
	return fmt.Errorf("demo: %s: %w", fmt.Sprintf(format, args...), err)
}

// person returns the ID of the person with a key from the data.
func (s *seeder) person(key string) (int64, error) {
	id, ok := s.personIDs[key]
	if !ok {
		return 0, fmt.Errorf("no person %q in the data", key)
	}
	return id, nil
}

// optionalPerson returns nil for an empty key.
func (s *seeder) optionalPerson(key string) (*int64, error) {
	if key == "" {
		return nil, nil
	}
	id, err := s.person(key)
	return &id, err
}

func (s *seeder) capability(name string) (int64, error) {
	id, ok := s.capabilityIDs[name]
	if !ok {
		return 0, fmt.Errorf("no capability %q in the data", name)
	}
	return id, nil
}

func (s *seeder) keyResult(c *throughline.Cycle, ref string) (int64, error) {
	id, ok := s.keyResults[c.Name][ref]
	if !ok {
		return 0, fmt.Errorf("no key result %q in %s", ref, c.Name)
	}
	return id, nil
}

// Clock is a clock that can be held at a moment. Give its Now to the
// store that Services wraps (storage.Options.Now). The zero value reads
// the real time; a nil *Clock ignores Set and Reset.
type Clock struct {
	mu   sync.Mutex
	held time.Time
}

// Now returns the moment the clock is held at, or the real time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held.IsZero() {
		return time.Now()
	}
	return c.held
}

// Set holds the clock at t.
func (c *Clock) Set(t time.Time) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.held = t
}

// Reset lets the clock run with the real time again.
func (c *Clock) Reset() { c.Set(time.Time{}) }

// IsNotEmpty reports whether err says the database already held data.
func IsNotEmpty(err error) bool { return errors.Is(err, ErrNotEmpty) }
