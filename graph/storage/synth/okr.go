package synth

import (
	"context"
	"fmt"
)

// ObjectiveID returns the ID of objective o (0-based) of team t.
func (s Spec) ObjectiveID(t, o int) int64 { return int64(t*s.ObjectivesPerTeam + o + 1) }

// KeyResultID returns the ID of key result k of objective o of team t.
func (s Spec) KeyResultID(t, o, k int) int64 {
	return (s.ObjectiveID(t, o)-1)*int64(s.KeyResultsPerObjective) + int64(k) + 1
}

func (g *gen) capabilities(ctx context.Context) error {
	err := g.insert(ctx,
		`INSERT INTO capabilities (id, name, description, created_at, updated_at)
		 VALUES (?, ?, '', ?, ?)`,
		g.s.Capabilities, func(c int) []any {
			return []any{c + 1, fmt.Sprintf("Capability %d", c+1), g.now, g.now}
		})
	if err != nil {
		return err
	}
	return g.insert(ctx,
		`INSERT INTO capability_levels (capability_id, level, name, descriptor)
		 VALUES (?, ?, ?, '')`,
		g.s.Capabilities*5, func(i int) []any {
			return []any{i/5 + 1, i%5 + 1, fmt.Sprintf("Level %d", i%5+1)}
		})
}

func (g *gen) okrs(ctx context.Context) error {
	teams := g.s.Teams()
	err := g.insert(ctx,
		`INSERT INTO objectives (id, cycle_id, ref, level, title, owner_id, team_id,
		 created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`,
		teams*g.s.ObjectivesPerTeam, func(i int) []any {
			t, o := i/g.s.ObjectivesPerTeam, i%g.s.ObjectivesPerTeam
			level := "TEAM"
			if t == 0 {
				level = "COMPANY"
			}
			return []any{g.s.ObjectiveID(t, o), fmt.Sprintf("T%d.O%d", t, o), level,
				fmt.Sprintf("Objective %d of team %d", o, t),
				PersonID(g.s.LeadOf(t)), TeamID(t), g.now, g.now}
		})
	if err != nil {
		return err
	}
	if err := g.keyResults(ctx, teams); err != nil {
		return err
	}
	return g.alignments(ctx, teams)
}

func (g *gen) keyResults(ctx context.Context, teams int) error {
	per := g.s.ObjectivesPerTeam * g.s.KeyResultsPerObjective
	if err := g.insert(ctx,
		`INSERT INTO key_results (id, objective_id, ref, title, owner_id, start_value,
		 target_value, current_value, unit, critical, created_at, updated_at)
		 VALUES (?, ?, ?, ?, ?, 0, 100, ?, '%', ?, ?, ?)`,
		teams*per, func(i int) []any {
			t, rest := i/per, i%per
			o, k := rest/g.s.KeyResultsPerObjective, rest%g.s.KeyResultsPerObjective
			return []any{g.s.KeyResultID(t, o, k), g.s.ObjectiveID(t, o),
				fmt.Sprintf("T%d.O%d.K%d", t, o, k), fmt.Sprintf("Key result %d.%d.%d", t, o, k),
				PersonID(g.s.LeadOf(t)), float64(i % 100), k == 0, g.now, g.now}
		}); err != nil {
		return err
	}
	// Each key result needs one capability, so goals have a requirement.
	return g.insert(ctx,
		`INSERT INTO capability_requirements (key_result_id, capability_id, level, reason,
		 created_at) VALUES (?, ?, 4, 'needed to land it', ?)`,
		teams*per, func(i int) []any {
			return []any{i + 1, i%g.s.Capabilities + 1, g.now}
		})
}

// alignments aligns each objective of a team to a key result of the
// parent team's objective with the same index.
func (g *gen) alignments(ctx context.Context, teams int) error {
	per := g.s.ObjectivesPerTeam
	return g.insert(ctx,
		`INSERT INTO alignments (objective_id, parent_key_result_id) VALUES (?, ?)`,
		(teams-1)*per, func(i int) []any {
			t, o := i/per+1, i%per
			return []any{g.s.ObjectiveID(t, o), g.s.KeyResultID(g.s.parentTeam(t), o, 0)}
		})
}
