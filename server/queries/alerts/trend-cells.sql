-- Daily counts (China-time days) for the slow-rise CUSUM: every city and province x category cell
-- with a case in the 7 whole days before {end}'s day, over the {days} whole days before it, as
-- "days before {end}'s day" (1 = yesterday) with their counts. Counties are left out on purpose: at
-- the national budget a county's daily CUSUM would need tens of days to reach its threshold; the
-- hourly surge score covers counties. Bounded by the day range and ~9,000 series at most. Whole days
-- only, so the answer is the same all day long (the live job reads it once a day, trend-job.ts).
WITH
    toDate({end:DateTime('UTC')}, 'Asia/Shanghai') AS end_day,
    [(2, intDiv(region_code, 100) * 100), (1, intDiv(region_code, 10000) * 10000)] AS levels
SELECT level, cell, category, groupArray(days_ago) AS days_ago, groupArray(cases) AS counts
FROM
(
    SELECT lc.1 AS level, lc.2 AS cell, category,
           toUInt32(end_day - toDate(hour, 'Asia/Shanghai')) AS days_ago, sum(cases) AS cases
    FROM intake_hour
    ARRAY JOIN levels AS lc
    WHERE hour >= {end:DateTime('UTC')} - toIntervalDay({days:UInt32} + 1)
      AND hour < {end:DateTime('UTC')}
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
      AND toDate(hour, 'Asia/Shanghai') < end_day
      AND (lc.1, lc.2, category) IN (
          SELECT l.1, l.2, category
          FROM intake_hour
          ARRAY JOIN [(2, intDiv(region_code, 100) * 100), (1, intDiv(region_code, 10000) * 10000)] AS l
          WHERE hour >= {end:DateTime('UTC')} - toIntervalDay(8)
            AND hour < {end:DateTime('UTC')}
            AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
            AND toDate(hour, 'Asia/Shanghai') BETWEEN end_day - 7 AND end_day - 1
          GROUP BY l.1, l.2, category
          HAVING sum(cases) > 0
      )
    GROUP BY level, cell, category, days_ago
    HAVING cases > 0 AND days_ago BETWEEN 1 AND {days:UInt32}
)
GROUP BY level, cell, category
