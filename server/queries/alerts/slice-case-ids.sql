-- The newest cases of an alert's slice since its window began (GET /api/v1/alerts/:id): the same
-- slice as slice-cases-by-hour.sql, bounded by the alert's window and a limit.
SELECT id
FROM case_versions
WHERE received_at >= {from:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
  AND is_head = 1 AND prev_exists = 0
  AND arrayExists((lo, hi) -> region_code BETWEEN lo AND hi, {regionFrom:Array(UInt32)}, {regionTo:Array(UInt32)})
  AND ({category:String} = '' OR category = {category:String})
  AND ({merchant:String} = '' OR merchant_name = {merchant:String})
  AND ({brand:String} = '' OR brand = {brand:String})
  AND ({term:String} = '' OR positionUTF8(summary, {term:String}) > 0)
ORDER BY received_at DESC, id DESC
LIMIT {limit:UInt32}
