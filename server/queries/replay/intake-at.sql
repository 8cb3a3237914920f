-- The intake panels of one scope as they stood at {at} (a whole minute or hour), in the shape of
-- intake/wall-intake.sql: per bucket over the window, and for "today" and "the last hour" by kind x
-- line, channel, category and child region. Read from a spells table (migration 0080:
-- replay_spells_minute or replay_spells_hour): each case counts once, in the state whose spell covers
-- {at} (since <= at < until, both rounded up to the bucket). Received buckets are whole, so the window
-- [windowFrom, windowTo] ends with the last bucket before {at}: cases received before {at}.
-- The scan is bounded by the received window (the table's ORDER BY starts with it).
SELECT
    multiIf(grouping(received) = 0, 'minute', grouping(kind) = 0, 'kind_line', grouping(channel) = 0, 'channel',
            grouping(category) = 0, 'category', 'child') AS grouped_by,
    toUnixTimestamp(received) AS minute_epoch_s,
    kind,
    line,
    channel,
    category,
    if({childDivisor:UInt32} = 100 AND intDiv(region_code, 100) % 100 = 90, region_code,
       intDiv(region_code, {childDivisor:UInt32}) * {childDivisor:UInt32}) AS child_region_code,
    sum(cases) AS window_cases,
    sumIf(cases, received >= {todayFrom:DateTime('UTC')}) AS today_cases,
    sumIf(cases, received >= {hourFrom:DateTime('UTC')}) AS hour_cases,
    toFloat64(sumIf(amount_yuan, received >= {todayFrom:DateTime('UTC')})) AS today_amount_yuan
FROM {spells:Identifier}
WHERE received BETWEEN {windowFrom:DateTime('UTC')} AND {windowTo:DateTime('UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
  AND since <= {at:DateTime('UTC')}
  AND until > {at:DateTime('UTC')}
GROUP BY GROUPING SETS ((received), (kind, line), (channel), (category), (child_region_code))
