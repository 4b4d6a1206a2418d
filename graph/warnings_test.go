package throughline_test

import (
	"slices"
	"testing"
	"time"

	throughline "throughline.dev/graph"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func datePtr(s string) *time.Time {
	t := date(s)
	return &t
}

func ptr[T any](v T) *T { return &v }

// healthyGoal is an active execution goal that breaks no rule: it serves
// a key result, has real work with a supporter, and an evidenced gap.
func healthyGoal(id int64) *throughline.DevelopmentGoal {
	return &throughline.DevelopmentGoal{
		ID: id, PlanID: 1, Lane: throughline.LaneExecution, Title: "Run discovery calls",
		KeyResultID: ptr(int64(10)), CapabilityID: ptr(int64(20)), State: throughline.GoalActive,
	}
}

func supportedWork(goalID int64) *throughline.DevelopmentAction {
	return &throughline.DevelopmentAction{
		ID: goalID * 100, GoalID: goalID, Kind: throughline.ActionExperience,
		Title: "Lead the Acme discovery call", SupporterID: ptr(int64(2)),
		SupporterRole: throughline.SupporterManager,
	}
}

// healthySnapshot is a plan in 2026-Q4 that breaks no rule on 2026-12-01:
// a manager, one healthy goal, a check-in ten days ago and the quarter's
// review held.
func healthySnapshot() *throughline.PlanSnapshot {
	g := healthyGoal(1)
	return &throughline.PlanSnapshot{
		Plan: &throughline.DevelopmentPlan{
			ID: 1, PersonID: 1, CycleID: 1, Status: throughline.StatusOnTrack,
			CreatedAt: date("2026-10-01"),
		},
		Person: &throughline.Person{ID: 1, Name: "Ada", ManagerID: ptr(int64(2))},
		Cycle: &throughline.Cycle{
			ID: 1, Name: "2026-Q4", StartsOn: date("2026-10-01"), EndsOn: date("2026-12-31"),
		},
		Goals:   []*throughline.DevelopmentGoal{g},
		Actions: map[int64][]*throughline.DevelopmentAction{1: {supportedWork(1)}},
		Gaps: map[int64]throughline.GoalGap{
			1: {Required: 3, Current: 2, Assessed: true, HasEvidence: true},
		},
		LastCheckIn:   datePtr("2026-11-21"),
		LastQuarterly: datePtr("2026-10-05"),
	}
}

func TestWarnings(t *testing.T) {
	const today = "2026-12-01"
	tests := []struct {
		name   string
		today  string // defaults to today
		change func(s *throughline.PlanSnapshot)
		want   []throughline.WarningCode
	}{
		{name: "healthy plan", change: func(s *throughline.PlanSnapshot) {}},
		{
			name:   "no manager",
			change: func(s *throughline.PlanSnapshot) { s.Person.ManagerID = nil },
			want:   []throughline.WarningCode{throughline.WarnNoManager},
		},
		{
			name:   "three active execution goals",
			change: withGoals(healthyGoal(1), healthyGoal(2), healthyGoal(3)),
			want:   []throughline.WarningCode{throughline.WarnTooManyExecutionGoals},
		},
		{
			name: "a dropped goal takes no slot",
			change: withGoals(healthyGoal(1), healthyGoal(2),
				inState(healthyGoal(3), throughline.GoalDropped)),
		},
		{
			name:   "execution goal without key result",
			change: func(s *throughline.PlanSnapshot) { s.Goals[0].KeyResultID = nil },
			want:   []throughline.WarningCode{throughline.WarnGoalWithoutKeyResult},
		},
		{
			name: "only courses",
			change: func(s *throughline.PlanSnapshot) {
				course := supportedWork(1)
				course.Kind = throughline.ActionEducation
				s.Actions[1] = []*throughline.DevelopmentAction{course, course}
			},
			want: []throughline.WarningCode{throughline.WarnEducationOnly},
		},
		{
			name: "a course beside real work is fine",
			change: func(s *throughline.PlanSnapshot) {
				course := supportedWork(1)
				course.Kind = throughline.ActionEducation
				s.Actions[1] = append(s.Actions[1], course)
			},
		},
		{
			name:   "no supporter on any action",
			change: func(s *throughline.PlanSnapshot) { s.Actions[1][0].SupporterID = nil },
			want:   []throughline.WarningCode{throughline.WarnNoSupporter},
		},
		{
			name:   "a goal with no actions has no supporter",
			change: func(s *throughline.PlanSnapshot) { delete(s.Actions, 1) },
			want:   []throughline.WarningCode{throughline.WarnNoSupporter},
		},
		{
			name: "career goals need a supporter too",
			change: func(s *throughline.PlanSnapshot) {
				s.Goals = append(s.Goals, &throughline.DevelopmentGoal{
					ID: 2, Lane: throughline.LaneCareer, Title: "Staff engineer", State: throughline.GoalActive,
				})
			},
			want: []throughline.WarningCode{throughline.WarnNoSupporter},
		},
		{
			name:   "monthly check-in overdue",
			change: func(s *throughline.PlanSnapshot) { s.LastCheckIn = datePtr("2026-10-20") },
			want:   []throughline.WarningCode{throughline.WarnMonthlyCheckInOverdue},
		},
		{
			name:   "monthly check-in due today is not overdue",
			change: func(s *throughline.PlanSnapshot) { s.LastCheckIn = datePtr("2026-10-31") },
		},
		{
			name: "never checked in counts from the plan's creation",
			change: func(s *throughline.PlanSnapshot) {
				s.LastCheckIn, s.LastQuarterly = nil, nil
			},
			want: []throughline.WarningCode{
				throughline.WarnMonthlyCheckInOverdue, throughline.WarnQuarterlyReviewOverdue,
			},
		},
		{
			name:   "last quarter's review does not count",
			change: func(s *throughline.PlanSnapshot) { s.LastQuarterly = datePtr("2026-07-03") },
			want:   []throughline.WarningCode{throughline.WarnQuarterlyReviewOverdue},
		},
		{
			name:   "a review shortly before the quarter counts",
			change: func(s *throughline.PlanSnapshot) { s.LastQuarterly = datePtr("2026-09-25") },
		},
		{
			name:  "the review is not due early in the quarter",
			today: "2026-10-15",
			change: func(s *throughline.PlanSnapshot) {
				s.LastCheckIn, s.LastQuarterly = datePtr("2026-10-02"), nil
			},
		},
		{
			name: "gap without evidence",
			change: func(s *throughline.PlanSnapshot) {
				s.Gaps[1] = throughline.GoalGap{Required: 3, Current: 2, Assessed: true}
			},
			want: []throughline.WarningCode{throughline.WarnGapWithoutEvidence},
		},
		{
			name: "never assessed is a gap without evidence",
			change: func(s *throughline.PlanSnapshot) {
				s.Gaps[1] = throughline.GoalGap{Required: 3}
			},
			want: []throughline.WarningCode{throughline.WarnGapWithoutEvidence},
		},
		{
			name: "a closed gap needs no evidence",
			change: func(s *throughline.PlanSnapshot) {
				s.Gaps[1] = throughline.GoalGap{Required: 3, Current: 3, Assessed: true}
			},
		},
		{
			name: "a completed plan is not chased for check-ins",
			change: func(s *throughline.PlanSnapshot) {
				s.Plan.Status = throughline.StatusCompleted
				s.LastCheckIn, s.LastQuarterly = nil, nil
			},
		},
		{
			name: "every rule at once",
			change: func(s *throughline.PlanSnapshot) {
				s.Person.ManagerID = nil
				g := healthyGoal(1)
				g.KeyResultID = nil
				withGoals(g, healthyGoal(2), healthyGoal(3))(s)
				s.Actions[2] = []*throughline.DevelopmentAction{{
					ID: 5, GoalID: 2, Kind: throughline.ActionEducation, Title: "Course",
				}}
				s.Gaps[3] = throughline.GoalGap{Required: 4, Current: 1, Assessed: true}
				s.LastCheckIn, s.LastQuarterly = nil, nil
			},
			want: []throughline.WarningCode{
				throughline.WarnNoManager, throughline.WarnGoalWithoutKeyResult,
				throughline.WarnEducationOnly, throughline.WarnNoSupporter,
				throughline.WarnGapWithoutEvidence, throughline.WarnTooManyExecutionGoals,
				throughline.WarnMonthlyCheckInOverdue, throughline.WarnQuarterlyReviewOverdue,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := healthySnapshot()
			tt.change(s)
			day := today
			if tt.today != "" {
				day = tt.today
			}
			got := codes(throughline.Warnings(s, date(day), throughline.DefaultRhythm))
			want := sortedCodes(tt.want)
			if !slices.Equal(got, want) {
				t.Errorf("warnings = %v, want %v", got, want)
			}
		})
	}
}

// Warnings about one goal name it, so that the API can link to it.
func TestWarningsNameTheirGoal(t *testing.T) {
	s := healthySnapshot()
	s.Goals[0].KeyResultID = nil
	s.Person.ManagerID = nil
	for _, w := range throughline.Warnings(s, date("2026-12-01"), throughline.DefaultRhythm) {
		switch w.Code {
		case throughline.WarnGoalWithoutKeyResult:
			if w.GoalID == nil || *w.GoalID != 1 {
				t.Errorf("%s names goal %v, want 1", w.Code, w.GoalID)
			}
		case throughline.WarnNoManager:
			if w.GoalID != nil {
				t.Errorf("%s names goal %d, want none", w.Code, *w.GoalID)
			}
		}
		if w.Message == "" {
			t.Errorf("%s has no message", w.Code)
		}
	}
}

func TestSnapshotDueDates(t *testing.T) {
	s := healthySnapshot()
	r := throughline.DefaultRhythm
	if got, want := s.NextCheckInDue(r), date("2026-12-22"); !got.Equal(want) {
		t.Errorf("next check-in due %s, want %s", got.Format(time.DateOnly), want.Format(time.DateOnly))
	}
	due, held := s.QuarterlyReviewDue(r)
	if want := date("2026-10-22"); !due.Equal(want) || !held {
		t.Errorf("review due %s held %v, want %s held", due.Format(time.DateOnly), held,
			want.Format(time.DateOnly))
	}
}

// withGoals replaces a snapshot's goals, each with supported real work.
func withGoals(goals ...*throughline.DevelopmentGoal) func(*throughline.PlanSnapshot) {
	return func(s *throughline.PlanSnapshot) {
		s.Goals = goals
		for _, g := range goals {
			s.Actions[g.ID] = []*throughline.DevelopmentAction{supportedWork(g.ID)}
		}
	}
}

func inState(g *throughline.DevelopmentGoal, st throughline.GoalState) *throughline.DevelopmentGoal {
	g.State = st
	return g
}

func codes(ws []throughline.Warning) []throughline.WarningCode {
	out := make([]throughline.WarningCode, 0, len(ws))
	for _, w := range ws {
		out = append(out, w.Code)
	}
	return sortedCodes(out)
}

func sortedCodes(cs []throughline.WarningCode) []throughline.WarningCode {
	out := append([]throughline.WarningCode{}, cs...)
	slices.Sort(out)
	return out
}
