-- Emergency incidents as an append-only event log: every change to an incident is one row, never
-- updated or deleted. The current incidents are derived from it (server/incidents/incident-log.ts
-- folds it at start), and so is each incident's timeline; a briefing can ask what stood at a time.
--
-- One row per (incident_id, version): the event, its note, and the incident's whole state after it,
-- so reading the state at a time needs no replay of diffs; `changed` names the fields it changed.
-- The previous state of each field (a timeline's "from") is the row before it.
-- ORDER BY (incident_id, version): the fold reads each incident's history as one contiguous range.
-- MergeTree without TTL: incidents are few (a handful a week) and their log is the record of the
-- response: who decided what, when.
CREATE TABLE IF NOT EXISTS incident_events
(
    incident_id String,
    version UInt32,
    event LowCardinality(String),
    at DateTime64(3, 'UTC'),
    actor String,
    changed Array(LowCardinality(String)),
    note String,
    title String,
    severity LowCardinality(String),
    status LowCardinality(String),
    region_codes Array(String),
    category LowCardinality(String),
    description String,
    lead_unit String,
    assignees Array(String),
    alert_ids Array(String),
    case_ids Array(String),
    opened_at DateTime64(3, 'UTC'),
    opened_by String,
    verified_at Nullable(DateTime64(3, 'UTC')),
    on_site_at Nullable(DateTime64(3, 'UTC')),
    contained_at Nullable(DateTime64(3, 'UTC')),
    closed_at Nullable(DateTime64(3, 'UTC')),
    cancelled_at Nullable(DateTime64(3, 'UTC'))
)
ENGINE = MergeTree
ORDER BY (incident_id, version);
