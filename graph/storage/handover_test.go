package storage_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
)

// hoClock is a clock the tests move forward between steps.
type hoClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *hoClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *hoClock) advance(days int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.AddDate(0, 0, days)
}

// hoWorld is a small reporting line: Lea at the top; Bo and Cy manage
// under her; Ada and Eve report to Bo, and Dan to Ada.
type hoWorld struct {
	ctx                        context.Context
	s                          *storage.Store
	clock                      *hoClock
	lea, bo, cy, ada, eve, dan *throughline.Person
	firstDay                   time.Time
	// contentCalls counts the reads of pack contents; contentsFor, when
	// set, runs at each read.
	contentCalls int
	contentsFor  func(personID int64)
}

func mustHandoverWorld(t *testing.T) *hoWorld {
	t.Helper()
	w := &hoWorld{
		ctx:   context.Background(),
		clock: &hoClock{t: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)},
	}
	loc := storagetest.Location(t, "h.db")
	s, err := storage.Open(w.ctx, loc, storage.Options{Now: w.clock.now})
	if err != nil {
		t.Fatal(err)
	}
	locations.Store(s, loc)
	t.Cleanup(func() { s.Close() })
	w.s = s
	w.firstDay = throughline.Day(w.clock.now())
	w.lea = w.mustPerson(t, "Lea", nil)
	w.bo = w.mustPerson(t, "Bo", &w.lea.ID)
	w.cy = w.mustPerson(t, "Cy", &w.lea.ID)
	w.ada = w.mustPerson(t, "Ada", &w.bo.ID)
	w.eve = w.mustPerson(t, "Eve", &w.bo.ID)
	w.dan = w.mustPerson(t, "Dan", &w.ada.ID)
	w.clock.advance(7)
	return w
}

func (w *hoWorld) mustPerson(t *testing.T, name string, manager *int64) *throughline.Person {
	t.Helper()
	p := &throughline.Person{
		Name: name, Email: strings.ToLower(name) + "@example.com", ManagerID: manager,
	}
	if err := w.s.CreatePerson(w.ctx, p); err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return p
}

func (w *hoWorld) today() time.Time { return throughline.Day(w.clock.now()) }

// contents stands in for the API's pack contents: the person's ID in the
// status reason shows whose contents a pack froze.
func (w *hoWorld) contents(_ context.Context, personID int64) (*throughline.HandoverContents, error) {
	w.contentCalls++
	if w.contentsFor != nil {
		w.contentsFor(personID)
	}
	cycle := "2026-Q4"
	return &throughline.HandoverContents{
		Cycle: &cycle, StatusReason: fmt.Sprintf("person %d", personID),
	}, nil
}

