package exchange

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	throughline "throughline.dev/graph"
)

// Check applies to a graph document the rules the API applies to each
// record, and the rules of the format: keys present and unique, OKR file
// names that stay inside the export's directory, levels within their
// capability's scale, positions (of a handover, of a goal carried over)
// that name an entry of the document. Every problem is reported, each
// with the path of the field in graph.json, such as
// plans[3].goals[0].title.
func Check(g *Graph) error {
	c := &checker{scales: map[string]int{}}
	c.cycles(g.Cycles)
	c.teams(g.Teams)
	c.capabilities(g.Capabilities)
	for i, o := range g.Objectives {
		c.objective(fmt.Sprintf("objectives[%d]", i), o)
	}
	for i, k := range g.KeyResults {
		c.keyResult(fmt.Sprintf("keyResults[%d]", i), k)
	}
	for i, r := range g.Requirements {
		c.requirement(fmt.Sprintf("requirements[%d]", i), r)
	}
	for i, a := range g.Assessments {
		c.assessment(fmt.Sprintf("assessments[%d]", i), a)
	}
	seen := map[[2]string]int{}
	for i, p := range g.Plans {
		path := fmt.Sprintf("plans[%d]", i)
		c.plan(path, p)
		if j, twice := seen[[2]string{p.Person, p.Cycle}]; twice {
			c.add(path+".cycle", "%s has a plan for %s already, at plans[%d]: one plan "+
				"per person and cycle", p.Person, p.Cycle, j)
		}
		seen[[2]string{p.Person, p.Cycle}] = i
	}
	c.checkVersion2(g)
	// Text is checked as the API checks what people type; the walk names
	// the first problem only, which is enough to find the rest by.
	if err := throughline.CheckTexts(g); err != nil {
		c.add(throughline.ErrorField(err), "%s", throughline.ErrorMessage(err))
	}
	return c.p.Err()
}

// checker collects the problems of one document; scales holds the number
// of levels of each capability the document defines.
type checker struct {
	p      throughline.Problems
	scales map[string]int
}

func (c *checker) add(field, format string, args ...any) {
	c.p.Add(field, format, args...)
}

// domain adds the problems a domain rule found, under path. The rules
// name the API's input fields; the document's names differ for
// references, which it makes by key rather than by ID.
func (c *checker) domain(path string, err error) {
	var ve *throughline.ValidationError
	var de *throughline.Error
	switch {
	case err == nil:
	case errors.As(err, &ve):
		for _, p := range ve.Problems {
			c.add(path+"."+documentField(p.Field), "%s", p.Message)
		}
	case errors.As(err, &de):
		c.add(path+"."+documentField(de.Field), "%s", de.Message)
	default:
		c.add(path, "%v", err)
	}
}

func documentField(apiField string) string {
	return strings.TrimSuffix(apiField, "Id")
}

func (c *checker) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		c.add(field, "is required")
	}
}

func (c *checker) cycles(cycles []Cycle) {
	names, files := map[string]bool{}, map[string]bool{}
	for i, cy := range cycles {
		path := fmt.Sprintf("cycles[%d]", i)
		c.unique(path+".name", cy.Name, names)
		if cy.EndsOn.Before(cy.StartsOn.Time) {
			c.add(path+".endsOn", "the cycle ends before it starts")
		}
		if cy.OKRFile == "" {
			continue
		}
		if !okrFileName(cy.OKRFile) {
			c.add(path+".okrFile", "%q is not a file name of the form okrs-<cycle>.csv",
				cy.OKRFile)
		}
		c.unique(path+".okrFile", cy.OKRFile, files)
	}
}

