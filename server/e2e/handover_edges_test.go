package e2e_test

import (
	"slices"
	"testing"
)

// moveInput is the input of handOver: people to a new manager.
func (a *handoverAPI) moveInput(to string, people ...string) map[string]any {
	ids := []string{}
	for _, p := range people {
		ids = append(ids, a.id[p])
	}
	return map[string]any{"personIds": ids, "toManagerId": a.id[to]}
}

// hoPerson is a person as the edge cases read them.
type hoPerson struct {
	Manager          *struct{ Name string }
	AwaitingHandover bool
	LeftOn           *string
	Plan             *struct{ Warnings []struct{ Code string } }
}

func (a *handoverAPI) readPerson(name string) hoPerson {
	a.t.Helper()
	var data struct{ Node hoPerson }
	a.as["Lead"].MustDo(`query($id: ID!) { node(id: $id) { ... on Person {
		manager { name } awaitingHandover leftOn plan(cycle: "2026-Q4") { warnings { code } } } } }`,
		map[string]any{"id": a.id[name]}, &data)
	return data.Node
}

func (a *handoverAPI) wantManager(name, manager string) {
	a.t.Helper()
	p := a.readPerson(name)
	got := ""
	if p.Manager != nil {
		got = p.Manager.Name
	}
	if got != manager {
		a.t.Errorf("%s's manager is %q, want %q", name, got, manager)
	}
}

func TestHandoverRulesThroughTheAPI(t *testing.T) {
	a := newHandoverAPI(t)
	a.setDay("2026-11-09")

	// The rules of a move, each refused as a user error that changes
	// nothing.
	a.refused("Bo", "handOver", "handover", a.moveInput("Dan", "Ada"),
		"INVALID", "toManagerId", "reporting loop")
	a.refused("Bo", "handOver", "handover", a.moveInput("Bo", "Eve"),
		"INVALID", "toManagerId", "Eve already reports to Bo")
	a.refused("Bo", "handOver", "handover", a.moveInput("Cy"),
		"INVALID", "personIds", "at least one")
	a.wantManager("Ada", "Bo")
	a.wantManager("Eve", "Bo")

	// Who may do what.
	a.refused("Zed", "handOver", "handover", a.moveInput("Zed", "Ada"), "NOT_FOUND", "personIds", "")
	a.forbidden("Ada", "handOver", a.moveInput("Cy", "Ada"), "UNAUTHORIZED")
	a.refused("Zed", "draftHandoverPack", "pack", map[string]any{"personId": a.id["Ada"]},
		"NOT_FOUND", "personId", "")
	a.forbidden("Ada", "draftHandoverPack", map[string]any{"personId": a.id["Ada"]}, "UNAUTHORIZED")
	a.forbidden("Bo", "recordDeparture", map[string]any{"personId": a.id["Zed"]}, "UNAUTHORIZED")
	a.forbidden("Eve", "recordDeparture", map[string]any{"personId": a.id["Zed"]}, "UNAUTHORIZED")
	if p := a.draft("Hana", "Eve", "HR knows of a risk", ""); p.FromManager.Name != "Bo" {
		t.Errorf("HR's draft for Eve is from %+v, want Bo", p.FromManager)
	}
	a.draft("Lead", "Dan", "A skip-level note", "")

	// Someone in a pending handover waits for it to be acknowledged.
	a.create("Bo", "createDevelopmentPlan", "plan", map[string]any{
		"personId": a.id["Ada"], "cycle": "2026-Q4",
	})
	a.handOver("Bo", "Cy", map[string]any{}, "Ada")
	a.refused("Hana", "handOver", "handover", a.moveInput("Zed", "Ada"),
		"INVALID", "personIds", "in the handover to Cy of 2026-11-09")
	a.wantManager("Ada", "Cy")

	a.departures()
}

// departures: a manager who leaves with reports, and people who left.
func (a *handoverAPI) departures() {
	t := a.t
	var out struct {
		Person           struct{ LeftOn string }
		AwaitingHandover []struct{ Name string }
	}
	a.as["Hana"].MustMutate("recordDeparture", `mutation($in: RecordDepartureInput!) {
		recordDeparture(input: $in) { person { leftOn } awaitingHandover { name }
		userErrors { field message code } } }`,
		map[string]any{"in": map[string]any{"personId": a.id["Cy"]}}, &out)
	if out.Person.LeftOn != "2026-11-09" || len(out.AwaitingHandover) != 1 ||
		out.AwaitingHandover[0].Name != "Ada" {
		t.Fatalf("Cy's departure = %+v, want Ada awaiting", out)
	}
	ada := a.readPerson("Ada")
	if ada.Manager != nil || !ada.AwaitingHandover || ada.Plan == nil || !hasWarning(ada.Plan.Warnings, "NO_MANAGER") {
		t.Errorf("Ada after Cy left = %+v, want no manager, awaiting, NO_MANAGER", ada)
	}
	if eve := a.readPerson("Eve"); eve.AwaitingHandover {
		t.Errorf("Eve awaits a handover, though Bo is still here")
	}

	// People who left are not moved and manage nobody.
	a.refused("Hana", "handOver", "handover", a.moveInput("Cy", "Eve"),
		"INVALID", "toManagerId", "Cy left on 2026-11-09 and can manage nobody")
	a.refused("Hana", "handOver", "handover", a.moveInput("Bo", "Cy"),
		"INVALID", "personIds", "Cy left on 2026-11-09")
	a.refused("Hana", "recordDeparture", "person", map[string]any{"personId": a.id["Cy"]},
		"INVALID", "personId", "already left")

	// Cy's unacknowledged pack closed with the departure: HR hands Ada on.
	h := a.handOver("Hana", "Zed", map[string]any{"note": "Cy left"}, "Ada")
	if h.FromManager != nil || len(h.Packs) != 1 {
		t.Errorf("handover of Ada = %+v, want from nobody with one pack", h)
	}
	if ada := a.readPerson("Ada"); ada.AwaitingHandover || ada.Manager == nil || ada.Manager.Name != "Zed" {
		t.Errorf("Ada after the handover = %+v, want Zed's and not awaiting", ada)
	}

	// An admin who is not HR records departures too.
	a.create("Ali", "recordDeparture", "person", map[string]any{"personId": a.id["Yan"]})
}

func hasWarning(ws []struct{ Code string }, code string) bool {
	return slices.ContainsFunc(ws, func(w struct{ Code string }) bool { return w.Code == code })
}
