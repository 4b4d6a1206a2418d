package demo

import (
	"context"
	"slices"
	"strings"
	"time"

	throughline "throughline.dev/graph"
)

// recentCheckIns is how many check-ins a pack shows, as the API's packs do.
const recentCheckIns = 3

// packContents returns what a handover freezes in each person's pack on
// the day of the move, built from the services with the same fields and
// order as the GraphQL API builds it: the plan of the cycle with its
// status, active goals, open actions (overdue first), latest check-ins
// without private notes, the key results the person owns, and the plan
// warnings as of the move.
//
// The API reads the plan of the cycle that holds the day of the move. The
// demo reads the current cycle's: a seed on the first days of a quarter
// dates the current plans' history, and so the moves, in the weeks before
// the quarter began. Key results show their progress as of the seed,
// since their updates are written before the plans' history.
//
// TODO: this repeats the API's builder in graph/gql/handover.go, which
// reads through per-request loaders. One builder over the domain services,
// in the graph package, would serve both; it needs the loaders' batching
// kept for the API's lists of packs.
func (s *seeder) packContents(asOf time.Time,
) func(ctx context.Context, personID int64) (*throughline.HandoverContents, error) {
	return func(ctx context.Context, personID int64) (*throughline.HandoverContents, error) {
		c := emptyContents()
		c.Cycle = &s.current.Name
		var err error
		if c.KeyDeliverables, err = s.packDeliverables(ctx, personID); err != nil {
			return nil, err
		}
		plan, err := s.svc.Plans.FindPlanFor(ctx, personID, s.current.ID)
		if throughline.ErrorCode(err) == throughline.ENOTFOUND {
			return c, nil
		}
		if err != nil {
			return nil, err
		}
		status := plan.Status
		c.Status, c.StatusReason = &status, plan.StatusReason
		return c, s.packPlan(ctx, c, plan.ID, throughline.Day(asOf))
	}
}

// emptyContents has empty lists, not null ones, as the API's packs do.
func emptyContents() *throughline.HandoverContents {
	return &throughline.HandoverContents{
		ExecutionGoals: []*throughline.HandoverGoal{}, CareerGoals: []*throughline.HandoverGoal{},
		OpenActions:     []*throughline.HandoverAction{},
		RecentCheckIns:  []*throughline.HandoverCheckIn{},
		KeyDeliverables: []*throughline.HandoverKeyResult{},
		Warnings:        []*throughline.HandoverWarning{},
	}
}

// packPlan fills a pack with what the plan holds, read through its
// snapshot: the active goals with their actions and gaps, as the plan
// rules see them.
func (s *seeder) packPlan(ctx context.Context, c *throughline.HandoverContents,
	planID int64, asOf time.Time,
) error {
	snaps, err := s.svc.Plans.PlanSnapshots(ctx, []int64{planID})
	if err != nil {
		return err
	}
	snap, ok := snaps[planID]
	if !ok {
		return throughline.Errorf(throughline.ENOTFOUND, "no snapshot of plan %d", planID)
	}
	for _, g := range snap.Goals {
		if err := s.packGoal(ctx, c, snap, g, asOf); err != nil {
			return err
		}
	}
	sortOpenActions(c.OpenActions)
	if c.RecentCheckIns, err = s.packCheckIns(ctx, planID); err != nil {
		return err
	}
	rhythm, err := s.svc.Reviews.ReviewRhythm(ctx)
	if err != nil {
		return err
	}
	for _, w := range throughline.Warnings(snap, asOf, rhythm) {
		c.Warnings = append(c.Warnings, &throughline.HandoverWarning{Code: w.Code, Message: w.Message})
	}
	return nil
}

// packGoal adds an active goal to its lane, and its open actions.
func (s *seeder) packGoal(ctx context.Context, c *throughline.HandoverContents,
	snap *throughline.PlanSnapshot, g *throughline.DevelopmentGoal, asOf time.Time,
) error {
	hg, err := s.packGoalLinks(ctx, g)
	if err != nil {
		return err
	}
	if gap, ok := snap.Gaps[g.ID]; ok {
		n := throughline.Gap(gap.Required, gap.Current)
		hg.Gap = &n
	}
	if g.Lane == throughline.LaneExecution {
		c.ExecutionGoals = append(c.ExecutionGoals, hg)
	} else {
		c.CareerGoals = append(c.CareerGoals, hg)
	}
	for _, a := range snap.Actions[g.ID] {
		if a.DoneOn != nil {
			continue
		}
		ha, err := s.packAction(ctx, g, a, asOf)
		if err != nil {
			return err
		}
		c.OpenActions = append(c.OpenActions, ha)
	}
	return nil
}

