package throughline

import (
	"fmt"
	"strings"
	"time"
)

// CheckGoal applies the rules every goal must follow before it is stored.
// executionGoals is the number of other active execution goals already in
// the plan; a goal that is not an active execution goal takes no slot, so
// achieving or dropping one frees a slot. Whether the key result and the
// capability exist is for the store to check.
func CheckGoal(g *DevelopmentGoal, executionGoals int) error {
	var p Problems
	if strings.TrimSpace(g.Title) == "" {
		p.Add("title", "a goal needs a title")
	}
	if !g.State.Valid() {
		p.Add("state", "%q is not a goal state", g.State)
	}
	switch g.Lane {
	case LaneExecution:
		checkExecutionGoal(&p, g, executionGoals)
	case LaneCareer:
		// Career goals look past the cycle and need no key result.
	default:
		p.Add("lane", "%q is not a lane", g.Lane)
	}
	switch {
	case g.TargetLevel != nil && *g.TargetLevel < 1:
		p.Add("targetLevel", "a target level starts at 1")
	case g.TargetLevel != nil && g.CapabilityID == nil:
		// Without a capability there is no scale to check the level on.
		p.Add("targetLevel", "a target level is a level of the goal's capability; "+
			"choose the capability too")
	}
	return p.Err()
}

func checkExecutionGoal(p *Problems, g *DevelopmentGoal, others int) {
	if g.KeyResultID == nil {
		p.Add("keyResultId", "an execution goal must serve a key result")
	}
	if g.CapabilityID == nil {
		p.Add("capabilityId", "an execution goal must build a capability")
	}
	if g.State == GoalActive && others >= MaxExecutionGoals {
		p.Add("lane", "a plan holds at most %d execution goals; "+
			"close or move one to the career lane first", MaxExecutionGoals)
	}
}

// CheckAction applies the rules every action must follow.
func CheckAction(a *DevelopmentAction) error {
	var p Problems
	if strings.TrimSpace(a.Title) == "" {
		p.Add("title", "an action needs a title")
	}
	if !a.Kind.Valid() {
		p.Add("kind", "%q is not an action kind", a.Kind)
	}
	if a.SupporterRole != "" && !a.SupporterRole.Valid() {
		p.Add("supporterRole", "%q is not a supporter role", a.SupporterRole)
	}
	if a.SupporterRole != "" && a.SupporterID == nil {
		p.Add("supporterId", "a supporter role needs a supporter")
	}
	if a.DoneOn != nil && a.DoneOn.IsZero() {
		p.Add("doneOn", "the done date is empty")
	}
	return p.Err()
}

// MaxActionsPerGoal bounds a goal's actions, done ones included. A goal
// is narrow by design, some real work, some exposure and one course, so
// twelve leave room to spare; and a bounded list is one the API can
// return whole, without paging.
const MaxActionsPerGoal = 12

// CheckActionRoom refuses one more action for a goal that holds existing
// actions already, on the field that names the goal.
func CheckActionRoom(existing int, field string) error {
	if existing >= MaxActionsPerGoal {
		return FieldErrorf(EINVALID, field,
			"a goal holds at most %d actions, done ones included; "+
				"close this goal and start a narrower one", MaxActionsPerGoal)
	}
	return nil
}

// CheckCheckIn applies the rules every check-in must follow.
func CheckCheckIn(c *CheckIn) error {
	var p Problems
	if !c.Kind.Valid() {
		p.Add("kind", "%q is not a check-in kind", c.Kind)
	}
	if c.HeldOn.IsZero() {
		p.Add("heldOn", "a check-in needs the date it was held")
	}
	if c.ObservedChange != "" && !c.ObservedChange.Valid() {
		p.Add("observedChange", "%q is not an observed change", c.ObservedChange)
	}
	err := CheckStatus(c.StatusAfter, c.StatusReason, "statusAfter", "statusReason")
	if err != nil {
		p = append(p, err.(*ValidationError).Problems...)
	}
	return p.Err()
}

// CheckLevel checks a level against a capability's scale of size levels.
func CheckLevel(field string, level int32, levels int) error {
	if level < 1 || int(level) > levels {
		return FieldErrorf(EINVALID, field,
			"level %d is outside the capability's scale of 1 to %d", level, levels)
	}
	return nil
}

