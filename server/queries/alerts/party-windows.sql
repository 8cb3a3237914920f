-- Merchants and brands with a case since {activeFrom} (the last 24 hours before {end}; the live job's
-- hourly read takes the last 7 days): their cases in the last 24 hours and 7 days, their cases in
-- the {baselineDays} days before those 7 (their own history), their cases over the week by category
-- and by county (the main category and counties are picked from these sums in memory, so that two
-- reads of disjoint hours add up), and the first hour of the week with a case. {from} and {to} bound
-- the hours read (the live job keeps the older hours for the hour and re-reads the newest). From
-- party_hour; bounded by its hour range and by the active parties.
SELECT party_kind, party,
       sumIf(cases, hour >= {end:DateTime('UTC')} - toIntervalHour(24)) AS last_day,
       sumIf(cases, hour >= {end:DateTime('UTC')} - toIntervalDay(7)) AS last_week,
       sumIf(cases, hour < {end:DateTime('UTC')} - toIntervalDay(7)) AS baseline,
       sumMapIf([toString(category)], [cases], hour >= {end:DateTime('UTC')} - toIntervalDay(7)) AS week_categories,
       sumMapIf([region_code], [cases], hour >= {end:DateTime('UTC')} - toIntervalDay(7)) AS week_regions,
       toUnixTimestamp(minIf(hour, hour >= {end:DateTime('UTC')} - toIntervalDay(7) AND cases > 0)) AS first_week_hour_s
FROM party_hour
WHERE hour >= greatest({from:DateTime('UTC')}, {end:DateTime('UTC')} - toIntervalDay(7 + {baselineDays:UInt32}))
  AND hour < least({to:DateTime('UTC')}, {end:DateTime('UTC')})
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
  AND (party_kind, party) IN (
      SELECT party_kind, party
      FROM party_hour
      WHERE hour >= {activeFrom:DateTime('UTC')}
        AND hour < {end:DateTime('UTC')}
        AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
      GROUP BY party_kind, party
      HAVING sum(cases) > 0
  )
GROUP BY party_kind, party
