-- The newest receivedAt in the store (epoch 0 when it is empty). received_at is in the partition key,
-- so ClickHouse answers from each part's min/max index without reading the column.
SELECT toUnixTimestamp64Milli(max(received_at)) AS newest_received_at_ms
FROM case_versions
