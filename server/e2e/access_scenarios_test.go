package e2e_test

import (
	"net/http"
	"strings"
	"testing"

	"throughline.dev/server/internal/testserver"
)

// actorNamed finds a row of the matrix by name.
func actorNamed(t *testing.T, name string) accessActor {
	t.Helper()
	for _, a := range accessActors {
		if a.name == name {
			return a
		}
	}
	t.Fatalf("no actor %q", name)
	return accessActor{}
}

const checkInQuery = `query($id: ID!) { node(id: $id) { ... on CheckIn { realWork note } } }`

func TestPrivateNoteShowsOnlyToItsAuthor(t *testing.T) {
	o := newAccessOrg(t)
	shared := marker("shared note", "R")
	for _, c := range []struct {
		actor, kind string
		note        string // "" for null
	}{
		{"M", kindPrivate, marker(kindNote, "R")}, // M wrote it
		{"H", kindPrivate, ""},
		{"A+HR", kindPrivate, ""},
		{"R", kindPrivate, ""}, // R's own plan, M's note
		{"H", kindCheckIn, shared},
		{"R", kindCheckIn, shared},
	} {
		var v struct {
			Node *struct {
				RealWork string
				Note     *string
			}
		}
		o.s.As(o.tokens[c.actor]).MustDo(checkInQuery,
			map[string]any{"id": o.ids["R "+c.kind]}, &v)
		if v.Node == nil || v.Node.RealWork != marker(c.kind, "R") {
			t.Errorf("%s reads R's %s: got %+v, want the check-in", c.actor, c.kind, v.Node)
			continue
		}
		if got := deref(v.Node.Note); got != c.note {
			t.Errorf("%s reads the note of R's %s: %q, want %q", c.actor, c.kind, got, c.note)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestQueryWithoutALiveTokenGets401(t *testing.T) {
	o := newAccessOrg(t)
	for name, token := range map[string]string{
		"no token": "", "an unknown token": "tl_unknown", "a token without the prefix": "abc",
	} {
		r := o.s.As(token).Do(`{ viewer { roles } }`, nil)
		if r.Status != http.StatusUnauthorized || (len(r.Data) > 0 && string(r.Data) != "null") {
			t.Errorf("%s: answered %d with %s, want 401 and no data", name, r.Status, r.Body)
		}
	}
}

const createTokenDoc = `mutation($in: CreateTokenInput!) { createToken(input: $in) {
	token { id } secret userErrors { field message code } } }`

const revokeTokenDoc = `mutation($in: RevokeTokenInput!) { revokeToken(input: $in) {
	token { revokedAt } userErrors { field message code } } }`

func TestRevokedTokenGets401(t *testing.T) {
	o := newAccessOrg(t)
	var made struct {
		Token  struct{ ID string }
		Secret string
	}
	o.s.MustMutate("createToken", createTokenDoc, map[string]any{"in": map[string]any{
		"personId": o.ids["R person"], "roles": []string{"EMPLOYEE"}, "label": "laptop",
	}}, &made)
	r := o.s.As(made.Secret)
	read := map[string]any{"id": o.ids["R "+kindPlan]}
	if got := r.Do(readPaths[0].query, read); !strings.Contains(string(got.Data), "[plan R]") {
		t.Fatalf("R's new token does not read R's plan: %s", got.Body)
	}

	var revoked struct{ Token struct{ RevokedAt *string } }
	o.s.MustMutate("revokeToken", revokeTokenDoc,
		map[string]any{"in": map[string]any{"id": made.Token.ID}}, &revoked)
	if revoked.Token.RevokedAt == nil {
		t.Fatal("revokeToken left the token without a revokedAt")
	}
	got := r.Do(readPaths[0].query, read)
	if got.Status != http.StatusUnauthorized || strings.Contains(got.Body, "[plan R]") {
		t.Errorf("a revoked token reads R's plan: %d %s, want 401", got.Status, got.Body)
	}
	before := actionProbe(o, "R", "")
	got = r.Do(mutationFor("updateDevelopmentAction"),
		map[string]any{"input": updateActionInput(o, "R", "after revocation")})
	if after := actionProbe(o, "R", ""); got.Status != http.StatusUnauthorized || after != before {
		t.Errorf("a revoked token updates R's action: %d, %s (was %s), want 401 and no change",
			got.Status, after, before)
	}
}

const updatePersonDoc = `mutation($in: UpdatePersonInput!) { updatePerson(input: $in) {
	userErrors { field message code } } }`

// TestManagerChangeMovesAccess moves R, and with R RR, from M to M2. The
// tokens stay the same; what they reach follows the reporting line.
func TestManagerChangeMovesAccess(t *testing.T) {
	o := newAccessOrg(t)
	m, m2 := actorNamed(t, "M"), actorNamed(t, "M2")
	node := readPaths[0]
	for _, owner := range []string{"R", "RR"} {
		o.readCell(m, node, owner, kindPlan, true)
		o.readCell(m2, node, owner, kindPlan, false)
	}

	o.s.MustMutate("updatePerson", updatePersonDoc, map[string]any{"in": map[string]any{
		"id": o.ids["R person"], "managerId": o.personID("M2"),
	}}, nil)
	o.answers = map[string]*testserver.Response{}

	for _, owner := range []string{"R", "RR"} {
		for _, kind := range []string{kindPlan, kindGoal, kindPrivate, kindAssessment} {
			o.readCell(m, node, owner, kind, false)
			o.readCell(m2, node, owner, kind, true)
		}
		// M's note on R's plan stays M's: M2 reads the check-in, not it.
		o.readCell(m, node, owner, kindNote, false)
		o.readCell(m2, node, owner, kindNote, false)
		o.writeCell(m, planWrites[0], owner, false)
		o.writeCell(m2, planWrites[0], owner, true)
	}
	o.planCountCell(m, 1) // M's own
	o.planCountCell(m2, 3)
}
