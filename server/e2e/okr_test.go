package e2e_test

import (
	"encoding/json"
	"slices"
	"testing"

	"throughline.dev/server/internal/testserver"
)

// okrUserError is one entry of a payload's userErrors.
type okrUserError struct {
	Field   []string `json:"field"`
	Message string   `json:"message"`
	Code    string   `json:"code"`
}

// mustUserError runs a mutation that should be refused and returns the
// payload's one user error, failing when the payload carries the object
// named by objectField.
func mustUserError(t *testing.T, s *testserver.Server, field, objectField, query string,
	vars map[string]any,
) okrUserError {
	t.Helper()
	var data map[string]map[string]json.RawMessage
	s.MustDo(query, vars, &data)
	p := data[field]
	if obj := string(p[objectField]); obj != "null" {
		t.Errorf("%s: %s = %s, want null beside user errors", field, objectField, obj)
	}
	var errs []okrUserError
	if err := json.Unmarshal(p["userErrors"], &errs); err != nil || len(errs) != 1 {
		t.Fatalf("%s: userErrors = %s, want exactly one", field, p["userErrors"])
	}
	return errs[0]
}

func wantUserError(t *testing.T, got okrUserError, code string, field ...string) {
	t.Helper()
	if got.Code != code || !slices.Equal(got.Field, field) || got.Message == "" {
		t.Errorf("user error = %+v, want %s on %v with a message", got, code, field)
	}
}

const (
	createCycle = `mutation($name: String!) {
		createCycle(input: {name: $name}) { cycle { id } userErrors { field } } }`
	createObjective = `mutation($in: CreateObjectiveInput!) {
		createObjective(input: $in) {
			objective { id ref level }
			userErrors { field message code } } }`
	updateObjective = `mutation($in: UpdateObjectiveInput!) {
		updateObjective(input: $in) {
			objective { id title }
			userErrors { field message code } } }`
	createKeyResult = `mutation($in: CreateKeyResultInput!) {
		createKeyResult(input: $in) {
			keyResult { id ref done progress metric { start target current unit } }
			userErrors { field message code } } }`
	recordProgress = `mutation($in: RecordProgressInput!) {
		recordProgress(input: $in) {
			keyResult { id done progress confidence metric { current } }
			progressUpdate { id value done confidence note recordedAt }
			userErrors { field message code } } }`
)

// okrCascade is the cascade the OKR tests build through the API: a
// company objective with a metric key result, and a team objective aligned
// to both, measured by a done / not done key result.
type okrCascade struct {
	company, companyKR, team, teamKR string
}

// mustCreate runs a create mutation and returns the new object's ID.
func mustCreate(t *testing.T, s *testserver.Server, field, object, query string,
	in map[string]any,
) string {
	t.Helper()
	var p map[string]json.RawMessage
	s.MustMutate(field, query, map[string]any{"in": in}, &p)
	var obj struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(p[object], &obj); err != nil || obj.ID == "" {
		t.Fatalf("%s gave no %s ID: %s", field, object, p[object])
	}
	return obj.ID
}

func mustOKRCascade(t *testing.T, s *testserver.Server) okrCascade {
	t.Helper()
	s.MustMutate("createCycle", createCycle, map[string]any{"name": "2026-Q4"}, nil)
	var c okrCascade
	c.company = mustCreate(t, s, "createObjective", "objective", createObjective, map[string]any{
		"cycle": "2026-Q4", "level": "COMPANY", "title": "Win the mid-market",
	})
	c.companyKR = mustCreate(t, s, "createKeyResult", "keyResult", createKeyResult, map[string]any{
		"objectiveId": c.company, "title": "40 new accounts", "target": 40, "unit": "accounts",
		"critical": true,
	})
	c.team = mustCreate(t, s, "createObjective", "objective", createObjective, map[string]any{
		"cycle": "2026-Q4", "level": "TEAM", "title": "Run discovery well",
		"alignTo": []map[string]any{{"keyResultId": c.companyKR}, {"objectiveId": c.company}},
	})
	c.teamKR = mustCreate(t, s, "createKeyResult", "keyResult", createKeyResult, map[string]any{
		"objectiveId": c.team, "title": "Discovery playbook adopted",
	})
	return c
}

