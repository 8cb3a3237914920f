-- The slower workload figures of one scope: open and overdue cases per child region (open_cases,
-- whose size follows the open cases, not the history), and from activity_hour the closures and
-- on-time closures of the last 30 days and the money recovered today.
-- Overdue: deadlines fall at the end of a day (xx:59:59), so a case is overdue once its deadline
-- hour has fully passed: due_hour < the start of the current hour. Due soon: not overdue, and due by
-- the end of the second working day from today (dueSoonBy, computed with the holiday calendar).
-- grouped_by: 'open' rows (one per child region) hold the open columns, the one 'activity' row the
-- closure columns; each holds zeros in the other's. child_region_code: as in intake/wall-intake.sql.
-- A replay reads the same from replay_open_spells and replay_closures ({openCells}, {activityCells})
-- as of {at}: the spells that covered it and the closures made by then; the live tables' rows cover
-- every moment (their since, until and changed_at are ALIAS constants, migration 0101).
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
FROM {openCells:Identifier}
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
FROM {activityCells:Identifier}
WHERE hour BETWEEN least({closedFrom:DateTime('UTC')}, {todayFrom:DateTime('UTC')}) AND {hourNow:DateTime('UTC')}
  AND changed_at <= {at:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
