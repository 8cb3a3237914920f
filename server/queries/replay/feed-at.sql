-- The newest cases of one scope and its open urgent cases as they stood at {at}, in the shape of
-- feed/wall-feed.sql. case_feed keeps two days: for any past moment the feed reads replay_feed
-- (migration 0081: every version, ordered by receipt, kept 6 years): the cases received in each
-- list's window before {at}, each in its newest version at or before {at} (argMax over a tuple: a
-- null location stays null rather than falling back to an older version's); scope, urgency and
-- status are those at {at}. Urgent cases are looked for only among the cases with an urgent version
-- in the window (a case urgent at {at} has one). The caller picks the latest list's window (an hour,
-- then the whole two days when that held too few). Summaries are not kept in replay_feed:
-- summaries-at.sql fetches the few shown from case_versions, by id.
SELECT list, id, toUnixTimestamp64Milli(case_received_at) AS received_at_ms, s.1 AS region_code, s.2 AS line,
       s.3 AS kind, s.4 AS channel, s.5 AS category, s.6 AS status, s.7 AS urgent, round(s.8, 3) AS lon,
       round(s.9, 3) AS lat, '' AS summary
FROM
(
    SELECT * FROM
    (
        SELECT 'latest' AS list, id, any(received_at) AS case_received_at,
               argMax((region_code, line, kind, channel, category, status, urgent, lon, lat), version_at) AS s
        FROM replay_feed
        WHERE received_at >= {latestFrom:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
          AND version_at <= {at:DateTime64(3, 'UTC')}
        GROUP BY id
        HAVING s.1 BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
        ORDER BY case_received_at DESC, id DESC
        LIMIT {latestLimit:UInt32}
    )
    UNION ALL
    SELECT * FROM
    (
        SELECT 'urgent' AS list, id, any(received_at) AS case_received_at,
               argMax((region_code, line, kind, channel, category, status, urgent, lon, lat), version_at) AS s
        FROM replay_feed
        WHERE received_at >= {urgentFrom:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
          AND version_at <= {at:DateTime64(3, 'UTC')}
          AND id IN
          (
              SELECT id FROM replay_feed
              WHERE received_at >= {urgentFrom:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
                AND version_at <= {at:DateTime64(3, 'UTC')} AND urgent = 1
          )
        GROUP BY id
        HAVING s.1 BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
           AND s.7 = 1 AND s.6 NOT IN {terminalStatuses:Array(String)}
        ORDER BY case_received_at DESC, id DESC
        LIMIT {urgentLimit:UInt32}
    )
)
ORDER BY list, case_received_at DESC, id DESC
