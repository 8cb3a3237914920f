-- How many events each write domain's log holds: the logs are append-only and never expire, so a
-- standby re-reads a log only when its size moved (server/ingest/writer-lease-standby.ts). count() of
-- a MergeTree answers from the parts' metadata.
SELECT
    (SELECT count() FROM notice_events) AS notices,
    (SELECT count() FROM incident_events) AS incidents,
    (SELECT count() FROM alert_events) AS alerts
