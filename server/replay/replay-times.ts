// The moment a wall that is not live shows, and the windows its parts are computed over: pure, like
// server/live/tick-window.ts, whose constants it shares. The moment shown is T floored to the
// resolution kept there (a minute within the per-minute history, an hour beyond); the wall as of that
// moment counts each case in its newest version at or before it, and the cases received before it.
import { activeCalendar } from '@shared/calendar';
import { cstDayOf, endOfDayMs } from '@shared/calendar/cst-day';
import { DAY_MS, HOUR_MS, WEEK_MS, cstMidnight, floorTo } from '@shared/time';
import type { PartName } from '@shared/wall-events';
import { SPELLS, type Resolution } from '../queries/replay/spells';
import { DUE_SOON_WORKING_DAYS, ON_TIME_WINDOW_MS } from '../live/tick-window';

/** Minute resolution this far back: the per-minute rollup's retention (migrations 0003 and 0080). */
export const MINUTE_HISTORY_MS = 35 * DAY_MS;
/** How long case_versions and the hourly replay tables keep the past (their TTL). */
export const HISTORY_KEPT_YEARS = 6;
/** Buckets in the volume series: 24 hours of minutes, or of hours. */
export const VOLUME_BUCKETS: Record<Resolution, number> = { minute: 1_440, hour: 24 };

export interface ReplayTimes {
  resolution: Resolution;
  stepMs: number;
  /** the moment shown: T floored to the resolution */
  atMs: number;
  /** the volume window's first and last buckets (the last one ends at atMs) */
  windowFromMs: number;
  windowToMs: number;
  /** midnight, China time, that starts atMs's day */
  todayFromMs: number;
  /** the first bucket of "the last hour" */
  hourFromMs: number;
  /** the start of atMs's hour: a case due before it is overdue */
  hourNowMs: number;
  /** the end of the second working day after atMs's day */
  dueSoonByMs: number;
  /** closures are counted from here (the 30-day on-time window) */
  closedFromMs: number;
}

export function resolutionAt(atMs: number, nowMs: number): Resolution {
  return atMs >= nowMs - MINUTE_HISTORY_MS ? 'minute' : 'hour';
}

export function replayTimes(requestedMs: number, nowMs: number): ReplayTimes {
  const resolution = resolutionAt(requestedMs, nowMs);
  const { stepMs } = SPELLS[resolution];
  const atMs = floorTo(requestedMs, stepMs);
  const hourNowMs = floorTo(atMs, HOUR_MS);
  return {
    resolution,
    stepMs,
    atMs,
    windowFromMs: atMs - VOLUME_BUCKETS[resolution] * stepMs,
    windowToMs: atMs - stepMs,
    todayFromMs: cstMidnight(atMs),
    hourFromMs: atMs - HOUR_MS,
    hourNowMs,
    dueSoonByMs: endOfDayMs(activeCalendar().addWorkingDays(cstDayOf(atMs), DUE_SOON_WORKING_DAYS)),
    closedFromMs: hourNowMs - ON_TIME_WINDOW_MS,
  };
}

/** The week-ago buckets aligned with the window, and today so far one day and one week back. */
export function comparisonSpans(t: ReplayTimes) {
  return {
    baseline: { fromMs: t.windowFromMs - WEEK_MS, toMs: t.windowToMs - WEEK_MS },
    yesterday: { fromMs: t.todayFromMs - DAY_MS, toMs: t.windowToMs - DAY_MS },
    lastWeek: { fromMs: t.todayFromMs - WEEK_MS, toMs: t.windowToMs - WEEK_MS },
  };
}

/** Parts whose past is not kept at atMs: beyond the history's retention, none is. */
export function notKeptAt(atMs: number, nowMs: number, parts: readonly PartName[]): PartName[] {
  const keptFromMs = new Date(nowMs).setUTCFullYear(new Date(nowMs).getUTCFullYear() - HISTORY_KEPT_YEARS);
  return atMs < keptFromMs ? [...parts] : [];
}
