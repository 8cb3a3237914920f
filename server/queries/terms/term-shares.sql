-- Cases per term in the last 24 hours ("today") and in the 28 days before ("baseline"), nationally
-- (province_code 0) and per province, from term_hour. The term '' counts every case: the totals a
-- share is taken of. Only terms with at least {minCases} cases today come back: a term below the
-- detector's minimum cannot fire, so neither its row nor a test is spent on it.
-- For explanations: today's cases by category, and (nationally) by province, and today's first hour.
SELECT
    province_code,
    term,
    sumIf(cases, hour >= {todayFrom:DateTime}) AS today,
    sumIf(cases, hour < {todayFrom:DateTime}) AS baseline,
    sumMapIf([category], [cases], hour >= {todayFrom:DateTime}) AS today_by_category,
    sumMapIf([toString(province_code_each)], [cases], hour >= {todayFrom:DateTime}) AS today_by_province,
    toUnixTimestamp(minIf(hour, hour >= {todayFrom:DateTime} AND cases > 0)) * 1000 AS first_hour_ms
FROM
(
    SELECT hour, province_code, province_code AS province_code_each, category, term, cases
    FROM term_hour
    WHERE hour >= {baselineFrom:DateTime} AND hour < {to:DateTime}
)
GROUP BY GROUPING SETS ((province_code, term), (term))
HAVING today >= {minCases:UInt32} OR term = ''
