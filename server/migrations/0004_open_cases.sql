-- Open cases by region x line x kind x category x status x deadline hour, with no time bucket of
-- receipt: "how many are open, how many overdue" is one small scan (overdue = due_hour < now).
-- Fed by the same +1/-1 moves as the intake rollups, restricted to open (non-terminal) states, so a
-- case leaves this table when it is resolved, closed or rejected. Its size follows the number of
-- open cases and deadlines, not the history.
CREATE TABLE IF NOT EXISTS open_cases
(
    region_code UInt32,
    line LowCardinality(String),
    kind LowCardinality(String),
    category LowCardinality(String),
    status LowCardinality(String),
    due_hour DateTime('UTC'),
    cases Int64
)
ENGINE = SummingMergeTree(cases)
ORDER BY (region_code, line, kind, category, status, due_hour);

CREATE MATERIALIZED VIEW IF NOT EXISTS open_cases_mv TO open_cases AS
SELECT cell_region AS region_code, cell_line AS line, cell_kind AS kind, cell_category AS category,
       cell_status AS status, toStartOfHour(cell_due) AS due_hour, toInt64(sign) AS cases
FROM case_versions AS v
ARRAY JOIN
    [1, -1] AS sign,
    [v.region_code, v.prev_region_code] AS cell_region,
    [v.line, v.prev_line] AS cell_line,
    [v.kind, v.prev_kind] AS cell_kind,
    [v.category, v.prev_category] AS cell_category,
    [v.status, v.prev_status] AS cell_status,
    [v.due_at, v.prev_due_at] AS cell_due
WHERE is_head = 1 AND (sign = 1 OR prev_exists = 1)
  AND cell_status NOT IN ('rejected', 'resolved', 'closed');
