-- The intake panels of one scope as they stood at {at}, in one scan: per bucket over the window (the
-- volume series), by kind x line (today's KPIs), by channel, by category and by child region (today
-- and last hour). Each case counts once, in the state whose spell covers {at} (since <= at < until).
-- Live, {spells} is intake_minute: every row holds now (its since and until are ALIAS columns that
-- cover every moment, migration 0102) and a case's +1/-1 moves sum out. A replay reads
-- replay_spells_minute or replay_spells_hour (migration 0080), whose since and until are rounded up to
-- the bucket; its received buckets are whole, so the window [windowFrom, windowTo] ends with the last
-- bucket before {at}: cases received before {at}.
-- The scan is bounded by the received window (each table's ORDER BY starts with it), so its cost
-- follows the window, not the history.
-- grouped_by names the grouping set of the row; the other sets' columns hold defaults.
-- child_region_code: the scope's child level, intDiv(region_code, d) * d; with d = 100 the counties directly
-- under a province (codes xx90yy) are kept whole, as shared/regions.ts childDivisor() explains.
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