// packGoalLinks names a goal's capability and key result.
func (s *seeder) packGoalLinks(ctx context.Context,
	g *throughline.DevelopmentGoal,
) (*throughline.HandoverGoal, error) {
	hg := &throughline.HandoverGoal{Title: g.Title, ChangeInWork: g.ChangeInWork, Horizon: g.Horizon}
	if g.CapabilityID != nil {
		capability, err := s.svc.Capabilities.FindCapabilityByID(ctx, *g.CapabilityID)
		if err != nil {
			return nil, err
		}
		hg.Capability = &capability.Name
	}
	if g.KeyResultID != nil {
		kr, err := s.svc.OKRs.FindKeyResultByID(ctx, *g.KeyResultID)
		if err != nil {
			return nil, err
		}
		hg.KeyResult = &kr.Title
	}
	return hg, nil
}

func (s *seeder) packAction(ctx context.Context, g *throughline.DevelopmentGoal,
	a *throughline.DevelopmentAction, asOf time.Time,
) (*throughline.HandoverAction, error) {
	ha := &throughline.HandoverAction{
		Goal: g.Title, Kind: a.Kind, Title: a.Title, DueOn: a.DueOn,
		Overdue: a.DueOn != nil && a.DueOn.Before(asOf),
	}
	if a.SupporterID != nil {
		p, err := s.svc.Org.FindPersonByID(ctx, *a.SupporterID)
		if err != nil {
			return nil, err
		}
		ha.Supporter = &p.Name
	}
	return ha, nil
}

// sortOpenActions puts overdue actions first, then the rest by due date,
// and actions with no date last.
func sortOpenActions(actions []*throughline.HandoverAction) {
	slices.SortStableFunc(actions, func(a, b *throughline.HandoverAction) int {
		switch {
		case a.Overdue != b.Overdue:
			return order(a.Overdue)
		case (a.DueOn == nil) != (b.DueOn == nil):
			return order(b.DueOn == nil)
		case a.DueOn == nil:
			return 0
		}
		return a.DueOn.Compare(*b.DueOn)
	})
}

// order sorts first what is true.
func order(first bool) int {
	if first {
		return -1
	}
	return 1
}

// packCheckIns lists the latest check-ins, never with a private note.
func (s *seeder) packCheckIns(ctx context.Context,
	planID int64,
) ([]*throughline.HandoverCheckIn, error) {
	page, err := s.svc.Plans.FindCheckIns(ctx, planID, throughline.PageRequest{First: recentCheckIns})
	if err != nil {
		return nil, err
	}
	out := make([]*throughline.HandoverCheckIn, 0, len(page.Items))
	for _, ci := range page.Items {
		hc := &throughline.HandoverCheckIn{
			Kind: ci.Kind, HeldOn: ci.HeldOn, StillHard: ci.StillHard,
			SupportNeeded: ci.SupportNeeded, StatusAfter: ci.StatusAfter,
		}
		if ci.ObservedChange != "" {
			change := ci.ObservedChange
			hc.ObservedChange = &change
		}
		if note := strings.TrimSpace(ci.Note); note != "" && !ci.NotePrivate {
			hc.Note = &note
		}
		out = append(out, hc)
	}
	return out, nil
}

// packDeliverables lists the key results a person owns in the current
// cycle, up to a page's worth, as the API's packs do.
func (s *seeder) packDeliverables(ctx context.Context,
	personID int64,
) ([]*throughline.HandoverKeyResult, error) {
	f := throughline.KeyResultFilter{OwnerID: &personID, CycleID: &s.current.ID}
	most := throughline.PageRequest{First: throughline.MaxPageSize}
	page, err := s.svc.OKRs.FindKeyResults(ctx, f, most)
	if err != nil {
		return nil, err
	}
	out := make([]*throughline.HandoverKeyResult, 0, len(page.Items))
	for _, k := range page.Items {
		o, err := s.svc.OKRs.FindObjectiveByID(ctx, k.ObjectiveID)
		if err != nil {
			return nil, err
		}
		out = append(out, &throughline.HandoverKeyResult{
			Title: k.Title, Objective: o.Title, Progress: k.Progress(), Critical: k.Critical,
		})
	}
	return out, nil
}
