-- Terms of a case's summary (words from the Chinese word segmentation at ingest, after the scrubber:
-- server/ingest/summary-terms.ts says which words are kept), and their hourly rollup for the
-- emerging-terms detector (server/alerts/detectors/term-detector.ts).
--
-- terms: on every version, from that version's summary. Versions stored before this migration, and
-- ones inserted without the column, hold none.
ALTER TABLE case_versions ADD COLUMN IF NOT EXISTS terms Array(LowCardinality(String)) DEFAULT [] AFTER summary;

-- Cases received per hour by province x category x term; the term '' counts every case, with or
-- without terms, so a term's share of its province's (or the nation's) cases is one table away.
-- Counted once per case, with the terms, province and category of its first stored version, like
-- merchant_day: the detector asks what callers report when they call, and a later version (the case
-- handled, closed) rarely rewrites the summary. Following a rewrite would need each head's terms in
-- the writer's cache and as prev_terms on every row for a -1/+1 pair; not worth it for this signal.
-- Province rather than county: a county x category x term cell is almost always 0 or 1 case, a
-- term's local rise shows at province level, and the table stays near (hours x 34 x 24 x the
-- vocabulary in use). ORDER BY starts with the hour: the detector reads the last 29 days.
-- Kept 60 days: the detector's 28-day baseline plus the day it tests, with a month of margin for a
-- backtest.
CREATE TABLE IF NOT EXISTS term_hour
(
    hour DateTime('UTC'),
    province_code UInt32,
    category LowCardinality(String),
    term LowCardinality(String),
    cases Int64
)
ENGINE = SummingMergeTree(cases)
PARTITION BY toYYYYMMDD(hour)
ORDER BY (hour, province_code, category, term)
TTL hour + INTERVAL 60 DAY
-- fed from case_versions: an insert repeated from the insert journal must not count twice (0010)
SETTINGS non_replicated_deduplication_window = 100;

-- GROUP BY in the view: the inserts skip in-block collapsing (optimize_on_insert = 0), and a batch of
-- 8,000 cases would otherwise write ten rows a case where a few thousand cells will do
CREATE MATERIALIZED VIEW IF NOT EXISTS term_hour_mv TO term_hour AS
SELECT toStartOfHour(received_at) AS hour, intDiv(region_code, 10000) * 10000 AS province_code, category, term,
       toInt64(count()) AS cases
FROM case_versions
ARRAY JOIN arrayConcat([''], terms) AS term
WHERE is_head = 1 AND prev_exists = 0
GROUP BY hour, province_code, category, term;
