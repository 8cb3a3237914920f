-- One China-time day of the alerts-cycle benchmark's shaped history (bench/alerts-cycle-history.ts),
-- straight into case_versions so the materialized views fill every rollup as the ingest would:
-- `count` new cases (first and head version, superseding nothing). Each draw is a pick from a
-- "ticket" array (values repeated by weight) by an independent hash of the case number: the hour of
-- day, then a uniform moment in it; the county; the category; a third of cases name a merchant of
-- their county and category (skewed: the first few take most), a fifth a brand of their category
-- (a merchant or brand has one trade, as a gym's complaints are about prepaid cards). A case in a terminal status was
-- closed up to 3 days after receipt, never after {nowMs}.
INSERT INTO case_versions
    (id, version_at, received_at, due_at, line, kind, channel, region_code, category, issue_type, status, urgent,
     merchant_id, merchant_name, brand, amount_yuan, recovered_yuan, lon, lat, summary,
     is_head, prev_exists, prev_version_at, prev_received_at, prev_due_at, prev_line, prev_kind, prev_channel,
     prev_region_code, prev_category, prev_status, prev_urgent, prev_amount_yuan, prev_recovered_yuan)
SELECT
    concat({prefix:String}, toString(number)) AS id,
    if(status IN ('rejected', 'resolved', 'closed'),
       least(received + toIntervalSecond(3600 + cityHash64(number, 7) % (3 * 86400)),
             fromUnixTimestamp64Milli({nowMs:Int64}, 'UTC')),
       received) AS version_at,
    fromUnixTimestamp64Milli(toInt64({dayStartMs:Int64}
        + {hourTickets:Array(UInt8)}[1 + cityHash64(number, 1) % length({hourTickets:Array(UInt8)})] * 3600000
        + cityHash64(number, 2) % 3600000), 'UTC') AS received,
    toDateTime(received + INTERVAL 15 DAY) AS due_at,
    {lines:Array(String)}[1 + number % length({lines:Array(String)})] AS line,
    {kinds:Array(String)}[1 + intDiv(number, 5) % length({kinds:Array(String)})] AS kind,
    {channels:Array(String)}[1 + intDiv(number, 3) % length({channels:Array(String)})] AS channel,
    {countyTickets:Array(UInt32)}[1 + cityHash64(number, 3) % length({countyTickets:Array(UInt32)})] AS region_code,
    {categoryTickets:Array(String)}[1 + cityHash64(number, 4) % length({categoryTickets:Array(String)})] AS category,
    'quality' AS issue_type,
    {statuses:Array(String)}[1 + cityHash64(number, 5) % length({statuses:Array(String)})] AS status,
    toUInt8(number % 97 = 0) AS urgent,
    '' AS merchant_id,
    if(cityHash64(number, 6) % 3 = 0,
       concat('商户', toString(region_code), '-', category, '-',
              toString(toUInt32(floor({merchantsPerCounty:UInt32} * pow((cityHash64(number, 8) % 1000000) / 1e6, 3))))),
       '') AS merchant_name,
    if(cityHash64(number, 9) % 5 = 0,
       concat('品牌', category, '-', toString(toUInt32(floor({brands:UInt32} * pow((cityHash64(number, 10) % 1000000) / 1e6, 2))))),
       '') AS brand,
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
