-- History that can be replayed (docs/replay.md). "The wall as of T": every case counted in its newest
-- version with a version time at or before T. The live rollups hold each case in its current state
-- only; these tables hold each state a case was in, as a spell [since, until): from the version time
-- of the head version that began it to that of the head version that replaced it. The state of a case
-- at T is the spell with since <= T < until; summing cells over spells that cover T counts each case
-- once, as it stood at T.
--
-- Each new head version writes three rows (the +1/-1 pattern of the intake rollups): +1 for its own
-- spell, open-ended (until = 2100-01-01); and, when it replaced a head, -1 for that head's open-ended
-- spell and +1 for the same spell closed at this version's time. The open-ended +1 and -1 have the
-- same key, so they cancel in any sum and SummingMergeTree drops them in merges: what stays is one
-- row per finished spell and one per current state.
--
-- Buckets: since and until are rounded UP to the bucket (minute or hour), received down. For a moment
-- T on a whole bucket, since <= T < until  <=>  ceil(since) <= T < ceil(until), and received < T
-- <=> floor(received) < T: sums over these buckets are exact at every whole minute (hour).
--
-- replay_spells_minute: the intake parts at minute resolution, kept while the per-minute rollup is
--   (35 days), plus the 8 days a week-ago baseline reaches back, with margin: 45 days.
-- replay_spells_hour: the same by the hour, kept as long as the history (6 years).
-- replay_open_spells: spells in an open state only, at the millisecond, ordered by until: open,
--   overdue and due soon at T read the spells that ended after T (and the current open ones), so the
--   cost follows what changed since T, not the history.
-- replay_closures: closures and money recovered (as activity_hour) with the time of the version that
--   made each move (changed_at): a closure taken back by a reopening after T still counts at T.
--
-- Every table is filled from the heads already stored (is_head = 1, FINAL) before its view is created:
-- migrations run at start before the ingest writes, so no version is counted twice; a migration that
-- stopped half-way runs again from the TRUNCATE.
CREATE TABLE IF NOT EXISTS replay_spells_minute
(
    received DateTime('UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    category LowCardinality(String),
    channel LowCardinality(String),
    status LowCardinality(String),
    since DateTime('UTC'),
    until DateTime('UTC'),
    cases Int64,
    urgent Int64,
    amount_yuan Decimal(38, 2)
)
ENGINE = SummingMergeTree((cases, urgent, amount_yuan))
PARTITION BY toYYYYMMDD(received)
ORDER BY (received, region_code, line, kind, category, channel, status, since, until)
TTL received + INTERVAL 45 DAY
SETTINGS non_replicated_deduplication_window = 100;

CREATE TABLE IF NOT EXISTS replay_spells_hour
(
    received DateTime('UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    category LowCardinality(String),
    channel LowCardinality(String),
    status LowCardinality(String),
    since DateTime('UTC'),
    until DateTime('UTC'),
    cases Int64,
    urgent Int64,
    amount_yuan Decimal(38, 2)
)
ENGINE = SummingMergeTree((cases, urgent, amount_yuan))
PARTITION BY toYYYYMM(received)
ORDER BY (received, region_code, line, kind, category, channel, status, since, until)
TTL received + INTERVAL 6 YEAR
SETTINGS non_replicated_deduplication_window = 100;

CREATE TABLE IF NOT EXISTS replay_open_spells
(
    until DateTime64(3, 'UTC'),
    since DateTime64(3, 'UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    category LowCardinality(String),
    status LowCardinality(String),
    due_hour DateTime('UTC'),
    cases Int64,
    INDEX since_minmax since TYPE minmax GRANULARITY 1
)
ENGINE = SummingMergeTree(cases)
PARTITION BY toYYYYMM(until)
ORDER BY (until, since, region_code, line, kind, category, status, due_hour)
TTL toDateTime(until) + INTERVAL 6 YEAR
SETTINGS non_replicated_deduplication_window = 100;

CREATE TABLE IF NOT EXISTS replay_closures
(
    hour DateTime('UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    changed_at DateTime64(3, 'UTC'),
    closed Int64,
    closed_on_time Int64,
    recovered_yuan Decimal(38, 2)
)
ENGINE = SummingMergeTree((closed, closed_on_time, recovered_yuan))
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, region_code, line, kind, changed_at)
TTL hour + INTERVAL 6 YEAR
SETTINGS non_replicated_deduplication_window = 100;

TRUNCATE TABLE IF EXISTS replay_spells_minute;

TRUNCATE TABLE IF EXISTS replay_spells_hour;

TRUNCATE TABLE IF EXISTS replay_open_spells;

TRUNCATE TABLE IF EXISTS replay_closures;

-- The backfills: the views' queries below, over the heads stored so far (FINAL: a duplicate version
-- not yet merged away must not count twice). The minute table takes only what its TTL keeps.
INSERT INTO replay_spells_minute
SELECT toStartOfMinute(cell_received) AS received, cell_region AS region_code, cell_line AS line,
       cell_kind AS kind, cell_category AS category, cell_channel AS channel, cell_status AS status,
       toStartOfMinute(addMilliseconds(cell_since, 59999)) AS since,
       toStartOfMinute(addMilliseconds(cell_until, 59999)) AS until,
       toInt64(sign) AS cases, toInt64(sign * cell_urgent) AS urgent, sign * cell_amount AS amount_yuan
FROM case_versions AS v FINAL
ARRAY JOIN
    [1, 2, 3] AS nth,
    [1, -1, 1] AS sign,
    [v.received_at, v.prev_received_at, v.prev_received_at] AS cell_received,
    [v.version_at, v.prev_version_at, v.prev_version_at] AS cell_since,
    [toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), v.version_at] AS cell_until,
    [v.region_code, v.prev_region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category, v.prev_category] AS cell_category,
    [v.channel, v.prev_channel, v.prev_channel] AS cell_channel,
    [v.status, v.prev_status, v.prev_status] AS cell_status,
    [v.urgent, v.prev_urgent, v.prev_urgent] AS cell_urgent,
    [v.amount_yuan, v.prev_amount_yuan, v.prev_amount_yuan] AS cell_amount
WHERE is_head = 1 AND (nth = 1 OR prev_exists = 1) AND cell_received >= now() - INTERVAL 45 DAY;

INSERT INTO replay_spells_hour
SELECT toStartOfHour(cell_received) AS received, cell_region AS region_code, cell_line AS line,
       cell_kind AS kind, cell_category AS category, cell_channel AS channel, cell_status AS status,
       toStartOfHour(addMilliseconds(cell_since, 3599999)) AS since,
       toStartOfHour(addMilliseconds(cell_until, 3599999)) AS until,
       toInt64(sign) AS cases, toInt64(sign * cell_urgent) AS urgent, sign * cell_amount AS amount_yuan
FROM case_versions AS v FINAL
ARRAY JOIN
    [1, 2, 3] AS nth,
    [1, -1, 1] AS sign,
    [v.received_at, v.prev_received_at, v.prev_received_at] AS cell_received,
    [v.version_at, v.prev_version_at, v.prev_version_at] AS cell_since,
    [toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), v.version_at] AS cell_until,
    [v.region_code, v.prev_region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category, v.prev_category] AS cell_category,
    [v.channel, v.prev_channel, v.prev_channel] AS cell_channel,
    [v.status, v.prev_status, v.prev_status] AS cell_status,
    [v.urgent, v.prev_urgent, v.prev_urgent] AS cell_urgent,
    [v.amount_yuan, v.prev_amount_yuan, v.prev_amount_yuan] AS cell_amount
