-- +goose Up
-- Covering indexes for HR's dashboard, as
-- ../sqlite/00004_dashboard_indexes.sql: the plan rules read the goals,
-- actions and quarterly reviews of a plan from the index alone.

-- A plan's goals by state and lane, with what the rules read of them.
CREATE INDEX development_goals_plan_rules ON development_goals
    (plan_id, state, lane, key_result_id, capability_id, target_level);

-- A goal's actions: who supports them, their kind, and their milestones.
CREATE INDEX development_actions_goal_rules ON development_actions
    (goal_id, supporter_id, kind, due_on, done_on);

-- A plan's check-ins of one kind by day: whether a review was held.
CREATE INDEX check_ins_plan_kind ON check_ins (plan_id, kind, held_on);

-- +goose Down
DROP INDEX check_ins_plan_kind;
DROP INDEX development_actions_goal_rules;
DROP INDEX development_goals_plan_rules;
