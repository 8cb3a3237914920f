-- Chaos benchmark audit: every stored version with how many rows hold it (more than one: stored twice).
-- No FINAL: a duplicate must show even if a merge would hide it later.
SELECT id, toUnixTimestamp64Milli(version_at) AS version_ms, count() AS rows
FROM case_versions
GROUP BY id, version_ms
