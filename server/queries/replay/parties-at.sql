-- The merchants and brands with the most new cases of {at}'s day (China Standard Time) up to {at} in
-- one scope, in the shape of parties/wall-parties.sql. As merchant_day and brand_day count them: once
-- per case, under the merchant, brand and region of its first version, here the cases whose first
-- version is at or before {at}. From case_versions (merchant_day keeps 400 days, and by the day).
SELECT party, name, today_cases
FROM
(
    SELECT * FROM
    (
        SELECT 'merchant' AS party, first.2 AS name, count() AS today_cases
        FROM
        (
            SELECT id, argMin((region_code, merchant_name, brand), version_at) AS first
            FROM case_versions
            WHERE received_at >= {dayFrom:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
              AND version_at <= {at:DateTime64(3, 'UTC')}
            GROUP BY id
        )
        WHERE first.1 BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32} AND name != ''
        GROUP BY name
        ORDER BY today_cases DESC, name
        LIMIT {limit:UInt32}
    )
    UNION ALL
    SELECT * FROM
    (
        SELECT 'brand' AS party, first.3 AS name, count() AS today_cases
        FROM
        (
            SELECT id, argMin((region_code, merchant_name, brand), version_at) AS first
            FROM case_versions
            WHERE received_at >= {dayFrom:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
              AND version_at <= {at:DateTime64(3, 'UTC')}
            GROUP BY id
        )
        WHERE first.1 BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32} AND name != ''
        GROUP BY name
        ORDER BY today_cases DESC, name
        LIMIT {limit:UInt32}
    )
)
ORDER BY party, today_cases DESC, name
