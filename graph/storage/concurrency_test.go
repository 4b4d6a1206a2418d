package storage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/storage"
	"throughline.dev/graph/storage/storagetest"
)

// Rules that read other rows before a write must hold when two servers
// write at once. Each test opens one database twice, as two servers would
// (two pools, no shared memory), and races writes through both: on SQLite
// its one writer at a time keeps the rules, on PostgreSQL the locks the
// store takes do (see dialect.go).

// rounds is how often a race is run: a missing lock shows within a few.
const rounds = 8

// mustTwins opens one new database twice.
func mustTwins(t *testing.T) (*storage.Store, *storage.Store) {
	t.Helper()
	loc := storagetest.Location(t, "twins.db")
	open := func() *storage.Store {
		s, err := storage.Open(context.Background(), loc, storage.Options{
			Now: func() time.Time { return clock },
		})
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	return open(), open()
}

// race runs the functions at once, each from its own goroutine, and
// returns their errors in order.
func race(fns ...func() error) []error {
	errs := make([]error, len(fns))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = fn()
		}()
	}
	close(start)
	wg.Wait()
	return errs
}

// succeeded counts the nil errors, failing on any that is not of the code
// a lost race gives.
func succeeded(t *testing.T, errs []error, code string) int {
	t.Helper()
	n := 0
	for _, err := range errs {
		switch {
		case err == nil:
			n++
		case throughline.ErrorCode(err) != code:
			t.Errorf("a racing write failed with %v, want %s or success", err, code)
		}
	}
	return n
}

func TestRacingManagerChangesMakeNoLoop(t *testing.T) {
	a, b := mustTwins(t)
	ctx := context.Background()
	for i := range rounds {
		x := mustPerson(t, a, fmt.Sprintf("x%d@example.com", i))
		y := mustPerson(t, a, fmt.Sprintf("y%d@example.com", i))
		errs := race(
			func() error {
				_, err := a.UpdatePerson(ctx, x.ID, throughline.PersonUpdate{ManagerID: &y.ID})
				return err
			},
			func() error {
				_, err := b.UpdatePerson(ctx, y.ID, throughline.PersonUpdate{ManagerID: &x.ID})
				return err
			})
		if n := succeeded(t, errs, throughline.EINVALID); n != 1 {
			t.Fatalf("round %d: %d of two crossed manager changes succeeded, want 1: %v",
				i, n, errs)
		}
	}
}

func TestRacingTeamMovesMakeNoLoop(t *testing.T) {
	a, b := mustTwins(t)
	ctx := context.Background()
	for i := range rounds {
		x := &throughline.Team{Name: fmt.Sprintf("X%d", i)}
		y := &throughline.Team{Name: fmt.Sprintf("Y%d", i)}
		noErr(t, a.CreateTeam(ctx, x))
		noErr(t, a.CreateTeam(ctx, y))
		errs := race(
			func() error {
				_, err := a.UpdateTeam(ctx, x.ID, throughline.TeamUpdate{ParentID: &y.ID})
				return err
			},
			func() error {
				_, err := b.UpdateTeam(ctx, y.ID, throughline.TeamUpdate{ParentID: &x.ID})
				return err
			})
		if n := succeeded(t, errs, throughline.EINVALID); n != 1 {
			t.Fatalf("round %d: %d of two crossed team moves succeeded, want 1: %v", i, n, errs)
		}
	}
}

func TestRacingAlignmentsMakeNoLoop(t *testing.T) {
	a, b := mustTwins(t)
	ctx := context.Background()
	c := mustCycle(t, a, "2026-Q4")
	for i := range rounds {
		x := mustObjective(t, a, c, throughline.LevelTeam, fmt.Sprintf("X%d", i))
		y := mustObjective(t, a, c, throughline.LevelTeam, fmt.Sprintf("Y%d", i))
		errs := race(
			func() error { return a.SetAlignment(ctx, x.ID, targets(toObjective(y.ID))) },
			func() error { return b.SetAlignment(ctx, y.ID, targets(toObjective(x.ID))) })
		if n := succeeded(t, errs, throughline.EINVALID); n != 1 {
			t.Fatalf("round %d: %d of two crossed alignments succeeded, want 1: %v", i, n, errs)
		}
	}
}

// Every writer adds an execution goal at the version it just read, and
// tries again when another got there first: the plan ends with the two
// the rules allow, and every version was made by one write.
func TestRacingGoalsKeepTheLimit(t *testing.T) {
	w := mustPlanWorld(t, storage.Options{})
	other := reopen(t, w.s)
	plan := w.mustPlan(t, w.ada)
	var fns []func() error
	for i := range 6 {
		s := []*storage.Store{w.s, other}[i%2]
		fns = append(fns, func() error {
			return addUntilDecided(s, w.executionGoal(plan, fmt.Sprintf("Goal %d", i)))
		})
	}
	refused := 0
	for _, err := range race(fns...) {
		switch {
		case err == nil:
		case throughline.ErrorCode(err) == throughline.EINVALID:
			refused++
		default:
			t.Errorf("add goal: %v", err)
		}
	}
	if n := len(w.goals(t, plan.ID)); n != 2 || refused != 4 {
		t.Errorf("the plan holds %d goals and %d were refused, want 2 and 4", n, refused)
	}
	if v := w.reload(t, plan.ID).Version; v != 3 {
		t.Errorf("the plan is at version %d after two goals, want 3", v)
	}
}

