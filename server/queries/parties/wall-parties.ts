// The merchants and brands with the most new cases on one China Standard Time day in one scope,
// from the per-day rollups.
import type { RankedItem } from '@shared/wall-events';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';

export interface PartiesInput extends RegionRange {
  /** the CST calendar date, 'YYYY-MM-DD' */
  day: string;
  /** merchants and brands each */
  limit: number;
}

interface PartyRow {
  party: 'merchant' | 'brand';
  name: string;
  today_cases: number;
}

export interface PartiesResult {
  topMerchants: RankedItem[];
  topBrands: RankedItem[];
}

export const wallParties = defineQuery<PartiesInput, PartyRow, PartiesResult>({
  name: 'wall-parties',
  file: new URL('./wall-parties.sql', import.meta.url),
  params: (input) => ({ day: input.day, regionFrom: input.regionFrom, regionTo: input.regionTo, limit: input.limit }),
  parse(rows) {
    const result: PartiesResult = { topMerchants: [], topBrands: [] };
    for (const row of rows)
      (row.party === 'merchant' ? result.topMerchants : result.topBrands).push({
        key: row.name,
        count: row.today_cases,
      });
    return result;
  },
});
