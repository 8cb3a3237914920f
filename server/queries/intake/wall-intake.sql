-- The fast intake panels of one scope, in one scan of the per-minute rollup over the last 24 hours:
-- per minute (the volume series), by kind x line (today's KPIs), by channel, by category and by
-- child region (today and last hour). Each case counts once, in its current state: its +1/-1 moves
-- sum out, so cells are only ever summed, never read raw. The scan is bounded by the time range
-- (the rollup's ORDER BY starts with minute), so its cost follows the window, not the history.
-- grouped_by names the grouping set of the row; the other sets' columns hold defaults.
-- child_region_code: the scope's child level, intDiv(region_code, d) * d; with d = 100 the counties directly
-- under a province (codes xx90yy) are kept whole, as shared/regions.ts childDivisor() explains.
SELECT
    multiIf(grouping(minute) = 0, 'minute', grouping(kind) = 0, 'kind_line', grouping(channel) = 0, 'channel',
            grouping(category) = 0, 'category', 'child') AS grouped_by,
    toUnixTimestamp(minute) AS minute_epoch_s,
    kind,
    line,
    channel,
    category,
    if({childDivisor:UInt32} = 100 AND intDiv(region_code, 100) % 100 = 90, region_code,
       intDiv(region_code, {childDivisor:UInt32}) * {childDivisor:UInt32}) AS child_region_code,
    sum(cases) AS window_cases,
    sumIf(cases, minute >= {todayFrom:DateTime('UTC')}) AS today_cases,
    sumIf(cases, minute >= {hourFrom:DateTime('UTC')}) AS hour_cases,
    toFloat64(sumIf(amount_yuan, minute >= {todayFrom:DateTime('UTC')})) AS today_amount_yuan
FROM intake_minute
WHERE minute BETWEEN {windowFrom:DateTime('UTC')} AND {windowTo:DateTime('UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY GROUPING SETS ((minute), (kind, line), (channel), (category), (child_region_code))