func (w *hoWorld) handOver(to *throughline.Person, on time.Time,
	people ...*throughline.Person,
) (*throughline.Handover, []*throughline.HandoverPack, error) {
	ids := make([]int64, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	h := &throughline.Handover{ToManagerID: to.ID, EffectiveOn: on, Note: "reorg", CreatedByID: &w.lea.ID}
	packs, err := w.s.HandOver(w.ctx, h, ids, w.contents)
	return h, packs, err
}

func (w *hoWorld) mustHandOver(t *testing.T, to *throughline.Person, on time.Time,
	people ...*throughline.Person,
) (*throughline.Handover, []*throughline.HandoverPack) {
	t.Helper()
	h, packs, err := w.handOver(to, on, people...)
	if err != nil {
		t.Fatalf("hand over to %s: %v", to.Name, err)
	}
	return h, packs
}

func (w *hoWorld) managerOf(t *testing.T, p *throughline.Person) *int64 {
	t.Helper()
	got, err := w.s.FindPersonByID(w.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got.ManagerID
}

func (w *hoWorld) mustHistory(t *testing.T, p *throughline.Person) []*throughline.ManagerStint {
	t.Helper()
	h, err := w.s.ManagerHistory(w.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// rowCounts counts what a move or a departure writes, to show a refusal
// wrote nothing.
func (w *hoWorld) rowCounts(t *testing.T) map[string]int {
	t.Helper()
	db, err := w.s.SQL()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, table := range []string{"handovers", "handover_packs", "manager_history", "audit_log"} {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	out["people "+w.assignments(t, db)] = 1
	return out
}

// assignments lists each person's manager and last day, in one string.
func (w *hoWorld) assignments(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT id, manager_id, left_on FROM people ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id int64
		var manager sql.NullInt64
		var left sql.NullTime
		if err := rows.Scan(&id, &manager, &left); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%d:%v:%v,", id, manager, left)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func wantSameCounts(t *testing.T, before, after map[string]int) {
	t.Helper()
	if len(before) != len(after) {
		t.Errorf("rows changed: %v, then %v", before, after)
		return
	}
	for k, n := range before {
		if after[k] != n {
			t.Errorf("rows changed: %v, then %v", before, after)
			return
		}
	}
}

func wantHoError(t *testing.T, err error, code, field, says string) {
	t.Helper()
	if got := throughline.ErrorCode(err); got != code {
		t.Fatalf("error %v has code %s, want %s", err, got, code)
	}
	var fields, msgs []string
	if ve, ok := err.(*throughline.ValidationError); ok {
		for _, p := range ve.Problems {
			fields, msgs = append(fields, p.Field), append(msgs, p.Message)
		}
	} else {
		fields, msgs = []string{throughline.ErrorField(err)}, []string{throughline.ErrorMessage(err)}
	}
	for i := range fields {
		if fields[i] == field && strings.Contains(msgs[i], says) {
			return
		}
	}
	t.Errorf("error %v: want %q on %q", err, says, field)
}

func sameIDAs(got *int64, want *throughline.Person) bool {
	return (got == nil && want == nil) || (got != nil && want != nil && *got == want.ID)
}

func TestHandOverMovesPeopleWithTheirPacks(t *testing.T) {
	w := mustHandoverWorld(t)
	risks := "  Ada's biggest deal closes in December  "
	draft, err := w.s.DraftPack(w.ctx, throughline.HandoverDraft{
		PersonID: w.ada.ID, Risks: &risks, DraftedByID: &w.bo.ID,
	})
	if err != nil {
		t.Fatal(err)
	}

	on := w.today()
	h, packs := w.mustHandOver(t, w.cy, on, w.ada, w.eve, w.ada)
	if h.ID == 0 || !sameIDAs(h.FromManagerID, w.bo) || !h.EffectiveOn.Equal(on) {
		t.Errorf("handover = %+v, want one from Bo effective %s", h, on)
	}
	if len(packs) != 2 || w.contentCalls != 2 {
		t.Fatalf("%d packs from %d contents, want 2 and 2 (Ada named twice moves once)",
			len(packs), w.contentCalls)
	}
	ada, eve := packs[0], packs[1]
	if ada.ID != draft.ID || ada.Risks != strings.TrimSpace(risks) || !sameIDAs(ada.FromManagerID, w.bo) {
		t.Errorf("Ada's pack = %+v, want her draft (ID %d) with its risks, from Bo", ada, draft.ID)
	}
	if eve.PersonID != w.eve.ID || eve.Risks != "" || eve.HandoverID == nil || *eve.HandoverID != h.ID {
		t.Errorf("Eve's pack = %+v, want a new pack in handover %d", eve, h.ID)
	}
	wantFrozen(t, ada, w.ada.ID)
	wantFrozen(t, eve, w.eve.ID)
	for _, p := range []*throughline.Person{w.ada, w.eve} {
		if m := w.managerOf(t, p); !sameIDAs(m, w.cy) {
			t.Errorf("%s's manager is %v, want Cy", p.Name, m)
		}
	}
	wantStints(t, w.mustHistory(t, w.ada),
		stint{w.bo, w.firstDay, ptrDay(on.AddDate(0, 0, -1)), 0},
		stint{w.cy, on, nil, h.ID})
}

func wantFrozen(t *testing.T, p *throughline.HandoverPack, personID int64) {
	t.Helper()
	if p.Snapshot == nil {
		t.Fatalf("pack %d has no snapshot", p.ID)
	}
	var c throughline.HandoverContents
	if err := json.Unmarshal([]byte(*p.Snapshot), &c); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("person %d", personID); c.StatusReason != want {
		t.Errorf("pack %d froze %q, want %q", p.ID, c.StatusReason, want)
	}
}

type stint struct {
	manager  *throughline.Person
	from     time.Time
	until    *time.Time
	handover int64
}

func ptrDay(t time.Time) *time.Time { return &t }

func wantStints(t *testing.T, got []*throughline.ManagerStint, want ...stint) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d stints, want %d: %s", len(got), len(want), describeStints(got))
	}
	for i, w := range want {
		g := got[i]
		sameUntil := (g.UntilOn == nil) == (w.until == nil) &&
			(g.UntilOn == nil || g.UntilOn.Equal(*w.until))
		sameHandover := (w.handover == 0 && g.HandoverID == nil) ||
			(g.HandoverID != nil && *g.HandoverID == w.handover)
		if !sameIDAs(g.ManagerID, w.manager) || !g.FromOn.Equal(w.from) || !sameUntil || !sameHandover {
			t.Errorf("stint %d: got %s", i, describeStints(got))
		}
	}
}

func describeStints(stints []*throughline.ManagerStint) string {
	var parts []string
	for _, s := range stints {
		until, manager := "now", "none"
		if s.UntilOn != nil {
			until = s.UntilOn.Format(time.DateOnly)
		}
		if s.ManagerID != nil {
			manager = fmt.Sprint(*s.ManagerID)
		}
		parts = append(parts, fmt.Sprintf("%s %s..%s", manager, s.FromOn.Format(time.DateOnly), until))
	}
	return strings.Join(parts, "; ")
}

func TestHandOverIsAuditedPerObject(t *testing.T) {
	w := mustHandoverWorld(t)
	before := w.rowCounts(t)["audit_log"]
	w.mustHandOver(t, w.cy, w.today(), w.ada, w.eve)
	// One handover, two people, two packs.
	if n := w.rowCounts(t)["audit_log"] - before; n != 5 {
		t.Errorf("the move left %d audit entries, want 5", n)
	}
}

func TestHandOverRefusesAndWritesNothing(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(t *testing.T, w *hoWorld)
		move   func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person)
		code   string
		field  string
		says   string
		called int // how often contents were read
	}{
		{name: "nobody to move",
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.cy, w.today(), nil
			},
			code: throughline.EINVALID, field: "personIds", says: "at least one"},
		{name: "a move under oneself",
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.ada, w.today(), []*throughline.Person{w.ada}
			},
			code: throughline.EINVALID, field: "toManagerId", says: "their own manager"},
		{name: "a move under one's own report",
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.dan, w.today(), []*throughline.Person{w.eve, w.ada}
			},
			code: throughline.EINVALID, field: "toManagerId", says: "reporting loop"},
		{name: "a move to the current manager",
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.bo, w.today(), []*throughline.Person{w.ada}
			},
			code: throughline.EINVALID, field: "toManagerId", says: "Ada already reports to Bo"},
		{name: "someone in a pending handover",
			setup: func(t *testing.T, w *hoWorld) { w.mustHandOver(t, w.cy, w.today(), w.ada) },
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.lea, w.today(), []*throughline.Person{w.ada}
			},
			code: throughline.EINVALID, field: "personIds", says: "handover to Cy of 2026-11-09"},
		{name: "someone who left",
			setup: func(t *testing.T, w *hoWorld) { mustDepart(t, w, w.eve, w.today()) },
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.cy, w.today(), []*throughline.Person{w.eve}
			},
			code: throughline.EINVALID, field: "personIds", says: "Eve left on 2026-11-09"},
		{name: "a new manager who left",
			setup: func(t *testing.T, w *hoWorld) { mustDepart(t, w, w.cy, w.today()) },
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.cy, w.today(), []*throughline.Person{w.ada}
			},
			code: throughline.EINVALID, field: "toManagerId", says: "can manage nobody"},
		{name: "a date ahead",
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.cy, w.today().AddDate(0, 0, 2), []*throughline.Person{w.ada}
			},
			code: throughline.EINVALID, field: "effectiveOn", says: "in the future"},
		{name: "a date before the current stint",
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.cy, w.firstDay.AddDate(0, 0, -1), []*throughline.Person{w.ada}
			},
			code: throughline.EINVALID, field: "effectiveOn", says: "since 2026-11-02"},
		{name: "nobody with that ID",
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return w.cy, w.today(), []*throughline.Person{{ID: 9999}}
			},
			code: throughline.ENOTFOUND, field: "personIds", says: "9999"},
		{name: "no new manager with that ID",
			move: func(w *hoWorld) (*throughline.Person, time.Time, []*throughline.Person) {
				return &throughline.Person{ID: 9999}, w.today(), []*throughline.Person{w.ada}
			},
			code: throughline.ENOTFOUND, field: "toManagerId", says: "9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := mustHandoverWorld(t)
			if tt.setup != nil {
				tt.setup(t, w)
			}
			w.contentCalls = 0
			before := w.rowCounts(t)
			to, on, people := tt.move(w)
			_, packs, err := w.handOver(to, on, people...)
			wantHoError(t, err, tt.code, tt.field, tt.says)
			if packs != nil || w.contentCalls != tt.called {
				t.Errorf("refused move gave packs %v and read contents %d times", packs, w.contentCalls)
			}
			wantSameCounts(t, before, w.rowCounts(t))
		})
	}
}

