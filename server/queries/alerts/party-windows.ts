// Merchants and brands active in the last day, with their windows and own history (party_hour),
// and the moments of each category's party rates, the prior they are shrunk toward.
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';

export type PartyKind = 'merchant' | 'brand';

export interface PartyWindowsInput extends RegionRange {
  /** the hour after the last one read (epoch ms) */
  endMs: number;
  /** days of own history before the last 7 */
  baselineDays: number;
}

interface PartyRow {
  party_kind: PartyKind;
  party: string;
  last_day: number;
  last_week: number;
  baseline: number;
  category: string;
  regions: number[];
  first_week_hour_s: number;
}

export interface PartyWindow {
  kind: PartyKind;
  party: string;
  lastDay: number;
  lastWeek: number;
  /** cases in the baseline days before the last week */
  baseline: number;
  /** the party's main category over the last week */
  category: string;
  /** its counties over the last week, most cases first */
  regionCodes: string[];
  /** the first hour of the last week it had a case in (epoch ms) */
  firstWeekHourMs: number;
}

const params = (input: PartyWindowsInput) => ({
  end: toDateTime(input.endMs),
  baselineDays: input.baselineDays,
  regionFrom: input.regionFrom,
  regionTo: input.regionTo,
});

export const partyWindows = defineQuery<PartyWindowsInput, PartyRow, PartyWindow[]>({
  name: 'alerts-party-windows',
  file: new URL('./party-windows.sql', import.meta.url),
  params,
  parse: (rows) =>
    rows.map((row) => ({
      kind: row.party_kind,
      party: row.party,
      lastDay: row.last_day,
      lastWeek: row.last_week,
      baseline: Math.max(0, row.baseline),
      category: row.category,
      regionCodes: row.regions.map((code) => String(code).padStart(6, '0')),
      firstWeekHourMs: row.first_week_hour_s * 1000,
    })),
});

interface RateRow {
  party_kind: PartyKind;
  category: string;
  parties: number;
  total: number;
  squares: number;
  first_hour_s: number;
}

export interface CategoryPartyRates {
  kind: PartyKind;
  category: string;
  parties: number;
  /** sum and sum of squares of the parties' baseline counts */
  total: number;
  squares: number;
  /** the first hour the rollup holds in the baseline range (epoch ms) */
  firstHourMs: number;
}

export const categoryPartyRates = defineQuery<PartyWindowsInput, RateRow, CategoryPartyRates[]>({
  name: 'alerts-category-party-rates',
  file: new URL('./category-party-rates.sql', import.meta.url),
  params,
  parse: (rows) =>
    rows.map((row) => ({
      kind: row.party_kind,
      category: row.category,
      parties: row.parties,
      total: row.total,
      squares: row.squares,
      firstHourMs: row.first_hour_s * 1000,
    })),
});
