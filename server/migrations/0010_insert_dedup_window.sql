-- Every table fed from case_versions remembers the ids of its last blocks, so that an insert repeated
-- with the same deduplication token (server/ingest/insert-journal.ts) keeps the parts that landed the
-- first time and writes only the missing ones: ClickHouse writes an insert's parts table by table, and
-- a crash or a cut connection in between must not leave a rollup without a case the others count.
-- A new table fed from case_versions needs the same setting (tests/foundation/insert-journal.test.ts
-- checks every one).
ALTER TABLE case_versions MODIFY SETTING non_replicated_deduplication_window = 100;
ALTER TABLE case_heads MODIFY SETTING non_replicated_deduplication_window = 100;
ALTER TABLE intake_minute MODIFY SETTING non_replicated_deduplication_window = 100;
ALTER TABLE intake_hour MODIFY SETTING non_replicated_deduplication_window = 100;
ALTER TABLE open_cases MODIFY SETTING non_replicated_deduplication_window = 100;
ALTER TABLE activity_hour MODIFY SETTING non_replicated_deduplication_window = 100;
ALTER TABLE merchant_day MODIFY SETTING non_replicated_deduplication_window = 100;
ALTER TABLE brand_day MODIFY SETTING non_replicated_deduplication_window = 100;
ALTER TABLE case_feed MODIFY SETTING non_replicated_deduplication_window = 100;
