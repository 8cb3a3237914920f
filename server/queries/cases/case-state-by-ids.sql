-- The stored version times and current head of each given case, for the ingest's bookkeeping.
-- received_at bounds prune the month partitions (a case's versions share its receivedAt).
SELECT
    id,
    groupArray(toUnixTimestamp64Milli(version_at)) AS version_ats_ms,
    toUnixTimestamp64Milli(max(version_at)) AS head_version_at_ms,
    toUnixTimestamp64Milli(argMax(received_at, version_at)) AS received_at_ms,
    toUnixTimestamp(argMax(due_at, version_at)) * 1000 AS due_at_ms,
    argMax(line, version_at) AS line,
    argMax(kind, version_at) AS kind,
    argMax(channel, version_at) AS channel,
    argMax(region_code, version_at) AS region_code,
    argMax(category, version_at) AS category,
    argMax(status, version_at) AS status,
    argMax(urgent, version_at) AS urgent,
    toFloat64(argMax(amount_yuan, version_at)) AS amount_yuan,
    toFloat64(argMax(recovered_yuan, version_at)) AS recovered_yuan
FROM case_versions
WHERE id IN {ids:Array(String)}
  AND received_at BETWEEN {fromReceived:DateTime64(3, 'UTC')} AND {toReceived:DateTime64(3, 'UTC')}
GROUP BY id