func mustDepart(t *testing.T, w *hoWorld, p *throughline.Person, on time.Time) []*throughline.Person {
	t.Helper()
	reports, err := w.s.RecordDeparture(w.ctx, p.ID, on)
	if err != nil {
		t.Fatalf("%s leaves: %v", p.Name, err)
	}
	return reports
}

// The rules are checked again inside the transaction: a change made while
// the contents were read stops the move.
func TestHandOverChecksAgainInsideTheTransaction(t *testing.T) {
	w := mustHandoverWorld(t)
	w.contentsFor = func(personID int64) {
		if personID == w.ada.ID {
			mustDepart(t, w, w.cy, w.today())
		}
	}
	before := w.rowCounts(t)
	_, _, err := w.handOver(w.cy, w.today(), w.ada)
	wantHoError(t, err, throughline.EINVALID, "toManagerId", "can manage nobody")
	after := w.rowCounts(t)
	if after["handovers"] != before["handovers"] || after["handover_packs"] != before["handover_packs"] {
		t.Errorf("a move refused in its transaction wrote handovers or packs: %v, then %v",
			before, after)
	}
	if m := w.managerOf(t, w.ada); !sameIDAs(m, w.bo) {
		t.Errorf("Ada's manager is %v, want Bo still", m)
	}
}

