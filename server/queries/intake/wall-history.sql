-- The comparison figures of one scope as they stood at {at}: the week-ago buckets as the volume
-- baseline (with some minutes ahead, so the window can shift until the next refresh), and by kind x
-- line the cases received yesterday and on the same weekday last week from midnight up to the same
-- time of day, each case in its state at {at} (the spell covering {at}). The week-ago day lies inside
-- the baseline range. Live, {spells} is intake_minute (kept 35 days), whose every row holds now; a
-- replay reads a spells table (see wall-intake.sql).
SELECT
    if(grouping(received) = 0, 'minute', 'kind_line') AS grouped_by,
    toUnixTimestamp(received) AS minute_epoch_s,
    kind,
    line,
    sumIf(cases, received BETWEEN {baselineFrom:DateTime('UTC')} AND {baselineTo:DateTime('UTC')}) AS baseline_cases,
    sumIf(cases, received BETWEEN {yesterdayFrom:DateTime('UTC')} AND {yesterdayTo:DateTime('UTC')}) AS yesterday_cases,
    sumIf(cases, received BETWEEN {lastWeekFrom:DateTime('UTC')} AND {lastWeekTo:DateTime('UTC')}) AS last_week_cases
FROM {spells:Identifier}
WHERE (received BETWEEN {baselineFrom:DateTime('UTC')} AND {baselineTo:DateTime('UTC')}
       OR received BETWEEN {yesterdayFrom:DateTime('UTC')} AND {yesterdayTo:DateTime('UTC')})
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
  AND since <= {at:DateTime('UTC')}
  AND until > {at:DateTime('UTC')}
GROUP BY GROUPING SETS ((received), (kind, line))
