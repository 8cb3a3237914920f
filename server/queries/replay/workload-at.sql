-- The workload figures of one scope as they stood at {at}, in the shape of workload/wall-workload.sql.
-- Open, overdue and due soon per child region from replay_open_spells: the spells of open states that
-- covered {at} (since <= at < until). Ordered by until, the read starts at {at}: spells that ended
-- since, and the current open ones. Overdue and due soon as live: deadline hour before the start of
-- {at}'s hour; due by the end of the second working day after {at}'s day (dueSoonBy).
-- Closures, on-time closures and money recovered from replay_closures: the moves made by versions at
-- or before {at} (changed_at), so a closure taken back by a reopening after {at} still counts.
-- A whole hour with a valid checkpoint reads open-checkpoint-at.sql instead (migration 0100).
SELECT
    'open' AS grouped_by,
    if({childDivisor:UInt32} = 100 AND intDiv(region_code, 100) % 100 = 90, region_code,
       intDiv(region_code, {childDivisor:UInt32}) * {childDivisor:UInt32}) AS child_region_code,
    sum(cases) AS open_cases,
    sumIf(cases, due_hour < {hourNow:DateTime('UTC')}) AS overdue_cases,
    sumIf(cases, due_hour >= {hourNow:DateTime('UTC')} AND due_hour <= {dueSoonBy:DateTime('UTC')}) AS due_soon_cases,
    toInt64(0) AS closed_30d_cases,
    toInt64(0) AS closed_on_time_30d_cases,
    toFloat64(0) AS recovered_today_yuan
FROM replay_open_spells
WHERE until > {at:DateTime64(3, 'UTC')}
  AND since <= {at:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY child_region_code
UNION ALL
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
