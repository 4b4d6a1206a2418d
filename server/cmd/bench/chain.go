package main

import (
	"context"
	"encoding/json"

	"throughline.dev/graph/storage/synth"
)

// The chain: one person's plan with every goal's path up to the company
// objectives, its actions and the latest check-ins. The query is the
// desktop app's chain view (frontend/src/views/chain/Chain.graphql), as a
// manager opens it for a report in the deepest team, whose paths climb
// the whole cascade: seven levels of team objectives at 100,000 people.

const chainQuery = `query PersonChain($personId: ID!, $cycle: String) {
  chain(personId: $personId, cycle: $cycle) {
    person { id name title }
    cycle { name startsOn endsOn }
    plan { id status statusReason }
    goals {
      goal {
        id title lane state changeInWork targetLevel horizon
        capability { id name }
        keyResult { ...ChainKeyResult }
        gap { required current }
      }
      requirement { id level reason capability { id name } }
      pathsUp {
        reachesCompanyObjective
        steps {
          __typename
          ... on KeyResult { ...ChainKeyResult }
          ... on Objective { id title level progress }
        }
      }
      actions {
        id kind title dueOn doneOn overdue outcome supporterRole
        supporter { name }
      }
      latestCheckIns { id kind heldOn statusAfter statusReason observedChange }
    }
  }
  cycles(first: 50) { nodes { id name } }
}

fragment ChainKeyResult on KeyResult { id title progress done critical confidence }`

func chainScreen(s subjects, c cast) screen {
	return screen{
		name: "chain", token: s.chainManager, text: chainQuery,
		vars:    map[string]any{"personId": s.chainPerson},
		figures: chainFigures,
		floor: func(ctx context.Context, f *floorDB) (figures, error) {
			return chainFloor(ctx, f, synth.PersonID(c.chainPerson), s.cycle)
		},
	}
}

type chainAnswer struct {
	Chain struct {
		Plan  struct{ Status string }
		Goals []struct {
			Goal struct {
				Lane string
				Gap  *struct{ Required, Current int }
			}
			Requirement *struct{ Level int }
			PathsUp     []struct {
				ReachesCompanyObjective bool
				Steps                   []struct {
					Typename string `json:"__typename"`
					Progress float64
				}
			}
			Actions        []struct{ Overdue bool }
			LatestCheckIns []struct{ HeldOn string }
		}
	}
}

func chainFigures(data json.RawMessage) (figures, error) {
	var a chainAnswer
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, err
	}
	fig := figures{"status " + a.Chain.Plan.Status: 1}
	for _, g := range a.Chain.Goals {
		fig["goals"]++
		fig["goals "+g.Goal.Lane]++
		if g.Requirement != nil {
			fig["requirements"]++
		}
		if g.Goal.Gap != nil {
			fig["gaps"]++
			fig["gap levels"] += float64(g.Goal.Gap.Required - g.Goal.Gap.Current)
		}
		for _, p := range g.PathsUp {
			fig["paths"]++
			if p.ReachesCompanyObjective {
				fig["paths to the company"]++
			}
			for _, s := range p.Steps {
				fig["steps "+s.Typename]++
				fig["progress of steps "+s.Typename] += s.Progress
			}
		}
		for _, act := range g.Actions {
			fig["actions"]++
			if act.Overdue {
				fig["overdue actions"]++
			}
		}
		fig["check-ins"] += float64(len(g.LatestCheckIns))
	}
	return fig, nil
}
