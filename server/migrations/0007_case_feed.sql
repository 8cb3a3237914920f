-- The short raw window the wall reads directly: the latest cases, open urgent cases of the last
-- 24 hours and the heatmap of recent locations. Head versions only; ReplacingMergeTree keeps each
-- case's newest version (readers use FINAL: the table holds two days, so FINAL is cheap).
CREATE TABLE IF NOT EXISTS case_feed
(
    id String,
    version_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    channel LowCardinality(String),
    category LowCardinality(String),
    status LowCardinality(String),
    urgent UInt8,
    lon Nullable(Float64),
    lat Nullable(Float64),
    summary String
)
ENGINE = ReplacingMergeTree(version_at)
PARTITION BY toYYYYMMDD(received_at)
ORDER BY (received_at, id)
TTL toDateTime(received_at) + INTERVAL 2 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS case_feed_mv TO case_feed AS
SELECT id, version_at, received_at, region_code, line, kind, channel, category, status, urgent, lon, lat,
       substring(summary, 1, 280) AS summary
FROM case_versions
WHERE is_head = 1 AND received_at >= now64(3) - INTERVAL 2 DAY;
