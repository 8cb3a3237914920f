-- Checkpoints of the workload figures (open cases, closures) at whole hours (docs/replay.md, "Checkpoints"), written by a scheduled
-- job (server/replay/open-checkpoint-job.ts), not by a materialized view: nothing is added to the
-- ingest. Open, overdue and due soon at a whole hour H otherwise read every open spell that ended
-- after H (replay_open_spells from H on), which grows with how far back H is; the checkpoint of H is
-- that same sum taken once, per region; with it the closures of the 30 days before H and the money
-- recovered on H's day (replay_closures: the moves made by versions at or before H), so a whole hour's
-- workload is one small read.
--
-- Why a checkpoint stays exact: the spells covering H (since <= H < until) change only through a head
-- version whose time is at or before H. A later version writes -1 for the old open-ended spell, +1 for
-- it closed at the version's time and +1 for its own spell: at H these cancel. So a checkpoint taken
-- at `taken_at` (every version ingested before it counted) holds, and so do the closures made at or
-- before H, until a head version with a time at
-- or before H is ingested after it: a late version, a deadline recomputed for a new calendar. Readers
-- look for one (case_versions.ingested_at, in the parts written since) and read the spells instead.
--
-- replay_open_checkpoints: per hour and region, the open, overdue (deadline hour before H) and due soon
--   (deadline by due_soon_by of the hour's mark) cases at H, the closures and on-time closures with
--   a closure hour from H - 30 days to H and the money recovered from H's midnight (China Standard
--   Time), as workload-at reads them at H. An hour taken again gets a new taken_at.
-- replay_open_marks: one row per hour taken (ReplacingMergeTree by revision): which taken_at holds it,
--   the due-soon bound it used (the calendar's), and valid = 0 once a late version was found for it.
-- replay_open_checked: the times up to which the job has looked for late versions and found every
--   mark still valid for it was kept valid: a reader then looks only at what was ingested since.
CREATE TABLE IF NOT EXISTS replay_open_checkpoints
(
    hour DateTime('UTC'),
    taken_at DateTime64(3, 'UTC'),
    region_code UInt32,
    open_cases Int64,
    overdue_cases Int64,
    due_soon_cases Int64,
    closed_30d_cases Int64,
    closed_on_time_30d_cases Int64,
    recovered_today_yuan Decimal(38, 2)
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, taken_at, region_code)
TTL hour + INTERVAL 6 YEAR;

CREATE TABLE IF NOT EXISTS replay_open_marks
(
    hour DateTime('UTC'),
    taken_at DateTime64(3, 'UTC'),
    due_soon_by DateTime('UTC'),
    valid UInt8,
    revision DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(revision)
ORDER BY hour
TTL hour + INTERVAL 6 YEAR;

CREATE TABLE IF NOT EXISTS replay_open_checked
(
    checked_to DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY checked_to
TTL toDateTime(checked_to) + INTERVAL 7 DAY;
