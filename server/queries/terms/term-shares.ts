// Term counts for the emerging-terms detector: per scope (the nation and each province), the cases
// of each term over the last 24 hours and the 28 days before, with the scope's total cases.
import { DAY_MS, HOUR_MS } from '@shared/time';
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';

export interface TermSharesInput {
  /** the evaluation time; today is the 24 hours that began before it (the last one may be running) */
  nowMs: number;
  baselineDays: number;
  /** terms with fewer cases today are left out */
  minCases: number;
}

interface TermShareRow {
  province_code: number;
  term: string;
  today: number;
  baseline: number;
  /** sumMap's (keys, values) */
  today_by_category: [string[], number[]];
  today_by_province: [string[], number[]];
  first_hour_ms: number;
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

const asRecord = ([keys, values]: [string[], number[]]): Record<string, number> =>
  Object.fromEntries(keys.map((key, i) => [key, values[i]]));

export const termShares = defineQuery<TermSharesInput, TermShareRow, ScopeTermCounts[]>({
  name: 'term-shares',
  file: new URL('./term-shares.sql', import.meta.url),
  params(input) {
    // the last hour read is the one that began before nowMs: live, the running hour (what it holds so
    // far); a backtest step at a whole hour reads nothing received after the step
    const currentHourMs = Math.floor((input.nowMs - 1) / HOUR_MS) * HOUR_MS;
    const todayFromMs = currentHourMs - 23 * HOUR_MS;
    return {
      todayFrom: toDateTime(todayFromMs),
      baselineFrom: toDateTime(todayFromMs - input.baselineDays * DAY_MS),
      to: toDateTime(currentHourMs + HOUR_MS),
      minCases: input.minCases,
    };
  },
  parse(rows) {
    const scopes = new Map<string, ScopeTermCounts>();
    for (const row of rows) {
      const scope = row.province_code === 0 ? 'national' : String(row.province_code);
      let counts = scopes.get(scope);
      if (!counts) scopes.set(scope, (counts = { scope, totalToday: 0, totalBaseline: 0, terms: [] }));
      if (row.term === '') {
        counts.totalToday = row.today;
        counts.totalBaseline = row.baseline;
        continue;
      }
      counts.terms.push({
        term: row.term,
        today: row.today,
        baseline: row.baseline,
        todayByCategory: asRecord(row.today_by_category),
        todayByProvince: asRecord(row.today_by_province),
        firstHourMs: row.first_hour_ms,
      });
    }
    return [...scopes.values()];
  },
});
