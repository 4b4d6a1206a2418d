package demo_test

import (
	"encoding/json"
	"testing"
	"time"

	throughline "throughline.dev/graph"
)

// The demo holds a handover the new manager has read, one they have not,
// and a person whose manager left; last quarter's review carried a goal
// into this quarter.

func (w *world) handovers(f throughline.HandoverFilter) []*throughline.Handover {
	return all(w.t, func(p req) (*page[*throughline.Handover], error) {
		return w.store.FindHandovers(w.ctx, f, p)
	})
}

func (w *world) packs(h *throughline.Handover) []*throughline.HandoverPack {
	packs, err := w.store.FindPacks(w.ctx, h.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return packs
}

// daysAgo counts the days from a day to the day of seeding.
func (w *world) daysAgo(day time.Time) int {
	return int(throughline.Day(w.today).Sub(throughline.Day(day)).Hours() / 24)
}

func (w *world) checkHandovers(t *testing.T) {
	all := w.handovers(throughline.HandoverFilter{})
	if len(all) != 2 || w.sum.Handovers != 2 || w.sum.Packs != 3 {
		t.Fatalf("%d handovers stored, summary says %d with %d packs; want 2 with 3",
			len(all), w.sum.Handovers, w.sum.Packs)
	}
	pending := w.handovers(throughline.HandoverFilter{PendingOnly: true})
	if len(pending) != 1 {
		t.Fatalf("%d handovers pending, want 1", len(pending))
	}
	for _, h := range all {
		if h.ID == pending[0].ID {
			w.checkPending(t, h)
		} else {
			w.checkCompleted(t, h)
		}
	}
}

// checkCompleted checks the handover of over a week ago: two people, both
// packs read by the new manager a few days after the move.
func (w *world) checkCompleted(t *testing.T, h *throughline.Handover) {
	if ago := w.daysAgo(h.EffectiveOn); ago < 8 || ago > 45 || h.Note == "" {
		t.Errorf("completed handover took effect %d days ago with note %q; "+
			"want over a week ago, with a note", ago, h.Note)
	}
	packs := w.packs(h)
	if len(packs) != 2 {
		t.Fatalf("completed handover has %d packs, want 2", len(packs))
	}
	laterCheckIns := 0
	for _, p := range packs {
		w.checkPack(t, h, p)
		read := p.AcknowledgedAt
		if read == nil || p.AcknowledgedByID == nil || *p.AcknowledgedByID != h.ToManagerID ||
			!throughline.Day(*read).After(h.EffectiveOn) || read.After(w.today) {
			t.Errorf("pack of person %d acknowledged on %v by %v; want by %d after %s",
				p.PersonID, read, p.AcknowledgedByID, h.ToManagerID, h.EffectiveOn)
		}
		laterCheckIns += w.checkInsAfter(p.PersonID, h.EffectiveOn)
	}
	if laterCheckIns == 0 {
		t.Errorf("nobody moved had a check-in after the move; " +
			"the packs cannot show they were frozen at it")
	}
}

// checkPending checks the handover of a few days ago: one person, the
// pack not yet read.
func (w *world) checkPending(t *testing.T, h *throughline.Handover) {
	if ago := w.daysAgo(h.EffectiveOn); ago < 1 || ago > 7 {
		t.Errorf("pending handover took effect %d days ago, want a few", ago)
	}
	packs := w.packs(h)
	if len(packs) != 1 {
		t.Fatalf("pending handover has %d packs, want 1", len(packs))
	}
	w.checkPack(t, h, packs[0])
	if packs[0].AcknowledgedAt != nil || packs[0].AcknowledgedByID != nil {
		t.Errorf("pending pack was acknowledged on %v", packs[0].AcknowledgedAt)
	}
}

// checkPack checks a pack drafted by the outgoing manager, its contents
// frozen on the day of the move, and the person's move in their history.
func (w *world) checkPack(t *testing.T, h *throughline.Handover, p *throughline.HandoverPack) {
	from := h.FromManagerID
	if from == nil || !same(p.FromManagerID, *from) || !same(p.DraftedByID, *from) ||
		!same(h.CreatedByID, *from) || p.Risks == "" || p.StakeholderPriorities == "" {
		t.Errorf("pack of person %d: from %v, drafted by %v, handover by %v, risks %q, "+
			"stakeholders %q; want notes drafted by the outgoing manager %v", p.PersonID,
			p.FromManagerID, p.DraftedByID, h.CreatedByID, p.Risks, p.StakeholderPriorities, from)
	}
	w.checkContents(t, h, p)
	w.checkMove(t, h, p.PersonID)
}

func same(id *int64, want int64) bool { return id != nil && *id == want }

func (w *world) checkContents(t *testing.T, h *throughline.Handover, p *throughline.HandoverPack) {
	if p.Snapshot == nil {
		t.Fatalf("pack of person %d has no frozen contents", p.PersonID)
	}
	var c throughline.HandoverContents
	if err := json.Unmarshal([]byte(*p.Snapshot), &c); err != nil {
		t.Fatalf("pack of person %d: %v", p.PersonID, err)
	}
	if c.Cycle == nil || *c.Cycle != w.current.Name || c.Status == nil ||
		len(c.ExecutionGoals)+len(c.CareerGoals) == 0 || len(c.RecentCheckIns) == 0 ||
		c.OpenActions == nil || c.Warnings == nil || c.KeyDeliverables == nil {
		t.Errorf("pack of person %d holds %s", p.PersonID, *p.Snapshot)
	}
	for _, ci := range c.RecentCheckIns {
		if ci.HeldOn.After(h.EffectiveOn) {
			t.Errorf("pack of person %d shows a check-in of %s, after the move on %s",
				p.PersonID, ci.HeldOn, h.EffectiveOn)
		}
	}
}

// checkInsAfter counts a person's check-ins in the current cycle held
// after a day.
func (w *world) checkInsAfter(personID int64, day time.Time) int {
	plan, err := w.store.FindPlanFor(w.ctx, personID, w.current.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	n := 0
	for _, ci := range w.planView(plan).checkIns {
		if ci.HeldOn.After(day) {
			n++
		}
	}
	return n
}

// checkMove checks that a person moved reports to the new manager, and
// that their history closes the stint under the old one the day before.
func (w *world) checkMove(t *testing.T, h *throughline.Handover, personID int64) {
	p, err := w.store.FindPersonByID(w.ctx, personID)
	if err != nil {
		t.Fatal(err)
	}
	stints, err := w.store.ManagerHistory(w.ctx, personID)
	if err != nil {
		t.Fatal(err)
	}
	if !same(p.ManagerID, h.ToManagerID) || len(stints) != 2 {
		t.Fatalf("%s reports to %v with %d stints; want %d, after 2 stints",
			p.Name, p.ManagerID, len(stints), h.ToManagerID)
	}
	before, after := stints[0], stints[1]
	if !same(before.ManagerID, *h.FromManagerID) || before.UntilOn == nil ||
		!before.UntilOn.Equal(h.EffectiveOn.AddDate(0, 0, -1)) {
		t.Errorf("%s's stint before the move: under %v until %v", p.Name,
			before.ManagerID, before.UntilOn)
	}
	if !same(after.ManagerID, h.ToManagerID) || !after.FromOn.Equal(h.EffectiveOn) ||
		!same(after.HandoverID, h.ID) || after.UntilOn != nil {
		t.Errorf("%s's stint after the move: %+v", p.Name, after)
	}
}

// checkDeparture checks that one person left, and that the one who
// reported to them waits for a handover with no manager.
func (w *world) checkDeparture(t *testing.T) {
	var left []*throughline.Person
	for _, p := range w.people() {
		if p.LeftOn != nil {
			left = append(left, p)
		}
	}
	if len(left) != 1 || w.sum.Departures != 1 || left[0].LeftOn.After(w.today) {
		t.Fatalf("%d people left, summary says %d; want one, in the past",
			len(left), w.sum.Departures)
	}
	emily := w.personByKey("emily.walsh")
	waiting, err := w.store.AwaitingHandover(w.ctx, emily.ID)
	if err != nil || !waiting || emily.ManagerID != nil {
		t.Errorf("Emily: manager %v, awaiting handover %v (%v)", emily.ManagerID, waiting, err)
	}
	stints, err := w.store.ManagerHistory(w.ctx, emily.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(stints); n != 2 || !same(stints[0].ManagerID, left[0].ID) ||
		stints[0].UntilOn == nil || !stints[0].UntilOn.Equal(*left[0].LeftOn) ||
		stints[1].ManagerID != nil ||
		!stints[1].FromOn.Equal(left[0].LeftOn.AddDate(0, 0, 1)) {
		t.Errorf("Emily's history has %d stints, want one under %s through their "+
			"last day and none from the day after", n, left[0].Name)
	}
}

func (w *world) personByKey(key string) *throughline.Person {
	p, err := w.store.FindPersonByEmail(w.ctx, key+"@northwind-labs.example")
	if err != nil {
		w.t.Fatalf("%s: %v", key, err)
	}
	return p
}

// checkReview checks that a goal of this quarter continues one of last
// quarter's, closed by a review that also closed another goal as
// achieved, and that the review is this plan's quarterly check-in.
func (w *world) checkReview(t *testing.T) {
	if w.sum.Reviews != 1 {
		t.Errorf("summary counts %d reviews, want 1", w.sum.Reviews)
	}
	carried := 0
	for _, v := range w.plans() {
		for _, g := range v.goals {
			if g.CarriedFromID != nil && g.Lane == throughline.LaneExecution {
				carried++
				w.checkCarried(t, v, g)
			}
		}
	}
	if carried != 1 {
		t.Errorf("%d execution goals carried over from last quarter, want 1", carried)
	}
}

func (w *world) checkCarried(t *testing.T, v planView, g *throughline.DevelopmentGoal) {
	from, err := w.store.FindGoalByID(w.ctx, *g.CarriedFromID)
	if err != nil {
		t.Fatal(err)
	}
	old, err := w.store.FindPlanByID(w.ctx, from.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	if old.PersonID != v.plan.PersonID || old.CycleID != w.previous().ID ||
		from.Title != g.Title || w.cycleOfKeyResult(g.KeyResultID) != w.current.ID {
		t.Errorf("%q carried from goal %d of plan %+v, serving key result %v",
			g.Title, from.ID, old, g.KeyResultID)
	}
	oldGoals, err := w.store.FindGoals(w.ctx, old.ID)
	if err != nil {
		t.Fatal(err)
	}
	achieved := 0
	for _, og := range oldGoals {
		if og.State == throughline.GoalAchieved {
			achieved++
		}
	}
	reviews := 0
	for _, ci := range v.checkIns {
		if ci.Kind == throughline.CheckInQuarterly {
			reviews++
		}
	}
	if achieved != 1 || reviews != 1 || len(w.planView(v.plan).actions) == 0 {
		t.Errorf("last quarter's plan closed %d goals as achieved; this quarter's plan "+
			"has %d quarterly reviews; want 1 and 1, and actions on the goal", achieved, reviews)
	}
}

// cycleOfKeyResult returns the cycle of a key result's objective.
func (w *world) cycleOfKeyResult(id *int64) int64 {
	if id == nil {
		return 0
	}
	k, err := w.store.FindKeyResultByID(w.ctx, *id)
	if err != nil {
		w.t.Fatal(err)
	}
	o, err := w.store.FindObjectiveByID(w.ctx, k.ObjectiveID)
	if err != nil {
		w.t.Fatal(err)
	}
	return o.CycleID
}
