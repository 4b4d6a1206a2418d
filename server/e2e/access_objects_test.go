package e2e_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"throughline.dev/server/internal/testserver"
)

// The second access matrix, for reads: every kind of object the first
// one (access_test.go) leaves out, by node(id:), nodes(ids:), and each
// list, connection and nested field that reaches it. It runs on the same
// organisation, with these objects added:
//
//   - a team, a progress update, a capability and a requirement, which
//     every signed-in person reads;
//   - a token, which only admins read, and an audit entry, which HR and
//     admins read;
//   - a handover that moved R from M to M2, made by M after drafting R's
//     pack; one that moved O from M2 to the CEO, who has no token, made
//     by M2 after drafting O's pack, so that M is a manager it does not
//     concern; and a draft pack that M2 wrote for RR after the moves.
//
// Pack rules: both managers, HR and the person read a pack, nobody
// else; a draft is read by the person, the managers above them now and
// HR. A handover is read by HR and whoever gave, received, made or was
// moved by it. A private check-in note never enters a pack.

// mxObject is one object of the matrix, the actors who read it, and the
// paths that reach it.
type mxObject struct {
	name    string // "R's pack"
	typ     string // its GraphQL type
	id      string
	marker  string   // text that shows the object in an answer
	readers []string // the actors who read it
	paths   []mxPath
	file    bool // served as /handover-packs/{id}.md too
}

// mxPath is one way to reach an object: a query and its variables.
// counts is set when the answer's totalCount must not count the object
// for an actor who may not read it.
type mxPath struct {
	name   string
	query  string
	vars   map[string]any
	counts bool
}

func mxNode(fragment, id string) mxPath {
	return mxPath{name: "node", vars: map[string]any{"id": id},
		query: `query($id: ID!) { node(id: $id) { id ` + fragment + ` } }`}
}

func mxNodes(fragment, id string) mxPath {
	return mxPath{name: "nodes", vars: map[string]any{"id": id},
		query: `query($id: ID!) { nodes(ids: [$id]) { id ` + fragment + ` } }`}
}

// mxVia is a path through a list or a nested field; id fills $id and
// email $email, each when the query takes it.
func mxVia(name, query, id, email string) mxPath {
	vars := map[string]any{}
	if strings.Contains(query, "$id") {
		vars["id"] = id
	}
	if strings.Contains(query, "$email") {
		vars["email"] = email
	}
	return mxPath{name: name, query: query, vars: vars}
}

func (p mxPath) counting() mxPath {
	p.counts = true
	return p
}

// mxOrg is the access organisation with the objects above.
type mxOrg struct {
	*accessOrg
	made map[string]string // IDs of this file's objects: "team", "R pack", ...
}

// Markers of the objects this file adds.
const (
	mxTeam        = "[team]"
	mxProgress    = "[progress]"
	mxCapability  = "[capability]"
	mxRequirement = "[requirement]"
	mxToken       = "[token]"
	// mxCycleName shows the cycle: every query selects its name under
	// this alias, so that no other "2026-Q4" in an answer counts.
	mxCycleName = `"cycleName":"2026-Q4"`
	// mxAuditAction shows an audit entry, selected under this alias.
	mxAuditAction = `"auditAction":"`
)

func newMxOrg(t *testing.T) *mxOrg {
	t.Helper()
	o := newMxBase(t)
	o.made["team"] = o.leadMake("createTeam", "team", "CreateTeamInput",
		map[string]any{"name": mxTeam, "leadId": o.personID("M2")})
	o.leadMake("updatePerson", "person", "UpdatePersonInput",
		map[string]any{"id": o.found("O person"), "teamId": o.made["team"]})
	o.made["progress"] = o.leadMake("recordProgress", "progressUpdate", "RecordProgressInput",
		map[string]any{"keyResultId": o.found("key result"), "value": 4, "note": mxProgress})
	o.made["capability"] = o.leadMake("createCapability", "capability", "CreateCapabilityInput",
		map[string]any{"name": mxCapability, "levels": []map[string]any{
			{"name": "Aware", "descriptor": "knows it"}, {"name": "Able", "descriptor": "does it"},
		}})
	o.made["requirement"] = o.leadMake("setCapabilityRequirement", "requirement",
		"SetCapabilityRequirementInput", map[string]any{
			"keyResultId": o.found("key result"), "capabilityId": o.made["capability"],
			"level": 2, "reason": mxRequirement,
		})
	o.made["token"] = o.leadMake("createToken", "token", "CreateTokenInput", map[string]any{
		"personId": o.found("O person"), "roles": []string{"EMPLOYEE"}, "label": mxToken,
	})
	var audit struct {
		AuditLog struct{ Nodes []struct{ ID string } }
	}
	o.s.MustDo(`{ auditLog(first: 1) { nodes { id } } }`, nil, &audit)
	if len(audit.AuditLog.Nodes) != 1 {
		t.Fatal("the audit log is empty")
	}
	o.made["audit entry"] = audit.AuditLog.Nodes[0].ID
	o.made["plan audit entry"] = o.planAuditEntry("R")
	o.handOvers()
	return o
}

