-- The whole hours from {from} to {to} that hold a valid checkpoint (replay_open_marks, migration 0100).
SELECT toUnixTimestamp(hour) * 1000 AS hour_ms
FROM replay_open_marks FINAL
WHERE hour BETWEEN {from:DateTime('UTC')} AND {to:DateTime('UTC')} AND valid = 1
