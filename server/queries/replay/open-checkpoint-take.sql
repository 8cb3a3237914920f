-- Takes the checkpoints of the whole hours {hours} (one China Standard Time day's, so one due-soon
-- bound {dueSoonBy}) in one read of replay_open_spells: each spell that covers one of them (since <=
-- hour < until, as open-at.sql) counts at each hour it covers; per hour and region, as open-at.sql
-- sums them at that hour. {takenAt}: every version ingested before it is counted (migration 0100).
INSERT INTO replay_open_checkpoints (hour, taken_at, region_code, open_cases, overdue_cases, due_soon_cases)
SELECT
    hour,
    {takenAt:DateTime64(3, 'UTC')} AS taken_at,
    region_code,
    sum(cases) AS open_cases,
    sumIf(cases, due_hour < hour) AS overdue_cases,
    sumIf(cases, due_hour >= hour AND due_hour <= {dueSoonBy:DateTime('UTC')}) AS due_soon_cases
FROM
(
    SELECT since, until, region_code, due_hour, cases
    FROM replay_open_spells
    WHERE until > {firstHour:DateTime('UTC')} AND since <= {lastHour:DateTime('UTC')}
)
ARRAY JOIN arrayFilter(h -> since <= h AND h < until, {hours:Array(DateTime('UTC'))}) AS hour
GROUP BY hour, region_code
HAVING open_cases != 0 OR overdue_cases != 0 OR due_soon_cases != 0
