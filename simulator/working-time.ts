// Office time on the Beijing calendar: handling steps (accepting, mediating, verifying) happen in
// office hours on working days, so delays are drawn in working days and mapped back to the clock.
// "Office time" is a single axis counting only 08:30-17:30 of working days; adding 1.0 to it moves
// one working day ahead. Working days are those of the national holiday calendar (public holidays
// off, make-up Saturdays and Sundays worked): the one calendar the server's deadlines use.
import { activeCalendar } from '@shared/calendar';
import { dayOfDate } from '@shared/calendar/cst-day';
import { CST_OFFSET_MS, DAY_MS, HOUR_MS } from '@shared/time';

export const OFFICE_START_MS = 8.5 * HOUR_MS;
export const OFFICE_DAY_MS = 9 * HOUR_MS;
/** Office time counts working days after this day (CST day number); the calendar knows days from 1990. */
const ORIGIN_DAY = dayOfDate('1999-12-31');

/** Working days before `day` (days since 1970-01-01, China time), counted from the origin. */
function workingDaysBefore(day: number): number {
  return activeCalendar().workingDaysBetween(ORIGIN_DAY, day - 1);
}

/** Position on the office-time axis, in working days; nights and days off collapse to a point. */
export function toOfficeDays(ms: number): number {
  const local = ms + CST_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  const before = workingDaysBefore(day);
  if (!activeCalendar().isWorkingDay(day)) return before;
  const intoOffice = Math.min(Math.max(local - day * DAY_MS - OFFICE_START_MS, 0), OFFICE_DAY_MS);
  return before + intoOffice / OFFICE_DAY_MS;
}

/** The clock time of a point on the office-time axis. */
export function fromOfficeDays(officeDays: number): number {
  let whole = Math.floor(officeDays);
  let frac = officeDays - whole;
  // an exact day boundary is the end of the previous working day, not the next morning
  if (frac === 0 && whole > 0) {
    whole -= 1;
    frac = 1;
  }
  // the working day with `whole` working days before it
  const day = activeCalendar().addWorkingDays(ORIGIN_DAY, whole + 1);
  return day * DAY_MS - CST_OFFSET_MS + OFFICE_START_MS + frac * OFFICE_DAY_MS;
}

/** `workingDays` of office time after `ms` (a step taken at night happens the next morning). */
export function afterWorkingDays(ms: number, workingDays: number): number {
  return Math.max(ms, fromOfficeDays(toOfficeDays(ms) + workingDays));
}

/** 08:00-21:00 Beijing time, any day: when the 12315 phone line is fully staffed. */
export function isStaffedHour(ms: number): boolean {
  const hour = ((((ms + CST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  return hour >= 8 && hour < 21;
}
