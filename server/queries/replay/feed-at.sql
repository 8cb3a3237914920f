-- The newest cases of one scope and its open urgent cases as they stood at {at}, in the shape of
-- feed/wall-feed.sql. case_feed keeps two days: for any past moment the feed reads replay_feed
-- (migration 0081: every version, ordered by receipt, kept 6 years), the cases received in the window before {at}, each in its newest version at or
-- before {at} (argMax over a tuple: a null location stays null rather than falling back to an older
-- version's). Scope, urgency and status are those at {at}. One scan for both lists: each case is a
-- 'latest' row, and an 'urgent' row too when it is urgent, open and recent; each list keeps its
-- newest. The received window is one range of it. Summaries are not kept there: summaries-at.sql
-- fetches the few shown from case_versions, by id.
SELECT list, id, toUnixTimestamp64Milli(case_received_at) AS received_at_ms, s.1 AS region_code, s.2 AS line,
       s.3 AS kind, s.4 AS channel, s.5 AS category, s.6 AS status, s.7 AS urgent, round(s.8, 3) AS lon,
       round(s.9, 3) AS lat, '' AS summary
FROM
(
    SELECT list, id, case_received_at, s,
           row_number() OVER (PARTITION BY list ORDER BY case_received_at DESC, id DESC) AS rank_in_list
    FROM
    (
        SELECT id, any(received_at) AS case_received_at,
               argMax((region_code, line, kind, channel, category, status, urgent, lon, lat), version_at) AS s
        FROM replay_feed
        WHERE received_at >= {latestFrom:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
          AND version_at <= {at:DateTime64(3, 'UTC')}
        GROUP BY id
        HAVING s.1 BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    )
    ARRAY JOIN
        if(case_received_at >= {urgentFrom:DateTime64(3, 'UTC')} AND s.7 = 1 AND s.6 NOT IN {terminalStatuses:Array(String)},
           ['latest', 'urgent'], ['latest']) AS list
)
WHERE rank_in_list <= if(list = 'latest', {latestLimit:UInt32}, {urgentLimit:UInt32})
ORDER BY list, case_received_at DESC, id DESC
