-- +goose Up
-- Access tokens and the audit log.

-- A token is stored as the SHA-256 of its secret; the secret is shown once.
-- Every token acts for a person but the bootstrap admin token, made on first
-- start before anyone is imported.
CREATE TABLE tokens (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id     INTEGER REFERENCES people (id),
    roles         TEXT NOT NULL,
    label         TEXT NOT NULL DEFAULT '',
    secret_hash   TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMP NOT NULL,
    created_by_id INTEGER REFERENCES people (id),
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP,
    CHECK (person_id IS NOT NULL OR roles = 'ADMIN')
);
CREATE INDEX tokens_person ON tokens (person_id);

-- One row per change: who, what, when, and the object before and after,
-- as JSON.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TIMESTAMP NOT NULL,
    actor_id     INTEGER REFERENCES people (id),
    token_id     INTEGER REFERENCES tokens (id),
    action       TEXT NOT NULL,
    object_kind  TEXT NOT NULL,
    object_id    INTEGER,
    before       TEXT,
    after        TEXT
);
CREATE INDEX audit_log_object ON audit_log (object_kind, object_id);
CREATE INDEX audit_log_at ON audit_log (at);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE tokens;
