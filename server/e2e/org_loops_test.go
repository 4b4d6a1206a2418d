package e2e_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"throughline.dev/server/internal/testserver"
)

// loopAPI drives the loop tests: the test lead (admin, HR, manager)
// changes teams and people through the HTTP API.
type loopAPI struct {
	t *testing.T
	s *testserver.Server
}

// loopUserError is one entry of a payload's userErrors.
type loopUserError struct {
	Field   []string
	Message string
	Code    string
}

// mutate runs a mutation with one input and returns its payload's object
// (its id) and userErrors.
func (a *loopAPI) mutate(field, object string, in map[string]any) (json.RawMessage, []loopUserError) {
	a.t.Helper()
	input := string(field[0]-'a'+'A') + field[1:] + "Input"
	query := fmt.Sprintf(`mutation($in: %s!) { %s(input: $in) {
		%s { id } userErrors { field message code } } }`, input, field, object)
	var raw map[string]map[string]json.RawMessage
	a.s.MustDo(query, map[string]any{"in": in}, &raw)
	var errs []loopUserError
	if err := json.Unmarshal(raw[field]["userErrors"], &errs); err != nil {
		a.t.Fatalf("%s: userErrors %s: %v", field, raw[field]["userErrors"], err)
	}
	return raw[field][object], errs
}

func (a *loopAPI) create(field, object string, in map[string]any) string {
	a.t.Helper()
	raw, errs := a.mutate(field, object, in)
	var obj struct{ ID string }
	if len(errs) > 0 || json.Unmarshal(raw, &obj) != nil || obj.ID == "" {
		a.t.Fatalf("%s: %s %+v", field, raw, errs)
	}
	return obj.ID
}

// refusedLoop runs a mutation that must be refused with one INVALID user
// error on the input field given, and no object.
func (a *loopAPI) refusedLoop(what, field, object, inputField string, in map[string]any) {
	a.t.Helper()
	raw, errs := a.mutate(field, object, in)
	if string(raw) != "null" || len(errs) != 1 {
		a.t.Errorf("%s: %s %s with user errors %+v, want null and one error", what, object, raw, errs)
		return
	}
	if e := errs[0]; e.Code != "INVALID" || !slices.Equal(e.Field, []string{"input", inputField}) ||
		e.Message == "" {
		a.t.Errorf("%s: user error %+v, want INVALID on input.%s", what, e, inputField)
	}
}

// auditCount is how many audit entries an object has.
func (a *loopAPI) auditCount(id string) int {
	a.t.Helper()
	var data struct{ AuditLog struct{ TotalCount int } }
	a.s.MustDo(`query($id: ID!) { auditLog(objectId: $id, first: 1) { totalCount } }`,
		map[string]any{"id": id}, &data)
	return data.AuditLog.TotalCount
}

// A team put under itself, its child or its grandchild is a userError on
// parentId, and nothing of the change is kept: not the parent, not the
// name sent with it, and no audit entry.
func TestTeamLoopsAreRefused(t *testing.T) {
	a := &loopAPI{t: t, s: testserver.Start(t, nil)}
	ids := map[string]string{}
	parent := ""
	for _, name := range []string{"Company", "Product", "Platform", "Storage"} {
		in := map[string]any{"name": name}
		if parent != "" {
			in["parentId"] = parent
		}
		ids[name] = a.create("createTeam", "team", in)
		parent = ids[name]
	}
	const teamQuery = `query($id: ID!) { node(id: $id) { ... on Team {
		name parent { name } children { totalCount } } } }`
	read := func() map[string]string {
		out := map[string]string{}
		for name, id := range ids {
			var data struct{ Node json.RawMessage }
			a.s.MustDo(teamQuery, map[string]any{"id": id}, &data)
			out[name] = string(data.Node)
		}
		return out
	}
	before, audits := read(), map[string]int{}
	for name, id := range ids {
		audits[name] = a.auditCount(id)
	}

	for _, c := range []struct{ what, team, under string }{
		{"Company under itself", "Company", "Company"},
		{"Company under its child", "Company", "Product"},
		{"Company under its grandchild", "Company", "Platform"},
		{"Company under its great-grandchild", "Company", "Storage"},
		{"Product under its grandchild", "Product", "Storage"},
		{"Storage under itself", "Storage", "Storage"},
	} {
		a.refusedLoop(c.what, "updateTeam", "team", "parentId", map[string]any{
			"id": ids[c.team], "parentId": ids[c.under], "name": c.team + " renamed",
		})
	}
	after := read()
	for name, b := range before {
		if after[name] != b {
			t.Errorf("team %s after refused moves:\n %s\nwant\n %s", name, after[name], b)
		}
		if n := a.auditCount(ids[name]); n != audits[name] {
			t.Errorf("team %s has %d audit entries after refused moves, want %d", name, n, audits[name])
		}
	}

	// A move that makes no loop still works: Storage up to Company.
	a.create("updateTeam", "team", map[string]any{"id": ids["Storage"], "parentId": ids["Company"]})
	var data struct {
		Node struct{ Parent struct{ Name string } }
	}
	a.s.MustDo(teamQuery, map[string]any{"id": ids["Storage"]}, &data)
	if data.Node.Parent.Name != "Company" {
		t.Errorf("Storage's parent after a good move = %q, want Company", data.Node.Parent.Name)
	}
	if n := a.auditCount(ids["Storage"]); n != audits["Storage"]+1 {
		t.Errorf("Storage has %d audit entries after a good move, want %d", n, audits["Storage"]+1)
	}
}

