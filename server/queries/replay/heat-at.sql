-- Located cases of one scope received in the window before {at}, binned for the heatmap as they
-- stood at {at}, in the shape of feed/wall-heat.sql; from replay_feed (see feed-at.sql): each case
-- in its newest version at or before {at}.
SELECT
    round((floor(s.2 / {step:Float64}) + 0.5) * {step:Float64}, 3) AS lon_bin_centre,
    round((floor(s.3 / {step:Float64}) + 0.5) * {step:Float64}, 3) AS lat_bin_centre,
    count() AS cases
FROM
(
    SELECT id, argMax((region_code, lon, lat), version_at) AS s
    FROM replay_feed
    WHERE received_at >= {from:DateTime64(3, 'UTC')} AND received_at < {to:DateTime64(3, 'UTC')}
      AND version_at <= {at:DateTime64(3, 'UTC')}
    GROUP BY id
)
WHERE s.1 BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
  AND s.2 IS NOT NULL
  AND s.3 IS NOT NULL
GROUP BY lon_bin_centre, lat_bin_centre
ORDER BY cases DESC, lon_bin_centre, lat_bin_centre
LIMIT {maxPoints:UInt32}
