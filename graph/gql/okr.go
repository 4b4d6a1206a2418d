package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
	"throughline.dev/graph/loaders"
)

func objectiveConnection(p *throughline.Page[*throughline.Objective],
	page throughline.PageRequest,
) *model.ObjectiveConnection {
	return &model.ObjectiveConnection{
		Edges: edges(p, func(c string, n *throughline.Objective) *model.ObjectiveEdge {
			return &model.ObjectiveEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}

func keyResultConnection(p *throughline.Page[*throughline.KeyResult],
	page throughline.PageRequest,
) *model.KeyResultConnection {
	return &model.KeyResultConnection{
		Edges: edges(p, func(c string, n *throughline.KeyResult) *model.KeyResultEdge {
			return &model.KeyResultEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}

func emptyKeyResultConnection() *model.KeyResultConnection {
	none := &throughline.Page[*throughline.KeyResult]{}
	return keyResultConnection(none, throughline.PageRequest{})
}

func emptyObjectiveConnection() *model.ObjectiveConnection {
	none := &throughline.Page[*throughline.Objective]{}
	return objectiveConnection(none, throughline.PageRequest{})
}

func progressUpdateConnection(p *throughline.Page[*throughline.ProgressUpdate],
	page throughline.PageRequest,
) *model.ProgressUpdateConnection {
	return &model.ProgressUpdateConnection{
		Edges: edges(p, func(c string, n *throughline.ProgressUpdate) *model.ProgressUpdateEdge {
			return &model.ProgressUpdateEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}
}

// cycleID finds the ID of a cycle named in a list filter. ok is false when
// no cycle has that name, so the list is empty rather than an error.
func (r *Resolver) cycleID(ctx context.Context, name *string) (id *int64, ok bool, err error) {
	if name == nil {
		return nil, true, nil
	}
	c, err := orNotFound(r.Org.FindCycleByName(ctx, *name))
	if err != nil || c == nil {
		return nil, false, err
	}
	return &c.ID, true, nil
}

func (r *Resolver) findObjectives(ctx context.Context, cycle *string,
	level *throughline.ObjectiveLevel, teamID *string, first *int32, after *string,
) (*model.ObjectiveConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f := throughline.ObjectiveFilter{}
	if level != nil {
		f.Level = *level
	}
	if f.TeamID, err = decodeOptionalID("teamId", throughline.KindTeam, teamID); err != nil {
		return nil, err
	}
	var ok bool
	if f.CycleID, ok, err = r.cycleID(ctx, cycle); err != nil || !ok {
		return emptyObjectiveConnection(), err
	}
	p, err := r.OKRs.FindObjectives(ctx, f, page)
	if err != nil {
		return nil, err
	}
	return objectiveConnection(p, page), nil
}

func (r *Resolver) findKeyResults(ctx context.Context, cycle *string, critical *bool,
	first *int32, after *string,
) (*model.KeyResultConnection, error) {
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	f := throughline.KeyResultFilter{Critical: critical}
	var ok bool
	if f.CycleID, ok, err = r.cycleID(ctx, cycle); err != nil || !ok {
		return emptyKeyResultConnection(), err
	}
	p, err := r.OKRs.FindKeyResults(ctx, f, page)
	if err != nil {
		return nil, err
	}
	return keyResultConnection(p, page), nil
}

// alignmentTargets reads the parents an objective should align to.
func alignmentTargets(in []*model.AlignmentTargetInput) ([]throughline.AlignmentTarget, error) {
	out := make([]throughline.AlignmentTarget, 0, len(in))
	for _, t := range in {
		if (t.KeyResultID == nil) == (t.ObjectiveID == nil) {
			return nil, throughline.FieldErrorf(throughline.EINVALID, "alignTo",
				"each parent gives exactly one of keyResultId and objectiveId")
		}
		kr, err := decodeOptionalID("alignTo", throughline.KindKeyResult, t.KeyResultID)
		if err != nil {
			return nil, err
		}
		o, err := decodeOptionalID("alignTo", throughline.KindObjective, t.ObjectiveID)
		if err != nil {
			return nil, err
		}
		out = append(out, throughline.AlignmentTarget{KeyResultID: kr, ObjectiveID: o})
	}
	return out, nil
}

func (r *Resolver) createObjective(ctx context.Context,
	in model.CreateObjectiveInput,
) (*throughline.Objective, error) {
	c, err := orNotFound(r.Org.FindCycleByName(ctx, in.Cycle))
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, throughline.FieldErrorf(throughline.ENOTFOUND, "cycle",
			"no cycle named %q; create it first", in.Cycle)
	}
	o := &throughline.Objective{CycleID: c.ID, Level: in.Level, Title: in.Title}
	if in.Description != nil {
		o.Description = *in.Description
	}
	if o.OwnerID, err = decodeOptionalID("ownerId", throughline.KindPerson, in.OwnerID); err != nil {
		return nil, err
	}
	if o.TeamID, err = decodeOptionalID("teamId", throughline.KindTeam, in.TeamID); err != nil {
		return nil, err
	}
	targets, err := alignmentTargets(in.AlignTo)
	if err != nil {
		return nil, err
	}
	return o, r.OKRs.CreateObjective(ctx, o, targets)
}

func (r *Resolver) updateObjective(ctx context.Context,
	in model.UpdateObjectiveInput,
) (*throughline.Objective, error) {
	id, err := decodeID("id", throughline.KindObjective, in.ID)
	if err != nil {
		return nil, err
	}
	u := throughline.ObjectiveUpdate{Title: in.Title, Description: in.Description}
	if u.OwnerID, err = decodeOptionalID("ownerId", throughline.KindPerson, in.OwnerID); err != nil {
		return nil, err
	}
	if u.TeamID, err = decodeOptionalID("teamId", throughline.KindTeam, in.TeamID); err != nil {
		return nil, err
	}
	if in.AlignTo != nil {
		u.ReplaceAlignment = true
		if u.AlignTo, err = alignmentTargets(in.AlignTo); err != nil {
			return nil, err
		}
	}
	return r.OKRs.UpdateObjective(ctx, id, u)
}

// alignmentParents loads what an objective aligns to, as the members of
// the AlignmentParent union.
func alignmentParents(ctx context.Context, objectiveID int64) ([]scalar.Node, error) {
	l := loaders.For(ctx)
	links, err := l.Alignments.Load(ctx, objectiveID)
	if err != nil {
		return nil, err
	}
	out := make([]scalar.Node, 0, len(links))
	for _, a := range links {
		var n scalar.Node
		if a.ParentKeyResultID != nil {
			n, err = loaders.Load(ctx, l.KeyResult, *a.ParentKeyResultID, "key result")
		} else {
			n, err = loaders.Load(ctx, l.Objective, *a.ParentObjectiveID, "objective")
		}
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func objectiveProgress(ctx context.Context, objectiveID int64) (float64, error) {
	krs, err := loaders.For(ctx).KeyResults.Load(ctx, objectiveID)
	if err != nil {
		return 0, err
	}
	return throughline.ObjectiveProgress(krs), nil
}

func metric(k *throughline.KeyResult) *model.Metric {
	if !k.IsMetric() {
		return nil
	}
	return &model.Metric{
		Start: k.StartValue, Target: *k.TargetValue, Current: k.CurrentValue, Unit: k.Unit,
	}
}

func keyResultFromInput(in model.CreateKeyResultInput) (*throughline.KeyResult, error) {
	k := &throughline.KeyResult{
		Title: in.Title, StartValue: in.Start, TargetValue: in.Target,
		Critical: in.Critical != nil && *in.Critical,
	}
	if in.Unit != nil {
		k.Unit = *in.Unit
	}
	var err error
	if k.ObjectiveID, err = decodeID("objectiveId", throughline.KindObjective, in.ObjectiveID); err != nil {
		return nil, err
	}
	if k.OwnerID, err = decodeOptionalID("ownerId", throughline.KindPerson, in.OwnerID); err != nil {
		return nil, err
	}
	return k, nil
}

func (r *Resolver) updateKeyResult(ctx context.Context,
	in model.UpdateKeyResultInput,
) (*throughline.KeyResult, error) {
	id, err := decodeID("id", throughline.KindKeyResult, in.ID)
	if err != nil {
		return nil, err
	}
	u := throughline.KeyResultUpdate{
		Title: in.Title, StartValue: in.Start, TargetValue: in.Target,
		Unit: in.Unit, Critical: in.Critical,
	}
	if u.OwnerID, err = decodeOptionalID("ownerId", throughline.KindPerson, in.OwnerID); err != nil {
		return nil, err
	}
	return r.OKRs.UpdateKeyResult(ctx, id, u)
}

// progressRecorded is what recordProgress changed: the key result and the
// update that now stands in its history.
type progressRecorded struct {
	keyResult *throughline.KeyResult
	update    *throughline.ProgressUpdate
}

func (r *Resolver) recordProgress(ctx context.Context,
	in model.RecordProgressInput,
) (progressRecorded, error) {
	id, err := decodeID("keyResultId", throughline.KindKeyResult, in.KeyResultID)
	if err != nil {
		return progressRecorded{}, err
	}
	if err := mayRecordProgress(ctx, id); err != nil {
		return progressRecorded{}, err
	}
	u := &throughline.ProgressUpdate{
		KeyResultID: id, Value: in.Value, Done: in.Done, Confidence: in.Confidence,
	}
	if a, _ := actorFrom(ctx); a != nil && a.PersonID != 0 {
		u.RecordedByID = &a.PersonID
	}
	if in.Note != nil {
		u.Note = *in.Note
	}
	k, err := r.OKRs.RecordProgress(ctx, u)
	return progressRecorded{keyResult: k, update: u}, err
}

// mayRecordProgress lets admins, HR, a key result's owner and the managers
// above the owner record its progress.
func mayRecordProgress(ctx context.Context, keyResultID int64) error {
	a, err := actorFrom(ctx)
	if err != nil {
		return err
	}
	k, err := loaders.Load(ctx, loaders.For(ctx).KeyResult, keyResultID, "key result")
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		return throughline.FieldErrorf(throughline.ENOTFOUND, "keyResultId", "no such key result")
	}
	if err != nil || a.CanManageData() || k.OwnerID == nil {
		return err
	}
	if *k.OwnerID == a.PersonID {
		return nil
	}
	if ok, err := a.Manages(ctx, *k.OwnerID); err != nil || ok {
		return err
	}
	return throughline.Errorf(throughline.EUNAUTHORIZED,
		"only the key result's owner, their managers and HR may record its progress")
}