// newMxBase is the access organisation as access_fixture_test.go builds
// it, ready for the objects of this file.
func newMxBase(t *testing.T) *mxOrg {
	t.Helper()
	return &mxOrg{accessOrg: newAccessOrg(t), made: map[string]string{}}
}

// found is an ID the access organisation found.
func (o *mxOrg) found(key string) string {
	o.t.Helper()
	id, ok := o.accessOrg.ids[key]
	if !ok {
		o.t.Fatalf("no ID for %q", key)
	}
	return id
}

// handOvers has M draft R's pack and move R to M2, and M2 draft O's and
// move O to the CEO, who holds no token; then M2, who now manages RR,
// drafts RR's pack. M is a manager the second move does not concern.
func (o *mxOrg) handOvers() {
	o.t.Helper()
	o.handOver("M", "R", "M2")
	o.handOver("M2", "O", "CEO")
	o.made["RR draft"] = o.makeAs(o.s.As(o.tokens["M2"]), "draftHandoverPack", "pack",
		"DraftHandoverPackInput",
		map[string]any{"personId": o.found("RR person"), "risks": marker("risks", "RR")})
}

// handOver has the person's manager draft their pack and move them to
// another manager.
func (o *mxOrg) handOver(from, person, to string) {
	o.t.Helper()
	as := o.s.As(o.tokens[from])
	o.makeAs(as, "draftHandoverPack", "pack", "DraftHandoverPackInput",
		map[string]any{"personId": o.found(person + " person"), "risks": marker("risks", person)})
	var h struct {
		Handover struct {
			ID    string
			Packs []struct{ ID string }
		}
	}
	as.MustMutate("handOver", `mutation($in: HandOverInput!) { handOver(input: $in) {
		handover { id packs { id } } userErrors { field message code } } }`,
		map[string]any{"in": map[string]any{
			"personIds": []string{o.found(person + " person")}, "toManagerId": o.personID(to),
			"note": marker("handover", person),
		}}, &h)
	if len(h.Handover.Packs) != 1 {
		o.t.Fatalf("handOver made %+v, want one pack", h.Handover)
	}
	o.made[person+" handover"], o.made[person+" pack"] = h.Handover.ID, h.Handover.Packs[0].ID
}

// leadMake makes something as the test lead and returns its ID, found
// at the payload's field named what.
func (o *mxOrg) leadMake(mutation, what, inputType string, in map[string]any) string {
	o.t.Helper()
	return o.makeAs(o.s, mutation, what, inputType, in)
}

func (o *mxOrg) makeAs(s *testserver.Server, mutation, what, inputType string,
	in map[string]any,
) string {
	o.t.Helper()
	doc := fmt.Sprintf(`mutation($in: %s!) { %s(input: $in) { %s { id }
		userErrors { field message code } } }`, inputType, mutation, what)
	var out map[string]json.RawMessage
	s.MustMutate(mutation, doc, map[string]any{"in": in}, &out)
	var made struct{ ID string }
	if err := json.Unmarshal(out[what], &made); err != nil || made.ID == "" {
		o.t.Fatalf("%s returned no %s: %s", mutation, what, out[what])
	}
	return made.ID
}

// objects lists the matrix's objects with their readers and paths.
func (o *mxOrg) objects() []mxObject {
	return slices.Concat(o.sharedObjects(), o.restrictedObjects(), o.handoverObjects())
}

