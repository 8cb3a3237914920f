-- The workload figures of one scope at the whole hour {hour}, in the rows of open-at.sql and
-- closures-at.sql, from the checkpoint of that hour taken at {takenAt} (replay_open_checkpoints,
-- migration 0100): the same sums, taken once per region by the checkpoint job.
SELECT
    'open' AS grouped_by,
    if({childDivisor:UInt32} = 100 AND intDiv(region_code, 100) % 100 = 90, region_code,
       intDiv(region_code, {childDivisor:UInt32}) * {childDivisor:UInt32}) AS child_region_code,
    sum(open_cases) AS open_cases,
    sum(overdue_cases) AS overdue_cases,
    sum(due_soon_cases) AS due_soon_cases,
    toInt64(0) AS closed_30d_cases,
    toInt64(0) AS closed_on_time_30d_cases,
    toFloat64(0) AS recovered_today_yuan
FROM replay_open_checkpoints
WHERE hour = {hour:DateTime('UTC')}
  AND taken_at = {takenAt:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY child_region_code
UNION ALL
SELECT
    'activity' AS grouped_by,
    toUInt32(0) AS child_region_code,
    toInt64(0) AS open_cases,
    toInt64(0) AS overdue_cases,
    toInt64(0) AS due_soon_cases,
    sum(closed_30d_cases) AS closed_30d_cases,
    sum(closed_on_time_30d_cases) AS closed_on_time_30d_cases,
    toFloat64(sum(recovered_today_yuan)) AS recovered_today_yuan
FROM replay_open_checkpoints
WHERE hour = {hour:DateTime('UTC')}
  AND taken_at = {takenAt:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
