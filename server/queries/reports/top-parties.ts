// The top merchants and brands of a report window (merchant_day, brand_day: China days).
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';

export interface TopPartiesInput extends RegionRange {
  /** China dates YYYY-MM-DD, dayTo exclusive */
  dayFrom: string;
  dayTo: string;
  limit: number;
}

interface PartyRow {
  party: 'merchant' | 'brand';
  name: string;
  period_cases: number;
}

export interface PartyCount {
  name: string;
  cases: number;
}

export const topParties = defineQuery<TopPartiesInput, PartyRow, { merchants: PartyCount[]; brands: PartyCount[] }>({
  name: 'report-top-parties',
  file: new URL('./top-parties.sql', import.meta.url),
  params: (input) => ({ ...input }),
  parse: (rows) => ({
    merchants: rows.filter((r) => r.party === 'merchant').map((r) => ({ name: r.name, cases: r.period_cases })),
    brands: rows.filter((r) => r.party === 'brand').map((r) => ({ name: r.name, cases: r.period_cases })),
  }),
});
