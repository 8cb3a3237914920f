-- The tables that hold data (views hold none), with their engine: Replacing and Summing tables are
-- read with FINAL so that a background merge between backup and check changes nothing.
SELECT name, engine
FROM system.tables
WHERE database = currentDatabase() AND engine LIKE '%MergeTree'
ORDER BY name
