-- The whole notice log in the order it is folded: each notice's events by version.
SELECT notice_id,
       version,
       event,
       toUnixTimestamp64Milli(at) AS at_ms,
       actor,
       changed,
       scope,
       text,
       toUnixTimestamp64Milli(expires_at) AS expires_at_ms,
       withdrawn,
       toUnixTimestamp64Milli(posted_at) AS posted_at_ms,
       posted_by
FROM notice_events
ORDER BY notice_id, version
