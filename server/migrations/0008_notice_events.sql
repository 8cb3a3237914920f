-- Wall notices as an append-only event log: every change to a notice is one row, never updated or
-- deleted. The current notices are derived from it (server/notices/notice-log.ts folds it at start);
-- a briefing that replays a moment can ask which notices stood then (the last version before it).
--
-- One row per (notice_id, version): the event and the notice's whole state after it, so reading the
-- state at a time needs no replay of diffs; `changed` names the fields the event changed.
-- ORDER BY (notice_id, version): the fold reads each notice's history as one contiguous range.
-- MergeTree without TTL: notices are few (a handful a day) and are the record of what staff posted.
CREATE TABLE IF NOT EXISTS notice_events
(
    notice_id String,
    version UInt32,
    event LowCardinality(String),
    at DateTime64(3, 'UTC'),
    actor String,
    changed Array(LowCardinality(String)),
    scope LowCardinality(String),
    text String,
    expires_at Nullable(DateTime64(3, 'UTC')),
    withdrawn UInt8,
    posted_at DateTime64(3, 'UTC'),
    posted_by String
)
ENGINE = MergeTree
ORDER BY (notice_id, version);
