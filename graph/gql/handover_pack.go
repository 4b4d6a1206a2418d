package gql

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/loaders"
)

// recentCheckIns is how many check-ins a pack shows.
const recentCheckIns = 3

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
	held, err := r.checkInsHeldBy(ctx, plan.ID, asOf)
	if err != nil {
		return err
	}
	c.RecentCheckIns = packCheckIns(held)
	c.Warnings, err = r.packWarnings(ctx, plan.ID, asOf, held)
	return err
}

// checkInsHeldBy lists a plan's check-ins held by a day, newest first:
// the loader's latest ones for a pack of today, and for a move dated back
// those up to that day, so that the pack shows the plan as the move found
// it. Check-ins come monthly, so a page holds years of them.
func (r *Resolver) checkInsHeldBy(ctx context.Context, planID int64,
	day time.Time,
) ([]*throughline.CheckIn, error) {
	if !day.Before(r.today()) {
		return loaders.For(ctx).LatestCheckIns.Load(ctx, planID)
	}
	page, err := r.Plans.FindCheckIns(ctx, planID,
		throughline.PageRequest{First: throughline.MaxPageSize})
	if err != nil {
		return nil, err
	}
	var held []*throughline.CheckIn
	for _, ci := range page.Items {
		if !ci.HeldOn.After(day) {
			held = append(held, ci)
		}
	}
	return held, nil
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
		if !openOn(a, asOf) {
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
		Overdue: openOn(a, asOf) && a.DueOn != nil && a.DueOn.Before(asOf),
	}
	name, err := personName(ctx, a.SupporterID)
	if name != "" {
		ha.Supporter = &name
	}
	return ha, err
}

// openOn reports whether an action was open on a day: an action done
// after the day of a move dated back was open on it.
func openOn(a *throughline.DevelopmentAction, day time.Time) bool {
	return a.DoneOn == nil || a.DoneOn.After(day)
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

// packCheckIns lists the latest of the check-ins held, newest first,
// without their private notes.
func packCheckIns(held []*throughline.CheckIn) []*throughline.HandoverCheckIn {
	latest := held[:min(len(held), recentCheckIns)]
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
	return out
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

// packWarnings checks the plan against the plan rules on a day, with the
// check-ins held by then.
func (r *Resolver) packWarnings(ctx context.Context, planID int64,
	asOf time.Time, held []*throughline.CheckIn,
) ([]*throughline.HandoverWarning, error) {
	s, rhythm, err := r.snapshotAndRhythm(ctx, planID)
	if err != nil {
		return nil, err
	}
	if asOf.Before(r.today()) {
		s = s.WithCheckIns(held)
	}
	ws := throughline.Warnings(s, asOf, rhythm)
	out := make([]*throughline.HandoverWarning, len(ws))
	for i, w := range ws {
		out[i] = &throughline.HandoverWarning{Code: w.Code, Message: w.Message}
	}
	return out, nil
}
