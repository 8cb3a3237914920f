-- Recent cases of one scope with a location, binned for the heatmap, from the short raw window
-- case_feed (FINAL: each case once, at its newest version). Bins are {step} degrees, labelled by
-- their centre; only the {maxPoints} densest go to the wall, so a busy hour costs the wall (and
-- every tick's payload) a bounded number of points rather than one per occupied square.
SELECT
    round((floor(lon / {step:Float64}) + 0.5) * {step:Float64}, 3) AS lon_bin_centre,
    round((floor(lat / {step:Float64}) + 0.5) * {step:Float64}, 3) AS lat_bin_centre,
    count() AS cases
FROM case_feed FINAL
WHERE received_at BETWEEN {from:DateTime64(3, 'UTC')} AND {to:DateTime64(3, 'UTC')}
  AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}
  AND lon IS NOT NULL
  AND lat IS NOT NULL
GROUP BY lon_bin_centre, lat_bin_centre
ORDER BY cases DESC, lon_bin_centre, lat_bin_centre
LIMIT {maxPoints:UInt32}
