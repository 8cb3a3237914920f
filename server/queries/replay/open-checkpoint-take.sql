-- Takes the checkpoints of the whole hours {hours} (days with one due-soon bound {dueSoonBy}) in one
-- read of replay_open_spells and one of replay_closures, as the replay's workload query sums them at
-- each hour: each spell that covers one of them (since <= hour < until) counts at each hour it
-- covers, each closure at each hour whose window holds it and that its move was made by (closure hour
-- from {closedWindowS} before, money from the hour's midnight China time, changed_at at or before
-- it); per hour and region. {takenAt}: every version ingested before it is counted (migration 0100).
INSERT INTO replay_open_checkpoints
SELECT hour, {takenAt:DateTime64(3, 'UTC')} AS taken_at, region_code, sum(open_cases), sum(overdue_cases),
       sum(due_soon_cases), sum(closed_30d_cases), sum(closed_on_time_30d_cases), sum(recovered_today_yuan)
FROM
(
    SELECT hour, region_code, sum(cases) AS open_cases, sumIf(cases, due_hour < hour) AS overdue_cases,
           sumIf(cases, due_hour >= hour AND due_hour <= {dueSoonBy:DateTime('UTC')}) AS due_soon_cases,
           toInt64(0) AS closed_30d_cases, toInt64(0) AS closed_on_time_30d_cases,
           toDecimal128(0, 2) AS recovered_today_yuan
    FROM
    (
        SELECT since, until, region_code, due_hour, cases
        FROM replay_open_spells
        WHERE until > {firstHour:DateTime('UTC')} AND since <= {lastHour:DateTime('UTC')}
    )
    ARRAY JOIN arrayFilter(h -> since <= h AND h < until, {hours:Array(DateTime('UTC'))}) AS hour
    GROUP BY hour, region_code
    UNION ALL
    SELECT at_hour AS hour, region_code, 0, 0, 0,
           sumIf(closed, closure_hour >= at_hour - toIntervalSecond({closedWindowS:UInt32})) AS closed_30d_cases,
           sumIf(closed_on_time, closure_hour >= at_hour - toIntervalSecond({closedWindowS:UInt32})) AS closed_on_time_30d_cases,
           toDecimal128(sumIf(recovered_yuan, closure_hour >= toStartOfDay(at_hour, 'Asia/Shanghai')), 2) AS recovered_today_yuan
    FROM
    (
        SELECT hour AS closure_hour, region_code, changed_at, closed, closed_on_time, recovered_yuan
        FROM replay_closures
        WHERE hour BETWEEN {firstHour:DateTime('UTC')} - toIntervalSecond({closedWindowS:UInt32}) AND {lastHour:DateTime('UTC')}
          AND changed_at <= {lastHour:DateTime('UTC')}
    )
    ARRAY JOIN arrayFilter(
        h -> changed_at <= h AND closure_hour <= h
             AND (closure_hour >= h - toIntervalSecond({closedWindowS:UInt32}) OR closure_hour >= toStartOfDay(h, 'Asia/Shanghai')),
        {hours:Array(DateTime('UTC'))}) AS at_hour
    GROUP BY at_hour, region_code
)
GROUP BY hour, region_code
HAVING sum(open_cases) != 0 OR sum(overdue_cases) != 0 OR sum(due_soon_cases) != 0 OR sum(closed_30d_cases) != 0
    OR sum(closed_on_time_30d_cases) != 0 OR sum(recovered_today_yuan) != 0