// addUntilDecided adds a goal at the plan's version, reading it again
// after each conflict, until the goal is stored or refused by a rule.
func addUntilDecided(s *storage.Store, g *throughline.DevelopmentGoal) error {
	for range 100 {
		p, err := s.FindPlanByID(planCtx, g.PlanID)
		if err != nil {
			return err
		}
		goal := *g
		_, err = s.AddGoal(planCtx, p.Version, &goal)
		if throughline.ErrorCode(err) != throughline.ECONFLICT {
			return err
		}
	}
	return errors.New("still conflicting after 100 tries")
}

// locations holds where the stores of the test worlds live, by store, so
// that a test can open a second one on the same database.
var locations sync.Map

// reopen opens a second store on the database of the first, as a second
// server would.
func reopen(t *testing.T, s *storage.Store) *storage.Store {
	t.Helper()
	loc, ok := locations.Load(s)
	if !ok {
		t.Fatal("reopen: the store was not opened through openPlanStore")
	}
	other, err := storage.Open(planCtx, loc.(string), storage.Options{})
	noErr(t, err)
	t.Cleanup(func() { other.Close() })
	return other
}

// Progress recorded at once through both servers: every update is kept,
// and the key result holds the value of the newest, as if they had come
// one after the other.
func TestRacingProgressKeepsEveryUpdateInOrder(t *testing.T) {
	a, b := mustTwins(t)
	ctx := context.Background()
	c := mustCascade(t, a)
	var fns []func() error
	for i := range 16 {
		s := []*storage.Store{a, b}[i%2]
		fns = append(fns, func() error {
			confidence := int32(i)
			_, err := s.RecordProgress(ctx, &throughline.ProgressUpdate{
				KeyResultID: c.companyKR.ID, Value: ptr(float64(i)), Confidence: &confidence,
			})
			return err
		})
	}
	for _, err := range race(fns...) {
		noErr(t, err)
	}
	page, err := a.FindProgressUpdates(ctx, c.companyKR.ID, throughline.PageRequest{First: 100})
	noErr(t, err)
	kr, err := a.FindKeyResultByID(ctx, c.companyKR.ID)
	noErr(t, err)
	newest := page.Items[len(page.Items)-1]
	if page.TotalCount != 16 || *kr.CurrentValue != *newest.Value ||
		*kr.Confidence != *newest.Confidence {
		t.Errorf("%d updates, the newest at %v (confidence %v); the key result at %v (%v)",
			page.TotalCount, *newest.Value, *newest.Confidence, *kr.CurrentValue, *kr.Confidence)
	}
}

// Two servers opening the same cycle: both succeed, and every plan is
// opened once. Each round opens the quarter after the last.
func TestRacingCycleOpeningsOpenEachPlanOnce(t *testing.T) {
	w := mustReviewWorld(t)
	w.mustPlan(t, w.manager)
	other := reopen(t, w.s)
	for i := range rounds {
		name := fmt.Sprintf("%d-Q%d", 2027+i/4, 1+i%4)
		opened := make([]int, 2)
		errs := race(
			func() (err error) {
				opened[0], err = w.s.OpenCycle(planCtx, &throughline.Cycle{Name: name})
				return err
			},
			func() (err error) {
				opened[1], err = other.OpenCycle(planCtx, &throughline.Cycle{Name: name})
				return err
			})
		for _, err := range errs {
			noErr(t, err)
		}
		if opened[0]+opened[1] != 2 {
			t.Fatalf("opening %s: the openings opened %v plans, want 2 in all", name, opened)
		}
	}
}

// A pack acknowledged through both servers at once is acknowledged once.
func TestRacingAcknowledgementsAcknowledgeOnce(t *testing.T) {
	w := mustHandoverWorld(t)
	other := reopen(t, w.s)
	h := &throughline.Handover{ToManagerID: w.cy.ID}
	packs, err := w.s.HandOver(w.ctx, h, []int64{w.ada.ID}, w.contents)
	noErr(t, err)
	ack := func(s *storage.Store) func() error {
		return func() error {
			_, err := s.AcknowledgePack(w.ctx, packs[0].ID, w.cy.ID)
			return err
		}
	}
	if n := succeeded(t, race(ack(w.s), ack(other)), throughline.EINVALID); n != 1 {
		t.Errorf("%d of two acknowledgements succeeded, want 1", n)
	}
}

// Servers started together on a new PostgreSQL schema migrate it one
// after the other: all of them start.
func TestServersStartedTogetherMigrateOnce(t *testing.T) {
	loc := storagetest.PostgresURL(t)
	var fns []func() error
	for range 3 {
		fns = append(fns, func() error {
			s, err := storage.Open(context.Background(), loc, storage.Options{})
			if err == nil {
				s.Close()
			}
			return err
		})
	}
	for _, err := range race(fns...) {
		noErr(t, err)
	}
}

func targets(ts ...throughline.AlignmentTarget) []throughline.AlignmentTarget { return ts }