// okrFileName reports whether name is a plain okrs-*.csv name: one that
// cannot point outside the export's directory.
func okrFileName(name string) bool {
	return filepath.Base(name) == name && !strings.ContainsAny(name, `/\`) &&
		strings.HasPrefix(name, "okrs-") && strings.HasSuffix(name, ".csv")
}

// unique reports a missing or repeated key.
func (c *checker) unique(field, key string, seen map[string]bool) {
	switch {
	case strings.TrimSpace(key) == "":
		c.add(field, "is required")
	case seen[key]:
		c.add(field, "%q is listed twice", key)
	}
	seen[key] = true
}

func (c *checker) teams(teams []Team) {
	names := map[string]bool{}
	for i, t := range teams {
		c.unique(fmt.Sprintf("teams[%d].name", i), t.Name, names)
	}
}

func (c *checker) capabilities(caps []Capability) {
	names := map[string]bool{}
	for i, cp := range caps {
		path := fmt.Sprintf("capabilities[%d]", i)
		c.unique(path+".name", cp.Name, names)
		levels := make([]*throughline.CapabilityLevel, len(cp.Levels))
		for j, l := range cp.Levels {
			levels[j] = &throughline.CapabilityLevel{Level: l.Level, Name: l.Name}
		}
		c.domain(path, throughline.CheckCapability(&throughline.Capability{Name: cp.Name}, levels))
		c.scales[cp.Name] = len(cp.Levels)
	}
}

// level checks the level in field against the scale of a capability of
// the document.
func (c *checker) level(path, capability, field string, level int32) {
	n, ok := c.scales[capability]
	if !ok {
		c.add(path+".capability", "%q is not among the capabilities", capability)
		return
	}
	c.domain(path, throughline.CheckLevel(field, level, n))
}

func (c *checker) ref(path string, r Ref) {
	c.required(path+".cycle", r.Cycle)
	c.required(path+".ref", r.Ref)
}

func (c *checker) objective(path string, o Objective) {
	c.ref(path, o.Ref)
	for j, p := range o.OtherCycleParents {
		pp := fmt.Sprintf("%s.otherCycleParents[%d]", path, j)
		c.ref(pp, p.Ref)
		if p.Type != TypeObjective && p.Type != TypeKeyResult {
			c.add(pp+".type", "%q is not %s or %s", p.Type, TypeObjective, TypeKeyResult)
		}
	}
}

func (c *checker) confidence(field string, v *int32) {
	if v != nil && (*v < 0 || *v > 100) {
		c.add(field, "confidence runs from 0 to 100, not %d", *v)
	}
}

func (c *checker) keyResult(path string, k KeyResult) {
	c.ref(path, k.Ref)
	c.confidence(path+".confidence", k.Confidence)
	for j, u := range k.Progress {
		pp := fmt.Sprintf("%s.progress[%d]", path, j)
		c.confidence(pp+".confidence", u.Confidence)
		if u.RecordedAt.IsZero() {
			c.add(pp+".recordedAt", "is required")
		}
	}
}

func (c *checker) requirement(path string, r Requirement) {
	c.ref(path+".keyResult", r.KeyResult)
	c.level(path, r.Capability, "level", r.Level)
	c.domain(path, throughline.CheckRequirement(&throughline.CapabilityRequirement{
		Reason: r.Reason}))
}

func (c *checker) assessment(path string, a Assessment) {
	c.required(path+".person", a.Person)
	c.level(path, a.Capability, "level", a.Level)
	evidence := make([]*throughline.Evidence, len(a.Evidence))
	for j, e := range a.Evidence {
		evidence[j] = &throughline.Evidence{Kind: e.Kind, Description: e.Description}
	}
	c.domain(path, throughline.CheckEvidence(evidence))
}

func (c *checker) plan(path string, p Plan) {
	c.required(path+".person", p.Person)
	c.required(path+".cycle", p.Cycle)
	c.domain(path, throughline.CheckStatus(p.Status, p.StatusReason, "status", "statusReason"))
	if p.Version < 1 {
		c.add(path+".version", "a plan's version starts at 1")
	}
	active := 0
	for j, g := range p.Goals {
		gp := fmt.Sprintf("%s.goals[%d]", path, j)
		c.goal(gp, g, active)
		if g.KeyResult != nil {
			c.domain(gp, throughline.CheckKeyResultCycle(g.Lane, g.KeyResult.Cycle, p.Cycle))
		}
		if g.Lane == throughline.LaneExecution && g.State == throughline.GoalActive {
			active++
		}
	}
	for j, ci := range p.CheckIns {
		c.domain(fmt.Sprintf("%s.checkIns[%d]", path, j), throughline.CheckCheckIn(
			&throughline.CheckIn{Kind: ci.Kind, HeldOn: ci.HeldOn.Time,
				ObservedChange: ci.ObservedChange, StatusAfter: ci.StatusAfter,
				StatusReason: ci.StatusReason}))
	}
}

// goal checks a goal as the API would add it to a plan that holds active
// execution goals already.
func (c *checker) goal(path string, g Goal, active int) {
	d := &throughline.DevelopmentGoal{Lane: g.Lane, Title: g.Title, State: g.State,
		TargetLevel: g.TargetLevel}
	if g.KeyResult != nil {
		d.KeyResultID = new(int64)
		c.ref(path+".keyResult", *g.KeyResult)
	}
	if g.Capability != "" {
		d.CapabilityID = new(int64)
		if g.TargetLevel != nil {
			c.level(path, g.Capability, "targetLevel", *g.TargetLevel)
		}
	}
	c.domain(path, throughline.CheckGoal(d, active))
	if len(g.Actions) > throughline.MaxActionsPerGoal {
		c.domain(path, throughline.CheckActionRoom(len(g.Actions)-1, "actions"))
	}
	for j, a := range g.Actions {
		ap := fmt.Sprintf("%s.actions[%d]", path, j)
		d := &throughline.DevelopmentAction{Kind: a.Kind, Title: a.Title,
			SupporterRole: a.SupporterRole, DoneOn: a.DoneOn.TimePtr()}
		if a.Supporter != "" {
			d.SupporterID = new(int64)
		}
		c.domain(ap, throughline.CheckAction(d))
	}
}
