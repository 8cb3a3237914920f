-- The newest cases of one scope and its open urgent cases of the last 24 hours, from the short raw
-- window case_feed (two days; FINAL keeps each case's newest version and is cheap at that size).
-- Received time bounds both lists, so the read prunes to recent day partitions.
-- Locations go to the wall rounded to 3 decimals (about 100 m): a marker shows the neighbourhood, not
-- the caller's door. Summaries are cut on characters (leftUTF8; substring counts bytes and would split
-- a character); toValidUTF8 mends rows stored before migration 0008 cut them on characters.
SELECT list, id, toUnixTimestamp64Milli(received_at) AS received_at_ms, region_code, line, kind, channel,
       category, status, urgent, round(lon, 3) AS lon, round(lat, 3) AS lat,
       leftUTF8(toValidUTF8(summary), 120) AS summary
FROM
(
    SELECT * FROM
    (
        SELECT 'latest' AS list, id, received_at, region_code, line, kind, channel, category, status, urgent,
               lon, lat, summary
        FROM case_feed FINAL
        WHERE received_at BETWEEN {latestFrom:DateTime64(3, 'UTC')} AND {to:DateTime64(3, 'UTC')}
          AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
        ORDER BY received_at DESC, id DESC
        LIMIT {latestLimit:UInt32}
    )
    UNION ALL
    SELECT * FROM
    (
        SELECT 'urgent' AS list, id, received_at, region_code, line, kind, channel, category, status, urgent,
               lon, lat, summary
        FROM case_feed FINAL
        WHERE received_at BETWEEN {urgentFrom:DateTime64(3, 'UTC')} AND {to:DateTime64(3, 'UTC')}
          AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
          AND urgent = 1
          AND status NOT IN {terminalStatuses:Array(String)}
        ORDER BY received_at DESC, id DESC
        LIMIT {urgentLimit:UInt32}
    )
)
ORDER BY list, received_at DESC, id DESC
