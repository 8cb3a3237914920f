-- What happened to cases in whole hours [from, to) inside an adcode range, by the time of the
-- version (activity_hour): closures, closures within the legal deadline, and money recovered for
-- consumers (挽回经济损失). The same sums as the wall's 30-day on-time rate and "recovered today".
SELECT sum(closed) AS closed_cases,
       sum(closed_on_time) AS closed_on_time_cases,
       toFloat64(sum(recovered_yuan)) AS recovered_yuan
FROM activity_hour
WHERE hour >= {from:DateTime('UTC')}
  AND hour < {to:DateTime('UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
