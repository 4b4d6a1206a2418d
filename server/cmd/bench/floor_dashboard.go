package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	throughline "throughline.dev/graph"
)

// The dashboard's floor: four statements. The cycle and the rhythm; one
// pass over the cycle's plans, goals, actions and check-ins that yields
// every scalar figure; the critical key results; the plans by team and
// status.

const dashboardCycleSQL = `SELECT cy.id, cy.starts_on, ` + rhythmColumns + `
FROM cycles cy LEFT JOIN review_rhythm rr ON rr.id = 1 WHERE cy.name = ?`

// dashboardFiguresSQL computes the actions' counts per goal in one pass
// over the actions in goal order; per plan, which goal rules its goals
// not dropped break; per plan, its latest check-in and whether the
// cycle's review was held, each an index lookup; then sums them all in one
// row. %[1]s to %[7]s are the engine's day() of: 1 a.due_on, 2 a.done_on,
// 3 the milestones' today, 4 c.held_on, 5 the review's opening, 6 a plan's
// last check-in or making, 7 the monthly cutoff; 8 to 10 are what each
// engine plans best (dashboardEngineParts).
const dashboardFiguresSQL = `WITH s AS (
	SELECT p.id, p.status, p.created_at, p.person_id, pe.manager_id
	FROM development_plans p JOIN people pe ON pe.id = p.person_id
	WHERE p.cycle_id = ?
), acts AS MATERIALIZED (
	SELECT a.goal_id, COUNT(*) AS actions,
		SUM(CASE WHEN a.kind = 'EDUCATION' THEN 1 ELSE 0 END) AS courses,
		SUM(CASE WHEN a.supporter_id IS NOT NULL THEN 1 ELSE 0 END) AS supported,
		SUM(CASE WHEN a.due_on IS NOT NULL
			AND (a.done_on IS NOT NULL OR %[1]s < %[3]s) THEN 1 ELSE 0 END) AS due,
		SUM(CASE WHEN a.due_on IS NOT NULL AND a.done_on IS NOT NULL
			AND %[2]s <= %[1]s THEN 1 ELSE 0 END) AS on_time
	FROM development_actions a GROUP BY a.goal_id
), goals AS (
	SELECT g.id, g.plan_id, g.state, g.lane, g.key_result_id, g.capability_id,
		g.target_level, s.person_id,
		COALESCE(x.actions, 0) AS actions, COALESCE(x.courses, 0) AS courses,
		COALESCE(x.supported, 0) AS supported, COALESCE(x.due, 0) AS due,
		COALESCE(x.on_time, 0) AS on_time
	FROM s JOIN development_goals g ON g.plan_id = s.id
	LEFT JOIN acts x ON x.goal_id = g.id
	WHERE g.state <> 'DROPPED'
%[8]s), plan_goals AS (
	SELECT gs.plan_id, SUM(gs.due) AS due, SUM(gs.on_time) AS on_time,
		SUM(CASE WHEN gs.state = 'ACTIVE' AND gs.lane = 'EXECUTION' THEN 1 ELSE 0 END)
			AS execution,
		MAX(CASE WHEN gs.state = 'ACTIVE' AND gs.lane = 'EXECUTION'
			AND gs.key_result_id IS NULL THEN 1 ELSE 0 END) AS no_key_result,
		MAX(CASE WHEN gs.state = 'ACTIVE' AND gs.actions > 0 AND gs.courses = gs.actions
			THEN 1 ELSE 0 END) AS courses_only,
		MAX(CASE WHEN gs.state = 'ACTIVE' AND gs.supported = 0 THEN 1 ELSE 0 END)
			AS unsupported,
		MAX(CASE WHEN gs.state = 'ACTIVE' AND gs.lane = 'EXECUTION'
			AND gs.capability_id IS NOT NULL
			AND COALESCE(r.level, gs.target_level) > COALESCE(la.level, 0)
			AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.assessment_id = la.id)
			THEN 1 ELSE 0 END) AS gap_without_evidence
	FROM goals gs
	LEFT JOIN capability_requirements r
		ON r.key_result_id = gs.key_result_id AND r.capability_id = gs.capability_id
	%[9]s
	GROUP BY gs.plan_id
), latest AS %[10]s(
	SELECT s.id, s.status, s.manager_id, s.created_at,
		(SELECT MAX(c.held_on) FROM check_ins c WHERE c.plan_id = s.id) AS held_on,
		(SELECT c.observed_change FROM check_ins c WHERE c.plan_id = s.id
			ORDER BY c.held_on DESC, c.id DESC LIMIT 1) AS observed_change,
		EXISTS (SELECT 1 FROM check_ins c WHERE c.plan_id = s.id AND c.kind = 'QUARTERLY'
			AND %[4]s >= %[5]s) AS reviewed
	FROM s
)
SELECT COUNT(*),
	SUM(CASE WHEN s.status <> 'COMPLETED' THEN 1 ELSE 0 END),
	SUM(CASE WHEN s.status <> 'COMPLETED' AND %[6]s < %[7]s THEN 1 ELSE 0 END),
	SUM(CASE WHEN s.status <> 'COMPLETED' AND NOT s.reviewed THEN 1 ELSE 0 END),
	SUM(CASE WHEN s.manager_id IS NULL THEN 1 ELSE 0 END),
	SUM(CASE WHEN pg.execution > ? THEN 1 ELSE 0 END),
	COALESCE(SUM(pg.no_key_result), 0), COALESCE(SUM(pg.courses_only), 0),
	COALESCE(SUM(pg.unsupported), 0), COALESCE(SUM(pg.gap_without_evidence), 0),
	COALESCE(SUM(pg.due), 0), COALESCE(SUM(pg.on_time), 0),
	SUM(CASE WHEN s.observed_change = 'DECLINED' THEN 1 ELSE 0 END),
	SUM(CASE WHEN s.observed_change = 'NO_CHANGE' THEN 1 ELSE 0 END),
	SUM(CASE WHEN s.observed_change = 'SOME_IMPROVEMENT' THEN 1 ELSE 0 END),
	SUM(CASE WHEN s.observed_change = 'CLEAR_IMPROVEMENT' THEN 1 ELSE 0 END)
FROM latest s
LEFT JOIN plan_goals pg ON pg.plan_id = s.id`

