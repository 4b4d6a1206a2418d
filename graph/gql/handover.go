package gql

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
	"throughline.dev/graph/loaders"
)

// recentCheckIns is how many check-ins a pack shows.
const recentCheckIns = 3

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

// PackMarkdown renders the pack with a global ID as Markdown, for the
// HTTP endpoint that serves packs as files. A pack that does not exist
// and one the actor may not read are both ENOTFOUND, so that the answer
// tells nothing of packs one may not see.
func (r *Resolver) PackMarkdown(ctx context.Context, gid string) (string, error) {
	notFound := throughline.Errorf(throughline.ENOTFOUND, "no such handover pack")
	kind, id, ok := parseGlobalID(gid)
	if !ok || kind != throughline.KindHandoverPack {
		return "", notFound
	}
	p, err := r.readablePack(ctx, id)
	if err != nil {
		return "", err
	}
	if p == nil {
		return "", notFound
	}
	return r.packMarkdown(ctx, p)
}

// packMarkdown gathers the names and dates around a pack and renders it.
func (r *Resolver) packMarkdown(ctx context.Context, p *throughline.HandoverPack) (string, error) {
	contents, err := r.contentsOf(ctx, p)
	if err != nil {
		return "", err
	}
	d := &throughline.PackDocument{Pack: p, Contents: contents}
	names := []nameRef{
		{&p.PersonID, &d.Person}, {p.FromManagerID, &d.FromManager},
		{p.AcknowledgedByID, &d.AcknowledgedBy},
	}
	if p.HandoverID != nil {
		h, err := r.Handovers.FindHandoverByID(ctx, *p.HandoverID)
		if err != nil {
			return "", err
		}
		d.EffectiveOn, d.Note = &h.EffectiveOn, h.Note
		names = append(names, nameRef{&h.ToManagerID, &d.ToManager})
	}
	for _, n := range names {
		if *n.out, err = personName(ctx, n.id); err != nil {
			return "", err
		}
	}
	return d.Markdown(), nil
}

// nameRef asks for the name of the person with an ID, written to out.
type nameRef struct {
	id  *int64
	out *string
}

// personName is the name of the person with an optional ID, "" for none.
func personName(ctx context.Context, id *int64) (string, error) {
	p, err := loaders.LoadOptional(ctx, loaders.For(ctx).Person, id, "person")
	if err != nil || p == nil {
		return "", err
	}
	return p.Name, nil
}

// contentsOf reads a pack's contents: frozen at the move, or live for a
// draft.
func (r *Resolver) contentsOf(ctx context.Context,
	p *throughline.HandoverPack,
) (*throughline.HandoverContents, error) {
	if p.Snapshot == nil {
		return r.packContents(ctx, p.PersonID, r.today())
	}
	c := &throughline.HandoverContents{}
	if err := json.Unmarshal([]byte(*p.Snapshot), c); err != nil {
		return nil, fmt.Errorf("gql: handover pack %d: %w", p.ID, err)
	}
	return withLists(c), nil
}

// withLists gives GraphQL empty lists rather than null.
func withLists(c *throughline.HandoverContents) *throughline.HandoverContents {
	c.ExecutionGoals, c.CareerGoals = nonNil(c.ExecutionGoals), nonNil(c.CareerGoals)
	c.OpenActions, c.RecentCheckIns = nonNil(c.OpenActions), nonNil(c.RecentCheckIns)
	c.KeyDeliverables, c.Warnings = nonNil(c.KeyDeliverables), nonNil(c.Warnings)
	return c
}

// packContents builds a person's pack from their plan in the current
// cycle as it stands, judged as of a day: actions due before it are
// overdue, and the plan rules are checked on it.
func (r *Resolver) packContents(ctx context.Context, personID int64,
	asOf time.Time,
) (*throughline.HandoverContents, error) {
	c := withLists(&throughline.HandoverContents{})
	cycle, err := r.cycleOrCurrent(ctx, nil)
	if err != nil || cycle == nil {
		return c, err
	}
	c.Cycle = &cycle.Name
	if c.KeyDeliverables, err = r.packDeliverables(ctx, personID, cycle.ID); err != nil {
		return nil, err
	}
	plan, err := planFor(ctx, personID, cycle.ID)
	if err != nil || plan == nil {
		return c, err
	}
	status := plan.Status
	c.Status, c.StatusReason = &status, plan.StatusReason
	return c, r.packPlan(ctx, c, plan, asOf)
}

// packPlan fills a pack with what the plan holds.
func (r *Resolver) packPlan(ctx context.Context, c *throughline.HandoverContents,
	plan *throughline.DevelopmentPlan, asOf time.Time,
) error {
	goals, err := loaders.For(ctx).Goals.Load(ctx, plan.ID)
	if err != nil {
		return err
	}
	for _, g := range goals {
		if g.State != throughline.GoalActive {
			continue
		}
		if err := r.packGoal(ctx, c, g, asOf); err != nil {
			return err
		}
	}
	sortActions(c.OpenActions)
	if c.RecentCheckIns, err = r.packCheckIns(ctx, plan.ID); err != nil {
		return err
	}
	c.Warnings, err = r.packWarnings(ctx, plan.ID, asOf)
	return err
}

