-- Ids of the open cases whose legal clock may run through a span of days: deadline at or after its
-- start, received before its end. For the deadline recompute after a calendar change; received_at
-- bounds prune the month partitions of case_heads.
SELECT id
FROM case_heads FINAL
WHERE received_at BETWEEN {receivedFrom:DateTime64(3, 'UTC')} AND {receivedTo:DateTime64(3, 'UTC')}
  AND due_at >= {dueFrom:DateTime('UTC')}
  AND status NOT IN {terminalStatuses:Array(String)}
ORDER BY id
