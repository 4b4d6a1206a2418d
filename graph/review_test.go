package throughline_test

import (
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	throughline "throughline.dev/graph"
)

func TestRhythmCheck(t *testing.T) {
	cases := []struct {
		name   string
		rhythm throughline.Rhythm
		bad    []string
	}{
		{"default", throughline.DefaultRhythm, nil},
		{"lowest", throughline.RhythmOfDays(7, 1, 0), nil},
		{"highest", throughline.RhythmOfDays(92, 92, 92), nil},
		{"too often", throughline.RhythmOfDays(6, 21, 14), []string{"monthlyEveryDays"}},
		{"no window", throughline.RhythmOfDays(31, 0, 14), []string{"reviewWindowDays"}},
		{"lead too long", throughline.RhythmOfDays(31, 21, 93), []string{"reviewLeadDays"}},
		{"part of a day", throughline.Rhythm{MonthlyEvery: 31*24*time.Hour + time.Hour,
			ReviewWindow: 24 * time.Hour}, []string{"monthlyEveryDays"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.rhythm.Check()
			var got []string
			if ve, ok := err.(*throughline.ValidationError); ok {
				for _, p := range ve.Problems {
					got = append(got, p.Field)
				}
			} else if err != nil {
				t.Fatalf("Check() = %v, not a validation error", err)
			}
			if strings.Join(got, ",") != strings.Join(c.bad, ",") {
				t.Errorf("problems on %v, want %v", got, c.bad)
			}
		})
	}
	if m, w, l := throughline.DefaultRhythm.Days(); m != 31 || w != 21 || l != 14 {
		t.Errorf("default rhythm in days = %d/%d/%d, want 31/21/14", m, w, l)
	}
}

// dueSnapshot is a plan of 2026-Q4 made on 1 October, last checked in on
// lastCheckIn ("" for never), its review held on held ("" for not).
func dueSnapshot(lastCheckIn, held string,
	status throughline.PlanStatus,
) *throughline.PlanSnapshot {
	s := &throughline.PlanSnapshot{
		Plan:  &throughline.DevelopmentPlan{ID: 1, Status: status, CreatedAt: date("2026-10-01")},
		Cycle: &throughline.Cycle{Name: "2026-Q4", StartsOn: date("2026-10-01")},
	}
	if lastCheckIn != "" {
		s.LastCheckIn = datePtr(lastCheckIn)
	}
	if held != "" {
		s.LastQuarterly = datePtr(held)
	}
	return s
}

func TestNewDueReview(t *testing.T) {
	cycle := &throughline.Cycle{Name: "2026-Q4", StartsOn: date("2026-10-01")}
	today := date("2026-11-20")
	cases := []struct {
		name                   string
		snap                   *throughline.PlanSnapshot
		checkIn, review        string // "" for nil
		checkInLate, reviewLat bool
	}{
		{"never checked in, review not held", dueSnapshot("", "", throughline.StatusOnTrack),
			"2026-11-01", "2026-10-22", true, true},
		{"checked in, review held", dueSnapshot("2026-11-10", "2026-10-05", throughline.StatusBlocked),
			"2026-12-11", "", false, false},
		{"completed plan", dueSnapshot("", "", throughline.StatusCompleted), "", "", false, false},
		{"no plan", nil, "", "2026-10-22", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rp := &throughline.ReportPlan{Person: &throughline.Person{Name: "Ada"}, Cycle: cycle}
			if c.snap != nil {
				rp.Plan = c.snap.Plan
			}
			d := throughline.NewDueReview(rp, c.snap, today, throughline.DefaultRhythm)
			if day(d.NextCheckInDue) != c.checkIn || day(d.QuarterlyReviewDue) != c.review ||
				d.CheckInOverdue != c.checkInLate || d.QuarterlyReviewOverdue != c.reviewLat {
				t.Errorf("check-in %q late %v, review %q late %v; want %q %v, %q %v",
					day(d.NextCheckInDue), d.CheckInOverdue, day(d.QuarterlyReviewDue),
					d.QuarterlyReviewOverdue, c.checkIn, c.checkInLate, c.review, c.reviewLat)
			}
		})
	}
}

