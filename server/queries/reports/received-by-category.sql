-- Distinct cases received in whole hours [from, to) inside an adcode range, by category, each in its
-- current state, from the hourly intake rollup (kept as long as the history): the report's goods and
-- services rankings. Report windows are whole China days, so whole hours cover them exactly.
SELECT category, sum(cases) AS received_cases
FROM intake_hour
WHERE hour >= {from:DateTime('UTC')}
  AND hour < {to:DateTime('UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY category
HAVING received_cases != 0
