-- The current state of each case: the newest version, fed from case_versions.
-- ReplacingMergeTree(version_at) keeps the newest row per id after merges; readers use FINAL
-- (or argMax) and always prune by received_at month. A narrow table with small granules so that
-- the ingest's lookups by id read little.
CREATE TABLE IF NOT EXISTS case_heads
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
    status LowCardinality(String),
    urgent UInt8,
    amount_yuan Decimal(18, 2),
    recovered_yuan Decimal(18, 2)
)
ENGINE = ReplacingMergeTree(version_at)
PARTITION BY toYYYYMM(received_at)
ORDER BY id
TTL toDateTime(received_at) + INTERVAL 6 YEAR
SETTINGS index_granularity = 1024;

CREATE MATERIALIZED VIEW IF NOT EXISTS case_heads_mv TO case_heads AS
SELECT id, version_at, received_at, due_at, line, kind, channel, region_code, category, status, urgent,
       amount_yuan, recovered_yuan
FROM case_versions
WHERE is_head = 1;
