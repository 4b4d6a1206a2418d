package storage

import (
	"context"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Store implements throughline.CapabilityService.
var _ throughline.CapabilityService = (*Store)(nil)

// FindCapabilityByID returns a capability, or ENOTFOUND.
func (s *Store) FindCapabilityByID(ctx context.Context, id int64) (*throughline.Capability, error) {
	return firstByID[throughline.Capability](s.read(ctx), id, "capability")
}

// FindCapabilities lists the framework in the order it was built.
func (s *Store) FindCapabilities(ctx context.Context,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.Capability], error) {
	return findPage(s.read(ctx), page, func(c *throughline.Capability) int64 { return c.ID })
}

// CreateCapability stores a capability with its level scale.
func (s *Store) CreateCapability(ctx context.Context, c *throughline.Capability,
	levels []*throughline.CapabilityLevel,
) error {
	if err := throughline.CheckCapability(c, levels); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		err := tx.Create(c).Error
		if err != nil {
			return conflictOn(err, "name", "a capability named %q already exists", c.Name)
		}
		for _, l := range levels {
			l.CapabilityID = c.ID
		}
		if err := tx.Create(&levels).Error; err != nil {
			return mapError(err)
		}
		after := &capabilityState{Capability: c, Levels: levels}
		return s.audit(ctx, tx, "createCapability", throughline.KindCapability, c.ID, nil, after)
	})
}

// FindCapabilityLevels returns a capability's scale, lowest level first.
func (s *Store) FindCapabilityLevels(ctx context.Context,
	capabilityID int64,
) ([]*throughline.CapabilityLevel, error) {
	m, err := s.LevelsByCapability(ctx, []int64{capabilityID})
	return nonNilSlice(m[capabilityID]), err
}

// scaleSize counts the levels of a capability, which must exist; field
// names the input that refers to it.
func scaleSize(tx *gorm.DB, capabilityID int64, field string) (int, error) {
	err := mustExist[throughline.Capability](tx, &capabilityID, field, "capability")
	if err != nil {
		return 0, err
	}
	var n int64
	err = tx.Model(&throughline.CapabilityLevel{}).
		Where("capability_id = ?", capabilityID).Count(&n).Error
	return int(n), mapError(err)
}

// FindRequirementByID returns a requirement, or ENOTFOUND.
func (s *Store) FindRequirementByID(ctx context.Context,
	id int64,
) (*throughline.CapabilityRequirement, error) {
	return firstByID[throughline.CapabilityRequirement](s.read(ctx), id, "capability requirement")
}

// FindRequirements lists requirements, optionally of one key result or
// capability, in the order they were made.
func (s *Store) FindRequirements(ctx context.Context,
	f throughline.RequirementFilter,
) ([]*throughline.CapabilityRequirement, error) {
	q := s.read(ctx)
	if f.KeyResultID != nil {
		q = q.Where("key_result_id = ?", *f.KeyResultID)
	}
	if f.CapabilityID != nil {
		q = q.Where("capability_id = ?", *f.CapabilityID)
	}
	out := []*throughline.CapabilityRequirement{}
	return out, mapError(q.Order("id").Find(&out).Error)
}

// SetRequirement creates the requirement of a key result for a capability,
// or replaces the level and reason of the one already there, which keeps
// its ID. The key result is locked first: two setters of one pair take
// turns, and the second replaces what the first made.
func (s *Store) SetRequirement(ctx context.Context, r *throughline.CapabilityRequirement) error {
	if err := throughline.CheckRequirement(r); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		_, err := findNamed[throughline.KeyResult](s.forUpdate(tx), r.KeyResultID, "keyResultId",
			"key result")
		if err != nil {
			return err
		}
		levels, err := scaleSize(tx, r.CapabilityID, "capabilityId")
		if err != nil {
			return err
		}
		if err := throughline.CheckLevel("level", r.Level, levels); err != nil {
			return err
		}
		old, err := saveRequirement(tx, r)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "setCapabilityRequirement", throughline.KindRequirement, r.ID, old, r)
	})
}

// saveRequirement creates or updates a requirement and returns the one it
// replaced, nil when there was none.
func saveRequirement(tx *gorm.DB,
	r *throughline.CapabilityRequirement,
) (*throughline.CapabilityRequirement, error) {
	q := tx.Where("key_result_id = ? AND capability_id = ?", r.KeyResultID, r.CapabilityID)
	old, err := takeOne[throughline.CapabilityRequirement](q, "no requirement yet")
	switch {
	case throughline.ErrorCode(err) == throughline.ENOTFOUND:
		return nil, mapError(tx.Create(r).Error)
	case err != nil:
		return nil, err
	}
	r.ID, r.CreatedAt = old.ID, old.CreatedAt
	return old, mapError(tx.Model(&throughline.CapabilityRequirement{ID: old.ID}).
		Updates(map[string]any{"level": r.Level, "reason": r.Reason}).Error)
}

