-- The earliest version time among the head versions ingested at or after {from} (a checkpoint of an
-- hour at or after it no longer holds: migration 0100). Only the parts of case_versions written since
-- {from} are read (a part never changes; a merge writes a new one), so the cost follows what was
-- ingested or merged since, not the store. 0 when there is none.
SELECT toUnixTimestamp64Milli(min(version_at)) AS earliest_ms, count() AS versions
FROM case_versions
WHERE _part IN
(
    SELECT name FROM system.parts
    WHERE database = currentDatabase() AND table = 'case_versions' AND active
      AND modification_time >= toDateTime({from:DateTime64(3, 'UTC')}) - 1
)
  AND ingested_at >= {from:DateTime64(3, 'UTC')}
  AND is_head = 1
