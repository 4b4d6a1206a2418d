package main

import (
	"context"
	"encoding/json"
)

// The dashboard: HR's figures for the whole organisation in the current
// cycle, as the desktop app's dashboard view asks for them
// (frontend/src/views/dashboard/DashboardView.graphql).

// dashboardUncoveredPage is the page of uncovered critical key results
// the view lists.
const dashboardUncoveredPage = 50

const dashboardQuery = `query Dashboard($cycle: String, $teamId: ID, $uncoveredFirst: Int) {
  dashboard(cycle: $cycle, teamId: $teamId) {
    cycle { id name }
    team { id name }
    criticalCoverage {
      total covered share
      uncovered(first: $uncoveredFirst) {
        totalCount
        nodes { id title owner { id name } objective { id title } }
      }
    }
    planStatusByTeam { team { id name } onTrack blocked completed needsReset }
    milestoneAttainment { due doneOnTime share }
    observedChange { distribution { change count } mean }
    cadence { activePlans checkInsOnTime checkInShare reviewsDue reviewsHeld reviewShare }
    warningCounts { code plans }
  }
}`

func dashboardScreen(s subjects) screen {
	return screen{
		name: "dashboard", token: s.hr, text: dashboardQuery,
		vars:    map[string]any{"uncoveredFirst": dashboardUncoveredPage},
		figures: dashboardFigures,
		floor: func(ctx context.Context, f *floorDB) (figures, error) {
			return dashboardFloor(ctx, f, s.cycle)
		},
	}
}

type dashboardAnswer struct {
	Dashboard struct {
		CriticalCoverage struct {
			Total, Covered int
			Uncovered      struct {
				TotalCount int
				Nodes      []struct{ Owner *struct{ Name string } }
			}
		}
		PlanStatusByTeam []struct {
			OnTrack, Blocked, Completed, NeedsReset int
		}
		MilestoneAttainment struct{ Due, DoneOnTime int }
		ObservedChange      struct {
			Distribution []struct {
				Change string
				Count  int
			}
			Mean *float64
		}
		Cadence struct {
			ActivePlans, CheckInsOnTime, ReviewsDue, ReviewsHeld int
		}
		WarningCounts []struct {
			Code  string
			Plans int
		}
	}
}

func dashboardFigures(data json.RawMessage) (figures, error) {
	var a dashboardAnswer
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, err
	}
	d := a.Dashboard
	fig := figures{
		"critical key results": float64(d.CriticalCoverage.Total),
		"covered":              float64(d.CriticalCoverage.Covered),
		"milestones due":       float64(d.MilestoneAttainment.Due),
		"milestones on time":   float64(d.MilestoneAttainment.DoneOnTime),
		"active plans":         float64(d.Cadence.ActivePlans),
		"check-ins on time":    float64(d.Cadence.CheckInsOnTime),
		"reviews due":          float64(d.Cadence.ReviewsDue),
		"reviews held":         float64(d.Cadence.ReviewsHeld),
	}
	if n := d.CriticalCoverage.Uncovered.TotalCount; n > 0 {
		fig["uncovered"] = float64(n)
	}
	for _, u := range d.CriticalCoverage.Uncovered.Nodes {
		fig["uncovered listed"]++
		if u.Owner != nil {
			fig["uncovered listed with an owner"]++
		}
	}
	for _, t := range d.PlanStatusByTeam {
		fig["teams"]++
		fig["plans ON_TRACK"] += float64(t.OnTrack)
		fig["plans BLOCKED"] += float64(t.Blocked)
		fig["plans COMPLETED"] += float64(t.Completed)
		fig["plans NEEDS_RESET"] += float64(t.NeedsReset)
	}
	for _, c := range d.ObservedChange.Distribution {
		fig["observed "+c.Change] = float64(c.Count)
	}
	if d.ObservedChange.Mean != nil {
		fig["observed mean"] = *d.ObservedChange.Mean
	}
	for _, w := range d.WarningCounts {
		fig["plans warned "+w.Code] = float64(w.Plans)
	}
	return fig, nil
}
