-- Cases by the hour they were received, per merchant or brand x category x county: the merchant and
-- brand accumulation detector compares a party's last 24 hours and 7 days with its own history and
-- its category's (merchant_day and brand_day have neither the category nor the hour).
-- The +1/-1 pattern of the intake rollups: a new head version adds +1 to its cell and -1 to the cell
-- of the head it superseded, so a case moved to another category or county is counted once, where it
-- is now. case_versions keeps no previous merchant or brand: both rows carry the new version's, so a
-- renamed party keeps its old count under its old name (rare: names are fixed when the case opens).
-- Kept 120 days: 7 days judged plus 12 weeks of history, with margin.
CREATE TABLE IF NOT EXISTS party_hour
(
    hour DateTime('UTC'),
    party_kind LowCardinality(String),
    party String,
    category LowCardinality(String),
    region_code UInt32,
    cases Int64
)
ENGINE = SummingMergeTree(cases)
PARTITION BY toYYYYMMDD(hour)
ORDER BY (hour, party_kind, party, category, region_code)
TTL hour + INTERVAL 120 DAY
-- fed from case_versions: an insert repeated from the insert journal must not count twice (0010)
SETTINGS non_replicated_deduplication_window = 100;

-- One view for both kinds: the second ARRAY JOIN makes a row per party kind, empty names dropped.
CREATE MATERIALIZED VIEW IF NOT EXISTS party_hour_mv TO party_hour AS
SELECT toStartOfHour(at) AS hour, p.1 AS party_kind, p.2 AS party, cell_category AS category,
       cell_region AS region_code, toInt64(sign) AS cases
FROM case_versions AS v
ARRAY JOIN
    [1, -1] AS sign,
    [v.received_at, v.prev_received_at] AS at,
    [v.category, v.prev_category] AS cell_category,
    [v.region_code, v.prev_region_code] AS cell_region
ARRAY JOIN [('merchant', v.merchant_name), ('brand', v.brand)] AS p
WHERE is_head = 1 AND (sign = 1 OR prev_exists = 1) AND p.2 != '';
