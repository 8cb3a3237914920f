-- What a case's legal clock runs from besides its receipt (docs/deadlines.md): a complaint's
-- acceptance starts the 45-working-day mediation clock, and a report's verification may be extended
-- by 15 working days. due_at holds the clock running now, computed from these at ingest.
-- Nullable: most versions carry no acceptance (consultations, complaints not yet accepted).
ALTER TABLE case_versions ADD COLUMN IF NOT EXISTS accepted_at Nullable(DateTime64(3, 'UTC')) AFTER due_at;

ALTER TABLE case_versions ADD COLUMN IF NOT EXISTS extended_days UInt8 DEFAULT 0 AFTER accepted_at;

-- The working-day calendar the stored deadlines were computed with, one digest per year
-- (server/deadlines/recompute-deadlines.ts). At start the server compares the calendar it loaded
-- (shipped years plus the administrator's file) with these rows; for each year added or changed it
-- recomputes the deadlines of open cases whose clock runs through that year, then records it.
CREATE TABLE IF NOT EXISTS calendar_years_applied
(
    year UInt16,
    digest String,
    applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(applied_at)
ORDER BY year;
