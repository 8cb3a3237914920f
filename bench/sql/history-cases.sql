-- Cases generated for the history benchmark straight into case_versions, so that the materialized
-- views fill every rollup exactly as the ingest would: `count` new cases (first and head version,
-- superseding nothing), received evenly from startMs over spanMs, spread over the given counties and
-- the code lists. Each case is stored in the state `statuses` picks for it (closed three days after
-- receipt when terminal), within its legal deadline.
INSERT INTO case_versions
    (id, version_at, received_at, due_at, line, kind, channel, region_code, category, issue_type, status, urgent,
     merchant_id, merchant_name, brand, amount_yuan, recovered_yuan, lon, lat, summary,
     is_head, prev_exists, prev_version_at, prev_received_at, prev_due_at, prev_line, prev_kind, prev_channel,
     prev_region_code, prev_category, prev_status, prev_urgent, prev_amount_yuan, prev_recovered_yuan)
SELECT
    concat({prefix:String}, toString(number)) AS id,
    if(status IN ('rejected', 'resolved', 'closed'), received + INTERVAL 3 DAY, received) AS version_at,
    fromUnixTimestamp64Milli(toInt64({startMs:Int64} + (number - {from:UInt64}) * ({spanMs:Int64} / {count:UInt64})), 'UTC') AS received,
    toDateTime(received + INTERVAL 15 DAY) AS due_at,
    {lines:Array(String)}[1 + number % length({lines:Array(String)})] AS line,
    {kinds:Array(String)}[1 + intDiv(number, 5) % length({kinds:Array(String)})] AS kind,
    {channels:Array(String)}[1 + intDiv(number, 3) % length({channels:Array(String)})] AS channel,
    {counties:Array(UInt32)}[1 + (number * 7919) % length({counties:Array(UInt32)})] AS region_code,
    {categories:Array(String)}[1 + intDiv(number, 11) % length({categories:Array(String)})] AS category,
    'quality' AS issue_type,
    {statuses:Array(String)}[1 + intDiv(number, 13) % length({statuses:Array(String)})] AS status,
    toUInt8(number % 97 = 0) AS urgent,
    '' AS merchant_id,
    concat('商户', toString(number % 5000)) AS merchant_name,
    concat('品牌', toString(number % 800)) AS brand,
    toDecimal64((number % 500) * 10, 2) AS amount_yuan,
    toDecimal64(if(status IN ('resolved', 'closed'), (number % 50) * 10, 0), 2) AS recovered_yuan,
    CAST(NULL AS Nullable(Float64)) AS lon,
    CAST(NULL AS Nullable(Float64)) AS lat,
    '消费者反映在该商户购买的商品存在质量问题，要求退货退款。' AS summary,
    1 AS is_head,
    0 AS prev_exists,
    toDateTime64(0, 3, 'UTC') AS prev_version_at,
    toDateTime64(0, 3, 'UTC') AS prev_received_at,
    toDateTime(0, 'UTC') AS prev_due_at,
    '' AS prev_line, '' AS prev_kind, '' AS prev_channel, toUInt32(0) AS prev_region_code, '' AS prev_category,
    '' AS prev_status, toUInt8(0) AS prev_urgent, toDecimal64(0, 2) AS prev_amount_yuan, toDecimal64(0, 2) AS prev_recovered_yuan
FROM numbers({from:UInt64}, {count:UInt64})
