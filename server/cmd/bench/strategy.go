package main

import (
	"context"
	"encoding/json"
)

// The strategy tree: the cycle's objectives from the top of the cascade
// down, a page of 100 at a time, each with its owner, team, what it aligns
// to and its key results with the objectives aligned to them. Objectives
// list in the order they were made, company first, so the first page is
// the top of the tree; it is the page measured.

// strategyPage is the page size, the largest the API allows.
const strategyPage = 100

// strategyAlignedPage is the page of objectives aligned to each key
// result: the tree shows a few and counts them all.
const strategyAlignedPage = 5

const strategyQuery = `query StrategyTree($cycle: String, $first: Int, $after: String,
    $alignedFirst: Int) {
  objectives(cycle: $cycle, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id title level progress
      owner { id name }
      team { id name }
      alignedTo {
        __typename
        ... on KeyResult { id }
        ... on Objective { id }
      }
      keyResults {
        id title progress critical
        alignedObjectives(first: $alignedFirst) { totalCount nodes { id title } }
      }
    }
  }
}`

func strategyScreen(s subjects) screen {
	return screen{
		name: "strategy", token: s.hr, text: strategyQuery,
		vars: map[string]any{
			"cycle": s.cycle, "first": strategyPage, "alignedFirst": strategyAlignedPage,
		},
		figures: strategyFigures,
		floor: func(ctx context.Context, f *floorDB) (figures, error) {
			return strategyFloor(ctx, f, s.cycle)
		},
	}
}

type strategyAnswer struct {
	Objectives struct {
		TotalCount int
		PageInfo   struct{ HasNextPage bool }
		Nodes      []struct {
			Level     string
			Progress  float64
			Owner     *struct{ Name string }
			Team      *struct{ Name string }
			AlignedTo []struct {
				Typename string `json:"__typename"`
			}
			KeyResults []struct {
				Progress          float64
				Critical          bool
				AlignedObjectives struct {
					TotalCount int
					Nodes      []struct{ Title string }
				}
			}
		}
	}
}

func strategyFigures(data json.RawMessage) (figures, error) {
	var a strategyAnswer
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, err
	}
	o := a.Objectives
	fig := figures{
		"objectives in the cycle": float64(o.TotalCount),
		"more pages":              boolFigure(o.PageInfo.HasNextPage),
	}
	for _, n := range o.Nodes {
		fig["objectives"]++
		fig["objectives "+n.Level]++
		fig["objective progress"] += n.Progress
		fig["objectives with an owner"] += boolFigure(n.Owner != nil)
		fig["objectives with a team"] += boolFigure(n.Team != nil)
		for _, p := range n.AlignedTo {
			fig["aligned to a "+p.Typename]++
		}
		for _, k := range n.KeyResults {
			fig["key results"]++
			fig["key results critical"] += boolFigure(k.Critical)
			fig["key result progress"] += k.Progress
			aligned := k.AlignedObjectives
			fig["objectives aligned to key results"] += float64(aligned.TotalCount)
			fig["aligned objectives listed"] += float64(len(aligned.Nodes))
		}
	}
	return fig, nil
}
