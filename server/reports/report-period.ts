// The windows a report compares, all in whole China days: the period itself, the period before it
// (环比: the previous month, quarter or year, the 15 days before 1-15 March, or for any other window
// the window of the same length just before it) and the same period a year earlier (同比).
import { dateOfDay, dayOfDate, cstDayOf } from '@shared/calendar/cst-day';
import type { BriefingQuery, ReportPeriod } from '@shared/report-schema';
import { CST_OFFSET_MS, DAY_MS } from '@shared/time';

/** [fromMs, toMs), epoch ms, both at midnight China time. */
export interface ReportWindow {
  fromMs: number;
  toMs: number;
}

export interface ReportWindows {
  /** the preset, or 'window' for from/to */
  kind: ReportPeriod | 'window';
  period: ReportWindow;
  previous: ReportWindow;
  yearAgo: ReportWindow;
}

/** 15 March, consumer-rights day: the report covers 1 to 15 March of that year, both included. */
export const DAY_315_FIRST = 1;
export const DAY_315_LAST = 15;

/** Midnight China time at the start of a calendar date (months past 12 roll into the next year). */
function cstMidnightOf(year: number, month1: number, day: number): number {
  return Date.UTC(year, month1 - 1, day) - CST_OFFSET_MS;
}

function yearBack(window: ReportWindow): ReportWindow {
  const back = (ms: number) => {
    const d = new Date(ms + CST_OFFSET_MS);
    return cstMidnightOf(d.getUTCFullYear() - 1, d.getUTCMonth() + 1, d.getUTCDate());
  };
  return { fromMs: back(window.fromMs), toMs: back(window.toMs) };
}

function presetWindows(period: ReportPeriod, date: string): ReportWindows {
  const d = new Date(dayOfDate(date) * DAY_MS);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const months = (firstMonth: number, count: number): ReportWindow => ({
    fromMs: cstMidnightOf(year, firstMonth, 1),
    toMs: cstMidnightOf(year, firstMonth + count, 1),
  });
  let window: ReportWindow;
  let previous: ReportWindow;
  if (period === 'month') {
    window = months(month, 1);
    previous = months(month - 1, 1);
  } else if (period === 'quarter') {
    const first = month - ((month - 1) % 3);
    window = months(first, 3);
    previous = months(first - 3, 3);
  } else if (period === 'year') {
    window = months(1, 12);
    previous = months(-11, 12);
  } else {
    window = { fromMs: cstMidnightOf(year, 3, DAY_315_FIRST), toMs: cstMidnightOf(year, 3, DAY_315_LAST + 1) };
    previous = sameLengthBefore(window);
  }
  return { kind: period, period: window, previous, yearAgo: yearBack(window) };
}

function sameLengthBefore(window: ReportWindow): ReportWindow {
  return { fromMs: 2 * window.fromMs - window.toMs, toMs: window.fromMs };
}

/** The windows of a validated query; `nowMs` gives the default date (today, China time). */
export function reportWindows(query: BriefingQuery, nowMs: number): ReportWindows {
  if (query.period) return presetWindows(query.period, query.date ?? dateOfDay(cstDayOf(nowMs)));
  const period = { fromMs: Date.parse(query.from!), toMs: Date.parse(query.to!) };
  return { kind: 'window', period, previous: sameLengthBefore(period), yearAgo: yearBack(period) };
}

/** "YYYY-MM-DD" China time of an instant. */
export function cstDate(ms: number): string {
  return dateOfDay(cstDayOf(ms));
}

/** The last day a window covers, China time (its end is exclusive). */
export function lastCstDate(window: ReportWindow): string {
  return cstDate(window.toMs - 1);
}
