-- The cases of an alert's slice (regions x category, merchant, brand, term) by hour of receipt, with
-- those since the alert's window began and the first and latest of them. Each case is counted once,
-- at its first stored version (is_head = 1 AND prev_exists = 0). case_versions is read because no
-- rollup carries merchant, brand and summary by the hour; the received_at bounds keep the read to
-- the month partitions of the window (a few days), and it runs only when an alert changes.
SELECT toUnixTimestamp(toStartOfHour(received_at)) * 1000 AS hour_ms,
       count() AS cases,
       countIf(received_at >= {startedAt:DateTime64(3, 'UTC')}) AS since_start,
       toUnixTimestamp64Milli(minIf(received_at, received_at >= {startedAt:DateTime64(3, 'UTC')})) AS first_ms,
       toUnixTimestamp64Milli(maxIf(received_at, received_at >= {startedAt:DateTime64(3, 'UTC')})) AS latest_ms
FROM case_versions
WHERE received_at >= {from:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
  AND is_head = 1 AND prev_exists = 0
  AND arrayExists((lo, hi) -> region_code BETWEEN lo AND hi, {regionFrom:Array(UInt32)}, {regionTo:Array(UInt32)})
  AND ({category:String} = '' OR category = {category:String})
  AND ({merchant:String} = '' OR merchant_name = {merchant:String})
  AND ({brand:String} = '' OR brand = {brand:String})
  AND ({term:String} = '' OR positionUTF8(summary, {term:String}) > 0)
GROUP BY hour_ms
ORDER BY hour_ms
