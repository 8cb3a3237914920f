-- The cases of an alert's slice (the view alert_slice, migration 0075) by hour of receipt, with those
-- since the alert's window began and the first and latest of them. It runs only when an alert changes.
SELECT toUnixTimestamp(toStartOfHour(received_at)) * 1000 AS hour_ms,
       count() AS cases,
       countIf(received_at >= {startedAt:DateTime64(3, 'UTC')}) AS since_start,
       toUnixTimestamp64Milli(minIf(received_at, received_at >= {startedAt:DateTime64(3, 'UTC')})) AS first_ms,
       toUnixTimestamp64Milli(maxIf(received_at, received_at >= {startedAt:DateTime64(3, 'UTC')})) AS latest_ms
FROM alert_slice(from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                 regionFrom = {regionFrom:Array(UInt32)}, regionTo = {regionTo:Array(UInt32)},
                 category = {category:String}, merchant = {merchant:String}, brand = {brand:String},
                 term = {term:String})
GROUP BY hour_ms
ORDER BY hour_ms
