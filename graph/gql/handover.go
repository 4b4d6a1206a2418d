package gql

import (
	"context"
	"strings"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/loaders"
)

// findHandovers lists handovers newest first: all of them for HR, and
// for anyone else those they gave, received, made or were moved by.
func (r *Resolver) findHandovers(ctx context.Context, f throughline.HandoverFilter,
	first *int32, after *string,
) (*model.HandoverConnection, error) {
	a, err := actorFrom(ctx)
	if err != nil {
		return nil, err
	}
	if !a.Has(throughline.RoleHR) && !isPerson(f.PersonID, a.PersonID) {
		f.Involving = &a.PersonID
	}
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Handovers.FindHandovers(ctx, f, page)
	if err != nil {
		return nil, err
	}
	return &model.HandoverConnection{
		Edges: edges(p, func(c string, n *throughline.Handover) *model.HandoverEdge {
			return &model.HandoverEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

// draftPack writes a person's draft pack: their managers and HR may.
func (r *Resolver) draftPack(ctx context.Context,
	in model.DraftHandoverPackInput,
) (*throughline.HandoverPack, error) {
	personID, err := decodeID("personId", throughline.KindPerson, in.PersonID)
	if err != nil {
		return nil, err
	}
	a, err := actorFrom(ctx)
	if err != nil {
		return nil, err
	}
	err = decide(ctx, "personId", "draft this handover pack",
		func() (bool, error) { return a.CanReadPlanOf(ctx, personID) },
		func() (bool, error) { return managesOrHR(ctx, a, personID) })
	if err != nil {
		return nil, err
	}
	return r.Handovers.DraftPack(ctx, throughline.HandoverDraft{
		PersonID: personID, Risks: in.Risks, StakeholderPriorities: in.StakeholderPriorities,
		DraftedByID: actorPerson(a), Version: (*int32)(in.Version),
	})
}

// handOver moves people: HR may move anyone, a manager only people below
// them. Each pack's contents are read as of the effective date.
func (r *Resolver) handOver(ctx context.Context, in model.HandOverInput) (*throughline.Handover, error) {
	h, ids, err := handoverFromInput(in, r.today())
	if err != nil {
		return nil, err
	}
	a, err := actorFrom(ctx)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		err := decide(ctx, "personIds", "move this person",
			func() (bool, error) { return a.CanReadPlanOf(ctx, id) },
			func() (bool, error) { return managesOrHR(ctx, a, id) })
		if err != nil {
			return nil, err
		}
	}
	h.CreatedByID = actorPerson(a)
	_, err = r.Handovers.HandOver(ctx, h, ids,
		func(ctx context.Context, personID int64) (*throughline.HandoverContents, error) {
			// Fresh loaders: when a plan changes under the move, the store
			// asks again, and the request's loaders would answer from what
			// they read the first time.
			ctx = loaders.With(ctx, loaders.For(ctx).Fresh())
			return r.packContents(ctx, personID, h.EffectiveOn)
		})
	return h, err
}

func handoverFromInput(in model.HandOverInput,
	today time.Time,
) (*throughline.Handover, []int64, error) {
	to, err := decodeID("toManagerId", throughline.KindPerson, in.ToManagerID)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]int64, 0, len(in.PersonIds))
	for _, gid := range in.PersonIds {
		id, err := decodeID("personIds", throughline.KindPerson, gid)
		if err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
	}
	h := &throughline.Handover{ToManagerID: to, EffectiveOn: today}
	if in.EffectiveOn != nil {
		h.EffectiveOn = throughline.Day(*in.EffectiveOn)
	}
	if in.Note != nil {
		h.Note = strings.TrimSpace(*in.Note)
	}
	return h, ids, nil
}

// acknowledgePack records that the incoming manager read a pack. Someone
// who may not read the pack learns nothing of it.
func (r *Resolver) acknowledgePack(ctx context.Context,
	in model.AcknowledgeHandoverPackInput,
) (*throughline.HandoverPack, error) {
	id, err := decodeID("packId", throughline.KindHandoverPack, in.PackID)
	if err != nil {
		return nil, err
	}
	p, err := r.readablePack(ctx, id)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, throughline.FieldErrorf(throughline.ENOTFOUND, "packId",
			"no such handover pack")
	}
	a, err := actorFrom(ctx)
	if err != nil {
		return nil, err
	}
	if a.Has(throughline.RoleHR) {
		// HR may stand in for an incoming manager who cannot read it.
		return r.Handovers.AcknowledgePackForManager(ctx, id, a.PersonID)
	}
	return r.Handovers.AcknowledgePack(ctx, id, a.PersonID)
}

// departure is what recordDeparture returns: the leaver and the people
// who reported to them.
type departure struct {
	person  *throughline.Person
	reports []*throughline.Person
}

func (r *Resolver) recordDeparture(ctx context.Context, in model.RecordDepartureInput) (departure, error) {
	id, err := decodeID("personId", throughline.KindPerson, in.PersonID)
	if err != nil {
		return departure{}, err
	}
	leftOn := r.today()
	if in.LeftOn != nil {
		leftOn = throughline.Day(*in.LeftOn)
	}
	reports, err := r.Handovers.RecordDeparture(ctx, id, leftOn)
	if err != nil {
		return departure{}, err
	}
	p, err := r.Org.FindPersonByID(ctx, id)
	return departure{person: p, reports: reports}, err
}
