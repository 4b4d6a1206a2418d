package demo

import (
	"slices"
	"time"
)

// event is a write that belongs on a day of the demo's history: a
// check-in, an action marked done, a quarterly review, a handover. Its
// run may return events that it made possible and that come later: a
// handover returns the acknowledgement of the packs it made.
type event struct {
	on   time.Time
	what string // names the event in an error, for the admin
	run  func() ([]event, error)
}

// timeline holds the history still to write, in date order; events on
// the same day keep the order they were added in.
type timeline struct{ events []event }

// add puts events in their place: after every event of their day or
// before it that is already there.
func (t *timeline) add(es ...event) {
	for _, e := range es {
		i, _ := slices.BinarySearchFunc(t.events, e.on, func(x event, on time.Time) int {
			if x.on.After(on) {
				return 1
			}
			return -1
		})
		t.events = slices.Insert(t.events, i, e)
	}
}

// named labels events for errors.
func named(what string, es []event) []event {
	for i := range es {
		es[i].what = what
	}
	return es
}

// replay writes the history day by day, with the services' clock on the
// day of each event, so that every plan, pack and person reads on each day
// as it did then: a handover freezes a plan as it stood at the move, and a
// check-in is written by whoever managed the person that day.
func (s *seeder) replay() error {
	for len(s.history.events) > 0 {
		e := s.history.events[0]
		s.history.events = s.history.events[1:]
		s.at(e.on)
		later, err := e.run()
		if err != nil {
			return fail(err, "%s", e.what)
		}
		s.history.add(later...)
	}
	return nil
}
