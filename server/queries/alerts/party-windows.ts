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

export interface PartyWindowsRead extends PartyWindowsInput {
  /** parties with a case since then (default: the last 24 hours) */
  activeFromMs?: number;
  /** read only the hours in [fromMs, toMs) (default: all of them) */
  fromMs?: number;
  toMs?: number;
}

interface PartyRow {
  party_kind: PartyKind;
  party: string;
  last_day: number;
  last_week: number;
  baseline: number;
  week_categories: [string[], Array<number | string>];
  week_regions: [number[], Array<number | string>];
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
  /** the first hour of the last week it had a case in (epoch ms; 0: none) */
  firstWeekHourMs: number;
}

/** A window as read: with its cases over the last week by category and by county, where its main category and counties come from. */
export interface PartyWeekWindow extends PartyWindow {
  weekCategories: ReadonlyMap<string, number>;
  weekRegions: ReadonlyMap<string, number>;
}

const MAX_PARTY_REGIONS = 10;

/** Keys by count, most first (ties by key), those with cases only. */
function ranked(counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key]) => key);
}

/** A party's window with its main category and counties picked from its week's counts. */
export function partyWindowOf(window: Omit<PartyWeekWindow, 'category' | 'regionCodes'>): PartyWeekWindow {
  return {
    ...window,
    category: ranked(window.weekCategories)[0] ?? '',
    regionCodes: ranked(window.weekRegions).slice(0, MAX_PARTY_REGIONS),
  };
}

const countsOf = <K>([keys, values]: [K[], Array<number | string>], key: (k: K) => string) =>
  new Map(keys.map((k, i) => [key(k), Number(values[i])]));

const params = (input: PartyWindowsInput) => ({
  end: toDateTime(input.endMs),
  from: toDateTime((input as PartyWindowsRead).fromMs ?? 0),
  to: toDateTime((input as PartyWindowsRead).toMs ?? input.endMs),
  activeFrom: toDateTime((input as PartyWindowsRead).activeFromMs ?? input.endMs - 24 * 3_600_000),
  baselineDays: input.baselineDays,
  regionFrom: input.regionFrom,
  regionTo: input.regionTo,
});

export const partyWindows = defineQuery<PartyWindowsRead, PartyRow, PartyWeekWindow[]>({
  name: 'alerts-party-windows',
  file: new URL('./party-windows.sql', import.meta.url),
  params,
  parse: (rows) =>
    rows.map((row) =>
      partyWindowOf({
        kind: row.party_kind,
        party: row.party,
        lastDay: Number(row.last_day),
        lastWeek: Number(row.last_week),
        baseline: Math.max(0, Number(row.baseline)),
        firstWeekHourMs: Number(row.first_week_hour_s) * 1000,
        weekCategories: countsOf(row.week_categories, String),
        weekRegions: countsOf(row.week_regions, (code) => String(code).padStart(6, '0')),
      }),
    ),
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
