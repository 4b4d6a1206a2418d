package exchange

import (
	"fmt"
	"time"
)

// carryCheck finds the goals that carriedFrom names: plans by person
// and cycle, and when each cycle of the document starts.
type carryCheck struct {
	*checker
	g      *Graph
	plans  map[[2]string]int // by person and cycle
	starts map[string]time.Time
}

// carried checks that each carriedFrom names a goal of the document, in
// a cycle that starts before the carried goal's own: a review carries a
// goal forward, never back, which also keeps the links from looping.
func (c *checker) carried(g *Graph) {
	cc := &carryCheck{checker: c, g: g, plans: make(map[[2]string]int, len(g.Plans)),
		starts: make(map[string]time.Time, len(g.Cycles))}
	for i, p := range g.Plans {
		cc.plans[[2]string{p.Person, p.Cycle}] = i
	}
	for _, cy := range g.Cycles {
		cc.starts[cy.Name] = cy.StartsOn.Time
	}
	for i, p := range g.Plans {
		for j, goal := range p.Goals {
			if goal.CarriedFrom != nil {
				path := fmt.Sprintf("plans[%d].goals[%d].carriedFrom", i, j)
				cc.goal(path, p.Cycle, *goal.CarriedFrom)
			}
		}
	}
}

func (cc *carryCheck) goal(path, cycle string, from GoalRef) {
	cc.required(path+".person", from.Person)
	cc.required(path+".cycle", from.Cycle)
	i, ok := cc.plans[[2]string{from.Person, from.Cycle}]
	if !ok {
		cc.add(path, "no plan of %q in cycle %q", from.Person, from.Cycle)
		return
	}
	if n := len(cc.g.Plans[i].Goals); from.Goal < 0 || from.Goal >= n {
		cc.add(path+".goal", "the plan of %q in %q has %d goals: positions 0 to %d",
			from.Person, from.Cycle, n, n-1)
	}
	start, known := cc.starts[from.Cycle]
	own, ownKnown := cc.starts[cycle]
	if known && ownKnown && !start.Before(own) {
		cc.add(path+".cycle", "a goal is carried over from a cycle that starts before %q", cycle)
	}
}
