-- The calendar each year's stored deadlines were last computed with: one digest per year.
SELECT year, argMax(digest, applied_at) AS digest
FROM calendar_years_applied
GROUP BY year
