-- Per party kind x category: how many parties had cases in the {baselineDays} days before the last 7
-- (before {end}), and the sum and sum of squares of their case counts: the moments of the
-- gamma-Poisson prior of a party's rate that the accumulation detector shrinks toward. Also the
-- first hour the rollup holds, so the exposure of a young store is not overstated.
SELECT party_kind, category, count() AS parties, sum(cases) AS total, sum(cases * cases) AS squares,
       (
           SELECT toUnixTimestamp(min(hour))
           FROM party_hour
           WHERE hour >= {end:DateTime('UTC')} - toIntervalDay(7 + {baselineDays:UInt32})
       ) AS first_hour_s
FROM
(
    SELECT party_kind, category, party, sum(cases) AS cases
    FROM party_hour
    WHERE hour >= {end:DateTime('UTC')} - toIntervalDay(7 + {baselineDays:UInt32})
      AND hour < {end:DateTime('UTC')} - toIntervalDay(7)
      AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
    GROUP BY party_kind, category, party
    HAVING cases > 0
)
GROUP BY party_kind, category