func TestDraftPackKeepsWhatIsNotGiven(t *testing.T) {
	w := mustHandoverWorld(t)
	risks, stakeholders := "Key account at risk", " Sales lead wants weekly numbers "
	first, err := w.s.DraftPack(w.ctx, throughline.HandoverDraft{
		PersonID: w.ada.ID, Risks: &risks, DraftedByID: &w.bo.ID,
	})
	if err != nil {
		t.Fatal(err)
	}
	// Lea edits without having read Bo's draft, then on an old version:
	// both refused, nothing overwritten.
	_, err = w.s.DraftPack(w.ctx, throughline.HandoverDraft{
		PersonID: w.ada.ID, StakeholderPriorities: &stakeholders, DraftedByID: &w.lea.ID,
	})
	wantHoError(t, err, throughline.ECONFLICT, "version", "a draft already exists (version 1)")
	stale := first.Version - 1
	_, err = w.s.DraftPack(w.ctx, throughline.HandoverDraft{
		PersonID: w.ada.ID, StakeholderPriorities: &stakeholders, DraftedByID: &w.lea.ID,
		Version: &stale,
	})
	wantHoError(t, err, throughline.ECONFLICT, "version", "has never been at version 0 (it is at 1)")

	second, err := w.s.DraftPack(w.ctx, throughline.HandoverDraft{
		PersonID: w.ada.ID, StakeholderPriorities: &stakeholders, DraftedByID: &w.lea.ID,
		Version: &first.Version,
	})
	if err != nil {
		t.Fatal(err)
	}
	if second.ID != first.ID || second.Version != 2 || second.Risks != risks ||
		second.StakeholderPriorities != strings.TrimSpace(stakeholders) {
		t.Errorf("second draft = %+v, want draft %d with both notes", second, first.ID)
	}
	if !sameIDAs(second.FromManagerID, w.bo) || !sameIDAs(second.DraftedByID, w.lea) ||
		second.HandoverID != nil || second.Snapshot != nil {
		t.Errorf("draft = %+v, want from Bo, drafted by Lea, not part of a handover", second)
	}

	mustDepart(t, w, w.eve, w.today())
	_, err = w.s.DraftPack(w.ctx, throughline.HandoverDraft{PersonID: w.eve.ID, Risks: &risks})
	wantHoError(t, err, throughline.EINVALID, "personId", "left on")
	_, err = w.s.DraftPack(w.ctx, throughline.HandoverDraft{PersonID: 9999, Risks: &risks})
	wantHoError(t, err, throughline.ENOTFOUND, "personId", "9999")
}

