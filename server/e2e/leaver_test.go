package e2e_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/testserver"
)

// A token stops working once its person's last day has passed, and no
// new token can be issued for someone who has left.
func TestTokensOfLeaversStopWorking(t *testing.T) {
	today := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s := testserver.Start(t, func() time.Time { return today })
	ctx := context.Background()
	leaver := &throughline.Person{Email: "kai@example.com", Name: "Kai"}
	if err := s.Store.CreatePerson(ctx, leaver); err != nil {
		t.Fatal(err)
	}
	asKai := s.As(s.MustToken(leaver.ID, throughline.RoleHR))
	if r := asKai.Do(`{ viewer { roles } }`, nil); r.Status != http.StatusOK {
		t.Fatalf("before leaving: %d %s", r.Status, r.Body)
	}

	if _, err := s.Store.RecordDeparture(ctx, leaver.ID, today.AddDate(0, 0, -1)); err != nil {
		t.Fatal(err)
	}
	if r := asKai.Do(`{ viewer { roles } }`, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("a leaver's token after their last day: %d %s", r.Status, r.Body)
	}
	_, err := s.Store.CreateToken(ctx, &throughline.Token{
		PersonID: &leaver.ID, Roles: []throughline.Role{throughline.RoleEmployee},
	})
	if throughline.ErrorCode(err) != throughline.EINVALID {
		t.Errorf("a token for a leaver: %v, want a refusal", err)
	}
}

// No new plan is made for someone who has left.
func TestNoPlanForALeaver(t *testing.T) {
	today := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s := testserver.Start(t, func() time.Time { return today })
	ctx := context.Background()
	lead, err := s.Store.FindPersonByEmail(ctx, testserver.LeadEmail)
	if err != nil {
		t.Fatal(err)
	}
	leaver := &throughline.Person{Email: "kai@example.com", Name: "Kai", ManagerID: &lead.ID}
	if err := s.Store.CreatePerson(ctx, leaver); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Store.RecordDeparture(ctx, leaver.ID, today.AddDate(0, 0, -1)); err != nil {
		t.Fatal(err)
	}
	if err := s.Store.CreateCycle(ctx, &throughline.Cycle{Name: "2026-Q4"}); err != nil {
		t.Fatal(err)
	}
	var who struct{ Person struct{ ID string } }
	s.MustDo(`{ person(email: "kai@example.com") { id } }`, nil, &who)
	r := s.Do(`mutation($p: ID!) { createDevelopmentPlan(input: {personId: $p, cycle: "2026-Q4"}) {
		plan { id } userErrors { field message } } }`, map[string]any{"p": who.Person.ID})
	if !strings.Contains(r.Body, `"field":["input","personId"]`) ||
		!strings.Contains(r.Body, "this person has left the organisation") {
		t.Errorf("a plan for a leaver: %s", r.Body)
	}
}
