package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/scalar"
	"throughline.dev/graph/loaders"
)

// A handover pack is plan content, and more private than a plan: it holds
// the outgoing manager's notes on risks. Both managers, HR and the person
// read it, and nobody else; a draft, before anyone knows the incoming
// manager, is read by those who may write it (the person's managers and
// HR) and the person. The guard does not know packs, so every path to one
// checks here.

// canReadPack reports whether the actor may read a pack.
func (r *Resolver) canReadPack(ctx context.Context, p *throughline.HandoverPack) (bool, error) {
	a, err := actorFrom(ctx)
	if err != nil {
		return false, nil
	}
	switch {
	case a.Has(throughline.RoleHR), a.PersonID == p.PersonID:
		return true, nil
	case !a.Has(throughline.RoleManager):
		// Both managers read a pack as managers, as they read plans.
		return false, nil
	case p.HandoverID == nil:
		return a.Manages(ctx, p.PersonID)
	case p.FromManagerID != nil && *p.FromManagerID == a.PersonID:
		return true, nil
	}
	h, err := r.Handovers.FindHandoverByID(ctx, *p.HandoverID)
	if err != nil {
		return false, err
	}
	return h.ToManagerID == a.PersonID, nil
}

// canReadHandover reports whether the actor may read a handover: HR, and
// whoever gave, received, made or was moved by it.
func (r *Resolver) canReadHandover(ctx context.Context, h *throughline.Handover) (bool, error) {
	a, err := actorFrom(ctx)
	if err != nil {
		return false, nil
	}
	if a.Has(throughline.RoleHR) || a.PersonID == h.ToManagerID ||
		isPerson(h.FromManagerID, a.PersonID) || isPerson(h.CreatedByID, a.PersonID) {
		return true, nil
	}
	packs, err := r.Handovers.FindPacks(ctx, h.ID)
	if err != nil {
		return false, err
	}
	for _, p := range packs {
		if p.PersonID == a.PersonID || isPerson(p.FromManagerID, a.PersonID) {
			return true, nil
		}
	}
	return false, nil
}

func isPerson(id *int64, person int64) bool { return id != nil && *id == person }

// readablePacks lists the packs of a handover the actor may read.
func (r *Resolver) readablePacks(ctx context.Context, handoverID int64) ([]*throughline.HandoverPack, error) {
	packs, err := r.Handovers.FindPacks(ctx, handoverID)
	if err != nil {
		return nil, err
	}
	out := make([]*throughline.HandoverPack, 0, len(packs))
	for _, p := range packs {
		ok, err := r.canReadPack(ctx, p)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// handoverNode fetches a handover or a pack for node(id:): null when it
// does not exist or the actor may not read it.
func (r *Resolver) handoverNode(ctx context.Context, kind string, id int64) (scalar.Node, error) {
	if kind == throughline.KindHandoverPack {
		return nilIfMissing(r.readablePack(ctx, id))
	}
	return nilIfMissing(r.handoverNodeOf(ctx, id))
}

// handoverNodeOf finds a handover the actor may read, or nil.
func (r *Resolver) handoverNodeOf(ctx context.Context, id int64) (*throughline.Handover, error) {
	h, err := orNotFound(r.Handovers.FindHandoverByID(ctx, id))
	if err != nil || h == nil {
		return nil, err
	}
	if ok, err := r.canReadHandover(ctx, h); err != nil || !ok {
		return nil, err
	}
	return h, nil
}

// readablePack finds a pack the actor may read, or nil.
func (r *Resolver) readablePack(ctx context.Context, id int64) (*throughline.HandoverPack, error) {
	p, err := orNotFound(loaders.Load(ctx, loaders.For(ctx).Pack, id, "handover pack"))
	if err != nil || p == nil {
		return nil, err
	}
	if ok, err := r.canReadPack(ctx, p); err != nil || !ok {
		return nil, err
	}
	return p, nil
}

func managesOrHR(ctx context.Context, a *throughline.Actor, personID int64) (bool, error) {
	if a.Has(throughline.RoleHR) {
		return true, nil
	}
	return a.Manages(ctx, personID)
}

// actorPerson is the actor's person, or nil for a token with none.
func actorPerson(a *throughline.Actor) *int64 {
	if a.PersonID == 0 {
		return nil
	}
	id := a.PersonID
	return &id
}

// draftOf is a person's draft pack for those who may read it, or nil.
func (r *Resolver) draftOf(ctx context.Context, personID int64) (*throughline.HandoverPack, error) {
	p, err := orNotFound(r.Handovers.FindDraftPack(ctx, personID))
	if err != nil || p == nil {
		return nil, err
	}
	if ok, err := r.canReadPack(ctx, p); err != nil || !ok {
		return nil, err
	}
	return p, nil
}
