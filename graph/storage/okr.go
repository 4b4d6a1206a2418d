package storage

// STUB: placeholder methods so the module builds while this area is
// written. Replace the whole file.

import (
	"context"
	"time"

	throughline "throughline.dev/graph"
)

var _ = time.Now

func (s *Store) FindObjectiveByID(ctx context.Context, id int64) (*throughline.Objective, error) {
	return nil, errStub
}

func (s *Store) FindObjectives(ctx context.Context, f throughline.ObjectiveFilter, page throughline.PageRequest) (*throughline.Page[*throughline.Objective], error) {
	return nil, errStub
}

func (s *Store) CreateObjective(ctx context.Context, o *throughline.Objective, alignTo []throughline.AlignmentTarget) error {
	return errStub
}

func (s *Store) UpdateObjective(ctx context.Context, id int64, u throughline.ObjectiveUpdate) (*throughline.Objective, error) {
	return nil, errStub
}

func (s *Store) SetAlignment(ctx context.Context, objectiveID int64, alignTo []throughline.AlignmentTarget) error {
	return errStub
}

func (s *Store) FindAlignments(ctx context.Context, objectiveID int64) ([]*throughline.Alignment, error) {
	return nil, errStub
}

func (s *Store) FindAlignedObjectives(ctx context.Context, keyResultID int64) ([]*throughline.Objective, error) {
	return nil, errStub
}

func (s *Store) FindKeyResultByID(ctx context.Context, id int64) (*throughline.KeyResult, error) {
	return nil, errStub
}

func (s *Store) FindKeyResults(ctx context.Context, f throughline.KeyResultFilter, page throughline.PageRequest) (*throughline.Page[*throughline.KeyResult], error) {
	return nil, errStub
}

func (s *Store) CreateKeyResult(ctx context.Context, k *throughline.KeyResult) error {
	return errStub
}

func (s *Store) UpdateKeyResult(ctx context.Context, id int64, u throughline.KeyResultUpdate) (*throughline.KeyResult, error) {
	return nil, errStub
}

func (s *Store) RecordProgress(ctx context.Context, u *throughline.ProgressUpdate) (*throughline.KeyResult, error) {
	return nil, errStub
}

func (s *Store) FindProgressUpdateByID(ctx context.Context, id int64) (*throughline.ProgressUpdate, error) {
	return nil, errStub
}

func (s *Store) FindProgressUpdates(ctx context.Context, keyResultID int64, page throughline.PageRequest) (*throughline.Page[*throughline.ProgressUpdate], error) {
	return nil, errStub
}

var errStub = throughline.Errorf(throughline.EINTERNAL, "not written yet")
