-- Every version of every case (the history). One row per (case id, version time).
--
-- ORDER BY (id, version_at): the ingest looks cases up by id, and a case's history reads as one
--   contiguous range. Time-window analytics do not read this table: they read the rollups.
-- PARTITION BY month of received_at: all versions of a case share its receivedAt, so a case never
--   spans partitions (ReplacingMergeTree can collapse a duplicate version), lookups prune by month,
--   and retention drops whole months. Five years is ~60 partitions of ~10M rows: well within limits.
-- ReplacingMergeTree(ingested_at): the ingest already skips versions it has stored; should a retry
--   after a crash slip one through, merges collapse it instead of keeping a second copy.
-- TTL 6 years: five years of history on the wall plus a year for annual comparisons.
--
-- is_head and prev_*: written by the ingest. is_head = 1 when this version became the case's
-- current state; prev_* then hold the state it superseded, so the materialized views below can
-- move the case between rollup cells (-1 from the old state, +1 to the new one) with plain sums.
CREATE TABLE IF NOT EXISTS case_versions
(
    id String,
    version_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    due_at DateTime('UTC'),
    line LowCardinality(String),
    kind LowCardinality(String),
    channel LowCardinality(String),
    region_code UInt32,
    category LowCardinality(String),
    issue_type LowCardinality(String),
    status LowCardinality(String),
    urgent UInt8,
    merchant_id String,
    merchant_name String,
    brand String,
    amount_yuan Decimal(18, 2),
    recovered_yuan Decimal(18, 2),
    lon Nullable(Float64),
    lat Nullable(Float64),
    summary String CODEC(ZSTD(3)),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3),
    is_head UInt8,
    prev_exists UInt8,
    prev_version_at DateTime64(3, 'UTC'),
    prev_received_at DateTime64(3, 'UTC'),
    prev_due_at DateTime('UTC'),
    prev_line LowCardinality(String),
    prev_kind LowCardinality(String),
    prev_channel LowCardinality(String),
    prev_region_code UInt32,
    prev_category LowCardinality(String),
    prev_status LowCardinality(String),
    prev_urgent UInt8,
    prev_amount_yuan Decimal(18, 2),
    prev_recovered_yuan Decimal(18, 2)
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(received_at)
ORDER BY (id, version_at)
TTL toDateTime(received_at) + INTERVAL 6 YEAR;
