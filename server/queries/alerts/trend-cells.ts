// City and province x category cells active in the last week, with their daily counts.
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';

export interface TrendCellsInput extends RegionRange {
  /** the evaluation time (epoch ms): whole China-time days before its day are read */
  endMs: number;
  days: number;
}

interface Row {
  level: 1 | 2;
  cell: number;
  category: string;
  days_ago: number[];
  counts: number[];
}

export interface TrendCell {
  regionCode: string;
  category: string;
  /** days before the evaluation's day (1 = yesterday) and their counts, for days with cases */
  daysAgo: number[];
  counts: number[];
}

export const trendCells = defineQuery<TrendCellsInput, Row, TrendCell[]>({
  name: 'alerts-trend-cells',
  file: new URL('./trend-cells.sql', import.meta.url),
  params: (input) => ({
    end: toDateTime(input.endMs),
    days: input.days,
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
  }),
  parse: (rows) =>
    rows.map((row) => ({
      regionCode: String(row.cell).padStart(6, '0'),
      category: row.category,
      daysAgo: row.days_ago,
      counts: row.counts,
    })),
});