// dashboardEngineParts are the parts of dashboardFiguresSQL that each
// engine plans best: SQLite finds each goal's latest assessment by an
// index lookup and inlines the per-plan expression; PostgreSQL would run
// the same lookups once per use, so it ranks the assessments once and
// materialises the per-plan figures.
func dashboardEngineParts(pg bool) (ranked, latestJoin, materialized string) {
	if !pg {
		return "", `LEFT JOIN assessments la ON gs.state = 'ACTIVE' AND gs.lane = 'EXECUTION'
		AND la.id = (SELECT n.id FROM assessments n
			WHERE n.person_id = gs.person_id AND n.capability_id = gs.capability_id
			ORDER BY n.assessed_on DESC, n.id DESC LIMIT 1)`, ""
	}
	return `), latest_assessments AS MATERIALIZED (
	SELECT person_id, capability_id, id, level FROM (
		SELECT a.person_id, a.capability_id, a.id, a.level,
			ROW_NUMBER() OVER (PARTITION BY a.person_id, a.capability_id
				ORDER BY a.assessed_on DESC, a.id DESC) AS newest
		FROM assessments a) ranked
	WHERE newest = 1
`, `LEFT JOIN latest_assessments la
		ON la.person_id = gs.person_id AND la.capability_id = gs.capability_id`, "MATERIALIZED "
}

const dashboardCriticalSQL = `SELECT k.id, k.title, o.id, o.title, pe.id, pe.name,
	EXISTS (SELECT 1 FROM development_goals g
		WHERE g.key_result_id = k.id AND g.state = 'ACTIVE' AND g.lane = 'EXECUTION'
			AND g.capability_id IS NOT NULL)
FROM key_results k
JOIN objectives o ON o.id = k.objective_id
LEFT JOIN people pe ON pe.id = k.owner_id
WHERE o.cycle_id = ? AND k.critical
ORDER BY k.id`

const dashboardStatusSQL = `SELECT t.id, t.name, p.status, COUNT(*)
FROM development_plans p
JOIN people pe ON pe.id = p.person_id
JOIN teams t ON t.id = pe.team_id
WHERE p.cycle_id = ?
GROUP BY t.id, t.name, p.status`

