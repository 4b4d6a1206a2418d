package importer

import (
	"context"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	throughline "throughline.dev/graph"
)

var okrLayout = layout{
	required: []string{"cycle", "ref", "type", "parent", "level", "team", "owner", "title"},
	optional: []string{"cycle_start", "cycle_end", "start", "target", "current", "unit", "critical"},
}

// ImportOKRs reads an OKR file and writes it in one transaction, or writes
// nothing and returns an *Error listing every problem. Owners are looked
// up among the people already stored. name is the file's name as problems
// should cite it.
func ImportOKRs(ctx context.Context, store Store, r io.Reader, name string) (Summary, error) {
	p := &problems{file: name}
	recs := readRecords(r, okrLayout, p)
	if recs == nil {
		return Summary{}, p.err()
	}
	org, err := store.OrgForImport(ctx)
	if err != nil {
		return Summary{}, err
	}
	okrs, err := store.OKRsForImport(ctx)
	if err != nil {
		return Summary{}, err
	}
	plan := checkOKRs(recs, org, okrs, p)
	if err := p.err(); err != nil {
		return Summary{}, err
	}
	return store.ApplyOKRImport(ctx, plan)
}

// rowKind is what a row of an OKR file, or a stored row, is.
type rowKind int

const (
	kindUnknown rowKind = iota // a row whose type column is wrong
	kindObjective
	kindKeyResult
)

// okrRow is one row of an OKR file as read. owner is an email.
type okrRow struct {
	line    int
	kind    rowKind
	cycle   string
	ref     string
	parents []string
	level   throughline.ObjectiveLevel
	team    string
	owner   string
	title   string
	start   *float64
	target  *float64
	current *float64
	unit    string
	crit    bool
}

// cycleRow is a cycle the file uses. line is the row that gave its dates,
// 0 when the dates come from the quarter's name.
type cycleRow struct {
	start, end time.Time
	line       int
}

// okrCheck holds what checking one OKR file needs to look up.
type okrCheck struct {
	p          *problems
	rows       []*okrRow
	byRef      map[string]*okrRow
	cycles     map[string]*cycleRow
	cycleOrder []string
	emails     map[string]bool
	byTitle    map[string][]string
	stored     storedOKRs
}

func checkOKRs(recs []record, org *OrgSnapshot, okrs *OKRSnapshot, p *problems) *OKRPlan {
	c := &okrCheck{p: p, byRef: map[string]*okrRow{}, cycles: map[string]*cycleRow{},
		stored: indexOKRs(okrs)}
	c.indexPeople(org)
	for _, rec := range recs {
		c.readRow(rec)
	}
	c.checkStoredCycles(okrs.Cycles)
	for _, row := range c.rows {
		c.checkParents(row)
	}
	c.checkAlignmentLoops()
	if len(p.list) > 0 {
		return nil
	}
	return c.plan()
}

func (c *okrCheck) indexPeople(org *OrgSnapshot) {
	c.emails = make(map[string]bool, len(org.People))
	c.byTitle = make(map[string][]string, len(org.People))
	for _, p := range org.People {
		c.emails[p.Email] = true
		t := normTitle(p.Title)
		c.byTitle[t] = append(c.byTitle[t], p.Email)
	}
}

