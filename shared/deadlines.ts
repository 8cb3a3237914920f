// Legal handling deadlines (SAMR provisional measures on complaints and reports, 2019), expressed
// as calendar time. Working days are counted Monday to Friday; public holidays are not modelled,
// so a deadline here is never later than the legal one (overdue is reported early, not late).
import type { Kind } from './codes';

/** Working days allowed from receipt to closure, per kind of contact. */
export const DEADLINE_WORKING_DAYS: Record<Kind, number> = {
  // answered on the line or within one working day
  consultation: 1,
  // 7 working days to accept, then 45 to mediate
  complaint: 52,
  // 15 working days to verify (extensions are a later version of the case with a new deadline)
  report: 15,
  suggestion: 15,
};

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** Adds working days in China Standard Time; the deadline falls at the end of that working day. */
export function addWorkingDays(from: Date, workingDays: number): Date {
  // Work on the CST calendar date, whatever the server's zone.
  let day = Math.floor((from.getTime() + CST_OFFSET_MS) / DAY_MS);
  let left = workingDays;
  while (left > 0) {
    day += 1;
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  // end of that CST day
  return new Date((day + 1) * DAY_MS - CST_OFFSET_MS - 1000);
}

export function dueAt(kind: Kind, receivedAt: Date): Date {
  return addWorkingDays(receivedAt, DEADLINE_WORKING_DAYS[kind]);
}