// sharedObjects are read by everyone signed in.
func (o *mxOrg) sharedObjects() []mxObject {
	objective, kr, oEmail := o.found("objective"), o.found("key result"), o.people["O"].Email
	cycle := o.cycleID()
	capFrag := `... on Capability { name }`
	reqFrag := `... on CapabilityRequirement { reason }`
	return []mxObject{
		{name: "the cycle", typ: "Cycle", id: cycle, marker: mxCycleName, readers: signedIn,
			paths: []mxPath{
				mxNode(`... on Cycle { cycleName: name }`, cycle),
				mxNodes(`... on Cycle { cycleName: name }`, cycle),
				mxVia("cycles", `{ cycles(first: 100) { nodes { cycleName: name } } }`, "", ""),
				mxVia("cycle(name)", `{ cycle(name: "2026-Q4") { cycleName: name } }`, "", ""),
				mxVia("Objective.cycle", `query($id: ID!) { node(id: $id) {
					... on Objective { cycle { cycleName: name } } } }`, objective, ""),
			}},
		{name: "the team", typ: "Team", id: o.made["team"], marker: mxTeam, readers: signedIn,
			paths: []mxPath{
				mxNode(`... on Team { name }`, o.made["team"]),
				mxNodes(`... on Team { name }`, o.made["team"]),
				mxVia("teams", `{ teams(first: 100) { nodes { name } } }`, "", ""),
				mxVia("Person.team", `query($email: String!) { person(email: $email) {
					team { name } } }`, "", oEmail),
			}},
		{name: "the progress update", typ: "ProgressUpdate", id: o.made["progress"],
			marker: mxProgress, readers: signedIn, paths: []mxPath{
				mxNode(`... on ProgressUpdate { note }`, o.made["progress"]),
				mxNodes(`... on ProgressUpdate { note }`, o.made["progress"]),
				mxVia("KeyResult.progressUpdates", `query($id: ID!) { node(id: $id) {
					... on KeyResult { progressUpdates(first: 100) { nodes { note } } } } }`, kr, ""),
			}},
		{name: "the capability", typ: "Capability", id: o.made["capability"],
			marker: mxCapability, readers: signedIn, paths: []mxPath{
				mxNode(capFrag, o.made["capability"]),
				mxNodes(capFrag, o.made["capability"]),
				mxVia("capabilities", `{ capabilities(first: 100) { nodes { name } } }`, "", ""),
				mxVia("KeyResult.requirements.capability", `query($id: ID!) { node(id: $id) {
					... on KeyResult { requirements { capability { name } } } } }`, kr, ""),
			}},
		{name: "the requirement", typ: "CapabilityRequirement", id: o.made["requirement"],
			marker: mxRequirement, readers: signedIn, paths: []mxPath{
				mxNode(reqFrag, o.made["requirement"]),
				mxNodes(reqFrag, o.made["requirement"]),
				mxVia("KeyResult.requirements", `query($id: ID!) { node(id: $id) {
					... on KeyResult { requirements { reason } } } }`, kr, ""),
				mxVia("Capability.requiredBy", `query($id: ID!) { node(id: $id) {
					... on Capability { requiredBy(first: 10) { nodes { reason } } } } }`,
					o.made["capability"], ""),
			}},
	}
}

// restrictedObjects are the token, for admins, and the audit entry, for
// HR and admins.
func (o *mxOrg) restrictedObjects() []mxObject {
	tokenFrag, auditFrag := `... on Token { label }`, `... on AuditEntry { auditAction: action }`
	return []mxObject{
		{name: "the token", typ: "Token", id: o.made["token"], marker: mxToken,
			readers: []string{"A", "A+HR"}, paths: []mxPath{
				mxNode(tokenFrag, o.made["token"]),
				mxNodes(tokenFrag, o.made["token"]),
				mxVia("tokens", `{ tokens(first: 100) {
					totalCount nodes { label } edges { node { label } } } }`, "", "").counting(),
			}},
		{name: "the audit entry", typ: "AuditEntry", id: o.made["audit entry"],
			marker: mxAuditAction, readers: []string{"H", "A", "A+HR"}, paths: []mxPath{
				mxNode(auditFrag, o.made["audit entry"]),
				mxNodes(auditFrag, o.made["audit entry"]),
				mxVia("auditLog", `{ auditLog(first: 100) {
					totalCount nodes { auditAction: action } } }`, "", "").counting(),
			}},
		// Admins read who changed a plan and when, not what it says.
		{name: "the plan content of an audit entry of R's plan", typ: "AuditEntry",
			id: o.made["plan audit entry"], marker: marker(kindPlan, "R"),
			readers: []string{"H", "A+HR"}, paths: []mxPath{
				mxNode(`... on AuditEntry { before after }`, o.made["plan audit entry"]),
				mxNodes(`... on AuditEntry { before after }`, o.made["plan audit entry"]),
			}},
	}
}