func normTitle(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// readRow checks one row's own fields and notes its ref.
func (c *okrCheck) readRow(rec record) {
	row := &okrRow{line: rec.line, cycle: rec.get("cycle"), ref: rec.get("ref"),
		team: rec.get("team"), title: rec.get("title"), unit: rec.get("unit"),
		parents: splitRefs(rec.get("parent"))}
	c.readType(row, rec.get("type"))
	c.readCycle(row, rec)
	switch row.kind {
	case kindObjective:
		c.readObjective(row, rec)
	case kindKeyResult:
		c.readKeyResult(row, rec)
	}
	row.owner = c.owner(rec.line, rec.get("owner"))
	if row.title == "" {
		c.p.add(rec.line, "title", "a title is required")
	}
	c.noteRef(row)
}

func (c *okrCheck) readType(row *okrRow, typ string) {
	switch strings.ToLower(typ) {
	case "objective":
		row.kind = kindObjective
	case "key_result":
		row.kind = kindKeyResult
	case "":
		c.p.add(row.line, "type", "a type is required: objective or key_result")
	default:
		c.p.add(row.line, "type", "%q is not a type; use objective or key_result", typ)
	}
}

// noteRef records the row under its ref; a repeated ref is reported at
// the later line and the row is left out.
func (c *okrCheck) noteRef(row *okrRow) {
	switch prev, dup := c.byRef[row.ref]; {
	case row.ref == "":
		c.p.add(row.line, "ref", "a ref is required")
	case strings.Contains(row.ref, ";"):
		c.p.add(row.line, "ref", "%q holds a ;, which separates refs in the parent column", row.ref)
	case dup:
		c.p.add(row.line, "ref", "%q is already on line %d", row.ref, prev.line)
	default:
		c.byRef[row.ref] = row
		c.rows = append(c.rows, row)
		c.checkStoredKind(row)
	}
}

// checkStoredKind refuses a row whose cycle and ref name a stored row of
// the other kind: the ref is the row's identity, so it keeps its kind.
func (c *okrCheck) checkStoredKind(row *okrRow) {
	k := refKey{row.cycle, row.ref}
	_, isObj := c.stored.objectives[k]
	_, isKR := c.stored.keyResults[k]
	switch {
	case row.kind == kindKeyResult && isObj:
		c.p.add(row.line, "type", "%q is an objective in the database; a ref keeps its type", row.ref)
	case row.kind == kindObjective && isKR:
		c.p.add(row.line, "type", "%q is a key result in the database; a ref keeps its type", row.ref)
	}
}

func (c *okrCheck) readObjective(row *okrRow, rec record) {
	switch lvl := rec.get("level"); strings.ToLower(lvl) {
	case "company", "team", "individual":
		row.level = throughline.ObjectiveLevel(strings.ToUpper(lvl))
	case "":
		c.p.add(row.line, "level", "an objective needs a level: company, team or individual")
	default:
		c.p.add(row.line, "level", "%q is not a level; use company, team or individual", lvl)
	}
	if row.level == throughline.LevelCompany && len(row.parents) > 0 {
		c.p.add(row.line, "parent", "a company objective aligns to nothing")
	}
	for _, col := range []string{"start", "target", "current", "unit", "critical"} {
		if rec.get(col) != "" {
			c.p.add(row.line, col, "applies to key results only")
		}
	}
}

func (c *okrCheck) readKeyResult(row *okrRow, rec record) {
	for _, col := range []string{"level", "team"} {
		if rec.get(col) != "" {
			c.p.add(row.line, col, "applies to objectives only")
		}
	}
	switch len(row.parents) {
	case 0:
		c.p.add(row.line, "parent", "a key result needs the ref of its objective")
	case 1:
	default:
		c.p.add(row.line, "parent", "a key result belongs to exactly one objective")
	}
	row.start = c.number(rec, "start")
	row.target = c.number(rec, "target")
	row.current = c.number(rec, "current")
	row.crit = c.yesNo(rec, "critical")
	c.checkMetric(row, rec)
}

// checkMetric refuses metric values on a done / not done key result and
// gives a metric its default start.
func (c *okrCheck) checkMetric(row *okrRow, rec record) {
	if row.target != nil && row.start == nil {
		row.start = new(float64)
	}
	if rec.get("target") != "" {
		return // a metric, or a malformed target reported already
	}
	for _, col := range []string{"start", "current", "unit"} {
		if rec.get(col) != "" {
			c.p.add(row.line, col, "a metric needs a target; leave %s empty for a "+
				"done / not done key result", col)
		}
	}
}

func (c *okrCheck) number(rec record, col string) *float64 {
	s := rec.get(col)
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		c.p.add(rec.line, col, "%q is not a number", s)
		return nil
	}
	return &v
}

func (c *okrCheck) yesNo(rec record, col string) bool {
	switch s := rec.get(col); strings.ToLower(s) {
	case "yes":
		return true
	case "no", "":
		return false
	default:
		c.p.add(rec.line, col, "%q is not yes or no", s)
		return false
	}
}

// owner resolves the owner column to an email: an email must be stored,
// a title must name exactly one stored person.
func (c *okrCheck) owner(line int, s string) string {
	if s == "" {
		return ""
	}
	if strings.Contains(s, "@") {
		email := strings.ToLower(s)
		if !c.emails[email] {
			c.p.add(line, "owner", "nobody in the database has the email %q", s)
		}
		return email
	}
	matches := c.byTitle[normTitle(s)]
	switch len(matches) {
	case 0:
		c.p.add(line, "owner", "%q matches nobody", s)
	case 1:
		return matches[0]
	default:
		c.p.add(line, "owner", "%q matches %d people (%s); give an email instead",
			s, len(matches), listSome(matches, 3))
	}
	return ""
}

func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + ", ..."
}

// splitRefs splits a parent column on ";", dropping empty parts.
func splitRefs(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
