// Recent located cases of one scope binned for the heatmap (case_feed): [lon, lat, cases] per bin,
// labelled by the bin's centre, the densest first.
import type { HeatPoint } from '@shared/wall-events';
import { toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';

export interface HeatInput extends RegionRange {
  fromMs: number;
  toMs: number;
  binDegrees: number;
  maxPoints: number;
}

interface HeatRow {
  lon_bin_centre: number;
  lat_bin_centre: number;
  cases: number;
}

export const wallHeat = defineQuery<HeatInput, HeatRow, HeatPoint[]>({
  name: 'wall-heat',
  file: new URL('./wall-heat.sql', import.meta.url),
  params: (input) => ({
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    from: toDateTime64(input.fromMs),
    to: toDateTime64(input.toMs),
    step: input.binDegrees,
    maxPoints: input.maxPoints,
  }),
  parse: (rows) => rows.map((r) => [r.lon_bin_centre, r.lat_bin_centre, r.cases]),
});
