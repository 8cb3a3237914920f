-- The summaries of the cases a past feed shows, as they read at {at}: each case's newest version at
-- or before {at}, looked up by id (case_versions is ordered by id) within the feed's received window
-- (its month partitions). Cut on characters as the live feed is.
SELECT id, leftUTF8(toValidUTF8(argMax(summary, version_at)), 120) AS summary
FROM case_versions
WHERE id IN {ids:Array(String)}
  AND received_at >= {from:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
  AND version_at <= {at:DateTime64(3, 'UTC')}
GROUP BY id
