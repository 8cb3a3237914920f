-- The merchants and brands with the most new cases today (China Standard Time day) in one scope,
-- from the per-day rollups: the first {limit} of each kind. Ties are broken by name so that the list
-- is stable between ticks.
SELECT party, name, today_cases
FROM
(
    SELECT 'merchant' AS party, merchant_name AS name, sum(cases) AS today_cases
    FROM merchant_day
    WHERE day = {day:Date}
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    GROUP BY name
    UNION ALL
    SELECT 'brand' AS party, brand AS name, sum(cases) AS today_cases
    FROM brand_day
    WHERE day = {day:Date}
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    GROUP BY name
)
WHERE today_cases > 0
ORDER BY party, today_cases DESC, name
LIMIT {limit:UInt32} BY party