func dashboardFloor(ctx context.Context, f *floorDB, cycleName string) (figures, error) {
	var cycleID int64
	var starts dbTime
	var monthly, window, lead sql.NullInt64
	err := f.rows(ctx, dashboardCycleSQL, []any{cycleName}, func(rs *sql.Rows) error {
		return rs.Scan(&cycleID, &starts, &monthly, &window, &lead)
	})
	if err != nil || cycleID == 0 {
		return nil, fmt.Errorf("cycle %s: %v", cycleName, err)
	}
	cycle := &throughline.Cycle{ID: cycleID, Name: cycleName, StartsOn: starts.T}
	fig := figures{}
	steps := []func() error{
		func() error { return dashboardScalars(ctx, f, cycle, rhythmOf(monthly, window, lead), fig) },
		func() error { return dashboardCritical(ctx, f, cycleID, fig) },
		func() error { return dashboardStatus(ctx, f, cycleID, fig) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return fig, nil
}

// dashboardScalars runs dashboardFiguresSQL with the days the rhythm sets.
func dashboardScalars(ctx context.Context, f *floorDB, cycle *throughline.Cycle,
	r throughline.Rhythm, fig figures,
) error {
	day := throughline.Day(today)
	opens, late := r.CycleReview(cycle, day)
	param := f.day("?")
	ranked, latestJoin, materialized := dashboardEngineParts(f.pg)
	query := fmt.Sprintf(dashboardFiguresSQL, f.day("a.due_on"), f.day("a.done_on"), param,
		f.day("c.held_on"), param, f.day("COALESCE(s.held_on, s.created_at)"), param,
		ranked, latestJoin, materialized)
	// The placeholders, in the order they appear in the text.
	args := []any{cycle.ID, dateArg(day), dateArg(opens), dateArg(day.Add(-r.MonthlyEvery)),
		throughline.MaxExecutionGoals}
	var n [16]int
	err := f.rows(ctx, query, args, func(rs *sql.Rows) error {
		dest := make([]any, len(n))
		for i := range n {
			dest[i] = &n[i]
		}
		return rs.Scan(dest...)
	})
	if err != nil {
		return err
	}
	addDashboardScalars(n, late, fig)
	return nil
}

// dateArg passes a day as the text both engines read as a date.
func dateArg(t time.Time) string { return t.Format(time.DateOnly) }

func addDashboardScalars(n [16]int, late bool, fig figures) {
	active, monthlyLate, unreviewed := n[1], n[2], n[3]
	fig["active plans"] = float64(active)
	fig["check-ins on time"] = float64(active - monthlyLate)
	fig["reviews due"], fig["reviews held"] = 0, 0
	warned := map[throughline.WarningCode]int{
		throughline.WarnMonthlyCheckInOverdue: monthlyLate,
		throughline.WarnNoManager:             n[4], throughline.WarnTooManyExecutionGoals: n[5],
		throughline.WarnGoalWithoutKeyResult: n[6], throughline.WarnEducationOnly: n[7],
		throughline.WarnNoSupporter: n[8], throughline.WarnGapWithoutEvidence: n[9],
	}
	if late {
		fig["reviews due"], fig["reviews held"] = float64(active), float64(active-unreviewed)
		warned[throughline.WarnQuarterlyReviewOverdue] = unreviewed
	}
	for _, code := range throughline.WarningCodes {
		fig["plans warned "+string(code)] = float64(warned[code])
	}
	fig["milestones due"], fig["milestones on time"] = float64(n[10]), float64(n[11])
	observed := throughline.ObservedChanges{}
	for i, c := range throughline.ObservedChangeScale {
		observed[c] = n[12+i]
		fig["observed "+string(c)] = float64(n[12+i])
	}
	if mean, ok := observed.Mean(); ok {
		fig["observed mean"] = mean
	}
}

func dashboardCritical(ctx context.Context, f *floorDB, cycleID int64, fig figures) error {
	fig["critical key results"], fig["covered"] = 0, 0
	return f.rows(ctx, dashboardCriticalSQL, []any{cycleID}, func(rs *sql.Rows) error {
		var krID, objectiveID int64
		var krTitle, objectiveTitle string
		var ownerID sql.NullInt64
		var owner sql.NullString
		var covered bool
		err := rs.Scan(&krID, &krTitle, &objectiveID, &objectiveTitle, &ownerID, &owner, &covered)
		fig["critical key results"]++
		if covered {
			fig["covered"]++
			return err
		}
		fig["uncovered"]++
		if fig["uncovered"] <= dashboardUncoveredPage {
			fig["uncovered listed"]++
			if owner.Valid {
				fig["uncovered listed with an owner"]++
			}
		}
		return err
	})
}

func dashboardStatus(ctx context.Context, f *floorDB, cycleID int64, fig figures) error {
	teams := map[int64]bool{}
	for _, s := range []string{"ON_TRACK", "BLOCKED", "COMPLETED", "NEEDS_RESET"} {
		fig["plans "+s] = 0
	}
	return f.rows(ctx, dashboardStatusSQL, []any{cycleID}, func(rs *sql.Rows) error {
		var teamID int64
		var name, status string
		var plans int
		err := rs.Scan(&teamID, &name, &status, &plans)
		teams[teamID] = true
		fig["teams"] = float64(len(teams))
		fig["plans "+strings.ToUpper(status)] += float64(plans)
		return err
	})
}
