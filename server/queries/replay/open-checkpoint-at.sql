-- The workload figures of one scope at the whole hour {hour}, per child region, from the checkpoint of
-- that hour taken at {takenAt} (replay_open_checkpoints, migration 0100): what
-- workload/wall-workload.sql sums from the spells and closures as of that hour, taken once per region
-- by the checkpoint job. workload-at.ts turns the rows into wall-workload's 'open' and 'activity' rows.
SELECT
    if({childDivisor:UInt32} = 100 AND intDiv(region_code, 100) % 100 = 90, region_code,
       intDiv(region_code, {childDivisor:UInt32}) * {childDivisor:UInt32}) AS child_region_code,
    sum(open_cases) AS open,
    sum(overdue_cases) AS overdue,
    sum(due_soon_cases) AS due_soon,
    sum(closed_30d_cases) AS closed,
    sum(closed_on_time_30d_cases) AS closed_on_time,
    sum(recovered_today_yuan) AS recovered_yuan
FROM replay_open_checkpoints
WHERE hour = {hour:DateTime('UTC')}
  AND taken_at = {takenAt:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY child_region_code
