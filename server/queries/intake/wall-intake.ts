// The intake panels of one scope from the per-minute rollup: cases per minute over a window, and for
// "today" (from todayFromMs) and "the last hour" (from hourFromMs) by kind x line, channel, category
// and child region.
import { CHANNEL_CODES, type Category, type Channel } from '@shared/codes';
import { MINUTE_MS } from '@shared/time';
import type { CaseCounts, RankedItem } from '@shared/wall-events';
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { addToCounts, emptyCounts, zeroes } from '../case-counts';
import { childOf, type ChildRegions } from '../region-range';

export interface IntakeInput extends ChildRegions {
  /** the first minute of the per-minute series */
  windowFromMs: number;
  /** the last minute of the series (the current, partial one) */
  windowToMs: number;
  todayFromMs: number;
  hourFromMs: number;
}

/** A row of wall-intake.sql, live or as of a past moment. */
export interface IntakeRow {
  grouped_by: 'minute' | 'kind_line' | 'channel' | 'category' | 'child';
  minute_epoch_s: number;
  kind: string;
  line: string;
  channel: string;
  category: string;
  child_region_code: number;
  window_cases: number;
  today_cases: number;
  hour_cases: number;
  today_amount_yuan: number;
}

export interface ChildIntake {
  today: number;
  lastHour: number;
}

export interface IntakeResult {
  /** cases per minute over the window; index 0 is windowFromMs */
  minutes: number[];
  windowFromMs: number;
  today: CaseCounts;
  lastHour: number;
  involvedTodayYuan: number;
  channelMix: Record<Channel, number>;
  categories: RankedItem[];
  /** by child region code of the scope */
  children: Map<string, ChildIntake>;
}

export const wallIntake = defineQuery<IntakeInput, IntakeRow, IntakeResult>({
  name: 'wall-intake',
  file: new URL('./wall-intake.sql', import.meta.url),
  // every row of intake_minute holds now: any moment reads it whole
  params: (input) => intakeParams('intake_minute', input.windowToMs, input),
  parse: (rows, input) => parseIntake(rows, input, MINUTE_MS),
});

/** The parameters of wall-intake.sql: the table read, the moment it is read as of, the scope and window. */
export function intakeParams(spells: string, atMs: number, input: IntakeInput) {
  return {
    spells,
    at: toDateTime(atMs),
    childDivisor: input.childDivisor,
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    windowFrom: toDateTime(input.windowFromMs),
    windowTo: toDateTime(input.windowToMs),
    todayFrom: toDateTime(input.todayFromMs),
    hourFrom: toDateTime(input.hourFromMs),
  };
}

/**
 * Rows to the result; `stepMs` is the series' step: a minute live, an hour for a replay beyond the
 * per-minute rollup's retention (minute_epoch_s then holds the hour's start).
 */
export function parseIntake(rows: IntakeRow[], input: IntakeInput, stepMs: number): IntakeResult {
  const minuteCount = (input.windowToMs - input.windowFromMs) / stepMs + 1;
  const result: IntakeResult = {
    minutes: new Array<number>(minuteCount).fill(0),
    windowFromMs: input.windowFromMs,
    today: emptyCounts(),
    lastHour: 0,
    involvedTodayYuan: 0,
    channelMix: zeroes(CHANNEL_CODES),
    categories: [],
    children: new Map(),
  };
  for (const row of rows) {
    const today = row.today_cases;
    if (row.grouped_by === 'minute') {
      const index = (row.minute_epoch_s * 1000 - input.windowFromMs) / stepMs;
      if (index >= 0 && index < minuteCount) result.minutes[index] = row.window_cases;
      result.lastHour += row.hour_cases;
    } else if (row.grouped_by === 'kind_line') {
      addToCounts(result.today, row.kind, row.line, today);
      result.involvedTodayYuan += row.today_amount_yuan;
    } else if (row.grouped_by === 'channel') {
      if (row.channel in result.channelMix) result.channelMix[row.channel as Channel] += today;
    } else if (row.grouped_by === 'category') {
      if (today > 0) result.categories.push({ key: row.category as Category, count: today });
    } else {
      const code = childOf(input, row.child_region_code);
      if (!code) continue;
      const seen = result.children.get(code) ?? { today: 0, lastHour: 0 };
      seen.today += today;
      seen.lastHour += row.hour_cases;
      result.children.set(code, seen);
    }
  }
  result.involvedTodayYuan = Math.round(result.involvedTodayYuan * 100) / 100;
  result.categories.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  return result;
}
