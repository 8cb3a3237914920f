-- table-fingerprint.sql for Replacing and Summing tables: FINAL, so unmerged parts count as merged.
SELECT count() AS rows, toString(sum(cityHash64(*))) AS fingerprint
FROM {table:Identifier} FINAL
