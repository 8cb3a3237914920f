-- The earliest hour the hourly intake rollup holds (epoch 0 when it is empty): how far back the
-- detectors' baselines reach. hour is in the partition key, so the parts' min/max index answers.
SELECT if(count() = 0, 0, toUnixTimestamp(min(hour)) * 1000) AS earliest_hour_ms
FROM intake_hour
