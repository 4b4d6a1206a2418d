package throughline_test

import (
	"errors"
	"slices"
	"testing"

	throughline "throughline.dev/graph"
)

// problemFields lists the input fields a validation error names, or nil
// when err is nil. Any other error fails the test.
func problemFields(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *throughline.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a validation error", err)
	}
	var fields []string
	for _, p := range ve.Problems {
		fields = append(fields, p.Field)
	}
	return fields
}

func TestCheckStatus(t *testing.T) {
	tests := []struct {
		status throughline.PlanStatus
		reason string
		want   []string
	}{
		{status: throughline.StatusOnTrack},
		{status: throughline.StatusCompleted},
		{status: throughline.StatusBlocked, reason: "no customer to practise on"},
		{status: throughline.StatusBlocked, want: []string{"reason"}},
		{status: throughline.StatusNeedsReset, reason: "  ", want: []string{"reason"}},
		{status: "PAUSED", reason: "why not", want: []string{"status"}},
	}
	for _, tt := range tests {
		err := throughline.CheckStatus(tt.status, tt.reason, "status", "reason")
		if got := problemFields(t, err); !slices.Equal(got, tt.want) {
			t.Errorf("CheckStatus(%s, %q) problems on %v, want %v", tt.status, tt.reason, got, tt.want)
		}
	}
}

func TestStatusReason(t *testing.T) {
	if got := throughline.StatusReason(throughline.StatusBlocked, " waiting for budget "); got != "waiting for budget" {
		t.Errorf("blocked keeps %q, want the reason trimmed", got)
	}
	if got := throughline.StatusReason(throughline.StatusOnTrack, "was blocked"); got != "" {
		t.Errorf("on track keeps %q, want no reason", got)
	}
}

func TestCheckGoal(t *testing.T) {
	execution := func(change func(g *throughline.DevelopmentGoal)) *throughline.DevelopmentGoal {
		g := healthyGoal(1)
		change(g)
		return g
	}
	tests := []struct {
		name   string
		goal   *throughline.DevelopmentGoal
		others int
		want   []string
	}{
		{name: "execution goal with links", goal: execution(func(*throughline.DevelopmentGoal) {})},
		{
			name:   "second execution goal",
			goal:   execution(func(*throughline.DevelopmentGoal) {}),
			others: 1,
		},
		{
			name:   "third execution goal",
			goal:   execution(func(*throughline.DevelopmentGoal) {}),
			others: 2, want: []string{"lane"},
		},
		{
			name: "achieving a goal beside two others takes no slot",
			goal: execution(func(g *throughline.DevelopmentGoal) {
				g.State = throughline.GoalAchieved
			}),
			others: 2,
		},
		{
			name: "execution goal without links",
			goal: execution(func(g *throughline.DevelopmentGoal) {
				g.KeyResultID, g.CapabilityID = nil, nil
			}),
			want: []string{"keyResultId", "capabilityId"},
		},
		{
			name: "career goal needs no key result",
			goal: &throughline.DevelopmentGoal{
				Lane: throughline.LaneCareer, Title: "Lead a team", State: throughline.GoalActive,
			},
			others: 2,
		},
		{
			name: "every problem at once",
			goal: &throughline.DevelopmentGoal{
				Lane: throughline.LaneExecution, Title: " ", State: "PAUSED", TargetLevel: ptr(int32(0)),
			},
			want: []string{"title", "state", "keyResultId", "capabilityId", "targetLevel"},
		},
		{
			name: "unknown lane",
			goal: &throughline.DevelopmentGoal{Lane: "SIDE", Title: "x", State: throughline.GoalActive},
			want: []string{"lane"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemFields(t, throughline.CheckGoal(tt.goal, tt.others))
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems on %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckAction(t *testing.T) {
	tests := []struct {
		name   string
		action throughline.DevelopmentAction
		want   []string
	}{
		{name: "real work", action: *supportedWork(1)},
		{
			name: "role without supporter",
			action: throughline.DevelopmentAction{
				Kind: throughline.ActionExposure, Title: "Shadow Bo",
				SupporterRole: throughline.SupporterMentor,
			},
			want: []string{"supporterId"},
		},
		{
			name:   "no title, unknown kind",
			action: throughline.DevelopmentAction{Kind: "READING"},
			want:   []string{"title", "kind"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemFields(t, throughline.CheckAction(&tt.action))
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems on %v, want %v", got, tt.want)
			}
		})
	}
}

// A check-in names the input fields of recordCheckIn, not of setPlanStatus.
func TestCheckCheckInNamesItsFields(t *testing.T) {
	c := &throughline.CheckIn{
		Kind: throughline.CheckInMonthly, StatusAfter: throughline.StatusNeedsReset,
	}
	got := problemFields(t, throughline.CheckCheckIn(c))
	if want := []string{"heldOn", "statusReason"}; !slices.Equal(got, want) {
		t.Errorf("problems on %v, want %v", got, want)
	}
	c.HeldOn, c.StatusReason = date("2026-11-02"), "the key result was cancelled"
	if err := throughline.CheckCheckIn(c); err != nil {
		t.Errorf("a complete check-in: %v", err)
	}
}
