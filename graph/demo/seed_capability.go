package demo

import throughline "throughline.dev/graph"

// capabilities makes the framework HR maintains.
func (s *seeder) capabilities() error {
	for _, row := range framework {
		c := &throughline.Capability{Name: row.name, Description: row.description}
		levels := make([]*throughline.CapabilityLevel, len(row.levels))
		for i, d := range row.levels {
			levels[i] = &throughline.CapabilityLevel{
				Level: int32(i + 1), Name: levelNames[i], Descriptor: d,
			}
		}
		if err := s.svc.Capabilities.CreateCapability(s.ctx, c, levels); err != nil {
			return fail(err, "capability %q", row.name)
		}
		s.capabilityIDs[row.name] = c.ID
		s.sum.Capabilities++
	}
	return nil
}

// requirements links current key results to the capabilities they need,
// as HR and the key results' owners agreed when the cycle was planned.
func (s *seeder) requirements() error {
	s.at(s.current.StartsOn.AddDate(0, 0, -5))
	for _, row := range requirements {
		if err := s.requirement(row); err != nil {
			return fail(err, "requirement of %s for %q", row.kr, row.capability)
		}
	}
	return nil
}

func (s *seeder) requirement(row requirementRow) error {
	kr, err := s.keyResult(s.current, row.kr)
	if err != nil {
		return err
	}
	capability, err := s.capability(row.capability)
	if err != nil {
		return err
	}
	r := &throughline.CapabilityRequirement{
		KeyResultID: kr, CapabilityID: capability, Level: row.level, Reason: row.reason,
	}
	if err := s.svc.Capabilities.SetRequirement(s.ctx, r); err != nil {
		return err
	}
	s.sum.Requirements++
	return nil
}

// assessments records each person's levels with their evidence, on the
// days they were assessed.
func (s *seeder) assessments() error {
	for _, row := range assessments {
		if err := s.assessment(row); err != nil {
			return fail(err, "assessment of %q in %q", row.person, row.capability)
		}
	}
	return nil
}

func (s *seeder) assessment(row assessmentRow) error {
	a := &throughline.Assessment{
		Level: row.level, AssessedOn: s.date(row.on, s.current), Note: row.note,
	}
	var err error
	if a.PersonID, err = s.person(row.person); err != nil {
		return err
	}
	if a.CapabilityID, err = s.capability(row.capability); err != nil {
		return err
	}
	if a.AssessedByID, err = s.optionalPerson(row.by); err != nil {
		return err
	}
	var evidence []*throughline.Evidence
	for _, e := range row.evidence {
		evidence = append(evidence, &throughline.Evidence{
			Kind: e.kind, Description: e.description,
			ObservedOn: s.optionalDate(e.observed, s.current),
		})
	}
	s.at(a.AssessedOn)
	if err := s.svc.Capabilities.RecordAssessment(s.ctx, a, evidence); err != nil {
		return err
	}
	s.sum.Assessments++
	return nil
}
