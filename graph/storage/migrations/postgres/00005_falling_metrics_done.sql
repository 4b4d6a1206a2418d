-- +goose Up
-- A metric that falls ("cut incidents from 9 to 3") is done once its value
-- is at or below the target; earlier releases marked it done once the
-- value was at or above the target, whichever way it ran. Settle those
-- rows again by the corrected rule.
UPDATE key_results
SET done = (current_value <= target_value)
WHERE start_value > target_value
  AND current_value IS NOT NULL
  AND target_value IS NOT NULL;

-- +goose Down
-- Nothing to undo: the rows hold what the rule says.
SELECT 1;
