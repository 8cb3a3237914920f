-- Hot-issue alerts as an append-only event log: every change to an alert (opened, updated as it grows
-- or spreads, acknowledged, escalated, dismissed, resolved, reopened) is one row, never updated or
-- deleted. The current alerts are derived from it (server/alerts/alert-log.ts folds it at start).
--
-- One row per (alert_id, version) holding the event, who made it (a token's name, or `system` for
-- changes that follow the detectors) and the alert's whole state after it: the columns a briefing
-- filters by, and `state`, the whole record as JSON (signals, figures, sparkline), so "what stood at
-- time T" is the last row per alert before T, with no replay of diffs.
-- ORDER BY (alert_id, version): the fold reads each alert's history as one contiguous range.
-- MergeTree without TTL: alerts are few (a handful a day by design of the detectors' false-alert
-- budget) and are the record of what the wall raised and who did what about it.
CREATE TABLE IF NOT EXISTS alert_events
(
    alert_id String,
    version UInt32,
    event LowCardinality(String),
    at DateTime64(3, 'UTC'),
    actor String,
    note Nullable(String),
    status LowCardinality(String),
    severity LowCardinality(String),
    kinds Array(LowCardinality(String)),
    region_code LowCardinality(String),
    region_codes Array(String),
    opened_at DateTime64(3, 'UTC'),
    state String CODEC(ZSTD(3))
)
ENGINE = MergeTree
ORDER BY (alert_id, version);
