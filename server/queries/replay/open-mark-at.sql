-- The checkpoint of the whole hour {hour}, if one is kept and valid (replay_open_marks, migration
-- 0100): the taken_at its rows carry, the due-soon bound it used, and from when the versions ingested
-- must still be looked at for a late one: its taken_at, or the time the job last found it still
-- valid (replay_open_checked), whichever is later.
SELECT
    toUnixTimestamp64Milli(taken_at) AS taken_at_ms,
    toUnixTimestamp(due_soon_by) * 1000 AS due_soon_by_ms,
    toUnixTimestamp64Milli(greatest(taken_at, (SELECT max(checked_to) FROM replay_open_checked))) AS look_from_ms
FROM replay_open_marks FINAL
WHERE hour = {hour:DateTime('UTC')} AND valid = 1
