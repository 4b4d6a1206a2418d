package main

import (
	"context"
	"fmt"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/synth"
	"throughline.dev/server/internal/app"
)

// handoverTeam is the team whose lead hands over their reports: team 1,
// one level below the top, leads its 49 members and the leads of three
// teams below it, 52 reports at every size of at least 350 people.
const handoverTeam = 1

// cast names the people the five screens are for, by index in the
// synthetic organisation.
type cast struct {
	// chainPerson is the last person, in the deepest team: the longest
	// chain up to the company. Their card is the card measured too.
	chainPerson int
	// chainManager leads chainPerson's team.
	chainManager int
	// handoverManager is the lead of handoverTeam.
	handoverManager int
}

func castOf(spec synth.Spec) cast {
	last := spec.People - 1
	return cast{
		chainPerson:     last,
		chainManager:    spec.LeadOf(last / spec.PeoplePerTeam),
		handoverManager: spec.LeadOf(handoverTeam),
	}
}

// tokens are the bearer tokens each screen is read with: a manager's
// screens with that manager's token, HR's with HR's.
type tokens struct {
	hr, chainManager, handoverManager string
}

// generate writes the organisation into the fresh database and issues
// the tokens, with the store the server will open later closed again.
func generate(ctx context.Context, p app.Place, spec synth.Spec) (tokens, error) {
	a, err := app.OpenAt(ctx, p, storage.Options{Now: func() time.Time { return today }})
	if err != nil {
		return tokens{}, err
	}
	defer a.Close()
	db, err := a.Store.SQL()
	if err != nil {
		return tokens{}, err
	}
	if err := synth.Generate(ctx, db, spec); err != nil {
		return tokens{}, err
	}
	if p.DatabaseURL != "" {
		// PostgreSQL plans by its statistics, which autovacuum gathers
		// some time after a bulk load; a server in service has them.
		if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
			return tokens{}, err
		}
	}
	return issueTokens(ctx, a.Store, castOf(spec))
}

func issueTokens(ctx context.Context, s *storage.Store, c cast) (tokens, error) {
	var t tokens
	var err error
	issue := []struct {
		out    *string
		person int
		role   throughline.Role
	}{
		{&t.hr, 0, throughline.RoleHR},
		{&t.chainManager, c.chainManager, throughline.RoleManager},
		{&t.handoverManager, c.handoverManager, throughline.RoleManager},
	}
	for _, i := range issue {
		id := synth.PersonID(i.person)
		*i.out, err = s.CreateToken(ctx, &throughline.Token{
			PersonID: &id, Roles: []throughline.Role{i.role}, Label: "bench",
		})
		if err != nil {
			return t, fmt.Errorf("token: %w", err)
		}
	}
	return t, nil
}

// emailOf is the synthetic person's email, the key the API finds them by.
func emailOf(person int) string { return fmt.Sprintf("person%06d@synth.example", person) }
