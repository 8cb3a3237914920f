-- The live per-minute intake rollup seen as spells that cover every moment, so the live wall and a
-- replay read it with one query (queries/intake/wall-intake.sql): a replay reads replay_spells_minute
-- or replay_spells_hour (migration 0080) as of a moment, the live wall intake_minute, whose every row
-- holds now. ALIAS columns, as migration 0101 gives the workload rollups: computed when read, never
-- stored or written, so the ingest does not change; `received` is the minute itself, so a condition
-- on it still uses the table's ORDER BY.
ALTER TABLE intake_minute
    ADD COLUMN IF NOT EXISTS received DateTime('UTC') ALIAS minute,
    ADD COLUMN IF NOT EXISTS since DateTime('UTC') ALIAS toDateTime(0, 'UTC'),
    ADD COLUMN IF NOT EXISTS until DateTime('UTC') ALIAS toDateTime('2100-01-01 00:00:00', 'UTC');
