-- Distinct cases received in whole hours [from, to) inside an adcode range, by county, each in its
-- current state, from the hourly intake rollup: the report rolls counties up to the scope's children.
SELECT region_code, sum(cases) AS received_cases
FROM intake_hour
WHERE hour >= {from:DateTime('UTC')}
  AND hour < {to:DateTime('UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY region_code
HAVING received_cases != 0
