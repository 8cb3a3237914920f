-- Merchants and brands with a case in the last 24 hours before {end}: their cases in the last 24
-- hours and 7 days, their cases in the {baselineDays} days before those 7 (their own history), their
-- main category and counties over the week. From party_hour; bounded by its hour range and by the
-- parties active in the last day.
SELECT party_kind, party,
       sumIf(cases, hour >= {end:DateTime('UTC')} - toIntervalHour(24)) AS last_day,
       sumIf(cases, hour >= {end:DateTime('UTC')} - toIntervalDay(7)) AS last_week,
       sumIf(cases, hour < {end:DateTime('UTC')} - toIntervalDay(7)) AS baseline,
       topKWeightedIf(1)(category, toUInt64(greatest(cases, 0)), hour >= {end:DateTime('UTC')} - toIntervalDay(7))[1] AS category,
       topKWeightedIf(10)(region_code, toUInt64(greatest(cases, 0)), hour >= {end:DateTime('UTC')} - toIntervalDay(7)) AS regions,
       toUnixTimestamp(minIf(hour, hour >= {end:DateTime('UTC')} - toIntervalDay(7) AND cases > 0)) AS first_week_hour_s
FROM party_hour
WHERE hour >= {end:DateTime('UTC')} - toIntervalDay(7 + {baselineDays:UInt32})
  AND hour < {end:DateTime('UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
  AND (party_kind, party) IN (
      SELECT party_kind, party
      FROM party_hour
      WHERE hour >= {end:DateTime('UTC')} - toIntervalHour(24)
        AND hour < {end:DateTime('UTC')}
        AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
      GROUP BY party_kind, party
      HAVING sum(cases) > 0
  )
GROUP BY party_kind, party
