-- Intake rollups: cases by the minute (and hour) they were received, per county adcode x line x
-- kind x category x channel x current status, with amounts involved and recovered.
-- A new head version adds +1 to its cell and, if it superseded an earlier head, -1 to that one's
-- cell: summing `cases` over any set of cells counts each case exactly once, in its current state.
-- SummingMergeTree folds the deltas; cells that sum to zero disappear in merges.
-- ORDER BY starts with the time bucket: every live panel reads a recent time range, so the cost
-- of a tick depends on the window, not on how many years are stored.
-- The minute rollup is kept 35 days (24 hours on the wall plus a week-ago baseline, with margin);
-- the hour rollup as long as the history.
CREATE TABLE IF NOT EXISTS intake_minute
(
    minute DateTime('UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    category LowCardinality(String),
    channel LowCardinality(String),
    status LowCardinality(String),
    cases Int64,
    urgent Int64,
    amount_yuan Decimal(38, 2),
    recovered_yuan Decimal(38, 2)
)
ENGINE = SummingMergeTree((cases, urgent, amount_yuan, recovered_yuan))
PARTITION BY toYYYYMMDD(minute)
ORDER BY (minute, region_code, line, kind, category, channel, status)
TTL minute + INTERVAL 35 DAY;

CREATE TABLE IF NOT EXISTS intake_hour
(
    hour DateTime('UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    category LowCardinality(String),
    channel LowCardinality(String),
    status LowCardinality(String),
    cases Int64,
    urgent Int64,
    amount_yuan Decimal(38, 2),
    recovered_yuan Decimal(38, 2)
)
ENGINE = SummingMergeTree((cases, urgent, amount_yuan, recovered_yuan))
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, region_code, line, kind, category, channel, status)
TTL hour + INTERVAL 6 YEAR;

CREATE MATERIALIZED VIEW IF NOT EXISTS intake_minute_mv TO intake_minute AS
SELECT toStartOfMinute(at) AS minute, cell_region AS region_code, cell_line AS line, cell_kind AS kind,
       cell_category AS category, cell_channel AS channel, cell_status AS status, toInt64(sign) AS cases,
       toInt64(sign * cell_urgent) AS urgent, sign * cell_amount AS amount_yuan, sign * cell_recovered AS recovered_yuan
FROM case_versions AS v
-- arrays of equal length are joined element by element: row 1 is the new head (+1), row 2 the
-- head it superseded (-1), dropped when there was none
ARRAY JOIN
    [1, -1] AS sign,
    [v.received_at, v.prev_received_at] AS at,
    [v.region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category] AS cell_category,
    [v.channel, v.prev_channel] AS cell_channel,
    [v.status, v.prev_status] AS cell_status,
    [v.urgent, v.prev_urgent] AS cell_urgent,
    [v.amount_yuan, v.prev_amount_yuan] AS cell_amount,
    [v.recovered_yuan, v.prev_recovered_yuan] AS cell_recovered
WHERE is_head = 1 AND (sign = 1 OR prev_exists = 1);

CREATE MATERIALIZED VIEW IF NOT EXISTS intake_hour_mv TO intake_hour AS
SELECT toStartOfHour(at) AS hour, cell_region AS region_code, cell_line AS line, cell_kind AS kind,
       cell_category AS category, cell_channel AS channel, cell_status AS status, toInt64(sign) AS cases,
       toInt64(sign * cell_urgent) AS urgent, sign * cell_amount AS amount_yuan, sign * cell_recovered AS recovered_yuan
FROM case_versions AS v
-- arrays of equal length are joined element by element: row 1 is the new head (+1), row 2 the
-- head it superseded (-1), dropped when there was none
ARRAY JOIN
    [1, -1] AS sign,
    [v.received_at, v.prev_received_at] AS at,
    [v.region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category] AS cell_category,
    [v.channel, v.prev_channel] AS cell_channel,
    [v.status, v.prev_status] AS cell_status,
    [v.urgent, v.prev_urgent] AS cell_urgent,
    [v.amount_yuan, v.prev_amount_yuan] AS cell_amount,
    [v.recovered_yuan, v.prev_recovered_yuan] AS cell_recovered
WHERE is_head = 1 AND (sign = 1 OR prev_exists = 1);
