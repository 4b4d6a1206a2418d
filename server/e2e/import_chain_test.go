package e2e_test

import (
	"context"
	"strings"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/testserver"
)

// After importing the public files, a sales development rep's execution
// goal on their team's key result has a chain up to the CEO's company
// objective, read through GraphQL by the rep's manager.
func TestImportedChainFromARepToTheCEO(t *testing.T) {
	bin := mustBuildCLI(t)
	s := testserver.Start(t, nil)
	files := mustCopyPublic(t)
	for _, kind := range []string{"people", "okrs"} {
		file := map[string]string{"people": "people.csv", "okrs": "okrs-2018-Q2.csv"}[kind]
		if r := runCLI(t, bin, files, on(s.Place, "import", kind, file)...); r.exitCode != 0 {
			t.Fatalf("import %s: %s", kind, r.stderr)
		}
	}
	ctx := context.Background()
	lead, err := s.Store.FindPersonByEmail(ctx, "sdr@example.org")
	if err != nil {
		t.Fatal(err)
	}
	asLead := s.As(s.MustToken(lead.ID, throughline.RoleManager))

	var ids struct {
		Rep        struct{ ID string }
		KeyResults struct{ Nodes []struct{ ID, Ref string } }
	}
	s.MustDo(`{ rep: person(email: "sdr2@example.org") { id }
		keyResults(cycle: "2018-Q2", first: 50) { nodes { id ref } } }`, nil, &ids)
	kr := ""
	for _, k := range ids.KeyResults.Nodes {
		if k.Ref == "S1.1" {
			kr = k.ID
		}
	}
	var capability struct {
		CreateCapability struct{ Capability struct{ ID string } }
	}
	s.MustMutate("createCapability", `mutation { createCapability(input: {name: "Discovery calls",
		levels: [{name: "Learning", descriptor: "with help"}, {name: "Able", descriptor: "alone"}]}) {
		capability { id } userErrors { field message } } }`, nil, &capability.CreateCapability)

	var plan struct{ Plan struct{ ID string } }
	asLead.MustMutate("createDevelopmentPlan", `mutation($p: ID!) {
		createDevelopmentPlan(input: {personId: $p, cycle: "2018-Q2"}) {
		plan { id } userErrors { field message } } }`, map[string]any{"p": ids.Rep.ID}, &plan)
	asLead.MustMutate("addDevelopmentGoal", `mutation($plan: ID!, $kr: ID!, $c: ID!) {
		addDevelopmentGoal(input: {planId: $plan, version: 1, lane: EXECUTION,
			title: "Qualify inbound leads on the first call", keyResultId: $kr, capabilityId: $c}) {
		goal { id } userErrors { field message } } }`,
		map[string]any{"plan": plan.Plan.ID, "kr": kr, "c": capability.CreateCapability.Capability.ID}, nil)

	var chain struct {
		Chain struct {
			Goals []struct {
				PathsUp []struct {
					ReachesCompanyObjective bool
					Steps                   []struct {
						Ref   string
						Owner *struct{ Email string }
					}
				}
			}
		}
	}
	asLead.MustDo(`query($p: ID!) { chain(personId: $p, cycle: "2018-Q2") { goals { pathsUp {
		reachesCompanyObjective
		steps { ... on KeyResult { ref } ... on Objective { ref owner { email } } } } } } }`,
		map[string]any{"p": ids.Rep.ID}, &chain)
	if len(chain.Chain.Goals) != 1 || len(chain.Chain.Goals[0].PathsUp) != 1 {
		t.Fatalf("chain = %+v, want one goal with one path", chain)
	}
	path := chain.Chain.Goals[0].PathsUp[0]
	var refs []string
	for _, s := range path.Steps {
		refs = append(refs, s.Ref)
	}
	top := path.Steps[len(path.Steps)-1]
	if got := strings.Join(refs, " > "); got != "S1.1 > S1 > D1.1 > D1 > M1.1 > M1 > C1.2 > C1" ||
		!path.ReachesCompanyObjective || top.Owner == nil || top.Owner.Email != "ceo@example.org" {
		t.Errorf("the rep's path climbs %s (company: %v), want S1.1 up to the CEO's C1",
			got, path.ReachesCompanyObjective)
	}
}
