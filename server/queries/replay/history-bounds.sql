-- The oldest case stored, by its time of receipt: where the history a wall can replay begins.
-- case_versions is partitioned by month of receipt: the minimum reads the oldest parts' column.
SELECT toUnixTimestamp64Milli(min(received_at)) AS oldest_ms
FROM case_versions