WHERE is_head = 1 AND (nth = 1 OR prev_exists = 1);

INSERT INTO replay_open_spells
SELECT cell_until AS until, cell_since AS since, cell_region AS region_code, cell_line AS line,
       cell_kind AS kind, cell_category AS category, cell_status AS status,
       toStartOfHour(cell_due) AS due_hour, toInt64(sign) AS cases
FROM case_versions AS v FINAL
ARRAY JOIN
    [1, 2, 3] AS nth,
    [1, -1, 1] AS sign,
    [v.version_at, v.prev_version_at, v.prev_version_at] AS cell_since,
    [toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), v.version_at] AS cell_until,
    [v.region_code, v.prev_region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category, v.prev_category] AS cell_category,
    [v.status, v.prev_status, v.prev_status] AS cell_status,
    [v.due_at, v.prev_due_at, v.prev_due_at] AS cell_due
WHERE is_head = 1 AND (nth = 1 OR prev_exists = 1) AND cell_status NOT IN ('rejected', 'resolved', 'closed');

INSERT INTO replay_closures
WITH
    v.status IN ('rejected', 'resolved', 'closed') AS now_terminal,
    v.prev_exists = 1 AND v.prev_status IN ('rejected', 'resolved', 'closed') AS was_terminal
SELECT toStartOfHour(at) AS hour, cell_region AS region_code, cell_line AS line, cell_kind AS kind,
       v.version_at AS changed_at, toInt64(closing) AS closed, toInt64(closing * on_time) AS closed_on_time,
       recovered AS recovered_yuan
FROM case_versions AS v FINAL
ARRAY JOIN
    [toInt8(now_terminal AND NOT was_terminal), -toInt8(was_terminal AND NOT now_terminal)] AS closing,
    [v.version_at, v.prev_version_at] AS at,
    [v.region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind] AS cell_kind,
    [toInt8(v.version_at <= v.due_at), toInt8(v.prev_version_at <= v.prev_due_at)] AS on_time,
    [v.recovered_yuan - if(v.prev_exists = 1, v.prev_recovered_yuan, toDecimal64(0, 2)), toDecimal64(0, 2)] AS recovered
WHERE is_head = 1 AND (closing != 0 OR recovered != 0);

