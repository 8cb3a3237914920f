// Term counts for the emerging-terms detector: per scope (the nation and each province), the cases
// of each term over the last 24 hours and the 28 days before, with the scope's total cases.
// Shaped as a query module (name, SQL file, typed parameters, row parsing) like every other query.
import fs from 'node:fs';
import { DAY_MS, HOUR_MS } from '@shared/time';
import type { ClickHouse } from '../../clickhouse/client';
import { toDateTime } from '../../clickhouse/datetime';

export interface TermSharesInput {
  /** the evaluation time; today is the 24 whole or partial hours up to and including its hour */
  nowMs: number;
  baselineDays: number;
  /** terms with fewer cases today are left out */
  minCases: number;
}

interface TermShareRow {
  province_code: number | string;
  term: string;
  today: number | string;
  baseline: number | string;
  /** sumMap's (keys, values) */
  today_by_category: [string[], Array<number | string>];
  today_by_province: [string[], Array<number | string>];
  first_hour_ms: number | string;
}

export interface TermCount {
  term: string;
  today: number;
  baseline: number;
  /** today's cases by category and by province adcode */
  todayByCategory: Record<string, number>;
  todayByProvince: Record<string, number>;
  /** start of the first hour today with a case of the term */
  firstHourMs: number;
}

/** One scope's counts: 'national' or a province adcode; totals are every case, with terms or not. */
export interface ScopeTermCounts {
  scope: string;
  totalToday: number;
  totalBaseline: number;
  terms: TermCount[];
}

const numbers = ([keys, values]: [string[], Array<number | string>]): Record<string, number> =>
  Object.fromEntries(keys.map((key, i) => [key, Number(values[i])]));

export const termShares = {
  name: 'term-shares',
  sql: fs.readFileSync(new URL('./term-shares.sql', import.meta.url), 'utf8'),
  params(input: TermSharesInput) {
    const currentHourMs = Math.floor(input.nowMs / HOUR_MS) * HOUR_MS;
    const todayFromMs = currentHourMs - 23 * HOUR_MS;
    return {
      todayFrom: toDateTime(todayFromMs),
      baselineFrom: toDateTime(todayFromMs - input.baselineDays * DAY_MS),
      to: toDateTime(currentHourMs + HOUR_MS),
      minCases: input.minCases,
    };
  },
  parse(rows: TermShareRow[]): ScopeTermCounts[] {
    const scopes = new Map<string, ScopeTermCounts>();
    for (const row of rows) {
      const scope = Number(row.province_code) === 0 ? 'national' : String(row.province_code);
      let counts = scopes.get(scope);
      if (!counts) scopes.set(scope, (counts = { scope, totalToday: 0, totalBaseline: 0, terms: [] }));
      if (row.term === '') {
        counts.totalToday = Number(row.today);
        counts.totalBaseline = Number(row.baseline);
        continue;
      }
      counts.terms.push({
        term: row.term,
        today: Number(row.today),
        baseline: Number(row.baseline),
        todayByCategory: numbers(row.today_by_category),
        todayByProvince: numbers(row.today_by_province),
        firstHourMs: Number(row.first_hour_ms),
      });
    }
    return [...scopes.values()];
  },
};

export async function readTermShares(clickhouse: ClickHouse, input: TermSharesInput): Promise<ScopeTermCounts[]> {
  const rows = await clickhouse.query<TermShareRow>(termShares.name, termShares.sql, termShares.params(input));
  return termShares.parse(rows);
}
