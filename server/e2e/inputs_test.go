package e2e_test

import (
	"strings"
	"testing"

	"throughline.dev/server/internal/testserver"
)

// Text too long for its field, or holding a NUL character, is refused
// before the mutation runs, as a userError naming the field (the user can
// fix it); nothing is written.
func TestMutationTextLimits(t *testing.T) {
	s := testserver.Start(t, nil)
	const create = `mutation($name: String!) {
		createTeam(input: {name: $name}) { team { id } userErrors { field message } } }`
	for _, tc := range []struct {
		name, value, want string
	}{
		{"a name too long", strings.Repeat("x", 301), "name is longer than 300 characters"},
		{"a NUL character", "Plat\x00form", "name holds a NUL character"},
	} {
		var got struct {
			CreateTeam struct {
				Team   *struct{ ID string }
				Errors []struct {
					Field   []string
					Message string
				} `json:"userErrors"`
			}
		}
		s.MustDo(create, map[string]any{"name": tc.value}, &got)
		p := got.CreateTeam
		if p.Team != nil || len(p.Errors) != 1 || p.Errors[0].Message != tc.want ||
			strings.Join(p.Errors[0].Field, ".") != "input.name" {
			t.Errorf("%s: got %+v", tc.name, p)
		}
	}
	var teams struct{ Teams struct{ TotalCount int } }
	s.MustDo(`{ teams { totalCount } }`, nil, &teams)
	if teams.Teams.TotalCount != 0 {
		t.Errorf("%d teams written, want none", teams.Teams.TotalCount)
	}

	long := strings.Repeat("word ", 3000) // 15,000 characters: fine for a note
	const note = `mutation($n: String!) {
		createCapability(input: {name: "Listening", description: $n,
			levels: [{name: "One", descriptor: "a"}, {name: "Two", descriptor: "b"}]}) {
			capability { id } userErrors { field message } } }`
	if r := s.Do(note, map[string]any{"n": long}); len(r.Errors) > 0 {
		t.Errorf("a long description was refused: %.300s", r.Body)
	}
}

// An Int out of the 32-bit range, or with a fraction, is the user's
// mistake: a clear error, not an internal one.
func TestIntOutOfRangeIsAUserMistake(t *testing.T) {
	s := testserver.Start(t, nil)
	const version = `mutation($n: Int!) { setPlanStatus(input: {
		planId: "RGV2ZWxvcG1lbnRQbGFuOjE", version: $n, status: ON_TRACK}) { plan { id } } }`
	r := s.Do(version, map[string]any{"n": 2147483648})
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "2147483648 is outside") {
		t.Errorf("version: 2147483648: %s", r.Body)
	}
	const query = `query($n: Int) { people(first: $n) { totalCount } }`
	// A fraction is refused by GraphQL validation itself.
	r = s.Do(query, map[string]any{"n": 30.5})
	if len(r.Errors) != 1 || strings.Contains(r.Body, "internal error") {
		t.Errorf("first: 30.5: %s", r.Body)
	}
}
