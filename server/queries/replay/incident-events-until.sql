-- The incident log up to {to}, in the order it is folded (incidents/incident-events.sql): the
-- incidents as they stood at {to}.
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
