-- The whole wall-group log in the order it is folded: each group's events by version.
SELECT wall_id,
       version,
       event,
       toUnixTimestamp64Milli(at) AS at_ms,
       actor,
       mode,
       scope,
       toUnixTimestamp64Milli(frozen_at) AS frozen_at_ms,
       toUnixTimestamp64Milli(replay_from) AS replay_from_ms,
       toUnixTimestamp64Milli(replay_to) AS replay_to_ms,
       toUnixTimestamp64Milli(replay_at) AS replay_at_ms,
       replay_speed,
       replay_paused
FROM wall_group_events
ORDER BY wall_id, version
