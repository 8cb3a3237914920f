-- Chaos benchmark audit: cases per status in the intake rollup against the current heads. A version
-- written twice moves its case between cells twice, so the two disagree.
SELECT status, sumIf(n, source = 'rollup') AS rollup_cases, sumIf(n, source = 'heads') AS head_cases
FROM
(
    SELECT status, toInt64(sum(cases)) AS n, 'rollup' AS source FROM intake_minute GROUP BY status
    UNION ALL
    SELECT status, toInt64(count()) AS n, 'heads' AS source FROM case_heads FINAL GROUP BY status
)
GROUP BY status
