package main

import (
	"context"
	"fmt"

	"throughline.dev/graph/storage/synth"
)

// subjects are what the five screens ask about, found through the API as
// a client finds them.
type subjects struct {
	tokens
	cycle string
	// chainPerson is the global ID of the person whose chain and card
	// are read.
	chainPerson string
	// packs are the draft handover packs of the handover manager's
	// reports, written in setup through the API.
	packs []string
}

func findSubjects(ctx context.Context, c *client, spec synth.Spec,
	t tokens,
) (subjects, error) {
	s := subjects{tokens: t, cycle: spec.CycleName()}
	who := castOf(spec)
	var person struct{ Person struct{ ID string } }
	err := c.queryInto(ctx, t.chainManager, `query($e: String!) { person(email: $e) { id } }`,
		map[string]any{"e": emailOf(who.chainPerson)}, &person)
	if err != nil {
		return s, err
	}
	s.chainPerson = person.Person.ID
	s.packs, err = draftPacks(ctx, c, t.handoverManager, emailOf(who.handoverManager))
	return s, err
}

// draftPacks has the manager draft a handover pack for each direct
// report, as before handing the team over, and returns the packs' IDs.
func draftPacks(ctx context.Context, c *client, token, managerEmail string) ([]string, error) {
	var reports struct {
		Person struct {
			Reports struct{ Nodes []struct{ ID string } }
		}
	}
	err := c.queryInto(ctx, token, `query($e: String!) {
		person(email: $e) { reports(first: 100) { nodes { id } } } }`,
		map[string]any{"e": managerEmail}, &reports)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, r := range reports.Person.Reports.Nodes {
		id, err := draftPack(ctx, c, token, r.ID)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func draftPack(ctx context.Context, c *client, token, personID string) (string, error) {
	var out struct {
		DraftHandoverPack struct {
			Pack       *struct{ ID string }
			UserErrors []struct{ Message string }
		}
	}
	err := c.queryInto(ctx, token, `mutation($p: ID!) {
		draftHandoverPack(input: {personId: $p,
			risks: "The migration slips if the on-call rota is not covered.",
			stakeholderPriorities: "Finance wants the monthly report on the first."}) {
			pack { id } userErrors { message } } }`,
		map[string]any{"p": personID}, &out)
	if err != nil {
		return "", err
	}
	if d := out.DraftHandoverPack; d.Pack == nil {
		return "", fmt.Errorf("draft pack for %s: %v", personID, d.UserErrors)
	}
	return out.DraftHandoverPack.Pack.ID, nil
}
