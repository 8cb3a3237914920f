-- New cases per day (China Standard Time) by merchant and by brand, for the top-merchants and
-- top-brands panels and the analysis reports. Counted once per case, when its first version is
-- stored. Kept 400 days: a year-on-year comparison of the same month needs 13 months.
CREATE TABLE IF NOT EXISTS merchant_day
(
    day Date,
    region_code UInt32,
    merchant_name String,
    cases Int64
)
ENGINE = SummingMergeTree(cases)
PARTITION BY toYYYYMM(day)
ORDER BY (day, region_code, merchant_name)
TTL day + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS merchant_day_mv TO merchant_day AS
SELECT toDate(received_at, 'Asia/Shanghai') AS day, region_code, merchant_name, toInt64(1) AS cases
FROM case_versions
WHERE is_head = 1 AND prev_exists = 0 AND merchant_name != '';

CREATE TABLE IF NOT EXISTS brand_day
(
    day Date,
    region_code UInt32,
    brand String,
    cases Int64
)
ENGINE = SummingMergeTree(cases)
PARTITION BY toYYYYMM(day)
ORDER BY (day, region_code, brand)
TTL day + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS brand_day_mv TO brand_day AS
SELECT toDate(received_at, 'Asia/Shanghai') AS day, region_code, brand, toInt64(1) AS cases
FROM case_versions
WHERE is_head = 1 AND prev_exists = 0 AND brand != '';
