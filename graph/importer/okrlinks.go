package importer

import (
	"fmt"
	"slices"
)

// refKey identifies an objective or key result by its cycle and ref.
type refKey struct{ cycle, ref string }

// objKey identifies an objective in the alignment graph: by cycle and ref,
// or by ID for a stored objective that has no ref.
type objKey struct {
	cycle, ref string
	id         int64
}

// storedOKRs indexes the OKR snapshot for lookups by ref and by ID.
type storedOKRs struct {
	objectives map[refKey]int64
	keyResults map[refKey]KeyResultRecord
	objByID    map[int64]ObjectiveRecord
	krByID     map[int64]KeyResultRecord
	aligns     map[int64][]AlignmentRecord
}

func indexOKRs(s *OKRSnapshot) storedOKRs {
	x := storedOKRs{
		objectives: make(map[refKey]int64, len(s.Objectives)),
		keyResults: make(map[refKey]KeyResultRecord, len(s.KeyResults)),
		objByID:    make(map[int64]ObjectiveRecord, len(s.Objectives)),
		krByID:     make(map[int64]KeyResultRecord, len(s.KeyResults)),
		aligns:     make(map[int64][]AlignmentRecord, len(s.Objectives)),
	}
	for _, o := range s.Objectives {
		x.objByID[o.ID] = o
		if o.Ref != "" {
			x.objectives[refKey{o.Cycle, o.Ref}] = o.ID
		}
	}
	for _, k := range s.KeyResults {
		x.krByID[k.ID] = k
		if k.Ref != "" {
			x.keyResults[refKey{x.objByID[k.ObjectiveID].Cycle, k.Ref}] = k
		}
	}
	for _, a := range s.Alignments {
		x.aligns[a.ObjectiveID] = append(x.aligns[a.ObjectiveID], a)
	}
	return x
}

// keyOf returns a stored objective's key in the alignment graph.
func (x storedOKRs) keyOf(id int64) objKey {
	o := x.objByID[id]
	if o.Ref == "" {
		return objKey{id: id}
	}
	return objKey{cycle: o.Cycle, ref: o.Ref}
}

// kindOf resolves a parent ref within a cycle: a row of the file first,
// then a stored row. The message says why it does not resolve; a row
// whose own type is wrong resolves to kindUnknown with no message, since
// that row is reported already.
func (c *okrCheck) kindOf(cycle, ref string) (rowKind, string) {
	if r, ok := c.byRef[ref]; ok {
		if r.cycle != cycle && r.cycle != "" {
			return kindUnknown, fmt.Sprintf("%q is in cycle %s; a parent must be in "+
				"the same cycle (%s)", ref, r.cycle, cycle)
		}
		return r.kind, ""
	}
	if _, ok := c.stored.objectives[refKey{cycle, ref}]; ok {
		return kindObjective, ""
	}
	if _, ok := c.stored.keyResults[refKey{cycle, ref}]; ok {
		return kindKeyResult, ""
	}
	return kindUnknown, fmt.Sprintf("no objective or key result in cycle %s has the ref %q",
		cycle, ref)
}

// checkParents resolves a row's parents: a key result's must be an
// objective; an objective's may be either, each named once.
func (c *okrCheck) checkParents(row *okrRow) {
	if row.cycle == "" || row.kind == kindUnknown {
		return
	}
	for i, ref := range row.parents {
		kind, msg := c.kindOf(row.cycle, ref)
		switch {
		case msg != "":
			c.p.add(row.line, "parent", "%s", msg)
		case slices.Contains(row.parents[:i], ref):
			c.p.add(row.line, "parent", "%q is listed twice", ref)
		case row.kind == kindKeyResult && kind == kindKeyResult:
			c.p.add(row.line, "parent", "%q is a key result; a key result's parent "+
				"must be an objective", ref)
		}
	}
}

// checkAlignmentLoops finds alignments that would make an objective its
// own ancestor. The graph is the stored one with the file's objectives
// and key results in place of the stored rows they update, so a loop
// through objectives outside the file is found too.
func (c *okrCheck) checkAlignmentLoops() {
	nodes := make([]objKey, 0, len(c.rows)+len(c.stored.objByID))
	for _, row := range c.rows {
		if row.kind == kindObjective && row.cycle != "" {
			nodes = append(nodes, objKey{cycle: row.cycle, ref: row.ref})
		}
	}
	for id := range c.stored.objByID {
		nodes = append(nodes, c.stored.keyOf(id))
	}
	loops := findLoops(nodes, c.alignParents)
	for _, row := range c.rows {
		c.reportLoops(row, loops)
	}
}

