-- Where the checkpoint job's next look for late versions starts (migration 0100): the time it last
-- looked up to (replay_open_checked), or, never having looked, the oldest valid checkpoint's
-- taken_at; 0 for none. With ClickHouse's own clock, which ingested_at is written with.
SELECT
    (SELECT ifNull(toUnixTimestamp64Milli(max(checked_to)), 0) FROM replay_open_checked) AS checked_ms,
    (SELECT ifNull(toUnixTimestamp64Milli(min(taken_at)), 0) FROM replay_open_marks FINAL WHERE valid = 1) AS first_taken_ms,
    toUnixTimestamp64Milli(now64(3)) AS now_ms
