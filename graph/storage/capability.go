package storage

// STUB: placeholder methods so the module builds while this area is
// written. Replace the whole file.

import (
	"context"
	"time"

	throughline "throughline.dev/graph"
)

var _ = time.Now

func (s *Store) FindCapabilityByID(ctx context.Context, id int64) (*throughline.Capability, error) {
	return nil, errStub
}

func (s *Store) FindCapabilities(ctx context.Context, page throughline.PageRequest) (*throughline.Page[*throughline.Capability], error) {
	return nil, errStub
}

func (s *Store) CreateCapability(ctx context.Context, c *throughline.Capability, levels []*throughline.CapabilityLevel) error {
	return errStub
}

func (s *Store) FindCapabilityLevels(ctx context.Context, capabilityID int64) ([]*throughline.CapabilityLevel, error) {
	return nil, errStub
}

func (s *Store) FindRequirementByID(ctx context.Context, id int64) (*throughline.CapabilityRequirement, error) {
	return nil, errStub
}

func (s *Store) FindRequirements(ctx context.Context, f throughline.RequirementFilter) ([]*throughline.CapabilityRequirement, error) {
	return nil, errStub
}

func (s *Store) SetRequirement(ctx context.Context, r *throughline.CapabilityRequirement) error {
	return errStub
}

func (s *Store) RemoveRequirement(ctx context.Context, id int64) error {
	return errStub
}

func (s *Store) FindAssessmentByID(ctx context.Context, id int64) (*throughline.Assessment, error) {
	return nil, errStub
}

func (s *Store) FindAssessments(ctx context.Context, f throughline.AssessmentFilter, page throughline.PageRequest) (*throughline.Page[*throughline.Assessment], error) {
	return nil, errStub
}

func (s *Store) LatestAssessment(ctx context.Context, personID, capabilityID int64) (*throughline.Assessment, error) {
	return nil, errStub
}

func (s *Store) RecordAssessment(ctx context.Context, a *throughline.Assessment, evidence []*throughline.Evidence) error {
	return errStub
}

func (s *Store) FindEvidence(ctx context.Context, assessmentID int64) ([]*throughline.Evidence, error) {
	return nil, errStub
}