func (c *okrCheck) reportLoops(row *okrRow, loops map[objKey]int) {
	if row.kind != kindObjective || row.cycle == "" {
		return
	}
	me := objKey{cycle: row.cycle, ref: row.ref}
	for _, ref := range row.parents {
		if parent, ok := c.parentObjective(row.cycle, ref); ok && onLoop(loops, me, parent) {
			c.p.add(row.line, "parent", "aligning to %q makes a loop: the objective "+
				"would align to itself", ref)
		}
	}
}

// alignParents returns the objectives directly above one: through a key
// result, its objective.
func (c *okrCheck) alignParents(k objKey) []objKey {
	var out []objKey
	if row, ok := c.fileObjective(k); ok {
		for _, ref := range row.parents {
			if p, ok := c.parentObjective(row.cycle, ref); ok {
				out = append(out, p)
			}
		}
		return out
	}
	id := k.id
	if id == 0 {
		id = c.stored.objectives[refKey{k.cycle, k.ref}]
	}
	for _, a := range c.stored.aligns[id] {
		if p, ok := c.storedParent(a); ok {
			out = append(out, p)
		}
	}
	return out
}

func (c *okrCheck) fileObjective(k objKey) (*okrRow, bool) {
	if k.id != 0 {
		return nil, false
	}
	row, ok := c.byRef[k.ref]
	if !ok || row.cycle != k.cycle || row.kind != kindObjective {
		return nil, false
	}
	return row, true
}

// parentObjective returns the objective a parent ref leads to: the
// objective itself, or a key result's objective.
func (c *okrCheck) parentObjective(cycle, ref string) (objKey, bool) {
	switch kind, msg := c.kindOf(cycle, ref); {
	case msg != "":
		return objKey{}, false
	case kind == kindObjective:
		return objKey{cycle: cycle, ref: ref}, true
	case kind == kindKeyResult:
		return c.objectiveOfKR(cycle, ref)
	}
	return objKey{}, false
}

// objectiveOfKR returns the objective a key result will belong to: the
// file's parent when the file holds the key result, else the stored one.
func (c *okrCheck) objectiveOfKR(cycle, ref string) (objKey, bool) {
	if r, ok := c.byRef[ref]; ok && r.cycle == cycle {
		if r.kind != kindKeyResult || len(r.parents) != 1 {
			return objKey{}, false
		}
		return objKey{cycle: cycle, ref: r.parents[0]}, true
	}
	if kr, ok := c.stored.keyResults[refKey{cycle, ref}]; ok {
		return c.stored.keyOf(kr.ObjectiveID), true
	}
	return objKey{}, false
}

// storedParent returns the objective a stored alignment leads to.
func (c *okrCheck) storedParent(a AlignmentRecord) (objKey, bool) {
	if a.ParentObjectiveID != 0 {
		return c.stored.keyOf(a.ParentObjectiveID), true
	}
	kr, ok := c.stored.krByID[a.ParentKeyResultID]
	if !ok {
		return objKey{}, false
	}
	if kr.Ref == "" {
		return c.stored.keyOf(kr.ObjectiveID), true
	}
	return c.objectiveOfKR(c.stored.objByID[kr.ObjectiveID].Cycle, kr.Ref)
}

func (c *okrCheck) plan() *OKRPlan {
	plan := &OKRPlan{}
	for _, name := range c.cycleOrder {
		cr := c.cycles[name]
		plan.Cycles = append(plan.Cycles, PlanCycle{Name: name, StartsOn: cr.start, EndsOn: cr.end})
	}
	teams := map[string]bool{}
	for _, row := range c.rows {
		switch row.kind {
		case kindObjective:
			if row.team != "" && !teams[row.team] {
				teams[row.team] = true
				plan.Teams = append(plan.Teams, row.team)
			}
			plan.Objectives = append(plan.Objectives, c.planObjective(row))
		case kindKeyResult:
			plan.KeyResults = append(plan.KeyResults, planKeyResult(row))
		}
	}
	return plan
}

func (c *okrCheck) planObjective(row *okrRow) PlanObjective {
	o := PlanObjective{Cycle: row.cycle, Ref: row.ref, Level: row.level,
		Title: row.title, Owner: row.owner, Team: row.team}
	for _, ref := range row.parents {
		kind, _ := c.kindOf(row.cycle, ref)
		o.AlignTo = append(o.AlignTo, PlanRef{Cycle: row.cycle, Ref: ref,
			KeyResult: kind == kindKeyResult})
	}
	return o
}

func planKeyResult(row *okrRow) PlanKeyResult {
	return PlanKeyResult{Cycle: row.cycle, Ref: row.ref, Objective: row.parents[0],
		Title: row.title, Owner: row.owner, Start: row.start, Target: row.target,
		Current: row.current, Unit: row.unit, Critical: row.crit}
}
