package e2e_test

import (
	"testing"
	"time"

	"throughline.dev/server/internal/testserver"
)

const (
	createCapability = `mutation($in: CreateCapabilityInput!) {
		createCapability(input: $in) {
			capability { id name levels { level name descriptor } }
			userErrors { field message code } } }`
	setRequirement = `mutation($in: SetCapabilityRequirementInput!) {
		setCapabilityRequirement(input: $in) {
			requirement { id level reason }
			userErrors { field message code } } }`
	recordAssessment = `mutation($in: RecordAssessmentInput!) {
		recordAssessment(input: $in) {
			assessment { id level assessedOn }
			userErrors { field message code } } }`
	createPerson = `mutation($in: CreatePersonInput!) {
		createPerson(input: $in) { person { id } userErrors { field message code } } }`
)

// threeLevels is a scale for new capabilities.
var threeLevels = []map[string]any{
	{"name": "Novice", "descriptor": "needs help"},
	{"name": "Practitioner", "descriptor": "works alone"},
	{"name": "Expert", "descriptor": "teaches others"},
}

func mustCapabilityViaAPI(t *testing.T, s *testserver.Server, name string) string {
	t.Helper()
	return mustCreate(t, s, "createCapability", "capability", createCapability,
		map[string]any{"name": name, "levels": threeLevels})
}

func mustRequirementViaAPI(t *testing.T, s *testserver.Server, kr, capability string,
	level int,
) string {
	t.Helper()
	return mustCreate(t, s, "setCapabilityRequirement", "requirement", setRequirement,
		map[string]any{
			"keyResultId": kr, "capabilityId": capability, "level": level,
			"reason": "the calls need it",
		})
}

// coverage reads a key result's capability coverage as capability name to
// the titles of the goals building it; covered must agree with the goals.
func coverage(t *testing.T, s *testserver.Server, kr string) map[string][]string {
	t.Helper()
	var data struct {
		Node struct {
			CapabilityCoverage []struct {
				Requirement struct {
					Capability struct{ Name string }
				}
				Goals struct {
					Nodes []struct {
						Title string `json:"title"`
					} `json:"nodes"`
				} `json:"goals"`
				Covered bool `json:"covered"`
			} `json:"capabilityCoverage"`
		} `json:"node"`
	}
	s.MustDo(`query($id: ID!) { node(id: $id) { ... on KeyResult {
		capabilityCoverage { requirement { capability { name } }
			goals(first: 100) { nodes { title } } covered } } } }`,
		map[string]any{"id": kr}, &data)
	out := map[string][]string{}
	for _, c := range data.Node.CapabilityCoverage {
		titles := []string{}
		for _, g := range c.Goals.Nodes {
			titles = append(titles, g.Title)
		}
		if c.Covered != (len(titles) > 0) {
			t.Errorf("%s: covered = %v with goals %v",
				c.Requirement.Capability.Name, c.Covered, titles)
		}
		out[c.Requirement.Capability.Name] = titles
	}
	return out
}

func TestCapabilityFrameworkThroughTheAPI(t *testing.T) {
	s := testserver.Start(t, nil)
	var created struct {
		Capability struct {
			Levels []struct {
				Level int    `json:"level"`
				Name  string `json:"name"`
			} `json:"levels"`
		} `json:"capability"`
	}
	s.MustMutate("createCapability", createCapability, map[string]any{"in": map[string]any{
		"name": "Discovery", "description": "finding what the customer needs",
		"levels": threeLevels,
	}}, &created)
	levels := created.Capability.Levels
	if len(levels) != 3 || levels[0].Level != 1 || levels[2].Level != 3 ||
		levels[2].Name != "Expert" {
		t.Errorf("levels = %+v, want 1 to 3 in the order given", levels)
	}

	tests := []struct {
		name  string
		in    map[string]any
		code  string
		field string
	}{
		{"name taken", map[string]any{"name": "Discovery", "levels": threeLevels},
			"CONFLICT", "name"},
		{"one level", map[string]any{"name": "Handover", "levels": threeLevels[:1]},
			"INVALID", "levels"},
		{"unnamed level", map[string]any{"name": "Handover", "levels": []map[string]any{
			{"name": "a", "descriptor": ""}, {"name": "", "descriptor": "b"},
		}}, "INVALID", "levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustUserError(t, s, "createCapability", "capability", createCapability,
				map[string]any{"in": tt.in})
			wantUserError(t, got, tt.code, "input", tt.field)
		})
	}
	var list struct {
		Capabilities struct{ TotalCount int } `json:"capabilities"`
	}
	s.MustDo(`{ capabilities { totalCount } }`, nil, &list)
	if list.Capabilities.TotalCount != 1 {
		t.Errorf("capabilities = %d, want 1", list.Capabilities.TotalCount)
	}
}

