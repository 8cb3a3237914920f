-- The versions of every case ordered by the time it was received, for the parts of a past wall that
-- list or locate cases (docs/replay.md): the feed, the urgent markers, the heatmap and the top
-- merchants and brands at T read the cases received in a window before T, each in its newest
-- version at or before T. case_versions is ordered by id, so such a window's rows lie in every
-- granule of its month; here they are one contiguous range. No summary (the few shown are looked up
-- in case_versions by id); every version, as case_versions holds them; kept as long.
CREATE TABLE IF NOT EXISTS replay_feed
(
    received_at DateTime64(3, 'UTC'),
    id String,
    version_at DateTime64(3, 'UTC'),
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    channel LowCardinality(String),
    category LowCardinality(String),
    status LowCardinality(String),
    urgent UInt8,
    lon Nullable(Float64),
    lat Nullable(Float64),
    merchant_name String,
    brand String
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (received_at, id, version_at)
TTL toDateTime(received_at) + INTERVAL 6 YEAR
SETTINGS non_replicated_deduplication_window = 100;

TRUNCATE TABLE IF EXISTS replay_feed;

INSERT INTO replay_feed
SELECT received_at, id, version_at, region_code, line, kind, channel, category, status, urgent, lon, lat,
       merchant_name, brand
FROM case_versions FINAL;

CREATE MATERIALIZED VIEW IF NOT EXISTS replay_feed_mv TO replay_feed AS
SELECT received_at, id, version_at, region_code, line, kind, channel, category, status, urgent, lon, lat,
       merchant_name, brand
FROM case_versions;
