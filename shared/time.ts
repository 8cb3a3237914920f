// Time on the wall is China Standard Time (UTC+8, no daylight saving) whatever the server's zone:
// "today" starts at midnight in Asia/Shanghai.

export const CST_OFFSET_MS = 8 * 3_600_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** The instant of the most recent midnight in China Standard Time at or before `ms`. */
export function cstMidnight(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
}

/** Hours and minutes in China Standard Time, e.g. "09:05". */
export function cstClock(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(11, 16);
}

export function floorTo(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}
