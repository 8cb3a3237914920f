// The one working-day calendar that deadlines, detectors and the simulator share. It starts as the
// shipped calendar (shared/refdata/calendar.json, generated from chinese-days); the server replaces
// it at start with the shipped years plus an administrator's file (calendar-file.ts), so that a
// year the package does not have yet can be added without a release. Dates are CST "YYYY-MM-DD".
import shippedPack from '../refdata/calendar.json';
import { parseCalendarFile, type CalendarYear } from './calendar-schema';
import { dateOfDay, dayOfDate, type CstDate } from './cst-day';
import { WorkingCalendar } from './working-calendar';

export { WorkingCalendar } from './working-calendar';
export type { CstDate } from './cst-day';

/** The years shipped in shared/refdata/calendar.json, validated once. */
export const SHIPPED_CALENDAR_YEARS: readonly CalendarYear[] = parseCalendarFile(
  shippedPack,
  'shared/refdata/calendar.json',
).years;

let active = new WorkingCalendar(SHIPPED_CALENDAR_YEARS);

/** The calendar every deadline is computed with. */
export function activeCalendar(): WorkingCalendar {
  return active;
}

/** Replaces the calendar (server start, after reading the administrator's file; tests). */
export function setActiveCalendar(calendar: WorkingCalendar): void {
  active = calendar;
}

/** Shipped years, with an administrator's years added; an added year replaces a shipped one whole. */
export function mergeCalendarYears(shipped: readonly CalendarYear[], added: readonly CalendarYear[]): CalendarYear[] {
  const byYear = new Map(shipped.map((y) => [y.year, y]));
  for (const y of added) byYear.set(y.year, y);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function isWorkingDay(date: CstDate): boolean {
  return active.isWorkingDay(dayOfDate(date));
}

/** The date `n` working days after `date` (which is not counted). */
export function addWorkingDays(date: CstDate, n: number): CstDate {
  return dateOfDay(active.addWorkingDays(dayOfDate(date), n));
}

/** Working days after `from` up to and including `to`: the inverse of addWorkingDays. */
export function workingDaysBetween(from: CstDate, to: CstDate): number {
  return active.workingDaysBetween(dayOfDate(from), dayOfDate(to));
}

export function coveredYears(): number[] {
  return active.coveredYears();
}

/** The current or next year (China time) without holiday data; empty when both are there. */
export function missingYears(nowMs: number): number[] {
  return active.missingYears(nowMs);
}
