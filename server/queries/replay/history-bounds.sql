-- The oldest case stored, by its time of receipt: where the history a wall can replay begins.
-- replay_feed is ordered by receipt: its first row.
SELECT toUnixTimestamp64Milli(received_at) AS oldest_ms
FROM replay_feed
ORDER BY received_at
LIMIT 1