// alignedTo reads what an objective aligns to, as "Type:ID", sorted.
func alignedTo(t *testing.T, s *testserver.Server, objectiveID string) []string {
	t.Helper()
	var data struct {
		Node struct {
			AlignedTo []struct {
				Typename string `json:"__typename"`
				ID       string `json:"id"`
			} `json:"alignedTo"`
		} `json:"node"`
	}
	s.MustDo(`query($id: ID!) { node(id: $id) { ... on Objective {
		alignedTo {
			__typename
			... on KeyResult { id }
			... on Objective { id } } } } }`, map[string]any{"id": objectiveID}, &data)
	var out []string
	for _, p := range data.Node.AlignedTo {
		out = append(out, p.Typename+":"+p.ID)
	}
	slices.Sort(out)
	return out
}

func TestOKRCascadeReadsBackThroughTheAPI(t *testing.T) {
	s := testserver.Start(t, nil)
	c := mustOKRCascade(t, s)

	want := []string{"KeyResult:" + c.companyKR, "Objective:" + c.company}
	slices.Sort(want)
	if got := alignedTo(t, s, c.team); !slices.Equal(got, want) {
		t.Errorf("team objective aligns to %v, want %v", got, want)
	}

	var rec struct {
		KeyResult struct {
			Done       bool    `json:"done"`
			Progress   float64 `json:"progress"`
			Confidence int     `json:"confidence"`
			Metric     struct {
				Current float64 `json:"current"`
			} `json:"metric"`
		} `json:"keyResult"`
		ProgressUpdate struct {
			ID    string  `json:"id"`
			Value float64 `json:"value"`
			Note  string  `json:"note"`
		} `json:"progressUpdate"`
	}
	s.MustMutate("recordProgress", recordProgress, map[string]any{"in": map[string]any{
		"keyResultId": c.companyKR, "value": 10, "confidence": 70, "note": "first deals",
	}}, &rec)
	if rec.KeyResult.Metric.Current != 10 || rec.KeyResult.Progress != 0.25 ||
		rec.KeyResult.Confidence != 70 || rec.KeyResult.Done {
		t.Errorf("after recording 10 of 40: %+v", rec.KeyResult)
	}
	if rec.ProgressUpdate.Value != 10 || rec.ProgressUpdate.Note != "first deals" {
		t.Errorf("progress update = %+v", rec.ProgressUpdate)
	}
	s.MustMutate("recordProgress", recordProgress, map[string]any{"in": map[string]any{
		"keyResultId": c.teamKR, "done": true,
	}}, nil)

	checkCompanyObjective(t, s, c, rec.ProgressUpdate.ID)
	checkTeamObjective(t, s, c)
	checkOKRLists(t, s, c)
}

