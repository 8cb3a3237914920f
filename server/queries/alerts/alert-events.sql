-- The alert log up to {to} in the order it is folded: each alert's events by version. The live
-- repository reads it whole (to = the end of time), a replay up to the moment shown (server/replay/).
SELECT alert_id, version, event, toUnixTimestamp64Milli(at) AS at_ms, actor, note, state
FROM alert_events
WHERE at <= {to:DateTime64(3, 'UTC')}
ORDER BY alert_id, version
