// Recent (level, region, category) cells with the hours of history the surge baseline needs.
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';

export const REGION_LEVEL_OF = { 1: 'province', 2: 'city', 3: 'county' } as const;

export interface SurgeCellsInput extends RegionRange {
  /** the hour after the last one read (epoch ms, on an hour): hours before it only */
  endMs: number;
  /** how many hours back to read */
  hours: number;
}

interface Row {
  level: 1 | 2 | 3;
  cell: number;
  category: string;
  ago_hours: number[];
  counts: number[];
}

export interface SurgeCell {
  level: (typeof REGION_LEVEL_OF)[keyof typeof REGION_LEVEL_OF];
  regionCode: string;
  category: string;
  /** hours before the end (0 = the last hour read) and their counts, for the hours with cases */
  agoHours: number[];
  counts: number[];
}

export const surgeCells = defineQuery<SurgeCellsInput, Row, SurgeCell[]>({
  name: 'alerts-surge-cells',
  file: new URL('./surge-cells.sql', import.meta.url),
  params: (input) => ({
    end: toDateTime(input.endMs),
    hours: input.hours,
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
  }),
  parse: (rows) =>
    rows.map((row) => ({
      level: REGION_LEVEL_OF[row.level],
      regionCode: String(row.cell).padStart(6, '0'),
      category: row.category,
      agoHours: row.ago_hours,
      counts: row.counts,
    })),
});
