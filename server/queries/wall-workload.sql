-- The slower workload figures of one scope: open and overdue cases per child region (open_cases,
-- whose size follows the open cases, not the history), and from activity_hour the closures and
-- on-time closures of the last 30 days and the money recovered today.
-- Overdue: deadlines fall at the end of a day (xx:59:59), so a case is overdue once its deadline
-- hour has fully passed: due_hour < the start of the current hour.
-- child: as in wall-intake.sql.
SELECT
    'open' AS part,
    if({childDivisor:UInt32} = 100 AND intDiv(region_code, 100) % 100 = 90, region_code,
       intDiv(region_code, {childDivisor:UInt32}) * {childDivisor:UInt32}) AS child,
    sum(cases) AS a,
    sumIf(cases, due_hour < {hourNow:DateTime('UTC')}) AS b,
    toFloat64(0) AS yuan
FROM open_cases
WHERE region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY child
UNION ALL
SELECT
    'activity' AS part,
    toUInt32(0) AS child,
    sumIf(closed, hour >= {closedFrom:DateTime('UTC')}) AS a,
    sumIf(closed_on_time, hour >= {closedFrom:DateTime('UTC')}) AS b,
    toFloat64(sumIf(recovered_yuan, hour >= {todayFrom:DateTime('UTC')})) AS yuan
FROM activity_hour
WHERE hour BETWEEN least({closedFrom:DateTime('UTC')}, {todayFrom:DateTime('UTC')}) AND {hourNow:DateTime('UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