func checkCompanyObjective(t *testing.T, s *testserver.Server, c okrCascade, updateID string) {
	t.Helper()
	var data struct {
		Node struct {
			Ref               string  `json:"ref"`
			Progress          float64 `json:"progress"`
			AlignedTo         []any   `json:"alignedTo"`
			AlignedObjectives idPage  `json:"alignedObjectives"`
			KeyResults        []struct {
				ID                string `json:"id"`
				AlignedObjectives idPage `json:"alignedObjectives"`
				ProgressUpdates   struct {
					TotalCount int `json:"totalCount"`
					Nodes      []struct {
						ID string `json:"id"`
					} `json:"nodes"`
				} `json:"progressUpdates"`
			} `json:"keyResults"`
		} `json:"node"`
		Update struct {
			Value     float64 `json:"value"`
			KeyResult struct {
				ID string `json:"id"`
			} `json:"keyResult"`
		} `json:"update"`
	}
	s.MustDo(`query($id: ID!, $update: ID!) {
		node(id: $id) { ... on Objective {
			ref progress alignedTo { __typename } alignedObjectives { totalCount nodes { id } }
			keyResults { id alignedObjectives { totalCount nodes { id } }
				progressUpdates { totalCount nodes { id } } } } }
		update: node(id: $update) { ... on ProgressUpdate { value keyResult { id } } } }`,
		map[string]any{"id": c.company, "update": updateID}, &data)

	o := data.Node
	if o.Ref != "" || o.Progress != 0.25 || len(o.AlignedTo) != 0 {
		t.Errorf("company objective: ref %q progress %v alignedTo %v",
			o.Ref, o.Progress, o.AlignedTo)
	}
	if !o.AlignedObjectives.only(c.team) {
		t.Errorf("aligned objectives = %+v, want the team objective", o.AlignedObjectives)
	}
	if len(o.KeyResults) != 1 || !o.KeyResults[0].AlignedObjectives.only(c.team) {
		t.Fatalf("key results = %+v, want one with the team objective aligned", o.KeyResults)
	}
	if u := o.KeyResults[0].ProgressUpdates; u.TotalCount != 1 || u.Nodes[0].ID != updateID {
		t.Errorf("progress updates = %+v, want the one recorded", u)
	}
	if data.Update.Value != 10 || data.Update.KeyResult.ID != c.companyKR {
		t.Errorf("node(progress update) = %+v", data.Update)
	}
}

func checkTeamObjective(t *testing.T, s *testserver.Server, c okrCascade) {
	t.Helper()
	var data struct {
		Node struct {
			Level      string  `json:"level"`
			Progress   float64 `json:"progress"`
			Cycle      struct{ Name string }
			KeyResults []struct {
				Done   bool `json:"done"`
				Metric any  `json:"metric"`
			} `json:"keyResults"`
		} `json:"node"`
	}
	s.MustDo(`query($id: ID!) { node(id: $id) { ... on Objective {
		level progress cycle { name } keyResults { done metric { target } } } } }`,
		map[string]any{"id": c.team}, &data)
	o := data.Node
	if o.Level != "TEAM" || o.Cycle.Name != "2026-Q4" || o.Progress != 1 {
		t.Errorf("team objective = %+v, want TEAM in 2026-Q4 at progress 1", o)
	}
	if len(o.KeyResults) != 1 || !o.KeyResults[0].Done || o.KeyResults[0].Metric != nil {
		t.Errorf("team key results = %+v, want one done with no metric", o.KeyResults)
	}
}

func checkOKRLists(t *testing.T, s *testserver.Server, c okrCascade) {
	t.Helper()
	type ids struct {
		TotalCount int `json:"totalCount"`
		Nodes      []struct {
			ID string `json:"id"`
		} `json:"nodes"`
	}
	var data struct {
		Team     ids `json:"team"`
		Critical ids `json:"critical"`
		Past     ids `json:"past"`
	}
	s.MustDo(`{
		team: objectives(cycle: "2026-Q4", level: TEAM) { totalCount nodes { id } }
		critical: keyResults(cycle: "2026-Q4", critical: true) { totalCount nodes { id } }
		past: objectives(cycle: "1999-Q1") { totalCount nodes { id } } }`, nil, &data)
	if data.Team.TotalCount != 1 || data.Team.Nodes[0].ID != c.team {
		t.Errorf("team objectives = %+v", data.Team)
	}
	if data.Critical.TotalCount != 1 || data.Critical.Nodes[0].ID != c.companyKR {
		t.Errorf("critical key results = %+v", data.Critical)
	}
	if data.Past.TotalCount != 0 || len(data.Past.Nodes) != 0 {
		t.Errorf("objectives of an unknown cycle = %+v, want none", data.Past)
	}
}