// packGoal adds an active goal to its lane, and its open actions.
func (r *Resolver) packGoal(ctx context.Context, c *throughline.HandoverContents,
	g *throughline.DevelopmentGoal, asOf time.Time,
) error {
	hg := &throughline.HandoverGoal{
		Title: g.Title, ChangeInWork: g.ChangeInWork, Horizon: g.Horizon,
	}
	if err := r.goalLinks(ctx, hg, g); err != nil {
		return err
	}
	if g.Lane == throughline.LaneExecution {
		c.ExecutionGoals = append(c.ExecutionGoals, hg)
	} else {
		c.CareerGoals = append(c.CareerGoals, hg)
	}
	actions, err := loaders.For(ctx).Actions.Load(ctx, g.ID)
	if err != nil {
		return err
	}
	for _, a := range actions {
		if a.DoneOn != nil {
			continue
		}
		ha, err := packAction(ctx, g, a, asOf)
		if err != nil {
			return err
		}
		c.OpenActions = append(c.OpenActions, ha)
	}
	return nil
}

// goalLinks names a goal's capability and key result, and measures its
// gap.
func (r *Resolver) goalLinks(ctx context.Context, hg *throughline.HandoverGoal,
	g *throughline.DevelopmentGoal,
) error {
	l := loaders.For(ctx)
	capability, err := loaders.LoadOptional(ctx, l.Capability, g.CapabilityID, "capability")
	if err != nil {
		return err
	}
	if capability != nil {
		hg.Capability = &capability.Name
	}
	kr, err := loaders.LoadOptional(ctx, l.KeyResult, g.KeyResultID, "key result")
	if err != nil {
		return err
	}
	if kr != nil {
		hg.KeyResult = &kr.Title
	}
	gap, err := r.goalGap(ctx, g)
	if err != nil || gap == nil {
		return err
	}
	hg.Gap = &gap.Gap
	return nil
}

func packAction(ctx context.Context, g *throughline.DevelopmentGoal,
	a *throughline.DevelopmentAction, asOf time.Time,
) (*throughline.HandoverAction, error) {
	ha := &throughline.HandoverAction{
		Goal: g.Title, Kind: a.Kind, Title: a.Title, DueOn: a.DueOn,
		Overdue: overdue(a, asOf),
	}
	name, err := personName(ctx, a.SupporterID)
	if name != "" {
		ha.Supporter = &name
	}
	return ha, err
}

// sortActions puts overdue actions first, then the rest by due date, and
// actions with no date last.
func sortActions(actions []*throughline.HandoverAction) {
	sort.SliceStable(actions, func(i, j int) bool {
		a, b := actions[i], actions[j]
		if a.Overdue != b.Overdue {
			return a.Overdue
		}
		if (a.DueOn == nil) != (b.DueOn == nil) {
			return b.DueOn == nil
		}
		return a.DueOn != nil && a.DueOn.Before(*b.DueOn)
	})
}

// packCheckIns lists the latest check-ins without their private notes.
func (r *Resolver) packCheckIns(ctx context.Context, planID int64) ([]*throughline.HandoverCheckIn, error) {
	latest, err := loaders.For(ctx).LatestCheckIns.Load(ctx, planID)
	if err != nil {
		return nil, err
	}
	latest = latest[:min(len(latest), recentCheckIns)]
	out := make([]*throughline.HandoverCheckIn, 0, len(latest))
	for _, ci := range latest {
		hc := &throughline.HandoverCheckIn{
			Kind: ci.Kind, HeldOn: ci.HeldOn, StillHard: ci.StillHard,
			SupportNeeded: ci.SupportNeeded, StatusAfter: ci.StatusAfter,
			ObservedChange: emptyIsNull(ci.ObservedChange),
		}
		if note := strings.TrimSpace(ci.Note); note != "" && !ci.NotePrivate {
			hc.Note = &note
		}
		out = append(out, hc)
	}
	return out, nil
}

// packDeliverables lists the key results a person owns in a cycle, up to
// a page's worth: a person who owns more has no one deliverable to hand
// over, and the pack stays readable.
func (r *Resolver) packDeliverables(ctx context.Context,
	personID, cycleID int64,
) ([]*throughline.HandoverKeyResult, error) {
	owned, err := loaders.For(ctx).OwnedKeyResults.Load(ctx, [2]int64{personID, cycleID})
	if err != nil {
		return nil, err
	}
	owned = owned[:min(len(owned), throughline.MaxPageSize)]
	out := make([]*throughline.HandoverKeyResult, 0, len(owned))
	for _, k := range owned {
		o, err := loaders.Load(ctx, loaders.For(ctx).Objective, k.ObjectiveID, "objective")
		if err != nil {
			return nil, err
		}
		out = append(out, &throughline.HandoverKeyResult{
			Title: k.Title, Objective: o.Title, Progress: k.Progress(), Critical: k.Critical,
		})
	}
	return out, nil
}

// packWarnings checks the plan against the plan rules on a day.
func (r *Resolver) packWarnings(ctx context.Context, planID int64,
	asOf time.Time,
) ([]*throughline.HandoverWarning, error) {
	s, rhythm, err := r.snapshotAndRhythm(ctx, planID)
	if err != nil {
		return nil, err
	}
	ws := throughline.Warnings(s, asOf, rhythm)
	out := make([]*throughline.HandoverWarning, len(ws))
	for i, w := range ws {
		out[i] = &throughline.HandoverWarning{Code: w.Code, Message: w.Message}
	}
	return out, nil
}

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
		DraftedByID: actorPerson(a),
	})
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