// planAuditEntry finds, as the test lead, an audit entry of an owner's
// plan whose after holds the plan's marker.
func (o *mxOrg) planAuditEntry(owner string) string {
	o.t.Helper()
	var v struct {
		AuditLog struct {
			Nodes []struct {
				ID    string
				After *string
			}
		}
	}
	o.s.MustDo(`query($id: ID!) { auditLog(objectId: $id, first: 100) { nodes { id after } } }`,
		map[string]any{"id": o.found(owner + " " + kindPlan)}, &v)
	for _, e := range v.AuditLog.Nodes {
		if e.After != nil && strings.Contains(*e.After, marker(kindPlan, owner)) {
			return e.ID
		}
	}
	o.t.Fatalf("no audit entry of %s's plan holds %s", owner, marker(kindPlan, owner))
	return ""
}

// mxPackFields select a pack's own notes and its frozen plan, check-in
// notes included.
const mxPackFields = `risks stakeholderPriorities markdown
	contents { statusReason executionGoals { title } openActions { title }
		recentCheckIns { note stillHard } }`

// handoverObjects are the two handovers, their packs and the draft.
func (o *mxOrg) handoverObjects() []mxObject {
	return []mxObject{
		o.handoverObject("R", "H", "A+HR", "M", "M2", "R"),
		o.packObject("R", "H", "A+HR", "M", "M2", "R"),
		o.handoverObject("O", "H", "A+HR", "M2"),
		o.packObject("O", "H", "A+HR", "M2"),
		{name: "RR's draft pack", typ: "HandoverPack", id: o.made["RR draft"],
			marker: marker("risks", "RR"), readers: []string{"H", "A+HR", "M2", "RR"}, file: true,
			paths: []mxPath{
				mxNode(mxPackFragment, o.made["RR draft"]),
				mxNodes(mxPackFragment, o.made["RR draft"]),
			}},
	}
}

const mxPackFragment = `... on HandoverPack { ` + mxPackFields + ` }`

// handoverObject is the handover that moved a person, read by readers.
func (o *mxOrg) handoverObject(person string, readers ...string) mxObject {
	id, email, fragment := o.made[person+" handover"], o.people[person].Email, `... on Handover { note }`
	return mxObject{name: person + "'s handover", typ: "Handover", id: id,
		marker: marker("handover", person), readers: readers, paths: []mxPath{
			mxNode(fragment, id),
			mxNodes(fragment, id),
			mxVia("handovers", `{ handovers(first: 100) {
				nodes { note } edges { node { note } } } }`, "", ""),
			mxVia("Person.handovers", `query($email: String!) { person(email: $email) {
				handovers(first: 100) { totalCount nodes { note } } } }`, "", email).counting(),
			mxVia("Person.managerHistory.handover", `query($email: String!) {
				person(email: $email) { managerHistory { handover { note } } } }`, "", email),
			mxVia("HandoverPack.handover", `query($id: ID!) { node(id: $id) {
				... on HandoverPack { handover { note } } } }`, o.made[person+" pack"], ""),
		}}
}

// packObject is the pack of the person a handover moved.
func (o *mxOrg) packObject(person string, readers ...string) mxObject {
	id, email := o.made[person+" pack"], o.people[person].Email
	return mxObject{name: person + "'s pack", typ: "HandoverPack", id: id,
		marker: marker("risks", person), readers: readers, file: true, paths: []mxPath{
			mxNode(mxPackFragment, id),
			mxNodes(mxPackFragment, id),
			mxVia("handovers.packs", `{ handovers(first: 5) {
				nodes { packs { `+mxPackFields+` } } } }`, "", ""),
			mxVia("Person.handovers.packs", `query($email: String!) { person(email: $email) {
				handovers(first: 5) { nodes { packs { `+mxPackFields+` } } } } }`, "", email),
			mxVia("Person.managerHistory.handover.packs", `query($email: String!) {
				person(email: $email) { managerHistory { handover {
					packs { `+mxPackFields+` } } } } }`, "", email),
		}}
}

// cycleID finds the cycle's global ID as the test lead.
func (o *mxOrg) cycleID() string {
	o.t.Helper()
	var v struct{ Cycle struct{ ID string } }
	o.s.MustDo(`{ cycle(name: "2026-Q4") { id } }`, nil, &v)
	return v.Cycle.ID
}