// RemoveRequirement deletes a requirement, or returns ENOTFOUND on "id".
func (s *Store) RemoveRequirement(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		old, err := findNamed[throughline.CapabilityRequirement](s.forUpdate(tx), id, "id",
			"capability requirement")
		if err != nil {
			return err
		}
		err = tx.Where("id = ?", id).Delete(&throughline.CapabilityRequirement{}).Error
		if err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "removeCapabilityRequirement", throughline.KindRequirement, id, old, nil)
	})
}

// CoveringGoals returns the active execution goals that serve a key
// result, keyed by the capability each builds: one query for all of the
// key result's requirements.
func (s *Store) CoveringGoals(ctx context.Context,
	keyResultID int64,
) (map[int64][]*throughline.DevelopmentGoal, error) {
	m, err := s.CoveringGoalsByKeyResult(ctx, []int64{keyResultID})
	if err != nil {
		return nil, err
	}
	out := map[int64][]*throughline.DevelopmentGoal{}
	for _, g := range m[keyResultID] {
		out[*g.CapabilityID] = append(out[*g.CapabilityID], g)
	}
	return out, nil
}

// FindAssessmentByID returns an assessment, or ENOTFOUND.
func (s *Store) FindAssessmentByID(ctx context.Context, id int64) (*throughline.Assessment, error) {
	return firstByID[throughline.Assessment](s.read(ctx), id, "assessment")
}

// supersededSQL holds for a row of assessments when a newer one of
// the same person in the same capability exists: a later date, or the same
// date recorded later.
const supersededSQL = `EXISTS (SELECT 1 FROM assessments AS b
	WHERE b.person_id = assessments.person_id
	AND b.capability_id = assessments.capability_id
	AND (b.assessed_on > assessments.assessed_on
		OR (b.assessed_on = assessments.assessed_on AND b.id > assessments.id)))`

// FindAssessments lists the latest assessment of each person in each
// capability, optionally of one person or capability; with AllVersions
// the superseded ones too.
func (s *Store) FindAssessments(ctx context.Context, f throughline.AssessmentFilter,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.Assessment], error) {
	q := s.read(ctx)
	if f.PersonID != nil {
		q = q.Where("person_id = ?", *f.PersonID)
	}
	if f.CapabilityID != nil {
		q = q.Where("capability_id = ?", *f.CapabilityID)
	}
	if !f.AllVersions {
		q = q.Where("NOT " + supersededSQL)
	}
	return findPage(q, page, func(a *throughline.Assessment) int64 { return a.ID })
}

// LatestAssessment returns a person's newest assessment in a capability,
// or ENOTFOUND.
func (s *Store) LatestAssessment(ctx context.Context,
	personID, capabilityID int64,
) (*throughline.Assessment, error) {
	q := s.read(ctx).Where("person_id = ? AND capability_id = ?", personID, capabilityID).
		Order("assessed_on DESC, id DESC")
	return takeOne[throughline.Assessment](q,
		"person %d has no assessment in capability %d", personID, capabilityID)
}

// RecordAssessment stores an assessment with its evidence in one
// transaction, dated today unless it says otherwise.
func (s *Store) RecordAssessment(ctx context.Context, a *throughline.Assessment,
	evidence []*throughline.Evidence,
) error {
	if err := throughline.CheckEvidence(evidence); err != nil {
		return err
	}
	a.AssessedOn = throughline.Day(a.AssessedOn)
	if a.AssessedOn.IsZero() {
		a.AssessedOn = s.Today()
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := assessmentRefsExist(tx, a); err != nil {
			return err
		}
		levels, err := scaleSize(tx, a.CapabilityID, "capabilityId")
		if err != nil {
			return err
		}
		if err := throughline.CheckLevel("level", a.Level, levels); err != nil {
			return err
		}
		if err := tx.Create(a).Error; err != nil {
			return mapError(err)
		}
		if err := createEvidence(tx, a.ID, evidence); err != nil {
			return err
		}
		after := &assessmentState{Assessment: a, Evidence: nonNilSlice(evidence)}
		return s.audit(ctx, tx, "recordAssessment", throughline.KindAssessment, a.ID, nil, after)
	})
}

func assessmentRefsExist(tx *gorm.DB, a *throughline.Assessment) error {
	if err := mustExist[throughline.Person](tx, &a.PersonID, "personId", "person"); err != nil {
		return err
	}
	return mustExist[throughline.Person](tx, a.AssessedByID, "assessedById", "person")
}

func createEvidence(tx *gorm.DB, assessmentID int64, evidence []*throughline.Evidence) error {
	for _, e := range evidence {
		e.AssessmentID = assessmentID
		if e.ObservedOn != nil {
			day := throughline.Day(*e.ObservedOn)
			e.ObservedOn = &day
		}
		if err := tx.Create(e).Error; err != nil {
			return mapError(err)
		}
	}
	return nil
}

// FindEvidence lists the evidence behind an assessment, in the order it
// was given.
func (s *Store) FindEvidence(ctx context.Context, assessmentID int64) ([]*throughline.Evidence, error) {
	m, err := s.EvidenceByAssessment(ctx, []int64{assessmentID})
	return nonNilSlice(m[assessmentID]), err
}
