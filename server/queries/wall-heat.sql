-- Recent cases of one scope with a location, binned to 0.1 degree for the heatmap, from the short
-- raw window case_feed (FINAL: each case once, at its newest version).
SELECT round(lon, 1) AS lon_bin, round(lat, 1) AS lat_bin, count() AS cases
FROM case_feed FINAL
WHERE received_at BETWEEN {from:DateTime64(3, 'UTC')} AND {to:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
  AND lon IS NOT NULL
  AND lat IS NOT NULL
GROUP BY lon_bin, lat_bin
ORDER BY lon_bin, lat_bin
