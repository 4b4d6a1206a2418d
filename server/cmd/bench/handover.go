package main

import (
	"context"
	"encoding/json"
)

// The handover: a manager about to hand over a team reads the draft pack
// of each of their 52 reports at once, every pack's contents built live
// from the person's plan as the handOver mutation would freeze them. The
// fields are the desktop app's (frontend/src/views/handover/
// PackContents.graphql and the draft step of HandoverFlow.graphql).

const handoverQuery = `query HandoverPacks($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on HandoverPack {
      id
      person { id name title }
      fromManager { id name }
      risks
      stakeholderPriorities
      contents { ...PackContentsFields }
    }
  }
}

fragment PackContentsFields on HandoverContents {
  cycle
  status
  statusReason
  executionGoals { ...HandoverGoalFields }
  careerGoals { ...HandoverGoalFields }
  openActions { goal kind title supporter dueOn overdue }
  recentCheckIns { kind heldOn stillHard supportNeeded observedChange statusAfter note }
  keyDeliverables { title objective progress critical }
  warnings { code message }
}

fragment HandoverGoalFields on HandoverGoal { title changeInWork capability keyResult gap horizon }`

func handoverScreen(s subjects) screen {
	return screen{
		name: "handover", token: s.handoverManager, text: handoverQuery,
		vars:    map[string]any{"ids": s.packs},
		figures: handoverFigures,
		floor: func(ctx context.Context, f *floorDB) (figures, error) {
			return handoverFloor(ctx, f, s.packs, s.cycle)
		},
	}
}

type handoverAnswer struct {
	Nodes []*struct {
		FromManager *struct{ Name string }
		Contents    struct {
			Status         string
			ExecutionGoals []packGoal
			CareerGoals    []packGoal
			OpenActions    []struct {
				Supporter *string
				Overdue   bool
			}
			RecentCheckIns  []struct{ Note *string }
			KeyDeliverables []struct {
				Progress float64
				Critical bool
			}
			Warnings []struct{ Code string }
		}
	}
}

type packGoal struct {
	Capability, KeyResult *string
	Gap                   *int
}

func handoverFigures(data json.RawMessage) (figures, error) {
	var a handoverAnswer
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, err
	}
	fig := figures{}
	for _, p := range a.Nodes {
		if p == nil {
			fig["unreadable packs"]++
			continue
		}
		fig["packs"]++
		if p.FromManager != nil {
			fig["packs with a manager"]++
		}
		c := p.Contents
		fig["status "+c.Status]++
		addPackGoals(fig, "execution goals", c.ExecutionGoals)
		addPackGoals(fig, "career goals", c.CareerGoals)
		for _, act := range c.OpenActions {
			fig["open actions"]++
			fig["open actions overdue"] += boolFigure(act.Overdue)
			fig["open actions supported"] += boolFigure(act.Supporter != nil)
		}
		for _, ci := range c.RecentCheckIns {
			fig["check-ins"]++
			fig["check-ins with a note"] += boolFigure(ci.Note != nil)
		}
		for _, k := range c.KeyDeliverables {
			fig["deliverables"]++
			fig["deliverables critical"] += boolFigure(k.Critical)
			fig["deliverables progress"] += k.Progress
		}
		for _, w := range c.Warnings {
			fig["warning "+w.Code]++
		}
	}
	return fig, nil
}

func addPackGoals(fig figures, lane string, goals []packGoal) {
	for _, g := range goals {
		fig[lane]++
		fig[lane+" with a capability"] += boolFigure(g.Capability != nil)
		fig[lane+" with a key result"] += boolFigure(g.KeyResult != nil)
		if g.Gap != nil {
			fig[lane+" gap levels"] += float64(*g.Gap)
		}
	}
}

func boolFigure(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
