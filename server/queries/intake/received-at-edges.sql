-- Distinct cases received at the ends of a window inside an adcode range, by kind, line and channel,
-- each in its current state (see received-window.ts): up to two spans of whole minutes from the
-- per-minute rollup, and up to two spans read from the cases themselves. An empty span is [x, x).
-- The cases: the ids received in the spans (a scan of received_at in the spans' month partitions),
-- then each one's newest version by id (the sorting key), counted when that version still lies in
-- the spans and the range: exactly what case_heads FINAL would count, without merging whole months.
SELECT kind, line, channel, sum(cases) AS cases
FROM
(
    SELECT kind, line, channel, sum(cases) AS cases
    FROM intake_minute
    WHERE ((minute >= {minutesFrom1:DateTime('UTC')} AND minute < {minutesTo1:DateTime('UTC')})
        OR (minute >= {minutesFrom2:DateTime('UTC')} AND minute < {minutesTo2:DateTime('UTC')}))
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    GROUP BY kind, line, channel
    UNION ALL
    SELECT kind, line, channel, toInt64(count()) AS cases
    FROM
    (
        SELECT argMax(kind, version_at) AS kind,
               argMax(line, version_at) AS line,
               argMax(channel, version_at) AS channel,
               argMax(region_code, version_at) AS head_region_code,
               argMax(received_at, version_at) AS head_received_at
        FROM case_heads
        WHERE id IN
        (
            SELECT id
            FROM case_heads
            WHERE (received_at >= {casesFrom1:DateTime64(3, 'UTC')} AND received_at < {casesTo1:DateTime64(3, 'UTC')})
               OR (received_at >= {casesFrom2:DateTime64(3, 'UTC')} AND received_at < {casesTo2:DateTime64(3, 'UTC')})
        )
        GROUP BY id
    )
    WHERE ((head_received_at >= {casesFrom1:DateTime64(3, 'UTC')} AND head_received_at < {casesTo1:DateTime64(3, 'UTC')})
        OR (head_received_at >= {casesFrom2:DateTime64(3, 'UTC')} AND head_received_at < {casesTo2:DateTime64(3, 'UTC')}))
      AND head_region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    GROUP BY kind, line, channel
)
GROUP BY kind, line, channel
HAVING cases != 0
