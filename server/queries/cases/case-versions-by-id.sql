-- Every stored version of the given cases, each case's oldest first (GET /api/v1/cases/:id, and the
-- deadline recompute, which rewrites heads). case_versions is ordered by (id, version_at): a short
-- range per id in each month partition. FINAL: a version stored twice after a crash is read once.
SELECT
    id,
    toUnixTimestamp64Milli(version_at) AS version_at_ms,
    toUnixTimestamp64Milli(received_at) AS received_at_ms,
    toUnixTimestamp(due_at) * 1000 AS due_at_ms,
    if(isNull(accepted_at), NULL, toUnixTimestamp64Milli(assumeNotNull(accepted_at))) AS accepted_at_ms,
    extended_days,
    line,
    kind,
    channel,
    region_code,
    category,
    issue_type,
    status,
    urgent,
    merchant_id,
    merchant_name,
    brand,
    toFloat64(amount_yuan) AS amount_yuan,
    toFloat64(recovered_yuan) AS recovered_yuan,
    lon,
    lat,
    summary
FROM case_versions FINAL
WHERE id IN {ids:Array(String)}
ORDER BY id, version_at