func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func TestDueWithinOrdersMostOverdueFirst(t *testing.T) {
	due := func(name, checkIn, review string) *throughline.DueReview {
		d := &throughline.DueReview{}
		d.Person = &throughline.Person{Name: name}
		if checkIn != "" {
			d.NextCheckInDue = datePtr(checkIn)
		}
		if review != "" {
			d.QuarterlyReviewDue = datePtr(review)
		}
		return d
	}
	all := []*throughline.DueReview{
		due("Far", "2026-12-30", ""),
		due("Soon", "2026-11-25", ""),
		due("Late review", "2026-12-10", "2026-10-22"),
		due("Nothing", "", ""),
		due("Late check-in", "2026-11-01", ""),
		due("Also late", "2026-11-01", ""),
		due("Today", "2026-11-20", ""),
	}
	got := throughline.DueWithin(all, date("2026-11-20"), 7)
	var names []string
	for _, d := range got {
		names = append(names, d.Person.Name)
	}
	want := "Late review,Also late,Late check-in,Today,Soon"
	if strings.Join(names, ",") != want {
		t.Errorf("due within a week: %v, want %s", names, want)
	}
	if n := len(throughline.DueWithin(all, date("2026-11-20"), 0)); n != 4 {
		t.Errorf("due today or overdue: %d, want 4", n)
	}
}

// dueList is a due list in DueWithin's order, namesakes included: two
// Ados due the same day stand by ID.
func dueList() []*throughline.DueReview {
	due := func(id int64, name, on string) *throughline.DueReview {
		d := &throughline.DueReview{NextCheckInDue: datePtr(on)}
		d.Person = &throughline.Person{ID: id, Name: name}
		return d
	}
	return throughline.DueWithin([]*throughline.DueReview{
		due(5, "Eve", "2026-11-25"), due(9, "Ado", "2026-11-02"), due(3, "Ado", "2026-11-02"),
		due(7, "Bea", "2026-11-02"), due(1, "Cy", "2026-10-30"),
	}, date("2026-11-20"), 7)
}

func ids(ds []*throughline.DueReview) []int64 {
	var out []int64
	for _, d := range ds {
		out = append(out, d.Person.ID)
	}
	return out
}

func TestPageDueWalksTheOrderFromAPosition(t *testing.T) {
	all := dueList()
	if got := ids(all); !slices.Equal(got, []int64{1, 3, 9, 7, 5}) {
		t.Fatalf("order %v, want Cy, Ado 3, Ado 9, Bea, Eve", got)
	}
	var walked []int64
	var after *throughline.DuePosition
	for range len(all) {
		p := throughline.PageDue(all, after, 2)
		if p.TotalCount != 5 {
			t.Errorf("totalCount %d, want 5", p.TotalCount)
		}
		walked = append(walked, ids(p.Items)...)
		if !p.HasNextPage {
			break
		}
		last := p.Items[len(p.Items)-1].Position()
		after = &last
	}
	if !slices.Equal(walked, ids(all)) {
		t.Errorf("pages of 2 hold %v, want %v", walked, ids(all))
	}
	// The report a cursor names has checked in and left the list: the
	// next page still starts where it stood.
	gone := all[1].Position()
	rest := throughline.PageDue(slices.Delete(slices.Clone(all), 1, 2), &gone, 10)
	if got := ids(rest.Items); !slices.Equal(got, []int64{9, 7, 5}) {
		t.Errorf("after a report that left: %v, want Ado 9, Bea, Eve", got)
	}
	if p := throughline.PageDue(all, nil, 10); p.HasNextPage || len(p.Items) != 5 {
		t.Errorf("one page of 10: %d items, more %v", len(p.Items), p.HasNextPage)
	}
}

