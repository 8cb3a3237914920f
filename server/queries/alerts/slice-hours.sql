-- Hourly cases of a region x category slice from the hour rollup, for an alert's sparkline: cheap at
-- any history size (the rollup is ordered by hour). Counts each case in its current state.
SELECT toUnixTimestamp(hour) * 1000 AS hour_ms, sum(cases) AS cases
FROM intake_hour
WHERE hour >= {from:DateTime('UTC')} AND hour < {to:DateTime('UTC')}
  AND arrayExists((lo, hi) -> region_code BETWEEN lo AND hi, {regionFrom:Array(UInt32)}, {regionTo:Array(UInt32)})
  AND ({category:String} = '' OR category = {category:String})
GROUP BY hour_ms
ORDER BY hour_ms
