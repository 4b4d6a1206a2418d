package demo

import (
	"fmt"
	"time"

	throughline "throughline.dev/graph"
)

// okrs makes both cycles' objectives and key results, with progress
// updates spread over the days of each cycle so far.
func (s *seeder) okrs() error {
	if err := s.cycleOKRs(s.previous, previousOKRs); err != nil {
		return err
	}
	return s.cycleOKRs(s.current, currentOKRs)
}

func (s *seeder) cycleOKRs(c *throughline.Cycle, rows []objectiveRow) error {
	for _, row := range rows {
		s.at(c.StartsOn.AddDate(0, 0, -10))
		id, err := s.objective(c, row)
		if err != nil {
			return fail(err, "objective %s in %s", row.ref, c.Name)
		}
		for _, kr := range row.krs {
			if err := s.keyResultWithProgress(c, id, kr); err != nil {
				return fail(err, "key result %s in %s", kr.ref, c.Name)
			}
		}
	}
	return nil
}

func (s *seeder) objective(c *throughline.Cycle, row objectiveRow) (int64, error) {
	o := &throughline.Objective{
		CycleID: c.ID, Ref: row.ref, Level: row.level,
		Title: row.title, Description: row.description,
	}
	team := s.teamIDs[row.team]
	o.TeamID = &team
	var err error
	if o.OwnerID, err = s.optionalPerson(row.owner); err != nil {
		return 0, err
	}
	parents, err := s.alignTargets(c, row.alignTo)
	if err != nil {
		return 0, err
	}
	if err := s.svc.OKRs.CreateObjective(s.ctx, o, parents); err != nil {
		return 0, err
	}
	s.objectives[c.Name][row.ref] = o.ID
	s.sum.Objectives++
	return o.ID, nil
}

// alignTargets resolves parent refs: a key result's when one has the ref,
// else an objective's.
func (s *seeder) alignTargets(c *throughline.Cycle,
	refs []string,
) ([]throughline.AlignmentTarget, error) {
	var targets []throughline.AlignmentTarget
	for _, ref := range refs {
		if id, ok := s.keyResults[c.Name][ref]; ok {
			targets = append(targets, throughline.AlignmentTarget{KeyResultID: &id})
			continue
		}
		id, ok := s.objectives[c.Name][ref]
		if !ok {
			return nil, fmt.Errorf("no parent %q in %s", ref, c.Name)
		}
		targets = append(targets, throughline.AlignmentTarget{ObjectiveID: &id})
	}
	return targets, nil
}

func (s *seeder) keyResultWithProgress(c *throughline.Cycle, objectiveID int64, row krRow) error {
	k := &throughline.KeyResult{
		ObjectiveID: objectiveID, Ref: row.ref, Title: row.title, Critical: row.critical,
	}
	if m := row.metric; m != nil {
		k.StartValue, k.TargetValue, k.Unit = &m.start, &m.target, m.unit
	}
	var err error
	if k.OwnerID, err = s.optionalPerson(row.owner); err != nil {
		return err
	}
	if err := s.svc.OKRs.CreateKeyResult(s.ctx, k); err != nil {
		return err
	}
	s.keyResults[c.Name][row.ref] = k.ID
	s.sum.KeyResults++
	for _, p := range row.track {
		if err := s.progress(c, k, p); err != nil {
			return err
		}
	}
	return nil
}

func (s *seeder) progress(c *throughline.Cycle, k *throughline.KeyResult, p point) error {
	s.at(s.inCycle(c, p.at))
	u := &throughline.ProgressUpdate{
		KeyResultID: k.ID, Confidence: &p.confidence, Note: p.note, RecordedByID: k.OwnerID,
	}
	if k.IsMetric() {
		u.Value = &p.value
	} else {
		done := p.value == 1
		u.Done = &done
	}
	if _, err := s.svc.OKRs.RecordProgress(s.ctx, u); err != nil {
		return fmt.Errorf("progress at %.0f%% of the cycle: %w", 100*p.at, err)
	}
	s.sum.Progress++
	return nil
}

// inCycle returns the day a share of the way through the cycle's days so
// far: through all of a past cycle, up to today in the current one.
func (s *seeder) inCycle(c *throughline.Cycle, share float64) time.Time {
	end := earliest(c.EndsOn, s.today)
	days := end.Sub(c.StartsOn).Hours() / 24
	return c.StartsOn.AddDate(0, 0, int(share*days))
}
