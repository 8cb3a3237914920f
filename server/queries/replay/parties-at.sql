-- The merchants and brands with the most new cases of {at}'s day (China Standard Time) up to {at} in
-- one scope, in the shape of parties/wall-parties.sql. As merchant_day and brand_day count them: once
-- per case, under the merchant, brand and region of its first version, here the cases whose first
-- version is at or before {at}. From replay_feed (merchant_day keeps 400 days, and by the day), in
-- one scan: each case is a merchant row and a brand row. Ties are broken by name, as live.
SELECT party, name, today_cases
FROM
(
    SELECT party, name, count() AS today_cases
    FROM
    (
        SELECT id, argMin((region_code, merchant_name, brand), version_at) AS first
        FROM replay_feed
        WHERE received_at >= {dayFrom:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
          AND version_at <= {at:DateTime64(3, 'UTC')}
        GROUP BY id
        HAVING first.1 BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    )
    ARRAY JOIN [('merchant', first.2), ('brand', first.3)] AS named
    WHERE named.2 != ''
    GROUP BY named.1 AS party, named.2 AS name
)
ORDER BY party, today_cases DESC, name
LIMIT {limit:UInt32} BY party
