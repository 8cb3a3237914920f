-- The merchants and brands with the most new cases over China days [dayFrom, dayTo) in one scope,
-- from the per-day rollups (kept 400 days): the first {limit} of each kind, ties broken by name so
-- that the list is stable.
SELECT party, name, period_cases
FROM
(
    SELECT 'merchant' AS party, merchant_name AS name, sum(cases) AS period_cases
    FROM merchant_day
    WHERE day >= {dayFrom:Date} AND day < {dayTo:Date}
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    GROUP BY name
    UNION ALL
    SELECT 'brand' AS party, brand AS name, sum(cases) AS period_cases
    FROM brand_day
    WHERE day >= {dayFrom:Date} AND day < {dayTo:Date}
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    GROUP BY name
)
WHERE period_cases > 0
ORDER BY party, period_cases DESC, name
LIMIT {limit:UInt32} BY party
