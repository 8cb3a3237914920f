-- The merchants and brands with the most new cases over China days [dayFrom, dayTo) in one scope,
-- from the per-day rollups (kept 400 days); ties broken by name so that the list is stable.
SELECT party, name, period_cases
FROM
(
    SELECT * FROM
    (
        SELECT 'merchant' AS party, merchant_name AS name, sum(cases) AS period_cases
        FROM merchant_day
        WHERE day >= {dayFrom:Date} AND day < {dayTo:Date}
          AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
        GROUP BY name
        HAVING period_cases > 0
        ORDER BY period_cases DESC, name
        LIMIT {limit:UInt32}
    )
    UNION ALL
    SELECT * FROM
    (
        SELECT 'brand' AS party, brand AS name, sum(cases) AS period_cases
        FROM brand_day
        WHERE day >= {dayFrom:Date} AND day < {dayTo:Date}
          AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
        GROUP BY name
        HAVING period_cases > 0
        ORDER BY period_cases DESC, name
        LIMIT {limit:UInt32}
    )
)
ORDER BY party, period_cases DESC, name
