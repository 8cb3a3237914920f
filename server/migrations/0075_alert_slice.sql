-- The cases of an alert's slice (regions x category, merchant, brand, term), each counted once at its
-- first stored version, received in [from, to): one parameterized view for the two reads of a slice
-- (server/queries/alerts/slice-cases-by-hour.sql, slice-case-ids.sql), so its definition is written
-- once. case_versions is read because no rollup carries merchant, brand and summary; the received_at
-- bounds keep the read to the month partitions of the window.
CREATE VIEW IF NOT EXISTS alert_slice AS
SELECT id, received_at
FROM case_versions
WHERE received_at >= {from:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
  AND is_head = 1 AND prev_exists = 0
  AND arrayExists((lo, hi) -> region_code BETWEEN lo AND hi, {regionFrom:Array(UInt32)}, {regionTo:Array(UInt32)})
  AND ({category:String} = '' OR category = {category:String})
  AND ({merchant:String} = '' OR merchant_name = {merchant:String})
  AND ({brand:String} = '' OR brand = {brand:String})
  AND ({term:String} = '' OR positionUTF8(summary, {term:String}) > 0);
