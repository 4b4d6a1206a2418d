-- +goose Up
-- The whole graph as the first release stores it. DATE and TIMESTAMP
-- columns hold what the Go driver writes for a time.Time (ISO text in UTC,
-- so text order is time order); IDs are integers.

CREATE TABLE cycles (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    starts_on  DATE NOT NULL,
    ends_on    DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    parent_id  INTEGER REFERENCES teams (id),
    lead_id    INTEGER REFERENCES people (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX teams_parent ON teams (parent_id);

CREATE TABLE people (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    email      TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    team_id    INTEGER REFERENCES teams (id),
    manager_id INTEGER REFERENCES people (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX people_team ON people (team_id);
CREATE INDEX people_manager ON people (manager_id);
CREATE INDEX people_title ON people (title);

CREATE TABLE objectives (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    cycle_id    INTEGER NOT NULL REFERENCES cycles (id),
    ref         TEXT NOT NULL DEFAULT '',
    level       TEXT NOT NULL CHECK (level IN ('COMPANY', 'TEAM', 'INDIVIDUAL')),
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    owner_id    INTEGER REFERENCES people (id),
    team_id     INTEGER REFERENCES teams (id),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX objectives_cycle ON objectives (cycle_id);
CREATE INDEX objectives_team ON objectives (team_id);
CREATE INDEX objectives_owner ON objectives (owner_id);
-- Refs are the import key of an objective within its cycle.
CREATE UNIQUE INDEX objectives_ref ON objectives (cycle_id, ref) WHERE ref <> '';

CREATE TABLE key_results (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    objective_id  INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    ref           TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL,
    owner_id      INTEGER REFERENCES people (id),
    start_value   REAL,
    target_value  REAL,
    current_value REAL,
    unit          TEXT NOT NULL DEFAULT '',
    done          BOOLEAN NOT NULL DEFAULT FALSE,
    confidence    INTEGER CHECK (confidence BETWEEN 0 AND 100),
    critical      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX key_results_objective ON key_results (objective_id);
CREATE INDEX key_results_owner ON key_results (owner_id);
CREATE INDEX key_results_ref ON key_results (ref) WHERE ref <> '';

CREATE TABLE alignments (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    objective_id         INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    parent_key_result_id INTEGER REFERENCES key_results (id) ON DELETE CASCADE,
    parent_objective_id  INTEGER REFERENCES objectives (id) ON DELETE CASCADE,
    CHECK ((parent_key_result_id IS NULL) <> (parent_objective_id IS NULL))
);
CREATE INDEX alignments_objective ON alignments (objective_id);
CREATE INDEX alignments_parent_kr ON alignments (parent_key_result_id);
CREATE INDEX alignments_parent_objective ON alignments (parent_objective_id);

CREATE TABLE progress_updates (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    key_result_id  INTEGER NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    value          REAL,
    done           BOOLEAN,
    confidence     INTEGER CHECK (confidence BETWEEN 0 AND 100),
    note           TEXT NOT NULL DEFAULT '',
    recorded_by_id INTEGER REFERENCES people (id),
    recorded_at    TIMESTAMP NOT NULL
);
CREATE INDEX progress_updates_kr ON progress_updates (key_result_id, recorded_at);

CREATE TABLE capabilities (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE capability_levels (
    capability_id INTEGER NOT NULL REFERENCES capabilities (id) ON DELETE CASCADE,
    level         INTEGER NOT NULL CHECK (level >= 1),
    name          TEXT NOT NULL DEFAULT '',
    descriptor    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (capability_id, level)
);

CREATE TABLE capability_requirements (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    key_result_id INTEGER NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    capability_id INTEGER NOT NULL REFERENCES capabilities (id),
    level         INTEGER NOT NULL CHECK (level >= 1),
    reason        TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    UNIQUE (key_result_id, capability_id)
);
CREATE INDEX capability_requirements_capability ON capability_requirements (capability_id);

CREATE TABLE assessments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id      INTEGER NOT NULL REFERENCES people (id),
    capability_id  INTEGER NOT NULL REFERENCES capabilities (id),
    level          INTEGER NOT NULL CHECK (level >= 1),
    assessed_by_id INTEGER REFERENCES people (id),
    assessed_on    DATE NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX assessments_person ON assessments (person_id, capability_id, assessed_on);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('MISSED_DEADLINE', 'WEAK_DISCOVERY_CALL',
                      'POOR_HANDOVER', 'UNCLEAR_DECISION', 'AVOIDABLE_REWORK', 'OTHER')),
    description   TEXT NOT NULL DEFAULT '',
    observed_on   DATE
);
CREATE INDEX evidence_assessment ON evidence (assessment_id);

CREATE TABLE development_plans (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id     INTEGER NOT NULL REFERENCES people (id),
    cycle_id      INTEGER NOT NULL REFERENCES cycles (id),
    status        TEXT NOT NULL CHECK (status IN ('ON_TRACK', 'BLOCKED', 'COMPLETED', 'NEEDS_RESET')),
    status_reason TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    UNIQUE (person_id, cycle_id)
);
CREATE INDEX development_plans_cycle ON development_plans (cycle_id, status);

CREATE TABLE development_goals (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id        INTEGER NOT NULL REFERENCES development_plans (id) ON DELETE CASCADE,
    lane           TEXT NOT NULL CHECK (lane IN ('EXECUTION', 'CAREER')),
    title          TEXT NOT NULL,
    change_in_work TEXT NOT NULL DEFAULT '',
    key_result_id  INTEGER REFERENCES key_results (id),
    capability_id  INTEGER REFERENCES capabilities (id),
    target_level   INTEGER,
    horizon        TEXT NOT NULL DEFAULT '',
    state          TEXT NOT NULL CHECK (state IN ('ACTIVE', 'ACHIEVED', 'DROPPED')),
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX development_goals_plan ON development_goals (plan_id);
CREATE INDEX development_goals_kr ON development_goals (key_result_id, state);

CREATE TABLE development_actions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    goal_id        INTEGER NOT NULL REFERENCES development_goals (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('EXPERIENCE', 'EXPOSURE', 'EDUCATION')),
    title          TEXT NOT NULL,
    supporter_id   INTEGER REFERENCES people (id),
    supporter_role TEXT NOT NULL DEFAULT ''
                   CHECK (supporter_role IN ('', 'MANAGER', 'COACH', 'MENTOR')),
    due_on         DATE,
    done_on        DATE,
    outcome        TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX development_actions_goal ON development_actions (goal_id);

CREATE TABLE check_ins (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id             INTEGER NOT NULL REFERENCES development_plans (id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('MONTHLY', 'QUARTERLY')),
    held_on             DATE NOT NULL,
    author_id           INTEGER REFERENCES people (id),
    capability_building TEXT NOT NULL DEFAULT '',
    real_work           TEXT NOT NULL DEFAULT '',
    still_hard          TEXT NOT NULL DEFAULT '',
    support_needed      TEXT NOT NULL DEFAULT '',
    output_improved     TEXT NOT NULL DEFAULT '',
    observed_change     TEXT NOT NULL DEFAULT ''
                        CHECK (observed_change IN ('', 'DECLINED', 'NO_CHANGE',
                               'SOME_IMPROVEMENT', 'CLEAR_IMPROVEMENT')),
    status_after        TEXT NOT NULL
                        CHECK (status_after IN ('ON_TRACK', 'BLOCKED', 'COMPLETED', 'NEEDS_RESET')),
    status_reason       TEXT NOT NULL DEFAULT '',
    note                TEXT NOT NULL DEFAULT '',
    note_private        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP NOT NULL
);
CREATE INDEX check_ins_plan ON check_ins (plan_id, held_on);

-- +goose Down
DROP TABLE check_ins;
DROP TABLE development_actions;
DROP TABLE development_goals;
DROP TABLE development_plans;
DROP TABLE evidence;
DROP TABLE assessments;
DROP TABLE capability_requirements;
DROP TABLE capability_levels;
DROP TABLE capabilities;
DROP TABLE progress_updates;
DROP TABLE alignments;
DROP TABLE key_results;
DROP TABLE objectives;
DROP TABLE people;
DROP TABLE teams;
DROP TABLE cycles;
