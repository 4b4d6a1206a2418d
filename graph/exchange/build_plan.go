package exchange

import (
	"cmp"
	"slices"

	throughline "throughline.dev/graph"
)

// planList writes plans sorted by person and cycle, each with its goals
// and their actions in the order they were made, and its check-ins by the
// day they were held.
func (b *builder) planList() []Plan {
	actions := map[int64][]Action{}
	for _, a := range b.d.Actions {
		actions[a.GoalID] = append(actions[a.GoalID], b.action(a))
	}
	goals := map[int64][]Goal{}
	for _, g := range b.d.Goals {
		goal := b.goal(g)
		goal.Actions = actions[g.ID]
		goals[g.PlanID] = append(goals[g.PlanID], goal)
	}
	checkIns := map[int64][]CheckIn{}
	for _, c := range b.d.CheckIns {
		checkIns[c.PlanID] = append(checkIns[c.PlanID], b.checkIn(c))
	}
	out := make([]Plan, 0, len(b.d.Plans))
	for _, p := range b.d.Plans {
		held := checkIns[p.ID]
		slices.SortStableFunc(held, func(x, y CheckIn) int { return x.HeldOn.Compare(y.HeldOn.Time) })
		out = append(out, Plan{Person: b.emails[p.PersonID], Cycle: b.cycles[p.CycleID].Name,
			Status: p.Status, StatusReason: p.StatusReason, Version: p.Version,
			CreatedAt: p.CreatedAt.UTC(), UpdatedAt: p.UpdatedAt.UTC(), Goals: goals[p.ID], CheckIns: held})
	}
	slices.SortFunc(out, func(x, y Plan) int {
		return cmp.Or(cmp.Compare(x.Person, y.Person), cmp.Compare(x.Cycle, y.Cycle))
	})
	return out
}

// nameGoals gives every goal its key: its plan's person and cycle, and
// its position among the plan's goals in the order they were made.
func (b *builder) nameGoals() {
	plans := byID(b.d.Plans, func(p *throughline.DevelopmentPlan) int64 { return p.ID })
	b.goalRefs = make(map[int64]GoalRef, len(b.d.Goals))
	made := map[int64]int{} // goals seen so far, by plan
	for _, g := range b.d.Goals {
		p := plans[g.PlanID]
		b.goalRefs[g.ID] = GoalRef{Person: b.emails[p.PersonID],
			Cycle: b.cycles[p.CycleID].Name, Goal: made[g.PlanID]}
		made[g.PlanID]++
	}
}

func (b *builder) goal(g *throughline.DevelopmentGoal) Goal {
	out := Goal{Lane: g.Lane, Title: g.Title, ChangeInWork: g.ChangeInWork,
		TargetLevel: g.TargetLevel, Horizon: g.Horizon, State: g.State,
		CreatedAt: g.CreatedAt.UTC(), UpdatedAt: g.UpdatedAt.UTC()}
	if g.CarriedFromID != nil {
		from := b.goalRefs[*g.CarriedFromID]
		out.CarriedFrom = &from
	}
	if g.KeyResultID != nil {
		k := b.keyResultKey(*g.KeyResultID)
		out.KeyResult = &k
	}
	if g.CapabilityID != nil {
		out.Capability = b.capabilities[*g.CapabilityID]
	}
	return out
}

func (b *builder) action(a *throughline.DevelopmentAction) Action {
	return Action{Kind: a.Kind, Title: a.Title, Supporter: b.email(a.SupporterID),
		SupporterRole: a.SupporterRole, DueOn: DateOfPtr(a.DueOn), DoneOn: DateOfPtr(a.DoneOn),
		Outcome: a.Outcome, CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC()}
}

func (b *builder) checkIn(c *throughline.CheckIn) CheckIn {
	return CheckIn{Kind: c.Kind, HeldOn: DateOf(c.HeldOn), Author: b.email(c.AuthorID),
		CapabilityBuilding: c.CapabilityBuilding, RealWork: c.RealWork, StillHard: c.StillHard,
		SupportNeeded: c.SupportNeeded, OutputImproved: c.OutputImproved,
		ObservedChange: c.ObservedChange, StatusAfter: c.StatusAfter,
		StatusReason: c.StatusReason, Note: c.Note, NotePrivate: c.NotePrivate,
		CreatedAt: c.CreatedAt.UTC()}
}
