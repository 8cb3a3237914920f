// The comparison figures of one scope from the per-minute rollup: a run of week-ago minutes as the
// volume baseline, and by kind x line the cases of two earlier stretches of a day (the wall's
// same-time-yesterday and same-time-last-week).
import type { CaseCounts } from '@shared/wall-events';
import { MINUTE_MS } from '@shared/time';
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { addToCounts, emptyCounts } from '../case-counts';
import type { RegionRange } from '../region-range';

/** A stretch of minutes, both ends included (epoch ms of minute starts). */
export interface MinuteSpan {
  fromMs: number;
  toMs: number;
}

export interface HistoryInput extends RegionRange {
  /** cases per minute over these minutes; must contain lastWeek's minutes (one scan) */
  baseline: MinuteSpan;
  yesterday: MinuteSpan;
  lastWeek: MinuteSpan;
}

/** A row of wall-history.sql, live or as of a past moment. */
export interface HistoryRow {
  grouped_by: 'minute' | 'kind_line';
  minute_epoch_s: number;
  kind: string;
  line: string;
  baseline_cases: number;
  yesterday_cases: number;
  last_week_cases: number;
}

export interface HistoryResult {
  /** cases per minute from baselineFromMs on */
  baseline: number[];
  /** the minute of baseline[0] */
  baselineFromMs: number;
  sameTimeYesterday: CaseCounts;
  sameTimeLastWeek: CaseCounts;
}

export const wallHistory = defineQuery<HistoryInput, HistoryRow, HistoryResult>({
  name: 'wall-history',
  file: new URL('./wall-history.sql', import.meta.url),
  // every row of intake_minute holds now: any moment reads it whole
  params: (input) => historyParams('intake_minute', input.baseline.toMs, input),
  parse: (rows, input) => parseHistory(rows, input, MINUTE_MS),
});

/** The parameters of wall-history.sql: the table read, the moment it is read as of, the scope and stretches. */
export function historyParams(spells: string, atMs: number, input: HistoryInput) {
  return {
    spells,
    at: toDateTime(atMs),
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    baselineFrom: toDateTime(input.baseline.fromMs),
    baselineTo: toDateTime(input.baseline.toMs),
    yesterdayFrom: toDateTime(input.yesterday.fromMs),
    yesterdayTo: toDateTime(input.yesterday.toMs),
    lastWeekFrom: toDateTime(input.lastWeek.fromMs),
    lastWeekTo: toDateTime(input.lastWeek.toMs),
  };
}

/** Rows to the result; `stepMs` is the baseline's step (a minute live, an hour for a replay kept hourly). */
export function parseHistory(rows: HistoryRow[], input: HistoryInput, stepMs: number): HistoryResult {
  const baselineFromMs = input.baseline.fromMs;
  const minutes = (input.baseline.toMs - baselineFromMs) / stepMs + 1;
  const result: HistoryResult = {
    baseline: new Array<number>(minutes).fill(0),
    baselineFromMs,
    sameTimeYesterday: emptyCounts(),
    sameTimeLastWeek: emptyCounts(),
  };
  for (const row of rows) {
    if (row.grouped_by === 'minute') {
      const index = (row.minute_epoch_s * 1000 - baselineFromMs) / stepMs;
      if (index >= 0 && index < minutes) result.baseline[index] = row.baseline_cases;
    } else {
      addToCounts(result.sameTimeYesterday, row.kind, row.line, row.yesterday_cases);
      addToCounts(result.sameTimeLastWeek, row.kind, row.line, row.last_week_cases);
    }
  }
  return result;
}