CREATE MATERIALIZED VIEW IF NOT EXISTS replay_spells_minute_mv TO replay_spells_minute AS
SELECT toStartOfMinute(cell_received) AS received, cell_region AS region_code, cell_line AS line,
       cell_kind AS kind, cell_category AS category, cell_channel AS channel, cell_status AS status,
       toStartOfMinute(addMilliseconds(cell_since, 59999)) AS since,
       toStartOfMinute(addMilliseconds(cell_until, 59999)) AS until,
       toInt64(sign) AS cases, toInt64(sign * cell_urgent) AS urgent, sign * cell_amount AS amount_yuan
FROM case_versions AS v
ARRAY JOIN
    [1, 2, 3] AS nth,
    [1, -1, 1] AS sign,
    [v.received_at, v.prev_received_at, v.prev_received_at] AS cell_received,
    [v.version_at, v.prev_version_at, v.prev_version_at] AS cell_since,
    [toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), v.version_at] AS cell_until,
    [v.region_code, v.prev_region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category, v.prev_category] AS cell_category,
    [v.channel, v.prev_channel, v.prev_channel] AS cell_channel,
    [v.status, v.prev_status, v.prev_status] AS cell_status,
    [v.urgent, v.prev_urgent, v.prev_urgent] AS cell_urgent,
    [v.amount_yuan, v.prev_amount_yuan, v.prev_amount_yuan] AS cell_amount
-- rows the TTL would drop at once are not written (a late case, a change to an old one)
WHERE is_head = 1 AND (nth = 1 OR prev_exists = 1) AND cell_received >= now() - INTERVAL 45 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS replay_spells_hour_mv TO replay_spells_hour AS
SELECT toStartOfHour(cell_received) AS received, cell_region AS region_code, cell_line AS line,
       cell_kind AS kind, cell_category AS category, cell_channel AS channel, cell_status AS status,
       toStartOfHour(addMilliseconds(cell_since, 3599999)) AS since,
       toStartOfHour(addMilliseconds(cell_until, 3599999)) AS until,
       toInt64(sign) AS cases, toInt64(sign * cell_urgent) AS urgent, sign * cell_amount AS amount_yuan
FROM case_versions AS v
ARRAY JOIN
    [1, 2, 3] AS nth,
    [1, -1, 1] AS sign,
    [v.received_at, v.prev_received_at, v.prev_received_at] AS cell_received,
    [v.version_at, v.prev_version_at, v.prev_version_at] AS cell_since,
    [toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), v.version_at] AS cell_until,
    [v.region_code, v.prev_region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category, v.prev_category] AS cell_category,
    [v.channel, v.prev_channel, v.prev_channel] AS cell_channel,
    [v.status, v.prev_status, v.prev_status] AS cell_status,
    [v.urgent, v.prev_urgent, v.prev_urgent] AS cell_urgent,
    [v.amount_yuan, v.prev_amount_yuan, v.prev_amount_yuan] AS cell_amount
WHERE is_head = 1 AND (nth = 1 OR prev_exists = 1);

CREATE MATERIALIZED VIEW IF NOT EXISTS replay_open_spells_mv TO replay_open_spells AS
SELECT cell_until AS until, cell_since AS since, cell_region AS region_code, cell_line AS line,
       cell_kind AS kind, cell_category AS category, cell_status AS status,
       toStartOfHour(cell_due) AS due_hour, toInt64(sign) AS cases
FROM case_versions AS v
ARRAY JOIN
    [1, 2, 3] AS nth,
    [1, -1, 1] AS sign,
    [v.version_at, v.prev_version_at, v.prev_version_at] AS cell_since,
    [toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), toDateTime64('2100-01-01 00:00:00', 3, 'UTC'), v.version_at] AS cell_until,
    [v.region_code, v.prev_region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category, v.prev_category] AS cell_category,
    [v.status, v.prev_status, v.prev_status] AS cell_status,
    [v.due_at, v.prev_due_at, v.prev_due_at] AS cell_due
WHERE is_head = 1 AND (nth = 1 OR prev_exists = 1) AND cell_status NOT IN ('rejected', 'resolved', 'closed');

CREATE MATERIALIZED VIEW IF NOT EXISTS replay_closures_mv TO replay_closures AS
WITH
    v.status IN ('rejected', 'resolved', 'closed') AS now_terminal,
    v.prev_exists = 1 AND v.prev_status IN ('rejected', 'resolved', 'closed') AS was_terminal
SELECT toStartOfHour(at) AS hour, cell_region AS region_code, cell_line AS line, cell_kind AS kind,
       v.version_at AS changed_at, toInt64(closing) AS closed, toInt64(closing * on_time) AS closed_on_time,
       recovered AS recovered_yuan
FROM case_versions AS v
ARRAY JOIN
    [toInt8(now_terminal AND NOT was_terminal), -toInt8(was_terminal AND NOT now_terminal)] AS closing,
    [v.version_at, v.prev_version_at] AS at,
    [v.region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind] AS cell_kind,
    [toInt8(v.version_at <= v.due_at), toInt8(v.prev_version_at <= v.prev_due_at)] AS on_time,
    [v.recovered_yuan - if(v.prev_exists = 1, v.prev_recovered_yuan, toDecimal64(0, 2)), toDecimal64(0, 2)] AS recovered
WHERE is_head = 1 AND (closing != 0 OR recovered != 0);
