package storage

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Dashboard implements throughline.DashboardService. Each figure is an
// aggregate query over the plans in scope, one per plan rule for the
// warnings, so the cost grows with the rows SQLite reads, not with
// objects built in Go: twenty statements at most, whatever the size of
// the organisation. Cadence is counted last, from the rhythm warnings.
//
// Dates are compared by their day on both sides (dialect.day): only the
// day counts, however a row holds it.
//
// The statements share no transaction: in SQLite ours are immediate and
// would hold the write lock, and a dashboard read while a plan changes
// may count the change in one figure and not yet in another.
func (s *Store) Dashboard(ctx context.Context,
	f throughline.DashboardFilter,
) (*throughline.Dashboard, error) {
	q, err := s.dashboardQuery(ctx, f)
	if err != nil {
		return nil, err
	}
	d := &throughline.Dashboard{}
	steps := []func(*throughline.Dashboard) error{
		q.coverage, q.statusByTeam, q.milestones, q.observed, q.warnings, q.cadence,
	}
	for _, step := range steps {
		if err := step(d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// dashQuery holds what every dashboard statement shares: the common table
// expressions that pick the plans in scope and the named arguments they
// and the rules read.
type dashQuery struct {
	db         *gorm.DB
	dia        dialect
	team       bool // whether the subtree expression is defined
	reviewLate bool // whether the cycle's review window has closed
	args       map[string]any
}

func (s *Store) dashboardQuery(ctx context.Context,
	f throughline.DashboardFilter,
) (*dashQuery, error) {
	db := s.read(ctx)
	cycle, err := takeOne[throughline.Cycle](db.Where("id = ?", f.CycleID),
		"no cycle with ID %d", f.CycleID)
	if err != nil {
		return nil, onField(err, "cycle")
	}
	if err := mustExist[throughline.Team](db, f.TeamID, "teamId", "team"); err != nil {
		return nil, err
	}
	r, err := dashboardRhythm(db)
	if err != nil {
		return nil, err
	}
	q := newDashQuery(db, f, cycle, r)
	q.dia = s.dia
	return q, nil
}

// newDashQuery turns the rhythm into the days the rules compare against.
// A plan's monthly check-in is overdue when today is past a rhythm after
// its last check-in (or its making), that is when that day falls before
// checkInCutoff. The cycle's review counts when held on or after
// reviewOpens, and is overdue once reviewLate.
func newDashQuery(db *gorm.DB, f throughline.DashboardFilter, c *throughline.Cycle,
	r throughline.Rhythm,
) *dashQuery {
	today := throughline.Day(f.Today)
	opens, late := r.CycleReview(c, today)
	q := &dashQuery{db: db, team: f.TeamID != nil, reviewLate: late}
	q.args = map[string]any{
		"cycle": c.ID, "team": dashTeam(f), "today": today,
		"critical": true, "maxExecution": throughline.MaxExecutionGoals,
		"checkInCutoff": today.Add(-r.MonthlyEvery),
		"reviewOpens":   opens, "reviewLate": late,
	}
	return q
}

// dashTeam is the team argument: 0, which no team has, for the whole
// organisation.
func dashTeam(f throughline.DashboardFilter) int64 {
	if f.TeamID == nil {
		return 0
	}
	return *f.TeamID
}

// dashRhythmRow is the one row of review_rhythm HR sets.
type dashRhythmRow struct {
	MonthlyEveryDays int
	ReviewWindowDays int
	ReviewLeadDays   int
}

// dashboardRhythm reads the rhythm the plan rules hold plans to, or the
// default rhythm when HR never set one.
func dashboardRhythm(db *gorm.DB) (throughline.Rhythm, error) {
	var row dashRhythmRow
	err := db.Table("review_rhythm").Where("id = 1").Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return throughline.DefaultRhythm, nil
	}
	if err != nil {
		return throughline.Rhythm{}, mapError(err)
	}
	day := 24 * time.Hour
	return throughline.Rhythm{
		MonthlyEvery: time.Duration(row.MonthlyEveryDays) * day,
		ReviewWindow: time.Duration(row.ReviewWindowDays) * day,
		ReviewLead:   time.Duration(row.ReviewLeadDays) * day,
	}, nil
}

// scopedPlans is the cycle's plans of the people in scope, with what the
// rules read of the plan and its person.
const scopedPlans = `scoped AS (
	SELECT p.id, p.status, p.created_at, p.person_id, pe.team_id, pe.manager_id
	FROM development_plans p JOIN people pe ON pe.id = p.person_id
	WHERE p.cycle_id = @cycle%s)`

// subtree is the team and every team below it.
const subtree = `RECURSIVE subtree (id) AS (
	SELECT id FROM teams WHERE id = @team
	UNION
	SELECT t.id FROM teams t JOIN subtree ON t.parent_id = subtree.id)`

// sql prefixes a statement with the expressions that define the scope:
// "scoped", and "subtree" when a team narrows the dashboard.
func (q *dashQuery) sql(statement string) string {
	if !q.team {
		return "WITH " + fmt.Sprintf(scopedPlans, "") + "\n" + statement
	}
	return "WITH " + subtree + ",\n" +
		fmt.Sprintf(scopedPlans, q.inSubtree("pe.team_id")) + "\n" + statement
}

// inSubtree is a condition keeping rows whose team column lies in the
// subtree, or nothing for the whole organisation.
func (q *dashQuery) inSubtree(column string) string {
	if !q.team {
		return ""
	}
	return " AND " + column + " IN (SELECT id FROM subtree)"
}

// scan runs a statement and scans its rows into dest: a struct for one
// row, a slice for several, or a number for one count. gorm times the
// statement with its reading, so slow aggregates show in the log.
func (q *dashQuery) scan(statement string, dest any) error {
	if err := q.db.Raw(q.sql(statement), q.args).Scan(dest).Error; err != nil {
		return fmt.Errorf("storage: dashboard: %w", err)
	}
	return nil
}

// criticalInScope selects the cycle's critical key results, of teams in
// the subtree when a team narrows the dashboard. covering is true for one
// served by an active execution goal that builds a capability, the goals
// CoveringGoals lists.
const (
	criticalInScope = `FROM key_results k JOIN objectives o ON o.id = k.objective_id
	WHERE o.cycle_id = @cycle AND k.critical = @critical%s`
	covering = `EXISTS (SELECT 1 FROM development_goals g
	WHERE g.key_result_id = k.id AND g.state = 'ACTIVE' AND g.lane = 'EXECUTION'
		AND g.capability_id IS NOT NULL)`
)

func (q *dashQuery) coverage(d *throughline.Dashboard) error {
	from := fmt.Sprintf(criticalInScope, q.inSubtree("o.team_id"))
	var n struct{ Total, Covered int }
	err := q.scan(`SELECT COUNT(*) AS total,
		COALESCE(SUM(CASE WHEN `+covering+` THEN 1 ELSE 0 END), 0) AS covered `+from, &n)
	if err != nil {
		return err
	}
	d.Coverage.Total, d.Coverage.Covered = n.Total, n.Covered
	d.Coverage.Uncovered = []*throughline.KeyResult{}
	return q.scan(`SELECT k.* `+from+` AND NOT `+covering+` ORDER BY k.id`,
		&d.Coverage.Uncovered)
}

// statusCount is one team's plans in one status.
type statusCount struct {
	TeamID int64
	Status throughline.PlanStatus
	Plans  int
}

func (q *dashQuery) statusByTeam(d *throughline.Dashboard) error {
	var counts []statusCount
	err := q.scan(`SELECT team_id, status, COUNT(*) AS plans FROM scoped
		WHERE team_id IS NOT NULL GROUP BY team_id, status`, &counts)
	if err != nil {
		return err
	}
	byTeam := groupStatusCounts(counts)
	teams, err := byIDs(q.db, dashKeys(byTeam), func(t *throughline.Team) int64 { return t.ID })
	if err != nil {
		return err
	}
	d.StatusByTeam = make([]throughline.TeamPlanStatus, 0, len(teams))
	for id, t := range teams {
		st := throughline.TeamPlanStatus{Team: t, Counts: byTeam[id]}
		d.StatusByTeam = append(d.StatusByTeam, st)
	}
	slices.SortFunc(d.StatusByTeam, func(a, b throughline.TeamPlanStatus) int {
		return strings.Compare(a.Team.Name, b.Team.Name)
	})
	return nil
}

func groupStatusCounts(counts []statusCount) map[int64]map[throughline.PlanStatus]int {
	byTeam := map[int64]map[throughline.PlanStatus]int{}
	for _, c := range counts {
		if byTeam[c.TeamID] == nil {
			byTeam[c.TeamID] = map[throughline.PlanStatus]int{}
		}
		byTeam[c.TeamID][c.Status] = c.Plans
	}
	return byTeam
}

func dashKeys[V any](m map[int64]V) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// milestones counts the actions with a due date, of goals not dropped,
// that are due (their day has passed, or they are done) and, of those,
// the ones done on or before their day.
func (q *dashQuery) milestones(d *throughline.Dashboard) error {
	day := q.dia.day
	return q.scan(`SELECT COUNT(*) AS due, COALESCE(SUM(CASE
			WHEN a.done_on IS NOT NULL AND `+day("a.done_on")+` <= `+day("a.due_on")+`
			THEN 1 ELSE 0 END), 0) AS done_on_time
		FROM scoped s
		JOIN development_goals g ON g.plan_id = s.id AND g.state <> 'DROPPED'
		JOIN development_actions a ON a.goal_id = g.id
		WHERE a.due_on IS NOT NULL
			AND (a.done_on IS NOT NULL OR `+day("a.due_on")+` < `+day("@today")+`)`,
		&d.Milestones)
}

// changeCount is how many plans' latest check-in observed one change.
type changeCount struct {
	Observed throughline.ObservedChange
	Plans    int
}

// observed reads each plan's latest check-in, newest day first and the
// later record breaking a tie, as PlanSnapshots does. Grouping by the
// subquery itself reads it once per plan; a derived table around it would
// be flattened and read it again for each clause. Plans whose latest
// check-in observed nothing, or that have none, count for nothing.
func (q *dashQuery) observed(d *throughline.Dashboard) error {
	var counts []changeCount
	err := q.scan(`SELECT COALESCE((SELECT c.observed_change FROM check_ins c
			WHERE c.plan_id = s.id ORDER BY c.held_on DESC, c.id DESC LIMIT 1), '')
			AS observed, COUNT(*) AS plans
		FROM scoped s GROUP BY observed`, &counts)
	if err != nil {
		return err
	}
	d.Observed = throughline.ObservedChanges{}
	for _, c := range counts {
		if c.Observed != "" {
			d.Observed[c.Observed] = c.Plans
		}
	}
	return nil
}

// The rhythm rules of throughline.Warnings, for the plan s. A plan's
// monthly check-in is overdue when its last check-in, or its making when
// it has none, fell before the cutoff; its quarterly review is held when
// a review was held since the cycle's window opened.
func monthlyOverdue(d dialect) string {
	return d.day(`COALESCE(
		(SELECT MAX(c.held_on) FROM check_ins c WHERE c.plan_id = s.id),
		s.created_at)`) + ` < ` + d.day("@checkInCutoff")
}

func reviewHeld(d dialect) string {
	return `EXISTS (SELECT 1 FROM check_ins c
		WHERE c.plan_id = s.id AND c.kind = 'QUARTERLY'
			AND ` + d.day("c.held_on") + ` >= ` + d.day("@reviewOpens") + `)`
}

const notCompleted = `s.status <> 'COMPLETED'`

// cadence counts the plans not completed. The rhythm warnings, counted
// before, are exactly those off rhythm: the rest are on it.
func (q *dashQuery) cadence(d *throughline.Dashboard) error {
	var active int
	if err := q.scan(`SELECT COUNT(*) FROM scoped s WHERE `+notCompleted, &active); err != nil {
		return err
	}
	d.Cadence = throughline.CadenceCompliance{
		ActivePlans:    active,
		CheckInsOnTime: active - d.Warnings[throughline.WarnMonthlyCheckInOverdue],
	}
	if q.reviewLate {
		d.Cadence.ReviewsDue = active
		d.Cadence.ReviewsHeld = active - d.Warnings[throughline.WarnQuarterlyReviewOverdue]
	}
	return nil
}

// activeGoal selects the active goals of the plan s: the only goals the
// rules judge.
const activeGoal = `SELECT 1 FROM development_goals g
	WHERE g.plan_id = s.id AND g.state = 'ACTIVE'`

// latestAssessment joins the newest assessment of the plan's person in the
// goal's capability, as PlanSnapshots picks it.
const latestAssessment = `LEFT JOIN assessments a ON a.id = (
	SELECT n.id FROM assessments n
	WHERE n.person_id = s.person_id AND n.capability_id = g.capability_id
	ORDER BY n.assessed_on DESC, n.id DESC LIMIT 1)`

// warningRules mirror throughline.Warnings: each is the condition under
// which the plan s raises a warning of the code at least once.
func warningRules(d dialect) map[throughline.WarningCode]string {
	return map[throughline.WarningCode]string{
		throughline.WarnNoManager: `s.manager_id IS NULL`,
		throughline.WarnTooManyExecutionGoals: `(SELECT COUNT(*) FROM development_goals g
		WHERE g.plan_id = s.id AND g.state = 'ACTIVE' AND g.lane = 'EXECUTION')
		> @maxExecution`,
		throughline.WarnGoalWithoutKeyResult: `EXISTS (` + activeGoal + `
		AND g.lane = 'EXECUTION' AND g.key_result_id IS NULL)`,
		throughline.WarnEducationOnly: `EXISTS (` + activeGoal + `
		AND EXISTS (SELECT 1 FROM development_actions a WHERE a.goal_id = g.id)
		AND NOT EXISTS (SELECT 1 FROM development_actions a
			WHERE a.goal_id = g.id AND a.kind <> 'EDUCATION'))`,
		throughline.WarnNoSupporter: `EXISTS (` + activeGoal + `
		AND NOT EXISTS (SELECT 1 FROM development_actions a
			WHERE a.goal_id = g.id AND a.supporter_id IS NOT NULL))`,
		throughline.WarnMonthlyCheckInOverdue: notCompleted + ` AND ` + monthlyOverdue(d),
		throughline.WarnQuarterlyReviewOverdue: `@reviewLate AND ` + notCompleted +
			` AND NOT ` + reviewHeld(d),
		throughline.WarnGapWithoutEvidence: gapWithoutEvidence,
	}
}

// gapWithoutEvidence: an active execution goal whose required level (the
// key result's requirement for the capability, else the goal's target)
// lies above the person's latest level (0 when never assessed), and whose
// latest assessment has no evidence from delivery, or does not exist.
const gapWithoutEvidence = `EXISTS (SELECT 1 FROM development_goals g
	LEFT JOIN capability_requirements r
		ON r.key_result_id = g.key_result_id AND r.capability_id = g.capability_id
	` + latestAssessment + `
	WHERE g.plan_id = s.id AND g.state = 'ACTIVE' AND g.lane = 'EXECUTION'
		AND g.capability_id IS NOT NULL
		AND COALESCE(r.level, g.target_level) > COALESCE(a.level, 0)
		AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.assessment_id = a.id))`

// warnings counts, rule by rule, the plans in scope that break it.
func (q *dashQuery) warnings(d *throughline.Dashboard) error {
	d.Warnings = make(map[throughline.WarningCode]int, len(throughline.WarningCodes))
	rules := warningRules(q.dia)
	for _, code := range throughline.WarningCodes {
		rule, ok := rules[code]
		if !ok {
			return fmt.Errorf("storage: dashboard: no rule counts %s", code)
		}
		var n int
		if err := q.scan(`SELECT COUNT(*) FROM scoped s WHERE `+rule, &n); err != nil {
			return fmt.Errorf("%w (%s)", err, code)
		}
		d.Warnings[code] = n
	}
	return nil
}
