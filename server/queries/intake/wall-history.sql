-- The comparison figures of one scope from the per-minute rollup (kept 35 days): the same minutes
-- one week earlier as the volume baseline (with some minutes ahead, so the window can shift until
-- the next refresh), and by kind x line the cases received yesterday and on the same weekday last
-- week from midnight up to the same time of day. The week-ago day lies inside the baseline range.
SELECT
    if(grouping(minute) = 0, 'minute', 'kind_line') AS grouped_by,
    toUnixTimestamp(minute) AS minute_epoch_s,
    kind,
    line,
    sumIf(cases, minute BETWEEN {baselineFrom:DateTime('UTC')} AND {baselineTo:DateTime('UTC')}) AS baseline_cases,
    sumIf(cases, minute BETWEEN {yesterdayFrom:DateTime('UTC')} AND {yesterdayTo:DateTime('UTC')}) AS yesterday_cases,
    sumIf(cases, minute BETWEEN {lastWeekFrom:DateTime('UTC')} AND {lastWeekTo:DateTime('UTC')}) AS last_week_cases
FROM intake_minute
WHERE (minute BETWEEN {baselineFrom:DateTime('UTC')} AND {baselineTo:DateTime('UTC')}
       OR minute BETWEEN {yesterdayFrom:DateTime('UTC')} AND {yesterdayTo:DateTime('UTC')})
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY GROUPING SETS ((minute), (kind, line))
