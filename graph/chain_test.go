package throughline_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	throughline "throughline.dev/graph"
)

// cascade is a ChainSource held in maps.
type cascade struct {
	objectives map[int64]*throughline.Objective
	keyResults map[int64]*throughline.KeyResult
	alignments map[int64][]*throughline.Alignment
}

func newCascade() *cascade {
	return &cascade{
		objectives: map[int64]*throughline.Objective{},
		keyResults: map[int64]*throughline.KeyResult{},
		alignments: map[int64][]*throughline.Alignment{},
	}
}

func (c *cascade) objective(id int64, level throughline.ObjectiveLevel, title string) {
	c.objectives[id] = &throughline.Objective{ID: id, Level: level, Title: title}
}

func (c *cascade) keyResult(id, objectiveID int64, title string) {
	c.keyResults[id] = &throughline.KeyResult{ID: id, ObjectiveID: objectiveID, Title: title}
}

func (c *cascade) alignToKeyResult(objectiveID, keyResultID int64) {
	c.alignments[objectiveID] = append(c.alignments[objectiveID],
		&throughline.Alignment{ObjectiveID: objectiveID, ParentKeyResultID: &keyResultID})
}

func (c *cascade) alignToObjective(objectiveID, parentID int64) {
	c.alignments[objectiveID] = append(c.alignments[objectiveID],
		&throughline.Alignment{ObjectiveID: objectiveID, ParentObjectiveID: &parentID})
}

func (c *cascade) KeyResult(_ context.Context, id int64) (*throughline.KeyResult, error) {
	if kr, ok := c.keyResults[id]; ok {
		return kr, nil
	}
	return nil, throughline.Errorf(throughline.ENOTFOUND, "no key result %d", id)
}

func (c *cascade) Objective(_ context.Context, id int64) (*throughline.Objective, error) {
	if o, ok := c.objectives[id]; ok {
		return o, nil
	}
	return nil, throughline.Errorf(throughline.ENOTFOUND, "no objective %d", id)
}

func (c *cascade) Alignments(_ context.Context, id int64) ([]*throughline.Alignment, error) {
	return c.alignments[id], nil
}

// describe writes a path as its titles joined by arrows.
func describe(p throughline.StrategyPath) string {
	var parts []string
	for _, s := range p {
		if s.KeyResult != nil {
			parts = append(parts, "KR "+s.KeyResult.Title)
		} else {
			parts = append(parts, fmt.Sprintf("%s %s", s.Objective.Level, s.Objective.Title))
		}
	}
	return strings.Join(parts, " > ")
}

func TestPathsUp(t *testing.T) {
	c := newCascade()
	c.objective(1, throughline.LevelCompany, "Grow")
	c.keyResult(11, 1, "Revenue")
	c.objective(2, throughline.LevelCompany, "Retain")
	c.objective(3, throughline.LevelTeam, "Sell better")
	c.alignToKeyResult(3, 11)
	c.alignToObjective(3, 2)
	c.keyResult(31, 3, "Win rate")
	c.objective(4, throughline.LevelTeam, "Orphan")
	c.keyResult(41, 4, "Lonely")

	tests := []struct {
		name string
		kr   int64
		want []string
	}{
		{name: "company key result", kr: 11, want: []string{"KR Revenue > COMPANY Grow"}},
		{
			name: "objective with two parents gives two paths",
			kr:   31,
			want: []string{
				"KR Win rate > TEAM Sell better > KR Revenue > COMPANY Grow",
				"KR Win rate > TEAM Sell better > COMPANY Retain",
			},
		},
		{name: "unaligned team objective", kr: 41, want: []string{"KR Lonely > TEAM Orphan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths, err := throughline.PathsUp(context.Background(), c, tt.kr)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range paths {
				got = append(got, describe(p))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("paths\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestPathTop(t *testing.T) {
	c := newCascade()
	c.objective(1, throughline.LevelCompany, "Grow")
	c.objective(2, throughline.LevelIndividual, "Me")
	c.alignToObjective(2, 1)
	c.keyResult(21, 2, "Mine")
	paths, err := throughline.PathsUp(context.Background(), c, 21)
	if err != nil || len(paths) != 1 {
		t.Fatalf("paths %v, %v; want one", paths, err)
	}
	if top := paths[0].Top(); top == nil || top.ID != 1 {
		t.Errorf("top = %+v, want objective 1", top)
	}
}

func TestPathsUpMissingKeyResult(t *testing.T) {
	_, err := throughline.PathsUp(context.Background(), newCascade(), 99)
	if code := throughline.ErrorCode(err); code != throughline.ENOTFOUND {
		t.Errorf("error code %q, want %s", code, throughline.ENOTFOUND)
	}
}
