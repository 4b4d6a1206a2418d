package importer

import (
	"time"

	throughline "throughline.dev/graph"
)

const isoDate = "2006-01-02"

// readCycle checks a row's cycle and notes the cycle's dates: a quarter's
// name gives them; any other name needs cycle_start and cycle_end.
func (c *okrCheck) readCycle(row *okrRow, rec record) {
	if row.cycle == "" {
		c.p.add(row.line, "cycle", "a cycle is required")
		return
	}
	start, okStart := c.date(rec, "cycle_start")
	end, okEnd := c.date(rec, "cycle_end")
	if !okStart || !okEnd {
		return
	}
	switch {
	case start.IsZero() && end.IsZero():
		c.quarterCycle(row)
	case start.IsZero():
		c.p.add(row.line, "cycle_start", "a cycle_end needs a cycle_start")
	case end.IsZero():
		c.p.add(row.line, "cycle_end", "a cycle_start needs a cycle_end")
	case end.Before(start):
		c.p.add(row.line, "cycle_end", "the cycle ends before it starts")
	default:
		c.datedCycle(row, start, end)
	}
}

func (c *okrCheck) quarterCycle(row *okrRow) {
	start, end, ok := throughline.QuarterDates(row.cycle)
	if !ok {
		c.p.add(row.line, "cycle_start", "cycle %q is not a quarter (YYYY-Qn); "+
			"give its dates in cycle_start and cycle_end", row.cycle)
		return
	}
	if _, seen := c.cycles[row.cycle]; !seen {
		c.addCycle(row.cycle, &cycleRow{start: start, end: end})
	}
}

// datedCycle notes dates a row gives; they win over a quarter's, and two
// rows may not give one cycle different dates.
func (c *okrCheck) datedCycle(row *okrRow, start, end time.Time) {
	cr, seen := c.cycles[row.cycle]
	switch {
	case !seen:
		c.addCycle(row.cycle, &cycleRow{start: start, end: end, line: row.line})
	case cr.line == 0:
		cr.start, cr.end, cr.line = start, end, row.line
	case !cr.start.Equal(start) || !cr.end.Equal(end):
		c.p.add(row.line, "cycle_start", "cycle %q runs from %s to %s on line %d",
			row.cycle, cr.start.Format(isoDate), cr.end.Format(isoDate), cr.line)
	}
}

func (c *okrCheck) addCycle(name string, cr *cycleRow) {
	c.cycles[name] = cr
	c.cycleOrder = append(c.cycleOrder, name)
}

// date reads an optional ISO date; ok is false when it is malformed.
func (c *okrCheck) date(rec record, col string) (d time.Time, ok bool) {
	s := rec.get(col)
	if s == "" {
		return time.Time{}, true
	}
	d, err := time.Parse(isoDate, s)
	if err != nil {
		c.p.add(rec.line, col, "%q is not a date (YYYY-MM-DD)", s)
		return time.Time{}, false
	}
	return d, true
}

// checkStoredCycles refuses dates that contradict a stored cycle's: the
// import does not move a cycle that other records already sit in.
func (c *okrCheck) checkStoredCycles(stored []CycleRecord) {
	for _, sc := range stored {
		cr, ok := c.cycles[sc.Name]
		if !ok || cr.line == 0 {
			continue
		}
		if !throughline.Day(sc.StartsOn).Equal(cr.start) || !throughline.Day(sc.EndsOn).Equal(cr.end) {
			c.p.add(cr.line, "cycle_start", "cycle %q is stored as running from %s to %s",
				sc.Name, sc.StartsOn.Format(isoDate), sc.EndsOn.Format(isoDate))
		}
	}
}