// CheckNoLoop reports an error when putting child under parents would make
// child its own ancestor. parentsOf returns the links above a node. It
// guards team trees, reporting lines and alignment alike.
func CheckNoLoop(field string, child int64, parents []int64,
	parentsOf func(int64) ([]int64, error),
) error {
	seen := map[int64]bool{}
	queue := append([]int64(nil), parents...)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if id == child {
			return FieldErrorf(EINVALID, field,
				"this link would make a loop: the record would become its own ancestor")
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		up, err := parentsOf(id)
		if err != nil {
			return err
		}
		queue = append(queue, up...)
	}
	return nil
}

// describeGap renders a gap for a warning.
func describeGap(g GoalGap) string {
	return fmt.Sprintf("needs level %d, assessed at %d", g.Required, g.Current)
}

// maxRecordLag is how long after a check-in or review it may still be
// recorded: a record older than that is a typing mistake, and one dated
// far back would silence the rhythm's warnings.
const maxRecordLag = 366 * 24 * time.Hour

// CheckHeldOn checks the day a check-in or review was held, as of today:
// not in the future (a day's grace covers time zones ahead of the
// server's) and not more than a year ago. what names the record.
func CheckHeldOn(heldOn, today time.Time, what string) error {
	switch {
	case heldOn.After(today.AddDate(0, 0, 1)):
		return FieldErrorf(EINVALID, "heldOn",
			"a %s is recorded after it is held; %s is in the future",
			what, heldOn.Format(time.DateOnly))
	case heldOn.Before(today.Add(-maxRecordLag)):
		return FieldErrorf(EINVALID, "heldOn",
			"a %s is recorded within a year of being held; %s is too long ago",
			what, heldOn.Format(time.DateOnly))
	}
	return nil
}

// maxPlanAhead is how far ahead an action may be due: a plan looks a
// cycle or a few ahead, and a date years out is a typing mistake.
const maxPlanAhead = 3 * 366 * 24 * time.Hour

// CheckActionDates checks an action's dates as of today, each when given.
// The done date is recorded after the fact and within a year, as a
// check-in is: one dated far back, before its due date, would count as
// a milestone met on time in HR's figures. The due date lies within a
// year back and three years ahead.
func CheckActionDates(dueOn, doneOn *time.Time, today time.Time) error {
	var p Problems
	if doneOn != nil {
		switch {
		case doneOn.After(today.AddDate(0, 0, 1)):
			p.Add("doneOn", "an action is marked done once it is; %s is in the future",
				doneOn.Format(time.DateOnly))
		case doneOn.Before(today.Add(-maxRecordLag)):
			p.Add("doneOn", "an action is marked done within a year; %s is too long ago",
				doneOn.Format(time.DateOnly))
		}
	}
	if dueOn != nil && (dueOn.Before(today.Add(-maxRecordLag)) || dueOn.After(today.Add(maxPlanAhead))) {
		p.Add("dueOn", "a due date lies within a year back and three years ahead; %s does not",
			dueOn.Format(time.DateOnly))
	}
	return p.Err()
}

// CheckKeyResultCycle keeps an execution goal to a key result of its
// plan's cycle, named by the cycles' names: the execution lane is this
// cycle's work, and a goal serving another quarter's key result would
// lead its chain there.
func CheckKeyResultCycle(lane Lane, keyResultCycle, planCycle string) error {
	if lane != LaneExecution || keyResultCycle == planCycle {
		return nil
	}
	return FieldErrorf(EINVALID, "keyResultId",
		"the key result is in %s and the plan in %s: an execution goal serves a key "+
			"result of its plan's cycle", keyResultCycle, planCycle)
}

// CheckVersion compares the version an edit was made on with the one
// stored, for the objects that carry one: a version never held is the
// editor's mistake, an older one means someone changed the object since.
// Either is ECONFLICT on "version"; what names the object.
func CheckVersion(what string, sent, now int32) error {
	switch {
	case sent > now || sent < 1:
		return FieldErrorf(ECONFLICT, "version",
			"the %s has never been at version %d (it is at %d): send the version you last read",
			what, sent, now)
	case sent != now:
		return FieldErrorf(ECONFLICT, "version",
			"the %s changed since it was read (you sent version %d, it is now at %d): "+
				"reload it and make the change again", what, sent, now)
	}
	return nil
}
