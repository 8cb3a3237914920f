-- ClickHouse's clock (the one lease rows are stamped with) and the highest epoch ever used, so a
-- new claim takes a number above every earlier one.
SELECT toUnixTimestamp64Milli(now64(3)) AS now_ms,
       max(epoch) AS top_epoch
FROM writer_lease
