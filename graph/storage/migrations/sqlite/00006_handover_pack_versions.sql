-- +goose Up
-- A draft pack is edited by the outgoing manager and by HR; like a plan
-- it carries a version, so that a stale edit is refused rather than
-- overwriting the other's words.
ALTER TABLE handover_packs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- +goose Down
ALTER TABLE handover_packs DROP COLUMN version;
