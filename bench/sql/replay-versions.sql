-- Cases with several versions for the replay benchmark, generated straight into case_versions so the
-- materialized views fill every rollup (and the replay spells) as the ingest would. Case `number` is
-- received at startMs + number * stepMs; version {version} of it is written: 1 received (every case),
-- 2 accepted 1-20 hours later (8 in 10), 3 resolved or closed 2-27 days after receipt (those accepted)
-- or rejected (the others), each a head superseding the one before (prev_*), and none later than now:
-- old cases are closed, the last weeks' partly open, as in service.
INSERT INTO case_versions
    (id, version_at, received_at, due_at, line, kind, channel, region_code, category, issue_type, status, urgent,
     merchant_id, merchant_name, brand, amount_yuan, recovered_yuan, lon, lat, summary,
     is_head, prev_exists, prev_version_at, prev_received_at, prev_due_at, prev_line, prev_kind, prev_channel,
     prev_region_code, prev_category, prev_status, prev_urgent, prev_amount_yuan, prev_recovered_yuan)
WITH
    {version:UInt8} AS k,
    fromUnixTimestamp64Milli(toInt64({startMs:Int64} + number * {stepMs:Int64}), 'UTC') AS rec,
    rec + toIntervalHour(1 + number % 20) AS t2,
    rec + toIntervalDay(2 + number % 25) + toIntervalMinute(number % 600) AS t3,
    number % 10 < 8 AS accepted,
    if(accepted, ['resolved', 'closed'][1 + number % 2], 'rejected') AS s3,
    toDateTime(rec + INTERVAL 15 DAY) AS due1,
    toDateTime(rec + INTERVAL 60 DAY) AS due2,
    {lines:Array(String)}[1 + number % length({lines:Array(String)})] AS c_line,
    {kinds:Array(String)}[1 + intDiv(number, 5) % length({kinds:Array(String)})] AS c_kind,
    {channels:Array(String)}[1 + intDiv(number, 3) % length({channels:Array(String)})] AS c_channel,
    {counties:Array(UInt32)}[1 + (number * 7919) % length({counties:Array(UInt32)})] AS c_region,
    {categories:Array(String)}[1 + intDiv(number, 11) % length({categories:Array(String)})] AS c_category,
    toUInt8(number % 97 = 0) AS c_urgent,
    toDecimal64((number % 500) * 10, 2) AS c_amount
SELECT
    concat('R', toString(number)) AS id,
    multiIf(k = 1, rec, k = 2, t2, t3) AS version_at,
    rec AS received_at,
    if(k = 1, due1, due2) AS due_at,
    c_line AS line,
    c_kind AS kind,
    c_channel AS channel,
    c_region AS region_code,
    c_category AS category,
    'quality' AS issue_type,
    multiIf(k = 1, 'received', k = 2, 'accepted', s3) AS status,
    c_urgent AS urgent,
    '' AS merchant_id,
    concat('商户', toString(number % 5000)) AS merchant_name,
    concat('品牌', toString(number % 800)) AS brand,
    c_amount AS amount_yuan,
    toDecimal64(if(k = 3 AND s3 != 'rejected', (number % 50) * 10, 0), 2) AS recovered_yuan,
    if(number % 4 = 0, 100 + (number % 2500) / 100, NULL) AS lon,
    if(number % 4 = 0, 22 + (number % 2000) / 100, NULL) AS lat,
    '消费者反映商品存在质量问题，要求退货退款。' AS summary,
    1 AS is_head,
    toUInt8(k > 1) AS prev_exists,
    multiIf(k = 1, toDateTime64(0, 3, 'UTC'), k = 2 OR NOT accepted, rec, t2) AS prev_version_at,
    if(k = 1, toDateTime64(0, 3, 'UTC'), rec) AS prev_received_at,
    multiIf(k = 1, toDateTime(0, 'UTC'), k = 2 OR NOT accepted, due1, due2) AS prev_due_at,
    if(k = 1, '', c_line) AS prev_line,
    if(k = 1, '', c_kind) AS prev_kind,
    if(k = 1, '', c_channel) AS prev_channel,
    if(k = 1, toUInt32(0), c_region) AS prev_region_code,
    if(k = 1, '', c_category) AS prev_category,
    multiIf(k = 1, '', k = 2 OR NOT accepted, 'received', 'accepted') AS prev_status,
    if(k = 1, toUInt8(0), c_urgent) AS prev_urgent,
    if(k = 1, toDecimal64(0, 2), c_amount) AS prev_amount_yuan,
    toDecimal64(0, 2) AS prev_recovered_yuan
FROM numbers({from:UInt64}, {count:UInt64})
WHERE (k = 1 OR (k = 2 AND accepted) OR k = 3)
  AND version_at <= now64(3)
