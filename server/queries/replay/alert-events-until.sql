-- The alert log up to {to}, in the order it is folded (alerts/alert-events.sql): the alerts as they
-- stood at {to}.
SELECT alert_id, version, event, toUnixTimestamp64Milli(at) AS at_ms, actor, note, state
FROM alert_events
WHERE at <= {to:DateTime64(3, 'UTC')}
ORDER BY alert_id, version