func TestCapabilityCoverageThroughTheAPI(t *testing.T) {
	s := testserver.Start(t, nil)
	c := mustOKRCascade(t, s)
	discovery := mustCapabilityViaAPI(t, s, "Discovery")
	handover := mustCapabilityViaAPI(t, s, "Handover")
	mustRequirementViaAPI(t, s, c.teamKR, discovery, 2)
	// Setting the pair again replaces the level and keeps one requirement.
	req := mustRequirementViaAPI(t, s, c.teamKR, discovery, 3)
	handoverReq := mustRequirementViaAPI(t, s, c.teamKR, handover, 2)

	got := mustUserError(t, s, "setCapabilityRequirement", "requirement", setRequirement,
		map[string]any{"in": map[string]any{
			"keyResultId": c.teamKR, "capabilityId": discovery, "level": 4, "reason": "x",
		}})
	wantUserError(t, got, "INVALID", "input", "level")

	cov := coverage(t, s, c.teamKR)
	if len(cov) != 2 || len(cov["Discovery"]) != 0 || len(cov["Handover"]) != 0 {
		t.Fatalf("coverage before any plan = %v, want two requirements nobody builds", cov)
	}

	ada := mustCreate(t, s, "createPerson", "person", createPerson,
		map[string]any{"email": "ada@example.com", "name": "Ada", "managerId": s.LeadID})
	mustExecutionGoal(t, s, ada, c.teamKR, discovery, "Lead discovery calls")

	cov = coverage(t, s, c.teamKR)
	if titles := cov["Discovery"]; len(titles) != 1 || titles[0] != "Lead discovery calls" {
		t.Errorf("discovery coverage = %v, want Ada's goal", titles)
	}
	if titles := cov["Handover"]; len(titles) != 0 {
		t.Errorf("handover coverage = %v, want nobody", titles)
	}

	checkRequirementNode(t, s, req, c.teamKR)
	var removed struct {
		RemovedID string `json:"removedId"`
	}
	s.MustMutate("removeCapabilityRequirement", `mutation($id: ID!) {
		removeCapabilityRequirement(input: {id: $id}) { removedId userErrors { field } } }`,
		map[string]any{"id": handoverReq}, &removed)
	if removed.RemovedID != handoverReq {
		t.Errorf("removedId = %q, want %q", removed.RemovedID, handoverReq)
	}
	if cov = coverage(t, s, c.teamKR); len(cov) != 1 {
		t.Errorf("coverage after removing handover = %v, want discovery only", cov)
	}
}

// mustExecutionGoal gives a person a plan for 2026-Q4 with one execution
// goal serving a key result by building a capability.
func mustExecutionGoal(t *testing.T, s *testserver.Server, person, kr, capability, title string) {
	t.Helper()
	var plan struct {
		Plan struct {
			ID      string `json:"id"`
			Version int    `json:"version"`
		} `json:"plan"`
	}
	s.MustMutate("createDevelopmentPlan", `mutation($person: ID!) {
		createDevelopmentPlan(input: {personId: $person, cycle: "2026-Q4"}) {
			plan { id version } userErrors { field message } } }`,
		map[string]any{"person": person}, &plan)
	s.MustMutate("addDevelopmentGoal", `mutation($in: AddDevelopmentGoalInput!) {
		addDevelopmentGoal(input: $in) { goal { title } userErrors { field message } } }`,
		map[string]any{"in": map[string]any{
			"planId": plan.Plan.ID, "version": plan.Plan.Version, "lane": "EXECUTION",
			"title": title, "keyResultId": kr, "capabilityId": capability,
		}}, nil)
}

func checkRequirementNode(t *testing.T, s *testserver.Server, req, kr string) {
	t.Helper()
	var data struct {
		Node struct {
			Level     int    `json:"level"`
			Reason    string `json:"reason"`
			KeyResult struct {
				ID           string `json:"id"`
				Requirements []struct {
					ID string `json:"id"`
				} `json:"requirements"`
			} `json:"keyResult"`
			Capability struct {
				Name       string `json:"name"`
				RequiredBy struct {
					Nodes []struct {
						ID string `json:"id"`
					} `json:"nodes"`
				} `json:"requiredBy"`
			} `json:"capability"`
		} `json:"node"`
	}
	s.MustDo(`query($id: ID!) { node(id: $id) { ... on CapabilityRequirement {
		level reason keyResult { id requirements { id } }
		capability { name requiredBy { nodes { id } } } } } }`, map[string]any{"id": req}, &data)
	n := data.Node
	if n.Level != 3 || n.KeyResult.ID != kr || n.Capability.Name != "Discovery" {
		t.Errorf("requirement = %+v, want Discovery at 3 for the team key result", n)
	}
	if len(n.KeyResult.Requirements) != 2 || len(n.Capability.RequiredBy.Nodes) != 1 ||
		n.Capability.RequiredBy.Nodes[0].ID != req {
		t.Errorf("requirements %v, requiredBy %v",
			n.KeyResult.Requirements, n.Capability.RequiredBy)
	}
}

