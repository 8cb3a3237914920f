-- Distinct cases received in whole hours [from, to) inside an adcode range, by kind, line and
-- channel, each in its current state, from the hourly intake rollup (kept as long as the history).
-- A case's +1/-1 moves between cells sum out, so summing cells counts each case once. The scan is
-- bounded by the hours (the rollup's ORDER BY starts with hour), not by the cases stored.
SELECT kind, line, channel, sum(cases) AS cases
FROM intake_hour
WHERE hour >= {from:DateTime('UTC')}
  AND hour < {to:DateTime('UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY kind, line, channel
HAVING cases != 0
