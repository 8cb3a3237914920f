-- Hourly counts for the surge detector: every (level, region, category) cell with a case in the last
-- 24 hours before {end}, and only the hours of its past weeks that the hour-of-week baseline reads
-- (per week: the 24-hour window, 2 hours of dispersion span either side), as "hours before {end}"
-- with their counts. Counties are rolled up to their city (first 4 digits) and province (first 2);
-- each province also as one cell of every category at once (category ''), whose rhythm tells a busy
-- day in the whole province from a surge of one category (surge-detector.ts, province factors).
-- Cost: the scan is bounded by the hour range (intake_hour's ORDER BY starts with hour) and the
-- band keeps 28 of every 168 hours; inactive cells (most of 71,400 county x category series on any
-- day) are dropped before grouping, so the reply is bounded by what happened in the last day.
-- Backtests pass an {end} in the past: only cases received by then are read (in their current state).
WITH
    toUnixTimestamp({end:DateTime('UTC')}) AS end_s,
    intDiv(end_s - toUnixTimestamp(hour), 3600) - 1 AS ago,
    [(3, region_code, toString(category)), (2, intDiv(region_code, 100) * 100, toString(category)),
     (1, intDiv(region_code, 10000) * 10000, toString(category)), (1, intDiv(region_code, 10000) * 10000, '')] AS levels
SELECT level, cell, cell_category AS category, groupArray(ago_hours) AS ago_hours, groupArray(cases) AS counts
FROM
(
    SELECT lc.1 AS level, lc.2 AS cell, lc.3 AS cell_category, ago AS ago_hours, sum(cases) AS cases
    FROM intake_hour
    ARRAY JOIN levels AS lc
    WHERE hour >= {end:DateTime('UTC')} - toIntervalHour({hours:UInt32})
      AND hour < {end:DateTime('UTC')}
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
      AND (ago % 168 <= 25 OR ago % 168 >= 166)
      AND lc IN (
          SELECT l
          FROM intake_hour
          ARRAY JOIN levels AS l
          WHERE hour >= {end:DateTime('UTC')} - toIntervalHour(24)
            AND hour < {end:DateTime('UTC')}
            AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
          GROUP BY l
          HAVING sum(cases) > 0
      )
    GROUP BY level, cell, cell_category, ago_hours
    HAVING cases > 0
)
GROUP BY level, cell, cell_category
