-- County x category cells for the spatial scan, in categories with a case in the last 7 days: each
-- cell's cases in the 7 blocks of 24 hours before {end} (block 1 = the last 24 hours) and over the
-- 56 days before those (its baseline). Every county with a baseline is read, active or not: a quiet
-- neighbour's expectation belongs in its zone. Bounded by 63 days of intake_hour and at most
-- 2,975 counties x 24 categories. {from} and {to} bound the hours read (the whole 63 days, or a part
-- of them: the live job keeps the older hours for the hour and re-reads the newest, cluster-job.ts);
-- the blocks are always counted from {end}.
WITH toUnixTimestamp({end:DateTime('UTC')}) AS end_s
SELECT region_code, category,
       sumIf(cases, block > 7) AS baseline,
       sumForEach(arrayMap(b -> if(block = b, cases, 0), range(1, 8))) AS blocks
FROM
(
    SELECT region_code, category, intDiv(end_s - toUnixTimestamp(hour) - 1, 86400) + 1 AS block, sum(cases) AS cases
    FROM intake_hour
    WHERE hour >= greatest({from:DateTime('UTC')}, {end:DateTime('UTC')} - toIntervalDay(63))
      AND hour < least({to:DateTime('UTC')}, {end:DateTime('UTC')})
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
      AND category IN (
          SELECT category
          FROM intake_hour
          WHERE hour >= {end:DateTime('UTC')} - toIntervalDay(7)
            AND hour < {end:DateTime('UTC')}
            AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
          GROUP BY category
          HAVING sum(cases) > 0
      )
    GROUP BY region_code, category, block
)
GROUP BY region_code, category
HAVING baseline > 0 OR arraySum(blocks) > 0
