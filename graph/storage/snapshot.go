package storage

import (
	"context"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// PlanSnapshots builds what the plan rules read for each plan, keyed by
// plan ID. It costs the same nine queries for one plan as for a thousand
// (more only when an IN list must be split): plans, people, cycles, active
// goals, their actions, the requirements behind execution goals, the
// latest assessments, whether those have evidence, and the latest
// check-ins. Plans that do not exist are left out.
func (s *Store) PlanSnapshots(ctx context.Context,
	planIDs []int64,
) (map[int64]*throughline.PlanSnapshot, error) {
	b := &snapshotBuilder{db: s.read(ctx)}
	steps := []func() error{
		func() error { return b.plans(planIDs) },
		b.peopleAndCycles,
		b.goalsAndActions,
		b.gaps,
		b.checkIns,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return b.snaps, nil
}

// snapshotBuilder fills snapshots one kind of row at a time.
type snapshotBuilder struct {
	db    *gorm.DB
	snaps map[int64]*throughline.PlanSnapshot
}

func (b *snapshotBuilder) plans(ids []int64) error {
	plans, err := byIDs(b.db, ids, func(p *throughline.DevelopmentPlan) int64 { return p.ID })
	if err != nil {
		return err
	}
	b.snaps = make(map[int64]*throughline.PlanSnapshot, len(plans))
	for id, p := range plans {
		b.snaps[id] = &throughline.PlanSnapshot{
			Plan:    p,
			Actions: map[int64][]*throughline.DevelopmentAction{},
			Gaps:    map[int64]throughline.GoalGap{},
		}
	}
	return nil
}

func (b *snapshotBuilder) peopleAndCycles() error {
	var personIDs, cycleIDs []int64
	for _, s := range b.snaps {
		personIDs = append(personIDs, s.Plan.PersonID)
		cycleIDs = append(cycleIDs, s.Plan.CycleID)
	}
	people, err := byIDs(b.db, personIDs, func(p *throughline.Person) int64 { return p.ID })
	if err != nil {
		return err
	}
	cycles, err := byIDs(b.db, cycleIDs, func(c *throughline.Cycle) int64 { return c.ID })
	if err != nil {
		return err
	}
	for _, s := range b.snaps {
		s.Person, s.Cycle = people[s.Plan.PersonID], cycles[s.Plan.CycleID]
	}
	return nil
}

// goalsAndActions loads the active goals, the only ones the rules judge,
// and their actions.
func (b *snapshotBuilder) goalsAndActions() error {
	active := b.db.Where("state = ?", throughline.GoalActive).Session(&gorm.Session{})
	goals, err := groupMany(active, "plan_id", "id", b.planIDs(),
		func(g *throughline.DevelopmentGoal) int64 { return g.PlanID })
	if err != nil {
		return err
	}
	var goalIDs []int64
	for planID, gs := range goals {
		b.snaps[planID].Goals = gs
		for _, g := range gs {
			goalIDs = append(goalIDs, g.ID)
		}
	}
	actions, err := groupMany(b.db, "goal_id", "id", goalIDs,
		func(a *throughline.DevelopmentAction) int64 { return a.GoalID })
	if err != nil {
		return err
	}
	for _, s := range b.snaps {
		for _, g := range s.Goals {
			s.Actions[g.ID] = actions[g.ID]
		}
	}
	return nil
}

func (b *snapshotBuilder) planIDs() []int64 {
	ids := make([]int64, 0, len(b.snaps))
	for id := range b.snaps {
		ids = append(ids, id)
	}
	return ids
}

// gapGoal is an active execution goal whose gap can be measured: it names
// a capability.
type gapGoal struct {
	goal     *throughline.DevelopmentGoal
	personID int64
	snap     *throughline.PlanSnapshot
}

func (b *snapshotBuilder) gapGoals() []gapGoal {
	var out []gapGoal
	for _, s := range b.snaps {
		for _, g := range s.Goals {
			if g.Lane == throughline.LaneExecution && g.CapabilityID != nil {
				out = append(out, gapGoal{goal: g, personID: s.Plan.PersonID, snap: s})
			}
		}
	}
	return out
}

// gaps measures each execution goal against the level its key result
// requires for the capability, or the goal's own target when the key
// result states none. A goal with neither has no gap to measure.
func (b *snapshotBuilder) gaps() error {
	goals := b.gapGoals()
	required, err := b.requiredLevels(goals)
	if err != nil {
		return err
	}
	latest, err := b.latestAssessments(goals)
	if err != nil {
		return err
	}
	evidenced, err := b.evidenced(latest)
	if err != nil {
		return err
	}
	for _, gg := range goals {
		level, ok := required[gg.goal.ID]
		if !ok {
			continue
		}
		gap := throughline.GoalGap{Required: level}
		if a := latest[pairKey{gg.personID, *gg.goal.CapabilityID}]; a != nil {
			gap.Current, gap.Assessed, gap.HasEvidence = a.Level, true, evidenced[a.ID]
		}
		gg.snap.Gaps[gg.goal.ID] = gap
	}
	return nil
}

// requiredLevels returns the level each goal must reach, by goal ID.
func (b *snapshotBuilder) requiredLevels(goals []gapGoal) (map[int64]int32, error) {
	var krIDs []int64
	for _, gg := range goals {
		if gg.goal.KeyResultID != nil {
			krIDs = append(krIDs, *gg.goal.KeyResultID)
		}
	}
	reqs, err := groupMany(b.db, "key_result_id", "id", krIDs,
		func(r *throughline.CapabilityRequirement) int64 { return r.KeyResultID })
	if err != nil {
		return nil, err
	}
	out := map[int64]int32{}
	for _, gg := range goals {
		if level, ok := requiredLevel(gg.goal, reqs); ok {
			out[gg.goal.ID] = level
		}
	}
	return out, nil
}

func requiredLevel(g *throughline.DevelopmentGoal,
	reqs map[int64][]*throughline.CapabilityRequirement,
) (int32, bool) {
	if g.KeyResultID != nil {
		for _, r := range reqs[*g.KeyResultID] {
			if r.CapabilityID == *g.CapabilityID {
				return r.Level, true
			}
		}
	}
	if g.TargetLevel != nil {
		return *g.TargetLevel, true
	}
	return 0, false
}

// pairKey names one person's standing in one capability.
type pairKey struct{ personID, capabilityID int64 }

// latestAssessments returns the newest assessment (by the day assessed,
// then by ID) of each person in each capability the goals build.
func (b *snapshotBuilder) latestAssessments(
	goals []gapGoal,
) (map[pairKey]*throughline.Assessment, error) {
	people, caps := map[int64]bool{}, map[int64]bool{}
	for _, gg := range goals {
		people[gg.personID], caps[*gg.goal.CapabilityID] = true, true
	}
	out := map[pairKey]*throughline.Assessment{}
	err := eachChunk(mapKeys(people), func(part []int64) error {
		var rows []*throughline.Assessment
		err := b.db.Table("assessments AS a").Select("a.*").
			Where("a.person_id IN ? AND a.capability_id IN ?", part, mapKeys(caps)).
			Where(`NOT EXISTS (SELECT 1 FROM assessments n
				WHERE n.person_id = a.person_id AND n.capability_id = a.capability_id
				AND (n.assessed_on > a.assessed_on
					OR (n.assessed_on = a.assessed_on AND n.id > a.id)))`).
			Find(&rows).Error
		for _, a := range rows {
			out[pairKey{a.PersonID, a.CapabilityID}] = a
		}
		return err
	})
	return out, mapError(err)
}

// evidenced reports which of the assessments have evidence from delivery.
func (b *snapshotBuilder) evidenced(
	latest map[pairKey]*throughline.Assessment,
) (map[int64]bool, error) {
	var ids []int64
	for _, a := range latest {
		ids = append(ids, a.ID)
	}
	out := map[int64]bool{}
	err := eachChunk(ids, func(part []int64) error {
		var with []int64
		err := b.db.Model(&throughline.Evidence{}).Distinct("assessment_id").
			Where("assessment_id IN ?", part).Pluck("assessment_id", &with).Error
		for _, id := range with {
			out[id] = true
		}
		return err
	})
	return out, mapError(err)
}

// checkIns finds each plan's latest check-in of each kind.
func (b *snapshotBuilder) checkIns() error {
	latest := b.db.Table("check_ins AS c").Select("c.*").
		Where(`NOT EXISTS (SELECT 1 FROM check_ins n
			WHERE n.plan_id = c.plan_id AND n.kind = c.kind
			AND (n.held_on > c.held_on OR (n.held_on = c.held_on AND n.id > c.id)))`).
		Session(&gorm.Session{})
	byPlan, err := groupMany(latest, "c.plan_id", "c.id", b.planIDs(),
		func(c *throughline.CheckIn) int64 { return c.PlanID })
	if err != nil {
		return err
	}
	for planID, cs := range byPlan {
		for _, c := range cs {
			noteCheckIn(b.snaps[planID], c)
		}
	}
	return nil
}

func noteCheckIn(s *throughline.PlanSnapshot, c *throughline.CheckIn) {
	held := c.HeldOn
	if s.LastCheckIn == nil || held.After(*s.LastCheckIn) {
		s.LastCheckIn = &held
	}
	if c.Kind == throughline.CheckInQuarterly {
		s.LastQuarterly = &held
	}
}

func mapKeys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
