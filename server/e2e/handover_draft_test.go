package e2e_test

import (
	"encoding/json"
	"slices"
	"testing"
)

// A draft pack is edited by the outgoing manager and HR alike; each edit
// names the version it was made on, read from the person's handoverDraft,
// so that one never overwrites the other's words unseen.
func TestDraftPackEditsNameTheirVersion(t *testing.T) {
	a := newHandoverAPI(t)
	ada := a.id["Ada"]
	var first struct{ Version int }
	raw, errs := a.mutate("Bo", "draftHandoverPack", "pack", "version risks",
		map[string]any{"personId": ada, "risks": "Key account at risk"})
	if len(errs) > 0 || json.Unmarshal(raw, &first) != nil || first.Version != 1 {
		t.Fatalf("Bo's first draft: %s %+v, want version 1", raw, errs)
	}

	// Hana has not read it: her edit without a version, or on an old
	// one, is refused and changes nothing.
	for _, in := range []map[string]any{
		{"personId": ada, "stakeholderPriorities": "Sales lead"},
		{"personId": ada, "stakeholderPriorities": "Sales lead", "version": 0},
	} {
		_, errs := a.mutate("Hana", "draftHandoverPack", "pack", "id", in)
		if len(errs) != 1 || errs[0].Code != "CONFLICT" ||
			!slices.Equal(errs[0].Field, []string{"input", "version"}) {
			t.Errorf("Hana's edit %v: %+v, want one CONFLICT on version", in, errs)
		}
	}

	// She reads the draft, then edits it at its version.
	draft := a.draftOf("Hana", ada)
	if draft == nil || draft.Version != 1 || draft.Risks != "Key account at risk" ||
		draft.StakeholderPriorities != "" {
		t.Fatalf("Ada's draft as Hana reads it: %+v", draft)
	}
	_, errs = a.mutate("Hana", "draftHandoverPack", "pack", "id", map[string]any{
		"personId": ada, "stakeholderPriorities": "Sales lead", "version": draft.Version,
	})
	if len(errs) > 0 {
		t.Fatalf("Hana's edit at version 1: %+v", errs)
	}
	if d := a.draftOf("Bo", ada); d == nil || d.Version != 2 || d.Risks != "Key account at risk" ||
		d.StakeholderPriorities != "Sales lead" {
		t.Errorf("Ada's draft after both edits: %+v, want version 2 with both notes", d)
	}
	// Those who may not read the pack do not see the draft either.
	for _, who := range []string{"Zed", "Yan", "Eve"} {
		if d := a.draftOf(who, ada); d != nil {
			t.Errorf("%s reads Ada's draft: %+v", who, d)
		}
	}
	if d := a.draftOf("Bo", a.id["Eve"]); d != nil {
		t.Errorf("Eve has no draft, but handoverDraft = %+v", d)
	}
}

type hoDraft struct {
	Version                      int
	Risks, StakeholderPriorities string
}

// draftOf reads a person's draft pack as someone; nil when null.
func (a *handoverAPI) draftOf(who, person string) *hoDraft {
	a.t.Helper()
	var data struct {
		Node *struct{ HandoverDraft *hoDraft }
	}
	a.as[who].MustDo(`query($id: ID!) { node(id: $id) { ... on Person {
		handoverDraft { version risks stakeholderPriorities } } } }`,
		map[string]any{"id": person}, &data)
	if data.Node == nil {
		return nil
	}
	return data.Node.HandoverDraft
}