func TestAlignmentLoopComesBackAsAUserError(t *testing.T) {
	s := testserver.Start(t, nil)
	c := mustOKRCascade(t, s)
	before := alignedTo(t, s, c.team)

	got := mustUserError(t, s, "updateObjective", "objective", updateObjective, map[string]any{
		"in": map[string]any{
			"id": c.team, "title": "Renamed",
			"alignTo": []map[string]any{{"objectiveId": c.company}, {"keyResultId": c.teamKR}},
		},
	})
	wantUserError(t, got, "INVALID", "input", "alignTo")
	if after := alignedTo(t, s, c.team); !slices.Equal(after, before) {
		t.Errorf("alignment changed from %v to %v", before, after)
	}

	got = mustUserError(t, s, "updateObjective", "objective", updateObjective, map[string]any{
		"in": map[string]any{"id": c.company, "alignTo": []map[string]any{{"objectiveId": c.team}}},
	})
	wantUserError(t, got, "INVALID", "input", "alignTo")

	var title struct {
		Node struct{ Title string } `json:"node"`
	}
	s.MustDo(`query($id: ID!) { node(id: $id) { ... on Objective { title } } }`,
		map[string]any{"id": c.team}, &title)
	if title.Node.Title != "Run discovery well" {
		t.Errorf("title = %q after a refused update, want it unchanged", title.Node.Title)
	}
}

func TestOKRMutationsReportUserErrors(t *testing.T) {
	s := testserver.Start(t, nil)
	c := mustOKRCascade(t, s)
	tests := []struct {
		name, field, object, query string
		in                         map[string]any
		code                       string
		path                       []string
	}{
		{"unknown cycle", "createObjective", "objective", createObjective,
			map[string]any{"cycle": "2030-Q1", "level": "TEAM", "title": "x"},
			"NOT_FOUND", []string{"input", "cycle"}},
		{"empty title", "createObjective", "objective", createObjective,
			map[string]any{"cycle": "2026-Q4", "level": "TEAM", "title": ""},
			"INVALID", []string{"input", "title"}},
		{"start without target", "createKeyResult", "keyResult", createKeyResult,
			map[string]any{"objectiveId": c.team, "title": "x", "start": 3},
			"INVALID", []string{"input", "target"}},
		{"done on a metric", "recordProgress", "keyResult", recordProgress,
			map[string]any{"keyResultId": c.companyKR, "done": true},
			"INVALID", []string{"input", "done"}},
		{"value on done / not done", "recordProgress", "keyResult", recordProgress,
			map[string]any{"keyResultId": c.teamKR, "value": 2},
			"INVALID", []string{"input", "value"}},
		{"confidence over 100", "recordProgress", "keyResult", recordProgress,
			map[string]any{"keyResultId": c.companyKR, "value": 2, "confidence": 150},
			"INVALID", []string{"input", "confidence"}},
		{"objective ID as key result", "recordProgress", "keyResult", recordProgress,
			map[string]any{"keyResultId": c.team, "value": 2},
			"INVALID", []string{"input", "keyResultId"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustUserError(t, s, tt.field, tt.object, tt.query, map[string]any{"in": tt.in})
			wantUserError(t, got, tt.code, tt.path...)
		})
	}

	var data struct {
		Objectives struct{ TotalCount int } `json:"objectives"`
		KR         struct {
			Metric  struct{ Current *float64 } `json:"metric"`
			Updates struct{ TotalCount int }   `json:"progressUpdates"`
		} `json:"kr"`
	}
	s.MustDo(`query($kr: ID!) { objectives { totalCount }
		kr: node(id: $kr) { ... on KeyResult {
			metric { current } progressUpdates { totalCount } } } }`,
		map[string]any{"kr": c.companyKR}, &data)
	if data.Objectives.TotalCount != 2 || data.KR.Metric.Current != nil ||
		data.KR.Updates.TotalCount != 0 {
		t.Errorf("after refused mutations: %+v, want nothing written", data)
	}
}

// idPage is a connection's count and the IDs of its nodes.
type idPage struct {
	TotalCount int `json:"totalCount"`
	Nodes      []struct {
		ID string `json:"id"`
	} `json:"nodes"`
}

// only reports whether the whole list is the one ID.
func (p idPage) only(id string) bool {
	return p.TotalCount == 1 && len(p.Nodes) == 1 && p.Nodes[0].ID == id
}
