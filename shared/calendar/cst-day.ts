// Calendar days in China Standard Time as integers (days since 1970-01-01 in CST), so that the
// working-day index is plain array arithmetic and the server's own time zone never matters.
import { CST_OFFSET_MS, DAY_MS } from '../time';

/** A CST calendar date written YYYY-MM-DD, e.g. "2026-02-13". */
export type CstDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The CST day number of an instant. */
export function cstDayOf(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
}

/** The CST day number of "YYYY-MM-DD"; throws on anything that is not a real calendar date. */
export function dayOfDate(date: CstDate): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): "${date}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 02-30 over into March: a date that does not round-trip does not exist.
  if (new Date(ms).getUTCDate() !== d || mo < 1 || mo > 12) throw new RangeError(`no such date: "${date}"`);
  return ms / DAY_MS;
}

export function dateOfDay(day: number): CstDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Day number of 1 January of a year. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The last millisecond of a CST day: 23:59:59.999 +08:00, when a deadline on that day ends. */
export function endOfDayMs(day: number): number {
  return (day + 1) * DAY_MS - CST_OFFSET_MS - 1;
}

/** ISO 8601 in China Standard Time with its offset, e.g. "2026-03-02T23:59:59.999+08:00". */
export function isoCst(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().replace('Z', '+08:00');
}