// TestAccessMatrixObjects holds every actor to the reading rule of each
// object above, by every path that reaches it.
func TestAccessMatrixObjects(t *testing.T) {
	o := newMxOrg(t)
	cells := 0
	for _, obj := range o.objects() {
		for _, a := range accessActors {
			allowed := slices.Contains(obj.readers, a.name)
			for _, p := range obj.paths {
				o.mxReadCell(a, obj, p, allowed)
				cells++
			}
			if obj.file {
				o.mxFileCell(a, obj, allowed)
				cells++
			}
		}
	}
	cells += o.handoverCounts()
	t.Logf("object matrix: %d actors, %d cells", len(accessActors), cells)
}

// handoverCounts holds the handovers list's totalCount to the handovers
// each actor reads: it lists others' handovers too, so a count tells of
// them as surely as the list does.
func (o *mxOrg) handoverCounts() int {
	o.t.Helper()
	for _, a := range accessActors {
		want := 0
		for _, obj := range o.handoverObjects() {
			if obj.typ == "Handover" && slices.Contains(obj.readers, a.name) {
				want++
			}
		}
		var v struct{ Handovers struct{ TotalCount int } }
		r := o.ask(a.name, `{ handovers(first: 100) { totalCount } }`, nil)
		_ = json.Unmarshal(r.Data, &v)
		cell := a.name + " counts handovers via handovers.totalCount"
		switch got := v.Handovers.TotalCount; {
		case a.person == "" && r.Status != http.StatusUnauthorized:
			o.t.Errorf("%s: answered %d without a token, want 401", cell, r.Status)
		case got > want:
			o.t.Errorf("%s: leaked (%d, want %d)", cell, got, want)
		case got < want:
			o.t.Errorf("%s: refused (%d, want %d; %s)", cell, got, want, problems(r))
		}
	}
	return len(accessActors)
}

func (o *mxOrg) mxReadCell(a accessActor, obj mxObject, p mxPath, allowed bool) {
	o.t.Helper()
	r := o.ask(a.name, p.query, p.vars)
	shown := strings.Contains(string(r.Data), obj.marker)
	if p.counts && !allowed && counted(r) {
		shown = true
	}
	cell := fmt.Sprintf("%s reads %s via %s", a.name, obj.name, p.name)
	o.judgeRead(cell, a, r, shown, allowed)
	if obj.typ == "HandoverPack" && strings.Contains(r.Body, "[private note") {
		o.t.Errorf("%s: a private check-in note is in a pack: %s", cell, oneLine(r.Body, 300))
	}
}