func TestAcknowledgePackByTheIncomingManagerOnly(t *testing.T) {
	w := mustHandoverWorld(t)
	draft, err := w.s.DraftPack(w.ctx, throughline.HandoverDraft{PersonID: w.ada.ID})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.s.AcknowledgePack(w.ctx, draft.ID, w.cy.ID)
	wantHoError(t, err, throughline.EINVALID, "packId", "draft")

	_, packs := w.mustHandOver(t, w.cy, w.today(), w.ada)
	for _, other := range []*throughline.Person{w.bo, w.ada, w.lea} {
		_, err = w.s.AcknowledgePack(w.ctx, packs[0].ID, other.ID)
		if throughline.ErrorCode(err) != throughline.EUNAUTHORIZED {
			t.Errorf("%s acknowledged Cy's pack: %v, want UNAUTHORIZED", other.Name, err)
		}
	}
	got, err := w.s.AcknowledgePack(w.ctx, packs[0].ID, w.cy.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.AcknowledgedAt == nil || !sameIDAs(got.AcknowledgedByID, w.cy) {
		t.Errorf("acknowledged pack = %+v, want acknowledged by Cy", got)
	}
	_, err = w.s.AcknowledgePack(w.ctx, packs[0].ID, w.cy.ID)
	wantHoError(t, err, throughline.EINVALID, "packId", "acknowledged on 2026-11-09")
	_, err = w.s.AcknowledgePack(w.ctx, 9999, w.cy.ID)
	wantHoError(t, err, throughline.ENOTFOUND, "packId", "9999")

	// Acknowledged, Ada may move on again.
	w.clock.advance(1)
	w.mustHandOver(t, w.lea, w.today(), w.ada)
}

func TestRecordDepartureLeavesReportsAwaitingHandover(t *testing.T) {
	w := mustHandoverWorld(t)
	// Dan moves to Bo, who leaves before acknowledging him.
	_, danPacks := w.mustHandOver(t, w.bo, w.today(), w.dan)
	w.clock.advance(3)
	leftOn := w.today().AddDate(0, 0, -1)

	reports := mustDepart(t, w, w.bo, leftOn)
	if names := personNames(reports); names != "Ada, Eve, Dan" {
		t.Fatalf("released %s, want Ada, Eve, Dan", names)
	}
	for _, p := range reports {
		if m := w.managerOf(t, p); m != nil {
			t.Errorf("%s still has manager %d", p.Name, *m)
		}
		wantAwaiting(t, w, p, true)
	}
	wantAwaiting(t, w, w.cy, false)
	wantAwaiting(t, w, w.bo, false)
	// Bo managed Ada through his last day; nobody from the day after.
	wantStints(t, w.mustHistory(t, w.ada),
		stint{w.bo, w.firstDay, ptrDay(leftOn), 0},
		stint{nil, leftOn.AddDate(0, 0, 1), nil, 0})
	closed, err := w.s.FindPackByID(w.ctx, danPacks[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if closed.AcknowledgedAt == nil || closed.AcknowledgedByID != nil {
		t.Errorf("Dan's pack to Bo = %+v, want closed with no acknowledger", closed)
	}

	// Nobody manages Ada until she is handed over; then the flag goes.
	h, _ := w.mustHandOver(t, w.cy, w.today(), w.ada, w.dan)
	wantAwaiting(t, w, w.ada, false)
	if h.FromManagerID != nil {
		t.Errorf("handover from %d, want from nobody", *h.FromManagerID)
	}
	// Handed over the day after Bo's last, Ada was without a manager
	// for that day only, and the stints say so as they do any change
	// within a day: the day belongs to both.
	wantStints(t, w.mustHistory(t, w.ada),
		stint{w.bo, w.firstDay, ptrDay(leftOn), 0},
		stint{nil, w.today(), ptrDay(w.today()), 0},
		stint{w.cy, w.today(), nil, h.ID})
}

func personNames(people []*throughline.Person) string {
	names := make([]string, len(people))
	for i, p := range people {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

func wantAwaiting(t *testing.T, w *hoWorld, p *throughline.Person, want bool) {
	t.Helper()
	got, err := w.s.AwaitingHandover(w.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s awaiting handover = %v, want %v", p.Name, got, want)
	}
}

func TestRecordDepartureRefusals(t *testing.T) {
	w := mustHandoverWorld(t)
	mustDepart(t, w, w.eve, w.today())
	before := w.rowCounts(t)
	_, err := w.s.RecordDeparture(w.ctx, w.eve.ID, w.today())
	wantHoError(t, err, throughline.EINVALID, "personId", "already left")
	_, err = w.s.RecordDeparture(w.ctx, w.bo.ID, w.today().AddDate(0, 0, 2))
	wantHoError(t, err, throughline.EINVALID, "leftOn", "in the future")
	_, err = w.s.RecordDeparture(w.ctx, w.bo.ID, w.firstDay.AddDate(0, 0, -1))
	wantHoError(t, err, throughline.EINVALID, "leftOn", "Ada has reported to Bo only since")
	_, err = w.s.RecordDeparture(w.ctx, 9999, w.today())
	wantHoError(t, err, throughline.ENOTFOUND, "personId", "9999")
	wantSameCounts(t, before, w.rowCounts(t))
}

func TestManagerHistoryBackfillsOneOpenStint(t *testing.T) {
	w := mustHandoverWorld(t)
	wantStints(t, w.mustHistory(t, w.ada), stint{w.bo, w.firstDay, nil, 0})
	wantStints(t, w.mustHistory(t, w.lea), stint{nil, w.firstDay, nil, 0})
	_, err := w.s.ManagerHistory(w.ctx, 9999)
	wantHoError(t, err, throughline.ENOTFOUND, "", "9999")
}

// A move on the day a stint began keeps that day in the stint it ends,
// rather than ending a stint before it starts.
func TestSameDayMovesKeepEveryStint(t *testing.T) {
	w := mustHandoverWorld(t)
	h1, packs := w.mustHandOver(t, w.cy, w.today(), w.ada)
	if _, err := w.s.AcknowledgePack(w.ctx, packs[0].ID, w.cy.ID); err != nil {
		t.Fatal(err)
	}
	h2, _ := w.mustHandOver(t, w.lea, w.today(), w.ada)
	today := w.today()
	wantStints(t, w.mustHistory(t, w.ada),
		stint{w.bo, w.firstDay, ptrDay(today.AddDate(0, 0, -1)), 0},
		stint{w.cy, today, ptrDay(today), h1.ID},
		stint{w.lea, today, nil, h2.ID})
}

func TestFindHandoversNewestFirst(t *testing.T) {
	w := mustHandoverWorld(t)
	first, packs := w.mustHandOver(t, w.cy, w.today(), w.ada)
	second, _ := w.mustHandOver(t, w.cy, w.today(), w.eve)
	third, _ := w.mustHandOver(t, w.bo, w.today(), w.dan)
	if _, err := w.s.AcknowledgePack(w.ctx, packs[0].ID, w.cy.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    throughline.HandoverFilter
		want []int64
	}{
		{"all", throughline.HandoverFilter{}, []int64{third.ID, second.ID, first.ID}},
		{"received by Cy", throughline.HandoverFilter{Involving: &w.cy.ID},
			[]int64{second.ID, first.ID}},
		{"given by Ada", throughline.HandoverFilter{Involving: &w.ada.ID},
			[]int64{third.ID, first.ID}},
		{"made by Lea", throughline.HandoverFilter{Involving: &w.lea.ID},
			[]int64{third.ID, second.ID, first.ID}},
		{"moving Eve", throughline.HandoverFilter{PersonID: &w.eve.ID}, []int64{second.ID}},
		{"pending", throughline.HandoverFilter{PendingOnly: true}, []int64{third.ID, second.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := w.s.FindHandovers(w.ctx, tt.f, throughline.PageRequest{First: 10})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(p.IDs) != fmt.Sprint(tt.want) || p.TotalCount != int64(len(tt.want)) {
				t.Errorf("IDs %v of %d, want %v", p.IDs, p.TotalCount, tt.want)
			}
		})
	}

	page, err := w.s.FindHandovers(w.ctx, throughline.HandoverFilter{}, throughline.PageRequest{First: 2})
	if err != nil {
		t.Fatal(err)
	}
	next, err := w.s.FindHandovers(w.ctx, throughline.HandoverFilter{},
		throughline.PageRequest{First: 2, After: page.IDs[1]})
	if err != nil {
		t.Fatal(err)
	}
	if !page.HasNextPage || next.HasNextPage || fmt.Sprint(next.IDs) != fmt.Sprint([]int64{first.ID}) {
		t.Errorf("pages %v (more %v) then %v (more %v)", page.IDs, page.HasNextPage,
			next.IDs, next.HasNextPage)
	}
}

// Changing a manager through UpdatePerson keeps the history too, and
// gives nobody a manager who left.
func TestUpdatePersonKeepsManagerHistory(t *testing.T) {
	w := mustHandoverWorld(t)
	rename := "Ada L."
	if _, err := w.s.UpdatePerson(w.ctx, w.ada.ID, throughline.PersonUpdate{Name: &rename}); err != nil {
		t.Fatal(err)
	}
	wantStints(t, w.mustHistory(t, w.ada), stint{w.bo, w.firstDay, nil, 0})

	moved := w.today()
	move := throughline.PersonUpdate{ManagerID: &w.cy.ID}
	if _, err := w.s.UpdatePerson(w.ctx, w.ada.ID, move); err != nil {
		t.Fatal(err)
	}
	w.clock.advance(2)
	_, err := w.s.UpdatePerson(w.ctx, w.ada.ID, throughline.PersonUpdate{ClearManager: true})
	if err != nil {
		t.Fatal(err)
	}
	wantStints(t, w.mustHistory(t, w.ada),
		stint{w.bo, w.firstDay, ptrDay(moved.AddDate(0, 0, -1)), 0},
		stint{w.cy, moved, ptrDay(w.today().AddDate(0, 0, -1)), 0},
		stint{nil, w.today(), nil, 0})

	mustDepart(t, w, w.lea, w.today())
	before := w.rowCounts(t)
	_, err = w.s.UpdatePerson(w.ctx, w.ada.ID, throughline.PersonUpdate{ManagerID: &w.lea.ID})
	wantHoError(t, err, throughline.EINVALID, "managerId", "Lea left on")
	wantSameCounts(t, before, w.rowCounts(t))
}

// People of different managers move in one handover from nobody in
// particular; each pack names its own outgoing manager, who finds the
// handover among theirs.
func TestHandoverFromSeveralManagers(t *testing.T) {
	w := mustHandoverWorld(t)
	h, packs := w.mustHandOver(t, w.cy, w.today(), w.eve, w.dan)
	if h.FromManagerID != nil || !sameIDAs(packs[0].FromManagerID, w.bo) ||
		!sameIDAs(packs[1].FromManagerID, w.ada) {
		t.Errorf("handover from %v with packs from %v and %v, want nobody, Bo and Ada",
			h.FromManagerID, packs[0].FromManagerID, packs[1].FromManagerID)
	}
	for _, p := range []*throughline.Person{w.bo, w.ada} {
		found, err := w.s.FindHandovers(w.ctx, throughline.HandoverFilter{Involving: &p.ID},
			throughline.PageRequest{First: 5})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(found.IDs) != fmt.Sprint([]int64{h.ID}) {
			t.Errorf("%s finds handovers %v, want [%d]", p.Name, found.IDs, h.ID)
		}
	}
}
