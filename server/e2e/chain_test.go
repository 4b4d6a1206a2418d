package e2e_test

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"
)

// personChain is what the tests read of chain(personId:).
type personChain struct {
	Person struct{ Name string }
	Cycle  struct{ Name string }
	Plan   *struct{ ID string }
	Goals  []struct {
		Goal        struct{ Title, Lane string }
		Requirement *struct{ Level int }
		PathsUp     []struct {
			ReachesCompanyObjective bool
			Steps                   []struct {
				Typename string `json:"__typename"`
				Title    string
				Level    string
			}
		}
		Actions        []struct{ Title string }
		LatestCheckIns []struct{ HeldOn string }
	}
}

const chainQuery = `query($person: ID!, $cycle: String) {
	chain(personId: $person, cycle: $cycle) {
		person { name } cycle { name } plan { id }
		goals {
			goal { title lane }
			requirement { level }
			pathsUp {
				reachesCompanyObjective
				steps {
					__typename
					... on KeyResult { title }
					... on Objective { title level } } }
			actions { title }
			latestCheckIns { heldOn } } } }`

func (a *planAPI) chain(person string, cycle any) *personChain {
	a.t.Helper()
	var data struct{ Chain *personChain }
	a.s.MustDo(chainQuery, map[string]any{"person": person, "cycle": cycle}, &data)
	return data.Chain
}

// describePath writes a path as its steps joined by arrows.
func describePath(steps []struct {
	Typename string `json:"__typename"`
	Title    string
	Level    string
},
) string {
	var parts []string
	for _, s := range steps {
		if s.Typename == "KeyResult" {
			parts = append(parts, "KR "+s.Title)
		} else {
			parts = append(parts, s.Level+" "+s.Title)
		}
	}
	return strings.Join(parts, " > ")
}

// The chain runs from each goal's key result up to the company objectives:
// once per parent where an objective aligns to two.
func TestChainFromStrategyToActions(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	plan := a.create("createDevelopmentPlan", "plan", map[string]any{"personId": a.ada, "cycle": "2026-Q4"})
	a.create("addDevelopmentGoal", "goal", map[string]any{
		"planId": plan, "version": a.version(plan), "lane": "CAREER", "title": "Lead a sales team",
	})
	goal := a.create("addDevelopmentGoal", "goal", a.executionGoal(plan, "Discovery calls"))
	a.create("addDevelopmentAction", "action", map[string]any{
		"goalId": goal, "version": a.version(plan), "kind": "EXPERIENCE",
		"title": "Lead the Acme discovery call", "supporterId": a.bo, "supporterRole": "MANAGER",
	})
	for _, day := range []string{"2026-10-02", "2026-10-20", "2026-11-03", "2026-11-18"} {
		a.create("recordCheckIn", "checkIn", map[string]any{
			"planId": plan, "version": a.version(plan), "kind": "MONTHLY", "heldOn": day,
			"statusAfter": "ON_TRACK",
		})
	}

	// No cycle: the current quarter by the server's clock.
	c := a.chain(a.ada, nil)
	if c == nil || c.Person.Name != "Ada" || c.Cycle.Name != "2026-Q4" || c.Plan == nil || c.Plan.ID != plan {
		t.Fatalf("chain = %+v", c)
	}
	if len(c.Goals) != 2 || c.Goals[0].Goal.Lane != "EXECUTION" || c.Goals[1].Goal.Lane != "CAREER" {
		t.Fatalf("goals = %+v, want the execution goal first, then the career goal", c.Goals)
	}

	exec := c.Goals[0]
	var paths []string
	for _, p := range exec.PathsUp {
		paths = append(paths, describePath(p.Steps))
		if !p.ReachesCompanyObjective {
			t.Errorf("path %s does not reach a company objective", describePath(p.Steps))
		}
	}
	below := "KR Run 12 discovery calls > INDIVIDUAL Ada's discovery > " +
		"KR Win 30% of qualified deals > TEAM Sell better > "
	want := []string{
		below + "KR Revenue reaches 10M > COMPANY Grow revenue",
		below + "COMPANY Keep our customers",
	}
	slices.Sort(paths)
	slices.Sort(want)
	if !slices.Equal(paths, want) {
		t.Errorf("paths up:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}
	if exec.Requirement == nil || exec.Requirement.Level != 3 {
		t.Errorf("requirement = %+v, want level 3", exec.Requirement)
	}
	if len(exec.Actions) != 1 || exec.Actions[0].Title != "Lead the Acme discovery call" {
		t.Errorf("actions = %+v", exec.Actions)
	}
	var held []string
	for _, ci := range exec.LatestCheckIns {
		held = append(held, ci.HeldOn)
	}
	if want := []string{"2026-11-18", "2026-11-03", "2026-10-20"}; !slices.Equal(held, want) {
		t.Errorf("latest check-ins held %v, want %v", held, want)
	}

	career := c.Goals[1]
	if len(career.PathsUp) != 0 || career.Requirement != nil {
		t.Errorf("career goal paths %+v, requirement %+v; want none", career.PathsUp, career.Requirement)
	}
}

func TestChainWithoutPlanOrPerson(t *testing.T) {
	a := newPlanAPI(t, "2026-11-20")
	c := a.chain(a.bo, "2026-Q4")
	if c == nil || c.Person.Name != "Bo" || c.Plan != nil || c.Goals == nil || len(c.Goals) != 0 {
		t.Errorf("chain of someone without a plan = %+v, want no plan and no goals", c)
	}
	if c := a.chain(a.bo, "1999-Q1"); c != nil {
		t.Errorf("chain in a cycle that does not exist = %+v, want null", c)
	}
	// The ID of a person who was never created, made the way the server
	// makes IDs.
	ghost := base64.RawURLEncoding.EncodeToString([]byte("Person:999"))
	if c := a.chain(ghost, "2026-Q4"); c != nil {
		t.Errorf("chain of nobody = %+v, want null", c)
	}
}
