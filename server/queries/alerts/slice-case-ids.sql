-- The newest cases of an alert's slice since its window began (GET /api/v1/alerts/:id); the slice is
-- the view alert_slice (migration 0075).
SELECT id
FROM alert_slice(from = {from:DateTime64(3, 'UTC')}, to = {to:DateTime64(3, 'UTC')},
                 regionFrom = {regionFrom:Array(UInt32)}, regionTo = {regionTo:Array(UInt32)},
                 category = {category:String}, merchant = {merchant:String}, brand = {brand:String},
                 term = {term:String})
ORDER BY received_at DESC, id DESC
LIMIT {limit:UInt32}
