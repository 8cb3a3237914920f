// Cases received in a report window by category (the hourly rollup; windows are whole hours).
import { defineQuery } from '../../clickhouse/define-query';
import { toDateTime } from '../../clickhouse/datetime';
import type { RegionRange } from '../region-range';

export interface HourWindowInput extends RegionRange {
  /** whole hours, epoch ms */
  fromMs: number;
  toMs: number;
}

interface CategoryRow {
  category: string;
  received_cases: number;
}

export const receivedByCategory = defineQuery<HourWindowInput, CategoryRow, Map<string, number>>({
  name: 'report-received-by-category',
  file: new URL('./received-by-category.sql', import.meta.url),
  params: (input) => ({
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    from: toDateTime(input.fromMs),
    to: toDateTime(input.toMs),
  }),
  parse: (rows) => new Map(rows.map((r) => [r.category, r.received_cases])),
});
