-- Distinct cases received in [from, to) inside an adcode range, by kind, line and channel, each
-- case in its current state. case_heads holds one row per case after FINAL.
SELECT kind, line, channel, count() AS cases
FROM case_heads FINAL
WHERE received_at >= {from:DateTime64(3, 'UTC')}
  AND received_at < {to:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
GROUP BY kind, line, channel
