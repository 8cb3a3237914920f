// Cases received in a report window by county (the hourly rollup; windows are whole hours).
import { defineQuery } from '../../clickhouse/define-query';
import { toDateTime } from '../../clickhouse/datetime';
import type { HourWindowInput } from './received-by-category';

interface RegionRow {
  region_code: number;
  received_cases: number;
}

export interface CountyCount {
  /** 6-digit adcode */
  code: string;
  cases: number;
}

export const receivedByRegion = defineQuery<HourWindowInput, RegionRow, CountyCount[]>({
  name: 'report-received-by-region',
  file: new URL('./received-by-region.sql', import.meta.url),
  params: (input) => ({
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    from: toDateTime(input.fromMs),
    to: toDateTime(input.toMs),
  }),
  parse: (rows) => rows.map((r) => ({ code: String(r.region_code).padStart(6, '0'), cases: r.received_cases })),
});
