-- Rows and a content fingerprint of one table (order-free: a sum of row hashes), to prove a restore
-- holds exactly what was backed up.
SELECT count() AS rows, toString(sum(cityHash64(*))) AS fingerprint
FROM {table:Identifier}
