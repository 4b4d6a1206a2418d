package storage

import (
	"slices"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/exchange"
)

// insertGoals stores the goals of the document's plans, paths[i] being
// where goals[i] is in the document. Plans of earlier cycles go first, so
// that a goal carried over is stored with the ID of the goal it
// continues, which is always of an earlier cycle. A plan's goals go in
// together and in the document's order, which keeps their order.
func (w *graphWriter) insertGoals(g *exchange.Graph, plans []*throughline.DevelopmentPlan,
	goals []*throughline.DevelopmentGoal, paths []string,
) error {
	from := w.carriedFrom(g, paths)
	groups, err := w.byCycleStart(g, plans)
	if err != nil || len(w.p) > 0 {
		return err
	}
	for _, group := range groups {
		rows := make([]*throughline.DevelopmentGoal, len(group))
		for k, i := range group {
			rows[k] = goals[i]
			w.link(paths[i], goals[i], from[i], goals)
		}
		if len(w.p) > 0 {
			return nil
		}
		err := insertLogged(w, throughline.KindGoal, rows,
			func(g *throughline.DevelopmentGoal) int64 { return g.ID }, &w.sum.Goals)
		if err != nil {
			return err
		}
	}
	return nil
}

// link points a goal at the goal it continues, from, an index into goals
// or -1 for none. A goal not stored yet is of a cycle that starts no
// earlier.
func (w *graphWriter) link(path string, goal *throughline.DevelopmentGoal, from int,
	goals []*throughline.DevelopmentGoal,
) {
	if from < 0 {
		return
	}
	if goals[from].ID == 0 {
		w.p.Add(path+".carriedFrom", "continues a goal of a cycle that does not start earlier")
		return
	}
	goal.CarriedFromID = &goals[from].ID
	w.sum.Carried++
}

// carriedFrom returns, for each goal in the order of the document, the
// index of the goal it continues among all the document's goals, or -1.
func (w *graphWriter) carriedFrom(g *exchange.Graph, paths []string) []int {
	first := make(map[[2]string]int, len(g.Plans)) // a plan's first goal, by person and cycle
	sizes := make(map[[2]string]int, len(g.Plans))
	n := 0
	for _, p := range g.Plans {
		key := [2]string{p.Person, p.Cycle}
		first[key], sizes[key] = n, len(p.Goals)
		n += len(p.Goals)
	}
	from := make([]int, 0, n)
	for _, p := range g.Plans {
		for _, goal := range p.Goals {
			from = append(from, w.goalIndex(paths[len(from)], goal.CarriedFrom, first, sizes))
		}
	}
	return from
}

func (w *graphWriter) goalIndex(path string, ref *exchange.GoalRef,
	first, sizes map[[2]string]int,
) int {
	if ref == nil {
		return -1
	}
	key := [2]string{ref.Person, ref.Cycle}
	start, ok := first[key]
	if !ok || ref.Goal < 0 || ref.Goal >= sizes[key] {
		w.p.Add(path+".carriedFrom", "no goal %d in the plan of %q in %q",
			ref.Goal, ref.Person, ref.Cycle)
		return -1
	}
	return start + ref.Goal
}

// byCycleStart groups the indexes of the document's goals by the day
// their plan's cycle starts, earliest first.
func (w *graphWriter) byCycleStart(g *exchange.Graph,
	plans []*throughline.DevelopmentPlan,
) ([][]int, error) {
	var cycles []*throughline.Cycle
	if err := w.tx.Find(&cycles).Error; err != nil {
		return nil, mapError(err)
	}
	starts := make(map[int64]int64, len(cycles)) // by cycle ID, in Unix seconds
	for _, c := range cycles {
		starts[c.ID] = c.StartsOn.Unix()
	}
	byDay := map[int64][]int{}
	n := 0
	for i, p := range g.Plans {
		day := starts[plans[i].CycleID]
		for range p.Goals {
			byDay[day] = append(byDay[day], n)
			n++
		}
	}
	days := make([]int64, 0, len(byDay))
	for d := range byDay {
		days = append(days, d)
	}
	slices.Sort(days)
	groups := make([][]int, len(days))
	for i, d := range days {
		groups[i] = byDay[d]
	}
	return groups, nil
}
