package e2e_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/testserver"
)

// auditEntryView is an audit entry as the API shows it.
type auditEntryView struct {
	Action     string
	ObjectKind string
	ObjectID   string
	Actor      *struct{ ID string }
	Before     *string
	After      *string
}

const auditLogQuery = `query($id: ID!) { auditLog(objectId: $id, first: 100) {
	totalCount nodes { action objectKind objectId actor { id } before after } } }`

// auditLogOf reads the changes to one object, failing on any error.
func auditLogOf(t *testing.T, s *testserver.Server, objectID string) []auditEntryView {
	t.Helper()
	var data struct {
		AuditLog struct{ Nodes []auditEntryView }
	}
	s.MustDo(auditLogQuery, map[string]any{"id": objectID}, &data)
	return data.AuditLog.Nodes
}

// entryField decodes one side of an entry and returns a field of it.
func entryField(t *testing.T, side *string, key string) any {
	t.Helper()
	if side == nil {
		t.Fatalf("no JSON to read %s from", key)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(*side), &obj); err != nil {
		t.Fatalf("decode %s: %v", *side, err)
	}
	return obj[key]
}

// newSignedIn creates a person outside the API and signs them in with
// roles.
func newSignedIn(t *testing.T, s *testserver.Server, email string,
	roles ...throughline.Role,
) (*throughline.Person, *testserver.Server) {
	t.Helper()
	p := &throughline.Person{Email: email, Name: email}
	if err := s.Store.CreatePerson(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p, s.As(s.MustToken(p.ID, roles...))
}

// Mutations through the API record the signed-in person and the token
// they used, and HR reads the object's history with before and after.
func TestMutationsAreAuditedWithTheirActor(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	a.create("updatePerson", "person", map[string]any{"id": a.ada, "title": "Account executive"})

	got := auditLogOf(t, a.s, a.ada)
	if len(got) != 2 || got[0].Action != "createPerson" || got[1].Action != "updatePerson" {
		t.Fatalf("Ada's history: %+v", got)
	}
	for _, e := range got {
		if e.ObjectKind != "Person" || e.ObjectID != a.ada || e.Actor == nil ||
			e.Actor.ID != a.s.LeadID {
			t.Errorf("%s: %s %s by %+v, want Person %s by %s", e.Action, e.ObjectKind,
				e.ObjectID, e.Actor, a.ada, a.s.LeadID)
		}
	}
	if got[0].Before != nil || entryField(t, got[0].After, "email") != "ada@example.com" {
		t.Errorf("createPerson: before %v, after %v", got[0].Before, got[0].After)
	}
	if entryField(t, got[1].Before, "title") != "" ||
		entryField(t, got[1].After, "title") != "Account executive" {
		t.Errorf("updatePerson: before %s, after %s", *got[1].Before, *got[1].After)
	}
	wantTokenRecorded(t, a.s)
}

// wantTokenRecorded checks, in the store, that the entries about Ada
// name the token the lead's requests carried.
func wantTokenRecorded(t *testing.T, s *testserver.Server) {
	t.Helper()
	ctx := context.Background()
	tok, err := s.Store.Authenticate(ctx, s.Token)
	if err != nil {
		t.Fatal(err)
	}
	ada, err := s.Store.FindPersonByEmail(ctx, "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	f := throughline.AuditFilter{ObjectKind: "Person", ObjectID: &ada.ID}
	p, err := s.Store.FindAuditEntries(ctx, f, throughline.PageRequest{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Items {
		if e.TokenID == nil || *e.TokenID != tok.ID || e.ActorID == nil ||
			*e.ActorID != *tok.PersonID {
			t.Errorf("%s: token %v, actor %v; want token %d of person %d", e.Action,
				e.TokenID, e.ActorID, tok.ID, *tok.PersonID)
		}
	}
}

// HR and admins read the audit log; managers and employees are refused.
func TestAuditLogIsForHRAndAdmins(t *testing.T) {
	s := testserver.Start(t, nil)
	var created struct{ Person struct{ ID string } }
	s.MustMutate("createPerson", `mutation { createPerson(input: {
		email: "cy@example.com", name: "Cy" }) { person { id } userErrors { message } } }`,
		nil, &created)

	tests := []struct {
		role    throughline.Role
		allowed bool
	}{
		{throughline.RoleHR, true},
		{throughline.RoleAdmin, true},
		{throughline.RoleManager, false},
		{throughline.RoleEmployee, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.role), func(t *testing.T) {
			email := strings.ToLower(string(tt.role)) + "@example.com"
			_, as := newSignedIn(t, s, email, tt.role)
			r := as.Do(auditLogQuery, map[string]any{"id": created.Person.ID})
			if !tt.allowed {
				if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "UNAUTHORIZED" ||
					strings.Contains(r.Body, "cy@example.com") {
					t.Errorf("a %s read the audit log: %s", tt.role, r.Body)
				}
				return
			}
			got := auditLogOf(t, as, created.Person.ID)
			if len(got) != 1 || got[0].Action != "createPerson" ||
				entryField(t, got[0].After, "email") != "cy@example.com" {
				t.Errorf("a %s reads %+v", tt.role, got)
			}
		})
	}
}

// A private check-in note is kept out of the log: HR reads that a
// check-in was recorded, and what it said, but not the note.
func TestPrivateNoteIsRedactedInTheAuditLog(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	plan := a.create("createDevelopmentPlan", "plan", map[string]any{
		"personId": a.ada, "cycle": "2026-Q4",
	})
	checkIn := a.create("recordCheckIn", "checkIn", map[string]any{
		"planId": plan, "version": a.version(plan), "kind": "MONTHLY", "statusAfter": "ON_TRACK",
		"realWork": "Acme renewal", "note": "struggling since the move", "notePrivate": true,
	})
	_, hr := newSignedIn(t, a.s, "hr@example.com", throughline.RoleHR)

	r := hr.Do(auditLogQuery, map[string]any{"id": checkIn})
	if len(r.Errors) > 0 || strings.Contains(r.Body, "struggling") {
		t.Fatalf("the audit log shows the private note: %s", r.Body)
	}
	got := auditLogOf(t, hr, checkIn)
	if len(got) != 1 || got[0].Action != "recordCheckIn" {
		t.Fatalf("the check-in's history: %+v", got)
	}
	if note := entryField(t, got[0].After, "note"); note != "(private)" {
		t.Errorf("note = %v, want (private)", note)
	}
	if work := entryField(t, got[0].After, "realWork"); work != "Acme renewal" {
		t.Errorf("realWork = %v, want the shared answer", work)
	}
	planLog := auditLogOf(t, hr, plan)
	actions := []string{}
	for _, e := range planLog {
		actions = append(actions, e.Action)
	}
	if !slices.Equal(actions, []string{"createDevelopmentPlan", "recordCheckIn"}) {
		t.Errorf("the plan's history: %v", actions)
	}
}

// auditClock is when the writes behind the command-line tests happen.
var auditClock = time.Date(2026, 10, 14, 9, 30, 0, 0, time.UTC)

// auditedWrites makes a few changes in a data directory, as a signed-in
// HR person, and returns that person and their token.
func auditedWrites(t *testing.T, p app.Place) (*throughline.Person, *throughline.Token) {
	t.Helper()
	ctx := context.Background()
	a, err := app.OpenAt(ctx, p, storage.Options{Now: func() time.Time { return auditClock }})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	hr := &throughline.Person{Email: "hr@example.com", Name: "Hana"}
	mustSucceed(t, a.Store.CreatePerson(ctx, hr))
	tok := &throughline.Token{PersonID: &hr.ID, Roles: []throughline.Role{throughline.RoleHR}}
	_, err = a.Store.CreateToken(ctx, tok)
	mustSucceed(t, err)

	as := throughline.WithActor(ctx, throughline.NewActor(hr.ID, tok.ID, tok.Roles, nil))
	mustSucceed(t, a.Store.CreateCycle(as, &throughline.Cycle{Name: "2026-Q4"}))
	title := "Head of People"
	_, err = a.Store.UpdatePerson(as, hr.ID, throughline.PersonUpdate{Title: &title})
	mustSucceed(t, err)
	return hr, tok
}

func mustSucceed(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// mustCSV parses the command's output and checks its header.
func mustCSV(t *testing.T, out string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, out)
	}
	header := []string{"id", "at", "actor_id", "actor_email", "token_id", "action",
		"object_kind", "object_id", "before", "after"}
	if len(rows) == 0 || !slices.Equal(rows[0], header) {
		t.Fatalf("header %v, want %v", rows, header)
	}
	return rows[1:]
}

// The audit command exports the log as CSV, with who made each change
// and the object before and after, filtered by kind and by day; and as
// JSON Lines to a file.
func TestAuditCommandExports(t *testing.T) {
	bin := buildServer(t)
	place := testserver.NewPlace(t)
	hr, tok := auditedWrites(t, place)
	csvOf := func(flags ...string) [][]string {
		args := on(place, append([]string{"audit", "--format", "csv"}, flags...)...)
		return mustCSV(t, runCommand(t, bin, args...))
	}

	all := csvOf()
	var actions []string
	for _, r := range all {
		actions = append(actions, r[5])
	}
	want := []string{"createPerson", "createToken", "createCycle", "updatePerson"}
	if !slices.Equal(actions, want) {
		t.Fatalf("actions %v, want %v", actions, want)
	}
	if all[0][2] != "" || all[0][4] != "" || all[0][8] != "" {
		t.Errorf("a change from the command line reads %v", all[0])
	}

	cycles := csvOf("--object-kind", "Cycle")
	if len(cycles) != 1 {
		t.Fatalf("--object-kind Cycle gave %v", cycles)
	}
	row := cycles[0]
	wantRow := []string{"2026-10-14T09:30:00Z", strconv.FormatInt(hr.ID, 10), "hr@example.com",
		strconv.FormatInt(tok.ID, 10), "createCycle", "Cycle"}
	if !slices.Equal(row[1:7], wantRow) || row[8] != "" {
		t.Errorf("cycle row %v, want %v and no before", row, wantRow)
	}
	if name := entryField(t, &row[9], "name"); name != "2026-Q4" {
		t.Errorf("after: name %v in %s", name, row[9])
	}
	updated := all[3]
	if entryField(t, &updated[8], "title") != "" ||
		entryField(t, &updated[9], "title") != "Head of People" {
		t.Errorf("updatePerson before %s, after %s", updated[8], updated[9])
	}

	if got := csvOf("--since", "2026-10-15"); len(got) != 0 {
		t.Errorf("--since the next day gave %v", got)
	}
	if got := csvOf("--since", "2026-10-14", "--until", "2026-10-14"); len(got) != 4 {
		t.Errorf("--since and --until the day of the changes gave %d rows, want 4", len(got))
	}
	wantJSONLinesFile(t, bin, place)
}

// wantJSONLinesFile checks that --out writes the export to a file only
// its owner reads, as JSON Lines by default.
func wantJSONLinesFile(t *testing.T, bin string, p app.Place) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit.jsonl")

	if out := runCommand(t, bin, on(p, "audit", "--out", path)...); out != "" {
		t.Errorf("the command printed %q with --out", out)
	}
	info, err := os.Stat(path)
	mustSucceed(t, err)
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("the export has mode %o, want 600", perm)
	}
	b, err := os.ReadFile(path)
	mustSucceed(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4:\n%s", len(lines), b)
	}
	var cycle struct {
		Action string
		After  struct{ Name string }
	}
	mustSucceed(t, json.Unmarshal([]byte(lines[2]), &cycle))
	if cycle.Action != "createCycle" || cycle.After.Name != "2026-Q4" {
		t.Errorf("third line %s", lines[2])
	}
}
