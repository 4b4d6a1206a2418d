package e2e_test

import (
	"slices"
	"strings"
	"testing"

	"throughline.dev/server/internal/testserver"
)

// Every list that can grow is a cursor connection with a bounded page;
// a plain list is allowed only when something bounds it. The schema the
// server answers is walked field by field, and each plain list must stand
// in one of the two tables below with its reason. A new plain list fails
// the test until it is made a connection or given a reason here.

// boundedLists are plain lists that something the server enforces keeps
// short, whatever the size of the organisation.
var boundedLists = map[string]string{
	"Viewer.roles":                       "enum-sized: one per role",
	"Token.roles":                        "enum-sized: one per role",
	"Dashboard.warningCounts":            "enum-sized: one per plan rule",
	"ObservedChangeSummary.distribution": "enum-sized: one per observed change",
	"UserError.field":                    "a path into one input, as deep as the input type",
	"Query.nodes":                        "one per ID asked for, at most 100 (nodes refuses more)",
	"DevelopmentGoal.actions":            "at most 12 a goal (MaxActionsPerGoal, refused beyond)",
	"GoalChain.actions":                  "a goal's actions: at most 12 (MaxActionsPerGoal)",
	"GoalChain.latestCheckIns":           "at most 3 (loaders.LatestCheckInsPerPlan)",
	"HandoverContents.recentCheckIns":    "at most 3 (recentCheckIns of a pack)",
	// Written whole by one mutation and never appended to: the request
	// limits (body size, tokens) bound how many one request can hold.
	"Capability.levels":   "the scale, written whole by createCapability",
	"Assessment.evidence": "written whole by recordAssessment",
	"Objective.alignedTo": "written whole by createObjective or updateObjective",
	"Handover.packs":      "one per person moved, written whole by handOver",
}

// boundedSuffixes are plain lists allowed by name on every type whose
// name ends so.
var boundedSuffixes = map[string]string{
	"Payload.userErrors": "one per problem with the mutation's one input",
}

// unpagedLists can grow, though the domain keeps them small, and nothing
// the server enforces bounds them yet. Each is a known debt: make it a
// connection, or enforce a bound and move it to boundedLists.
var unpagedLists = map[string]string{
	"Objective.keyResults": "TODO: a handful by OKR practice; no rule caps an objective's key results",
	"KeyResult.requirements": "TODO: at most one per capability of the framework " +
		"(a pair is unique); the framework grows slowly, not with the organisation",
	"KeyResult.capabilityCoverage": "TODO: one per requirement, as KeyResult.requirements",
	"DevelopmentPlan.executionGoals": "TODO: at most 2 active (CheckGoal), " +
		"but achieved and dropped ones of the cycle stay in the lane",
	"DevelopmentPlan.careerGoals": "TODO: no rule caps a plan's career goals",
	"DevelopmentPlan.warnings":    "TODO: one per broken rule per goal: as many as the goals",
	"PersonChain.goals":           "TODO: the plan's goals, as DevelopmentPlan's lanes",
	"StrategyPath.steps":          "TODO: as deep as the cascade, which no rule caps",
	"GoalChain.pathsUp": "TODO: one per path up the cascade; several parents per " +
		"objective multiply them",
	"Dashboard.planStatusByTeam": "TODO: one per team with plans: grows with the organisation",
	"HandoverContents.executionGoals": "TODO: the plan's execution goals, " +
		"as DevelopmentPlan.executionGoals",
	"HandoverContents.careerGoals": "TODO: the plan's career goals, as DevelopmentPlan.careerGoals",
	"HandoverContents.openActions": "TODO: up to 12 per goal, over goals no rule caps",
	"HandoverContents.keyDeliverables": "TODO: the key results the person owns in the cycle; " +
		"no rule caps them",
	"HandoverContents.warnings": "TODO: as DevelopmentPlan.warnings",
	"Person.managerHistory":     "TODO: one per change of manager: grows over the years",
	"RecordDeparturePayload.awaitingHandover": "TODO: the leaver's direct reports: " +
		"grows with a span of control",
}

func TestEveryListThatCanGrowIsAConnection(t *testing.T) {
	s := testserver.Start(t, nil)
	lists := plainLists(t, s)
	for _, name := range lists {
		if reason(name) == "" {
			t.Errorf("%s is a plain list: make it a connection (first/after, totalCount, "+
				"pageInfo, nodes, edges), or bound it and say how in boundedLists", name)
		}
	}
	for _, table := range []map[string]string{boundedLists, unpagedLists} {
		for name := range table {
			if !slices.Contains(lists, name) {
				t.Errorf("%s is listed as a plain list but the schema has none by that name", name)
			}
		}
	}
}

// reason is why a plain list may stay one, or "" when nothing says.
func reason(name string) string {
	if r := boundedLists[name]; r != "" {
		return r
	}
	if r := unpagedLists[name]; r != "" {
		return r
	}
	for suffix, r := range boundedSuffixes {
		if strings.HasSuffix(name, suffix) {
			return r
		}
	}
	return ""
}

// introType is a type as introspection answers it, with a field's type
// unwrapped three levels deep: enough for [T!]!.
type introType struct {
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	OfType *struct {
		Kind   string `json:"kind"`
		OfType *struct {
			Kind string `json:"kind"`
		} `json:"ofType"`
	} `json:"ofType"`
}

// isList reports whether a field's type is a list, null or not.
func (t introType) isList() bool {
	return t.Kind == "LIST" || (t.Kind == "NON_NULL" && t.OfType != nil && t.OfType.Kind == "LIST")
}

// plainLists names, as Type.field, every field of an object or interface
// that returns a list, but for a connection's own nodes and edges.
func plainLists(t *testing.T, s *testserver.Server) []string {
	t.Helper()
	var data struct {
		Schema struct {
			Types []struct {
				Kind   string
				Name   string
				Fields []struct {
					Name string
					Type introType
				}
			}
		} `json:"__schema"`
	}
	s.MustDo(`{ __schema { types { kind name fields {
		name type { kind name ofType { kind ofType { kind } } } } } } }`, nil, &data)
	var out []string
	for _, typ := range data.Schema.Types {
		if typ.Kind != "OBJECT" && typ.Kind != "INTERFACE" || strings.HasPrefix(typ.Name, "__") {
			continue
		}
		connection := strings.HasSuffix(typ.Name, "Connection")
		for _, f := range typ.Fields {
			if !f.Type.isList() || connection && (f.Name == "nodes" || f.Name == "edges") {
				continue
			}
			out = append(out, typ.Name+"."+f.Name)
		}
	}
	if len(out) == 0 {
		t.Fatal("introspection found no list fields at all")
	}
	return out
}
