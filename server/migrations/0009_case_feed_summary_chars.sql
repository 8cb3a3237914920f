-- The feed keeps the first 120 characters of a summary. It kept the first 280 bytes, which cut the
-- last Chinese character (3 bytes) or emoji (4) of every long summary in half: the wall showed a
-- replacement character. A view's query cannot be altered in place; it is replaced, at start, before
-- the ingest writes (the spool holds any case that arrives meanwhile).
DROP VIEW IF EXISTS case_feed_mv;

CREATE MATERIALIZED VIEW IF NOT EXISTS case_feed_mv TO case_feed AS
SELECT id, version_at, received_at, region_code, line, kind, channel, category, status, urgent, lon, lat,
       leftUTF8(summary, 120) AS summary
FROM case_versions
WHERE is_head = 1 AND received_at >= now64(3) - INTERVAL 2 DAY;
