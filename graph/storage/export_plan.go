package storage

import (
	"fmt"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/exchange"
)

// writeCapabilities stores the framework: each capability, then every
// level of every scale.
func (w *graphWriter) writeCapabilities(g *exchange.Graph) error {
	rows := make([]*throughline.Capability, len(g.Capabilities))
	for i, c := range g.Capabilities {
		rows[i] = &throughline.Capability{Name: c.Name, Description: c.Description,
			CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	}
	if err := insertAll(w.tx, rows, &w.sum.Capabilities); err != nil {
		return conflictOn(err, "capabilities", "a capability of the file exists already")
	}
	var all []*throughline.CapabilityLevel
	for i, c := range g.Capabilities {
		w.capabilities[c.Name] = rows[i].ID
		scale := make([]*throughline.CapabilityLevel, len(c.Levels))
		for j, l := range c.Levels {
			scale[j] = &throughline.CapabilityLevel{CapabilityID: rows[i].ID,
				Level: l.Level, Name: l.Name, Descriptor: l.Descriptor}
		}
		all = append(all, scale...)
		w.log.add(throughline.KindCapability, rows[i].ID, nil,
			&capabilityState{Capability: rows[i], Levels: scale})
	}
	var n int
	return insertAll(w.tx, all, &n)
}

func (w *graphWriter) writeRequirements(g *exchange.Graph) error {
	rows := make([]*throughline.CapabilityRequirement, len(g.Requirements))
	for i, r := range g.Requirements {
		path := fmt.Sprintf("requirements[%d]", i)
		rows[i] = &throughline.CapabilityRequirement{
			KeyResultID:  w.keyResult(path+".keyResult", r.KeyResult),
			CapabilityID: w.capability(path+".capability", r.Capability),
			Level:        r.Level, Reason: r.Reason, CreatedAt: r.CreatedAt,
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	err := insertLogged(w, throughline.KindRequirement, rows,
		func(r *throughline.CapabilityRequirement) int64 { return r.ID }, &w.sum.Requirements)
	return conflictOn(err, "requirements", "a key result needs a capability twice")
}

// writeAssessments stores the assessments in the document's order, which
// keeps the later of two on the same day the current one, then their
// evidence.
func (w *graphWriter) writeAssessments(g *exchange.Graph) error {
	rows := make([]*throughline.Assessment, len(g.Assessments))
	for i, a := range g.Assessments {
		path := fmt.Sprintf("assessments[%d]", i)
		rows[i] = &throughline.Assessment{
			PersonID:     w.person(path+".person", a.Person),
			CapabilityID: w.capability(path+".capability", a.Capability),
			AssessedByID: w.optionalPerson(path+".assessedBy", a.AssessedBy),
			Level:        a.Level, AssessedOn: a.AssessedOn.Time, Note: a.Note,
			CreatedAt: a.CreatedAt,
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	if err := insertAll(w.tx, rows, &w.sum.Assessments); err != nil {
		return err
	}
	var all []*throughline.Evidence
	states := make([]*assessmentState, len(rows))
	for i, a := range g.Assessments {
		states[i] = &assessmentState{Assessment: rows[i],
			Evidence: make([]*throughline.Evidence, len(a.Evidence))}
		for j, e := range a.Evidence {
			states[i].Evidence[j] = &throughline.Evidence{AssessmentID: rows[i].ID,
				Kind: e.Kind, Description: e.Description, ObservedOn: e.ObservedOn.TimePtr()}
		}
		all = append(all, states[i].Evidence...)
	}
	if err := insertAll(w.tx, all, &w.sum.Evidence); err != nil {
		return err
	}
	for _, st := range states {
		w.log.add(throughline.KindAssessment, st.ID, nil, st) // with the evidence's IDs
	}
	return nil
}

// writePlans stores the plans at the versions they had, then their goals,
// the goals' actions, and the check-ins.
func (w *graphWriter) writePlans(g *exchange.Graph) error {
	plans := make([]*throughline.DevelopmentPlan, len(g.Plans))
	for i, p := range g.Plans {
		path := fmt.Sprintf("plans[%d]", i)
		plans[i] = &throughline.DevelopmentPlan{
			PersonID: w.person(path+".person", p.Person),
			CycleID: lookup(w, w.cycles, path+".cycle", p.Cycle,
				"no cycle is named %q", p.Cycle),
			Status: p.Status, StatusReason: p.StatusReason, Version: p.Version,
			CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	err := insertLogged(w, throughline.KindPlan, plans,
		func(p *throughline.DevelopmentPlan) int64 { return p.ID }, &w.sum.Plans)
	if err != nil {
		return conflictOn(err, "plans", "a person has two plans for one cycle")
	}
	if err := w.writeGoals(g, plans); err != nil {
		return err
	}
	return w.writeCheckIns(g, plans)
}

func (w *graphWriter) writeGoals(g *exchange.Graph, plans []*throughline.DevelopmentPlan) error {
	var goals []*throughline.DevelopmentGoal
	var paths []string // each goal's path in the document, in the order of goals
	var actions [][]exchange.Action
	for i, p := range g.Plans {
		for j, goal := range p.Goals {
			path := fmt.Sprintf("plans[%d].goals[%d]", i, j)
			goals = append(goals, w.goal(path, plans[i].ID, goal))
			paths, actions = append(paths, path), append(actions, goal.Actions)
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	if err := w.insertGoals(g, plans, goals, paths); err != nil || len(w.p) > 0 {
		return err
	}
	var rows []*throughline.DevelopmentAction
	for k, list := range actions {
		for m, a := range list {
			field := fmt.Sprintf("%s.actions[%d].supporter", paths[k], m)
			rows = append(rows, &throughline.DevelopmentAction{GoalID: goals[k].ID,
				Kind: a.Kind, Title: a.Title, SupporterID: w.optionalPerson(field, a.Supporter),
				SupporterRole: a.SupporterRole, DueOn: a.DueOn.TimePtr(),
				DoneOn: a.DoneOn.TimePtr(), Outcome: a.Outcome,
				CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt})
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	return insertLogged(w, throughline.KindAction, rows,
		func(a *throughline.DevelopmentAction) int64 { return a.ID }, &w.sum.Actions)
}

func (w *graphWriter) goal(path string, planID int64,
	g exchange.Goal,
) *throughline.DevelopmentGoal {
	row := &throughline.DevelopmentGoal{PlanID: planID, Lane: g.Lane, Title: g.Title,
		ChangeInWork: g.ChangeInWork, TargetLevel: g.TargetLevel, Horizon: g.Horizon,
		State: g.State, CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt}
	if g.KeyResult != nil {
		id := w.keyResult(path+".keyResult", *g.KeyResult)
		row.KeyResultID = &id
	}
	if g.Capability != "" {
		id := w.capability(path+".capability", g.Capability)
		row.CapabilityID = &id
	}
	return row
}

func (w *graphWriter) writeCheckIns(g *exchange.Graph, plans []*throughline.DevelopmentPlan) error {
	var rows []*throughline.CheckIn
	for i, p := range g.Plans {
		for j, c := range p.CheckIns {
			author := w.optionalPerson(fmt.Sprintf("plans[%d].checkIns[%d].author", i, j), c.Author)
			rows = append(rows, &throughline.CheckIn{PlanID: plans[i].ID, Kind: c.Kind,
				HeldOn: c.HeldOn.Time, AuthorID: author, CapabilityBuilding: c.CapabilityBuilding,
				RealWork: c.RealWork, StillHard: c.StillHard, SupportNeeded: c.SupportNeeded,
				OutputImproved: c.OutputImproved, ObservedChange: c.ObservedChange,
				StatusAfter: c.StatusAfter, StatusReason: c.StatusReason, Note: c.Note,
				NotePrivate: c.NotePrivate, CreatedAt: c.CreatedAt})
		}
	}
	if len(w.p) > 0 {
		return nil
	}
	return insertLogged(w, throughline.KindCheckIn, rows,
		func(c *throughline.CheckIn) int64 { return c.ID }, &w.sum.CheckIns)
}