// A person whose manager would be themselves, a report or an indirect
// report is a userError on managerId, and nothing of the change is kept:
// not the manager, not the title sent with it, no manager history, and
// no audit entry.
func TestReportingLoopsAreRefused(t *testing.T) {
	a := &loopAPI{t: t, s: testserver.Start(t, nil)}
	ids := map[string]string{}
	manager := a.s.LeadID
	for _, name := range []string{"Pia", "Quin", "Rey", "Sol"} {
		ids[name] = a.create("createPerson", "person", map[string]any{
			"email": name + "@example.com", "name": name, "title": name + "'s title", "managerId": manager,
		})
		manager = ids[name]
	}
	const personQuery = `query($id: ID!) { node(id: $id) { ... on Person {
		name title manager { name } managerHistory { manager { name } fromOn untilOn } } } }`
	read := func() map[string]string {
		out := map[string]string{}
		for name, id := range ids {
			var data struct{ Node json.RawMessage }
			a.s.MustDo(personQuery, map[string]any{"id": id}, &data)
			out[name] = string(data.Node)
		}
		return out
	}
	before, audits := read(), map[string]int{}
	for name, id := range ids {
		audits[name] = a.auditCount(id)
	}

	for _, c := range []struct{ what, person, manager string }{
		{"Pia managing herself", "Pia", "Pia"},
		{"Pia under her report", "Pia", "Quin"},
		{"Pia under an indirect report", "Pia", "Rey"},
		{"Pia under a report three levels down", "Pia", "Sol"},
		{"Quin under an indirect report", "Quin", "Sol"},
		{"Sol managing himself", "Sol", "Sol"},
	} {
		a.refusedLoop(c.what, "updatePerson", "person", "managerId", map[string]any{
			"id": ids[c.person], "managerId": ids[c.manager], "title": "Changed",
		})
	}
	after := read()
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s after refused changes:\n %s\nwant\n %s", name, after[name], b)
		}
		if n := a.auditCount(ids[name]); n != audits[name] {
			t.Errorf("%s has %d audit entries after refused changes, want %d", name, n, audits[name])
		}
	}

	// A change that makes no loop still works: Sol up to Pia.
	a.create("updatePerson", "person", map[string]any{"id": ids["Sol"], "managerId": ids["Pia"]})
	var data struct {
		Node struct{ Manager struct{ Name string } }
	}
	a.s.MustDo(personQuery, map[string]any{"id": ids["Sol"]}, &data)
	if data.Node.Manager.Name != "Pia" {
		t.Errorf("Sol's manager after a good change = %q, want Pia", data.Node.Manager.Name)
	}
	if n := a.auditCount(ids["Sol"]); n != audits["Sol"]+1 {
		t.Errorf("Sol has %d audit entries after a good change, want %d", n, audits["Sol"]+1)
	}
}
