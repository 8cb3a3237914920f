-- What happened to cases in each hour (by the time of the version, not of receipt):
-- closures and on-time closures (for the 30-day on-time rate) and the amount recovered
-- (the increase of recoveredYuan, so "recovered today" counts money recovered today).
-- A closure is a head version entering a terminal state from an open one (or a new case arriving
-- already terminal); a case reopened later takes its closure back at the hour it was closed.
CREATE TABLE IF NOT EXISTS activity_hour
(
    hour DateTime('UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    closed Int64,
    closed_on_time Int64,
    recovered_yuan Decimal(38, 2)
)
ENGINE = SummingMergeTree((closed, closed_on_time, recovered_yuan))
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, region_code, line, kind)
TTL hour + INTERVAL 6 YEAR;

CREATE MATERIALIZED VIEW IF NOT EXISTS activity_hour_mv TO activity_hour AS
WITH
    v.status IN ('rejected', 'resolved', 'closed') AS now_terminal,
    v.prev_exists = 1 AND v.prev_status IN ('rejected', 'resolved', 'closed') AS was_terminal
SELECT toStartOfHour(at) AS hour, cell_region AS region_code, cell_line AS line, cell_kind AS kind,
       toInt64(closing) AS closed, toInt64(closing * on_time) AS closed_on_time, recovered AS recovered_yuan
FROM case_versions AS v
-- row 1, now: +1 closure when the case enters a terminal state, and the money recovered since the
-- previous version; row 2, when a closed case is reopened: -1 closure at the hour it was counted
ARRAY JOIN
    [toInt8(now_terminal AND NOT was_terminal), -toInt8(was_terminal AND NOT now_terminal)] AS closing,
    [v.version_at, v.prev_version_at] AS at,
    [v.region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind] AS cell_kind,
    [toInt8(v.version_at <= v.due_at), toInt8(v.prev_version_at <= v.prev_due_at)] AS on_time,
    [v.recovered_yuan - if(v.prev_exists = 1, v.prev_recovered_yuan, toDecimal64(0, 2)), toDecimal64(0, 2)] AS recovered
WHERE is_head = 1 AND (closing != 0 OR recovered != 0);
