-- The whole alert log in the order it is folded: each alert's events by version.
SELECT alert_id, version, event, toUnixTimestamp64Milli(at) AS at_ms, actor, note, state
FROM alert_events
ORDER BY alert_id, version
