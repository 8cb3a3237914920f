// What one tick of one scope asks ClickHouse about: the scope's adcode range and child level, and
// the time windows derived from the tick's clock time. Pure, so the boundaries can be reasoned about
// (and tested) apart from the queries: "today" starts at midnight in China Standard Time.
import { activeCalendar } from '@shared/calendar';
import { cstDayOf, endOfDayMs } from '@shared/calendar/cst-day';
import { LIMITS } from '@shared/panels';
import { childDivisor, scopeLevel, scopeRange, type Scope, type ScopeLevel } from '@shared/regions';
import { DAY_MS, HOUR_MS, MINUTE_MS, cstMidnight, floorTo } from '@shared/time';

/** Minutes in the volume series: the last 24 hours, the current (partial) minute included. */
export const VOLUME_MINUTES = LIMITS.volumePoints;
/** The baseline is fetched this far beyond the window, so the window can shift until the next refresh. */
export const BASELINE_AHEAD_MINUTES = 15;
/** The heatmap shows cases received in the last hour, like the lastHour KPI. */
export const HEAT_WINDOW_MS = HOUR_MS;
/**
 * Heatmap bin size by scope level, in degrees: about one heat radius on the wall's map at that
 * level (0.2 degrees is some 8 px of a national map at 1920x1080; a county fills the screen).
 */
export const HEAT_BIN_DEGREES: Record<ScopeLevel, number> = {
  national: 0.2,
  province: 0.05,
  city: 0.01,
  county: 0.005,
};
/** At most this many heat bins per payload, the densest: the wall's memory and each tick's size stay bounded. */
export const HEAT_MAX_POINTS = LIMITS.heatBins;
/** Open urgent cases shown on the map: received in the last 24 hours. */
export const URGENT_WINDOW_MS = DAY_MS;
/** case_feed holds two days; the newest cases are looked for in all of it. */
export const FEED_WINDOW_MS = 2 * DAY_MS;
export const ON_TIME_WINDOW_MS = 30 * DAY_MS;
/** A case is due soon when its deadline falls within this many working days (today not counted). */
export const DUE_SOON_WORKING_DAYS = 2;

export interface ScopeParams {
  scope: Scope;
  level: ScopeLevel;
  regionFrom: number;
  regionTo: number;
  childDivisor: number;
}

export function scopeParams(scope: Scope): ScopeParams {
  const [regionFrom, regionTo] = scopeRange(scope);
  return { scope, level: scopeLevel(scope), regionFrom, regionTo, childDivisor: childDivisor(scope) };
}

/** Epoch milliseconds of the boundaries one tick works with. */
export interface TickTimes {
  nowMs: number;
  /** start of the current minute: the last point of the volume series */
  minuteMs: number;
  /** first minute of the 24-hour volume window */
  windowFromMs: number;
  /** midnight, China Standard Time, that starts "today" */
  todayFromMs: number;
  /** first minute counted in "the last hour" (60 minutes back, at minute resolution) */
  hourFromMs: number;
  /** start of the current hour (overdue = deadline hour before it) */
  hourNowMs: number;
  /** end of the second working day after today, China time, on the holiday calendar (due soon = by then) */
  dueSoonByMs: number;
}

export function tickTimes(nowMs: number): TickTimes {
  const minuteMs = floorTo(nowMs, MINUTE_MS);
  return {
    nowMs,
    minuteMs,
    windowFromMs: minuteMs - (VOLUME_MINUTES - 1) * MINUTE_MS,
    todayFromMs: cstMidnight(nowMs),
    hourFromMs: floorTo(nowMs - HOUR_MS, MINUTE_MS),
    hourNowMs: floorTo(nowMs, HOUR_MS),
    dueSoonByMs: endOfDayMs(activeCalendar().addWorkingDays(cstDayOf(nowMs), DUE_SOON_WORKING_DAYS)),
  };
}

/** The China Standard Time calendar date of an instant, as ClickHouse's Date ('YYYY-MM-DD'). */
export function cstDate(ms: number): string {
  return new Date(cstMidnight(ms) + 8 * HOUR_MS).toISOString().slice(0, 10);
}
