package packaging

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// gql sends a GraphQL request with a bearer token and returns the data,
// failing the test on any error.
func (s *server) gql(t *testing.T, token, query string, vars map[string]any) json.RawMessage {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, s.url+"/query", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		t.Fatalf("%s from /query: %v", resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK || len(answer.Errors) > 0 {
		t.Fatalf("%s from /query: %+v", resp.Status, answer.Errors)
	}
	return answer.Data
}

// decode decodes data into v, failing the test when it does not fit.
func decode(t *testing.T, data json.RawMessage, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decode %s: %v", data, err)
	}
}

// checkServerVersion checks the release the running server reports.
func checkServerVersion(t *testing.T, s *server, token, want string) {
	t.Helper()
	var got struct{ ServerInfo struct{ Version string } }
	decode(t, s.gql(t, token, `{ serverInfo { version } }`, nil), &got)
	if got.ServerInfo.Version != want {
		t.Errorf("the server reports version %q, want %q", got.ServerInfo.Version, want)
	}
}

func (s *server) peopleCount(t *testing.T, token string) int {
	t.Helper()
	var got struct{ People struct{ TotalCount int } }
	decode(t, s.gql(t, token, `{ people(first: 1) { totalCount } }`, nil), &got)
	return got.People.TotalCount
}

// addThroughAPI writes through the API as the admin: a cycle, and a
// manager's token for the first person. It returns the token's secret.
func (s *server) addThroughAPI(t *testing.T, admin string) string {
	t.Helper()
	var cycle struct {
		CreateCycle struct{ UserErrors []struct{ Message string } }
	}
	decode(t, s.gql(t, admin, `mutation { createCycle(input: {name: "2031-Q1"}) {
		userErrors { message } } }`, nil), &cycle)
	if errs := cycle.CreateCycle.UserErrors; len(errs) > 0 {
		t.Fatalf("createCycle: %+v", errs)
	}

	var people struct {
		People struct{ Nodes []struct{ ID string } }
	}
	decode(t, s.gql(t, admin, `{ people(first: 1) { nodes { id } } }`, nil), &people)
	if len(people.People.Nodes) == 0 {
		t.Fatal("no person to give a token to")
	}
	var token struct {
		CreateToken struct {
			Secret     string
			UserErrors []struct{ Message string }
		}
	}
	decode(t, s.gql(t, admin, `mutation($person: ID!) { createToken(input: {personId: $person,
		roles: [MANAGER], label: "package test"}) { secret userErrors { message } } }`,
		map[string]any{"person": people.People.Nodes[0].ID}), &token)
	if errs := token.CreateToken.UserErrors; len(errs) > 0 || token.CreateToken.Secret == "" {
		t.Fatalf("createToken: %+v", errs)
	}
	return token.CreateToken.Secret
}

// apiState is what the API answers about the data, as JSON, and the
// manager's token that must still work after the upgrade.
type apiState struct {
	data         string
	managerToken string
}

// stateQuery reads everything the test put in, as the admin; never the
// server's version, nor a token's last use, which change by design.
const stateQuery = `{
  cycles(first: 100) { totalCount nodes { name startsOn endsOn } }
  teams(first: 100) { totalCount nodes { name } }
  people(first: 100) { totalCount nodes { email name title } }
  objectives(first: 100) { totalCount nodes { ref level title cycle { name } } }
  keyResults(first: 100) { totalCount nodes { ref title critical progress } }
  tokens(first: 100) { totalCount nodes { label roles person { email } revokedAt } }
}`

// managerQuery is what any signed-in person may read, the manager too.
const managerQuery = `{ people(first: 100) { totalCount } serverInfo { schemaVersion } }`

// state reads the API's view of the data with the admin's token, and
// checks the manager's token still reads.
func (s *server) state(t *testing.T, admin, manager string) apiState {
	t.Helper()
	data := s.gql(t, admin, stateQuery, nil)
	data = append(append(data, '\n'), s.gql(t, manager, managerQuery, nil)...)
	return apiState{data: string(data), managerToken: manager}
}
