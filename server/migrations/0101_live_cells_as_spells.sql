-- The live workload rollups seen as spells that cover every moment, so the live wall and a replay
-- read them with one query (queries/workload/wall-workload.sql): a replay reads replay_open_spells
-- and replay_closures (migration 0080) as of a moment, the live wall open_cases and activity_hour,
-- whose every row holds now. ALIAS columns: computed when read, never stored or written, so nothing
-- is added to the ingest, and a condition on them folds to a constant.
ALTER TABLE open_cases
    ADD COLUMN IF NOT EXISTS since DateTime64(3, 'UTC') ALIAS toDateTime64(0, 3, 'UTC'),
    ADD COLUMN IF NOT EXISTS until DateTime64(3, 'UTC') ALIAS toDateTime64('2100-01-01 00:00:00', 3, 'UTC');

ALTER TABLE activity_hour
    ADD COLUMN IF NOT EXISTS changed_at DateTime64(3, 'UTC') ALIAS toDateTime64(0, 3, 'UTC');