func TestAssessmentsThroughTheAPI(t *testing.T) {
	s := testserver.Start(t, nil)
	discovery := mustCapabilityViaAPI(t, s, "Discovery")
	handover := mustCapabilityViaAPI(t, s, "Handover")
	ada := mustCreate(t, s, "createPerson", "person", createPerson,
		map[string]any{"email": "ada@example.com", "name": "Ada", "managerId": s.LeadID})
	lead := mustCreate(t, s, "createPerson", "person", createPerson,
		map[string]any{"email": "lead@example.com", "name": "Lead"})

	assess := func(capability string, level int, on any, evidence []map[string]any) string {
		t.Helper()
		return mustCreate(t, s, "recordAssessment", "assessment", recordAssessment,
			map[string]any{
				"personId": ada, "capabilityId": capability, "level": level,
				"assessedById": lead, "assessedOn": on, "evidence": evidence,
			})
	}
	latest := assess(discovery, 2, "2026-09-01", []map[string]any{
		{
			"kind": "WEAK_DISCOVERY_CALL", "description": "no budget asked",
			"observedOn": "2026-08-20",
		},
		{"kind": "OTHER", "description": "left pricing open"},
	})
	assess(discovery, 1, "2026-03-01", nil)
	before := time.Now().Format(time.DateOnly)
	undated := assess(handover, 3, nil, nil)
	after := time.Now().Format(time.DateOnly)

	got := mustUserError(t, s, "recordAssessment", "assessment", recordAssessment,
		map[string]any{"in": map[string]any{"personId": ada, "capabilityId": handover, "level": 4}})
	wantUserError(t, got, "INVALID", "input", "level")

	checkAdaAssessments(t, s, latest, undated)
	var node struct {
		Node struct {
			AssessedOn string `json:"assessedOn"`
			Capability struct{ Name string }
		} `json:"node"`
	}
	s.MustDo(`query($id: ID!) { node(id: $id) { ... on Assessment {
		assessedOn capability { name } } } }`, map[string]any{"id": undated}, &node)
	dated := node.Node.AssessedOn
	if node.Node.Capability.Name != "Handover" || (before == after && dated != before) {
		t.Errorf("undated assessment = %+v, want Handover dated today %s", node.Node, before)
	}
}

// checkAdaAssessments reads Ada's current assessments: the latest per
// capability, with evidence and assessor.
func checkAdaAssessments(t *testing.T, s *testserver.Server, latest, undated string) {
	t.Helper()
	var data struct {
		Person struct {
			Assessments struct {
				TotalCount int `json:"totalCount"`
				Nodes      []struct {
					ID         string `json:"id"`
					Level      int    `json:"level"`
					AssessedOn string `json:"assessedOn"`
					AssessedBy struct{ Email string }
					Evidence   []struct {
						Kind        string  `json:"kind"`
						Description string  `json:"description"`
						ObservedOn  *string `json:"observedOn"`
					} `json:"evidence"`
				} `json:"nodes"`
			} `json:"assessments"`
		} `json:"person"`
	}
	s.MustDo(`{ person(email: "ada@example.com") { assessments { totalCount nodes {
		id level assessedOn assessedBy { email } evidence { kind description observedOn } } } } }`,
		nil, &data)
	a := data.Person.Assessments
	if a.TotalCount != 2 || len(a.Nodes) != 2 ||
		a.Nodes[0].ID != latest || a.Nodes[1].ID != undated {
		t.Fatalf("assessments = %+v, want the latest discovery and the handover one", a)
	}
	d := a.Nodes[0]
	if d.Level != 2 || d.AssessedOn != "2026-09-01" || d.AssessedBy.Email != "lead@example.com" {
		t.Errorf("discovery assessment = %+v", d)
	}
	if len(d.Evidence) != 2 || d.Evidence[0].Kind != "WEAK_DISCOVERY_CALL" ||
		*d.Evidence[0].ObservedOn != "2026-08-20" || d.Evidence[1].ObservedOn != nil {
		t.Errorf("evidence = %+v", d.Evidence)
	}
}
