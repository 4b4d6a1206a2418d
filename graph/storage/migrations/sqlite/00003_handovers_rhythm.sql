-- +goose Up
-- Handovers between managers, the history of each person's managers, the
-- review rhythm HR sets, and managers' calendar feeds.

-- A handover moves people from one manager to another on a date.
CREATE TABLE handovers (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    from_manager_id INTEGER REFERENCES people (id),
    to_manager_id   INTEGER NOT NULL REFERENCES people (id),
    effective_on    DATE NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    created_by_id   INTEGER REFERENCES people (id),
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX handovers_to ON handovers (to_manager_id);
CREATE INDEX handovers_from ON handovers (from_manager_id);

-- One pack per person handed over. A pack starts as a draft the outgoing
-- manager writes (handover_id NULL), becomes part of a handover when the
-- move happens (its snapshot frozen then), and is acknowledged by the
-- incoming manager.
CREATE TABLE handover_packs (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    handover_id            INTEGER REFERENCES handovers (id) ON DELETE CASCADE,
    person_id              INTEGER NOT NULL REFERENCES people (id),
    from_manager_id        INTEGER REFERENCES people (id),
    risks                  TEXT NOT NULL DEFAULT '',
    stakeholder_priorities TEXT NOT NULL DEFAULT '',
    snapshot               TEXT,
    drafted_by_id          INTEGER REFERENCES people (id),
    acknowledged_at        TIMESTAMP,
    acknowledged_by_id     INTEGER REFERENCES people (id),
    created_at             TIMESTAMP NOT NULL,
    updated_at             TIMESTAMP NOT NULL
);
CREATE INDEX handover_packs_handover ON handover_packs (handover_id);
CREATE INDEX handover_packs_person ON handover_packs (person_id);
-- At most one draft per person, and at most one pack awaiting
-- acknowledgement per person.
CREATE UNIQUE INDEX handover_packs_one_draft ON handover_packs (person_id)
    WHERE handover_id IS NULL;
CREATE UNIQUE INDEX handover_packs_one_pending ON handover_packs (person_id)
    WHERE handover_id IS NOT NULL AND acknowledged_at IS NULL;

-- Who managed whom, and when: one row per stretch under one manager.
CREATE TABLE manager_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id   INTEGER NOT NULL REFERENCES people (id),
    manager_id  INTEGER REFERENCES people (id),
    from_on     DATE NOT NULL,
    until_on    DATE,
    handover_id INTEGER REFERENCES handovers (id)
);
CREATE INDEX manager_history_person ON manager_history (person_id, from_on);

-- People who left the organisation keep their history but manage nobody.
ALTER TABLE people ADD COLUMN left_on DATE;

-- A goal carried over at a quarterly review points to the goal it
-- continues, so its history reads across cycles.
ALTER TABLE development_goals ADD COLUMN carried_from_id INTEGER
    REFERENCES development_goals (id);

-- The review rhythm: one row, changed by HR.
CREATE TABLE review_rhythm (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    monthly_every_days INTEGER NOT NULL CHECK (monthly_every_days BETWEEN 7 AND 92),
    review_window_days INTEGER NOT NULL CHECK (review_window_days BETWEEN 1 AND 92),
    review_lead_days   INTEGER NOT NULL CHECK (review_lead_days BETWEEN 0 AND 92),
    updated_at         TIMESTAMP NOT NULL
);
INSERT INTO review_rhythm (id, monthly_every_days, review_window_days, review_lead_days, updated_at)
VALUES (1, 31, 21, 14, CURRENT_TIMESTAMP);

-- A manager's calendar feed lives behind a secret URL; only its hash is
-- kept, and resetting it makes the old URL stop working.
CREATE TABLE calendar_feeds (
    person_id   INTEGER PRIMARY KEY REFERENCES people (id),
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE calendar_feeds;
DROP TABLE review_rhythm;
ALTER TABLE development_goals DROP COLUMN carried_from_id;
ALTER TABLE people DROP COLUMN left_on;
DROP TABLE manager_history;
DROP TABLE handover_packs;
DROP TABLE handovers;
