-- Open, overdue and due soon per child region as they stood at {at}, from the spells themselves
-- (replay_open_spells, migration 0080): the spells of open states that covered {at} (since <= at <
-- until). Ordered by until, the read starts at {at}: the spells that ended since, and the current
-- open ones; its cost grows with how far back {at} is. A whole hour with a valid checkpoint reads
-- open-checkpoint-at.sql instead (server/replay/open-at.ts). Overdue and due soon as live: deadline
-- hour before the start of {at}'s hour; due by the end of the second working day after {at}'s day.
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
