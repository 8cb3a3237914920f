-- How much the store holds, for the demo: backfill into an empty store; otherwise resume after the
-- newest version, and continue an interrupted backfill below the oldest case (it goes newest first).
-- No FINAL: an approximate count is enough to tell empty from not.
SELECT count() AS cases_stored,
       toUnixTimestamp64Milli(min(received_at)) AS first_received_ms,
       toUnixTimestamp64Milli(max(version_at)) AS last_version_ms
FROM case_heads