// mxFileCell fetches a pack as Markdown, as the desktop's "share" does.
func (o *mxOrg) mxFileCell(a accessActor, obj mxObject, allowed bool) {
	o.t.Helper()
	status, body := mxGet(o.t, o.s.URL+"/handover-packs/"+obj.id+".md", o.tokens[a.name])
	// Markdown escapes the brackets of the markers.
	body = strings.ReplaceAll(body, `\`, "")
	r := &testserver.Response{Status: status, Body: body}
	shown := status == http.StatusOK && strings.Contains(body, obj.marker)
	cell := fmt.Sprintf("%s reads %s via /handover-packs/{id}.md", a.name, obj.name)
	switch {
	case a.person == "" && status != http.StatusUnauthorized:
		o.t.Errorf("%s: answered %d without a token, want 401", cell, status)
	case shown && !allowed:
		o.t.Errorf("%s: leaked", cell)
	case !shown && allowed:
		o.t.Errorf("%s: refused (%s)", cell, problems(r))
	case !allowed && a.person != "" && status != http.StatusNotFound:
		o.t.Errorf("%s: answered %d, want 404 as for a pack that does not exist", cell, status)
	}
	if strings.Contains(body, "[private note") {
		o.t.Errorf("%s: a private check-in note is in the pack", cell)
	}
}

// mxGet sends a GET with a bearer token ("" for none).
func mxGet(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := (&http.Client{Timeout: 20 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// The due check-ins of a manager's reports: M's are R and, counting
// indirect reports, RR; M2's is O. Nobody else is anyone's manager by
// their token, so nobody else reads any.
var mxDueOf = map[bool]map[string][]string{
	true:  {"M": {"R", "RR"}, "M2": {"O"}},
	false: {"M": {"R"}, "M2": {"O"}},
}

// TestAccessMatrixDueCheckIns holds dueCheckIns, its nested person and
// plan, and the calendar feed that lists the same reports, to the
// reporting line.
func TestAccessMatrixDueCheckIns(t *testing.T) {
	o := newAccessOrg(t)
	const q = `query($indirect: Boolean) { dueCheckIns(includeIndirect: $indirect,
		withinDays: 366, first: 100) { nodes { person { name } plan { statusReason } direct } } }`
	for _, a := range accessActors {
		for _, indirect := range []bool{true, false} {
			r := o.ask(a.name, q, map[string]any{"indirect": indirect})
			for _, owner := range accessOwners {
				allowed := slices.Contains(mxDueOf[indirect][a.name], owner)
				for _, kind := range []string{"person", kindPlan} {
					shown := strings.Contains(string(r.Data), marker(kind, owner))
					cell := fmt.Sprintf("%s reads %s's %s via dueCheckIns(includeIndirect: %v)",
						a.name, owner, kind, indirect)
					o.judgeRead(cell, a, r, shown, allowed)
				}
			}
		}
	}
	// The feed lists direct reports, behind its own secret.
	for _, manager := range []string{"M", "M2"} {
		var v struct {
			ResetCalendarFeed struct{ Feed struct{ Path string } }
		}
		o.s.As(o.tokens[manager]).MustDo(`mutation { resetCalendarFeed {
			feed { path } userErrors { field message code } } }`, nil, &v)
		status, body := mxGet(t, o.s.URL+v.ResetCalendarFeed.Feed.Path, "")
		body = strings.ReplaceAll(body, "\r\n ", "")
		for _, owner := range accessOwners {
			allowed := slices.Contains(mxDueOf[false][manager], owner)
			shown := strings.Contains(body, marker("person", owner))
			cell := fmt.Sprintf("%s's calendar feed names %s", manager, owner)
			switch {
			case status != http.StatusOK:
				t.Errorf("%s: status %d", cell, status)
			case shown && !allowed:
				t.Errorf("%s: leaked", cell)
			case !shown && allowed:
				t.Errorf("%s: missing:\n%s", cell, body)
			}
		}
	}
}

// mxIntrospection asks the schema for its mutations and the types that
// implement Node.
const mxIntrospection = `{
  __schema { mutationType { fields { name } } }
  __type(name: "Node") { possibleTypes { name } }
}`

// mxMatrixNodeTypes are the Node types the matrices read: the plan
// content and the OKR and person of access_test.go, and this file's.
func mxMatrixNodeTypes(o *mxOrg) []string {
	types := []string{
		"DevelopmentPlan", "DevelopmentGoal", "DevelopmentAction", "CheckIn", "Assessment",
		"Objective", "KeyResult", "Person",
	}
	for _, obj := range o.objects() {
		types = append(types, obj.typ)
	}
	return types
}

// TestAccessMatrixCoversTheSchema fails when the schema has a mutation
// or a Node type that no matrix row holds to a rule, and when a row
// names a mutation the schema lost.
func TestAccessMatrixCoversTheSchema(t *testing.T) {
	o := newMxOrg(t)
	var schema struct {
		Schema struct {
			MutationType struct{ Fields []struct{ Name string } }
		} `json:"__schema"`
		Type struct{ PossibleTypes []struct{ Name string } } `json:"__type"`
	}
	o.s.MustDo(mxIntrospection, nil, &schema)
	var mutations, nodeTypes []string
	for _, f := range schema.Schema.MutationType.Fields {
		mutations = append(mutations, f.Name)
	}
	for _, ty := range schema.Type.PossibleTypes {
		nodeTypes = append(nodeTypes, ty.Name)
	}
	if len(mutations) == 0 || len(nodeTypes) == 0 {
		t.Fatalf("introspection found no mutations or no Node types: %+v", schema)
	}
	mxSameSet(t, "mutation", mutations, mxMatrixMutations())
	mxSameSet(t, "Node type", nodeTypes, mxMatrixNodeTypes(o))
	t.Logf("%d mutations and %d Node types, each with matrix rows", len(mutations), len(nodeTypes))
}

// mxSameSet reports what the schema has that the matrix lacks, and the
// other way round.
func mxSameSet(t *testing.T, what string, schema, matrix []string) {
	t.Helper()
	for _, name := range schema {
		if !slices.Contains(matrix, name) {
			t.Errorf("%s %s is in the schema but has no row in the access matrix", what, name)
		}
	}
	for _, name := range matrix {
		if !slices.Contains(schema, name) {
			t.Errorf("the access matrix has a row for %s %s, which the schema does not have",
				what, name)
		}
	}
}