func TestDueCursorHoldsAPositionOfOneManagersList(t *testing.T) {
	pos := throughline.DuePosition{Due: date("2026-11-02"), Name: "Ado: the elder", PersonID: 9}
	cursor := throughline.DueCursor{ManagerID: 4, DuePosition: pos}.Encode()
	got, err := throughline.DecodeDueCursor(cursor, 4)
	if err != nil || got.ManagerID != 4 || got.Compare(pos) != 0 || got.Name != pos.Name {
		t.Fatalf("decoded %+v, %v; want %+v", got, err, pos)
	}
	cut := base64.RawURLEncoding.EncodeToString([]byte("due:4:2026-11-02"))
	for _, c := range []struct {
		name    string
		cursor  string
		manager int64
	}{
		{"another manager's", cursor, 5},
		{"another connection's", throughline.EncodeCursor(9), 4},
		{"not base64", "not a cursor!", 4},
		{"a due cursor cut short", cut, 4},
	} {
		_, err := throughline.DecodeDueCursor(c.cursor, c.manager)
		var fe *throughline.Error
		if !errors.As(err, &fe) || fe.Code != throughline.EINVALID || fe.Field != "after" {
			t.Errorf("%s cursor: %v, want EINVALID on after", c.name, err)
		}
	}
}

func TestCheckDecisionsNamesTheGoal(t *testing.T) {
	goals := []*throughline.DevelopmentGoal{healthyGoal(1), healthyGoal(2)}
	goals[1].Title = "Write proposals"
	kr := ptr(int64(30))
	named := func(id int64) string {
		if id == 3 {
			return "A career goal"
		}
		return ""
	}
	cases := []struct {
		name      string
		inNewPlan int
		ds        []throughline.GoalDecisionFor
		says      string
	}{
		{"valid", 0, []throughline.GoalDecisionFor{
			{GoalID: 1, Decision: throughline.DecisionCarryOver, KeyResultID: kr},
			{GoalID: 2, Decision: throughline.DecisionCloseDropped},
		}, ""},
		{"missing", 0, []throughline.GoalDecisionFor{
			{GoalID: 1, Decision: throughline.DecisionCloseAchieved},
		}, `no decision for "Write proposals"`},
		{"extra", 0, []throughline.GoalDecisionFor{
			{GoalID: 1, Decision: throughline.DecisionCloseAchieved},
			{GoalID: 2, Decision: throughline.DecisionCloseAchieved},
			{GoalID: 3, Decision: throughline.DecisionCloseAchieved},
		}, `"A career goal" is not an active execution goal`},
		{"unknown decision", 0, []throughline.GoalDecisionFor{
			{GoalID: 1, Decision: "KEEP"},
			{GoalID: 2, Decision: throughline.DecisionCloseAchieved},
		}, `"Run discovery calls": "KEEP" is not a decision`},
		{"key result on a closed goal", 0, []throughline.GoalDecisionFor{
			{GoalID: 1, Decision: throughline.DecisionCloseAchieved, KeyResultID: kr},
			{GoalID: 2, Decision: throughline.DecisionCloseAchieved},
		}, "only a goal carried over takes a key result"},
		{"too many", 1, []throughline.GoalDecisionFor{
			{GoalID: 1, Decision: throughline.DecisionCarryOver, KeyResultID: kr},
			{GoalID: 2, Decision: throughline.DecisionCarryOver, KeyResultID: kr},
		}, "would hold 3 execution goals; carry over at most 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := throughline.CheckDecisions(goals, c.inNewPlan, c.ds, named)
			if c.says == "" {
				if err != nil {
					t.Fatalf("valid decisions refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.says) ||
				throughline.ErrorField(err.(*throughline.ValidationError).Problems[0]) != "decisions" {
				t.Errorf("error %v, want one on decisions saying %q", err, c.says)
			}
		})
	}
}
