-- Wall groups' modes as an append-only event log: every control call that changes a group (freeze,
-- replay, pause, play, seek, back to live) is one row, never updated or deleted. The groups' current
-- modes are folded from it at start (server/walls/wall-log.ts), so a meeting room's frozen wall stays
-- frozen across a restart, servers sharing the store agree, and a backup keeps it; it is also the
-- record of who froze or replayed which wall when.
--
-- One row per (wall_id, version) holding the group's whole state after the event. A playing replay's
-- `replay_at` is where it stood at `at`: the clock moves on from there at `replay_speed`.
-- ORDER BY (wall_id, version): the fold reads each group's history as one range. No TTL: a few rows a
-- meeting.
CREATE TABLE IF NOT EXISTS wall_group_events
(
    wall_id String,
    version UInt32,
    event LowCardinality(String),
    at DateTime64(3, 'UTC'),
    actor String,
    mode LowCardinality(String),
    scope LowCardinality(String),
    frozen_at Nullable(DateTime64(3, 'UTC')),
    replay_from Nullable(DateTime64(3, 'UTC')),
    replay_to Nullable(DateTime64(3, 'UTC')),
    replay_at Nullable(DateTime64(3, 'UTC')),
    replay_speed Nullable(UInt32),
    replay_paused Nullable(UInt8)
)
ENGINE = MergeTree
ORDER BY (wall_id, version);
