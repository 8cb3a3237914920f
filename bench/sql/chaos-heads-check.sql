-- Chaos benchmark audit: cases with a stored version but no current state in case_heads. Inserting a
-- version also feeds the views (heads, rollups) part by part, not atomically: a kill between the
-- parts leaves the version stored and a view without it.
SELECT count() AS cases
FROM (SELECT DISTINCT id FROM case_versions)
WHERE id NOT IN (SELECT id FROM case_heads)
