-- The writer lease's recent history, one row per epoch, holder and kind: a claim's time (first_ms),
-- the latest renewal (last_ms). Older rows cannot matter: a lease not renewed within the window is
-- dead and a claim older than it has lapsed.
SELECT epoch,
       holder,
       kind,
       toUnixTimestamp64Milli(min(at)) AS first_ms,
       toUnixTimestamp64Milli(max(at)) AS last_ms
FROM writer_lease
WHERE at > now64(3) - toIntervalMillisecond({windowMs:UInt32})
GROUP BY epoch, holder, kind
