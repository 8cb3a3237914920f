-- The incident log up to {to} in the order it is folded: each incident's events by version. The live
-- repository reads it whole (to = the end of time), a replay up to the moment shown (server/replay/).
SELECT incident_id,
       version,
       event,
       toUnixTimestamp64Milli(at) AS at_ms,
       actor,
       changed,
       note,
       title,
       severity,
       status,
       region_codes,
       category,
       description,
       lead_unit,
       assignees,
       alert_ids,
       case_ids,
       toUnixTimestamp64Milli(opened_at) AS opened_at_ms,
       opened_by,
       toUnixTimestamp64Milli(verified_at) AS verified_at_ms,
       toUnixTimestamp64Milli(on_site_at) AS on_site_at_ms,
       toUnixTimestamp64Milli(contained_at) AS contained_at_ms,
       toUnixTimestamp64Milli(closed_at) AS closed_at_ms,
       toUnixTimestamp64Milli(cancelled_at) AS cancelled_at_ms
FROM incident_events
WHERE at <= {to:DateTime64(3, 'UTC')}
ORDER BY incident_id, version
