package throughline

import "context"

// maxChainDepth bounds a walk up the alignment graph. Loops are refused
// when alignment is written, so the bound only guards against bad data.
const maxChainDepth = 64

// StrategyStep is one node on the way from a key result up to a company
// objective: either a key result or an objective.
type StrategyStep struct {
	KeyResult *KeyResult
	Objective *Objective
}

// StrategyPath runs from a key result up to an objective with no parent,
// nearest first. An objective that aligns to several parents gives one path
// per parent.
type StrategyPath []StrategyStep

// Top returns the last objective of the path.
func (p StrategyPath) Top() *Objective {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i].Objective != nil {
			return p[i].Objective
		}
	}
	return nil
}

// ChainSource looks up the nodes a chain is built from. Implementations
// batch and cache, so walking a chain costs a few queries per level.
type ChainSource interface {
	KeyResult(ctx context.Context, id int64) (*KeyResult, error)
	Objective(ctx context.Context, id int64) (*Objective, error)
	Alignments(ctx context.Context, objectiveID int64) ([]*Alignment, error)
}

// PathsUp returns every path from a key result up to the objectives at the
// top of the cascade.
func PathsUp(ctx context.Context, src ChainSource, keyResultID int64) ([]StrategyPath, error) {
	kr, err := src.KeyResult(ctx, keyResultID)
	if err != nil {
		return nil, err
	}
	return pathsFromKeyResult(ctx, src, kr, nil, 0)
}

func pathsFromKeyResult(ctx context.Context, src ChainSource, kr *KeyResult,
	below StrategyPath, depth int,
) ([]StrategyPath, error) {
	o, err := src.Objective(ctx, kr.ObjectiveID)
	if err != nil {
		return nil, err
	}
	path := append(append(StrategyPath{}, below...), StrategyStep{KeyResult: kr})
	return pathsFromObjective(ctx, src, o, path, depth+1)
}

func pathsFromObjective(ctx context.Context, src ChainSource, o *Objective,
	below StrategyPath, depth int,
) ([]StrategyPath, error) {
	path := append(append(StrategyPath{}, below...), StrategyStep{Objective: o})
	parents, err := src.Alignments(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	if len(parents) == 0 || depth >= maxChainDepth {
		return []StrategyPath{path}, nil
	}
	var paths []StrategyPath
	for _, a := range parents {
		more, err := pathsFromParent(ctx, src, a, path, depth+1)
		if err != nil {
			return nil, err
		}
		paths = append(paths, more...)
	}
	return paths, nil
}

func pathsFromParent(ctx context.Context, src ChainSource, a *Alignment,
	below StrategyPath, depth int,
) ([]StrategyPath, error) {
	if a.ParentKeyResultID != nil {
		kr, err := src.KeyResult(ctx, *a.ParentKeyResultID)
		if err != nil {
			return nil, err
		}
		return pathsFromKeyResult(ctx, src, kr, below, depth)
	}
	o, err := src.Objective(ctx, *a.ParentObjectiveID)
	if err != nil {
		return nil, err
	}
	return pathsFromObjective(ctx, src, o, below, depth)
}

// Ancestry holds every key result, objective and alignment above a set of
// key results, fetched at once, so that their paths up are walked in
// memory rather than one query per level.
type Ancestry struct {
	KeyResultByID map[int64]*KeyResult
	ObjectiveByID map[int64]*Objective
	AlignmentsOf  map[int64][]*Alignment // by objective ID
}

// Ancestry implements ChainSource.
var _ ChainSource = (*Ancestry)(nil)

// KeyResult returns a key result of the ancestry, or ENOTFOUND.
func (a *Ancestry) KeyResult(_ context.Context, id int64) (*KeyResult, error) {
	if k, ok := a.KeyResultByID[id]; ok {
		return k, nil
	}
	return nil, Errorf(ENOTFOUND, "no key result with ID %d above these goals", id)
}

// Objective returns an objective of the ancestry, or ENOTFOUND.
func (a *Ancestry) Objective(_ context.Context, id int64) (*Objective, error) {
	if o, ok := a.ObjectiveByID[id]; ok {
		return o, nil
	}
	return nil, Errorf(ENOTFOUND, "no objective with ID %d above these goals", id)
}

// Alignments returns the parents of an objective of the ancestry.
func (a *Ancestry) Alignments(_ context.Context, objectiveID int64) ([]*Alignment, error) {
	return a.AlignmentsOf[objectiveID], nil
}
