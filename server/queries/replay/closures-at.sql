-- Closures and on-time closures of the 30 days before {at}'s hour and the money recovered on {at}'s
-- day, in the 'activity' row of workload/wall-workload.sql, from replay_closures (migration 0080):
-- the moves made by versions at or before {at} (changed_at), so a closure taken back by a reopening
-- after {at} still counts.
SELECT
    'activity' AS grouped_by,
    toUInt32(0) AS child_region_code,
    toInt64(0) AS open_cases,
    toInt64(0) AS overdue_cases,
    toInt64(0) AS due_soon_cases,
    sumIf(closed, hour >= {closedFrom:DateTime('UTC')}) AS closed_30d_cases,
    sumIf(closed_on_time, hour >= {closedFrom:DateTime('UTC')}) AS closed_on_time_30d_cases,
    toFloat64(sumIf(recovered_yuan, hour >= {todayFrom:DateTime('UTC')})) AS recovered_today_yuan
FROM replay_closures
WHERE hour BETWEEN least({closedFrom:DateTime('UTC')}, {todayFrom:DateTime('UTC')}) AND {hourNow:DateTime('UTC')}
  AND changed_at <= {at:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
