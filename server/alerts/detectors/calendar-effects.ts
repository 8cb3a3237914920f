// Calendar effects on the hotline's intake. Public holidays (the shipped working calendar) and the
// consumer-rights days around 15 March do not behave like the same hours of ordinary weeks:
// - in a BASELINE, an hour on such a day is replaced by the same hour one week earlier (recursively,
//   so two special weeks in a row reach back two weeks): one National Day week or one 15 March must
//   neither inflate nor deflate eight weeks of expectations;
// - at the EVALUATION hour, 14-16 March multiply the expectation by a prior factor (consumer-rights
//   day has roughly three times a weekday's calls, nationally and in every category): a surge is
//   then judged against the day's usual rush. Holidays other than those keep the ordinary
//   expectation: the hotline is quieter on them, so this errs towards fewer alerts, not more.
import { activeCalendar } from '@shared/calendar';
import { cstDayOf, dateOfDay } from '@shared/calendar/cst-day';

/** Prior multipliers of the expected count on the consumer-rights days (MM-DD, China time). */
export const RIGHTS_DAY_FACTORS: Readonly<Record<string, number>> = { '03-14': 1.5, '03-15': 3, '03-16': 1.7 };

function monthDay(ms: number): string {
  return dateOfDay(cstDayOf(ms)).slice(5);
}

/** A day whose hours must not stand for an ordinary week in a baseline. */
export function isSpecialDay(ms: number): boolean {
  if (RIGHTS_DAY_FACTORS[monthDay(ms)] !== undefined) return true;
  return activeCalendar().describeDay(cstDayOf(ms)).holiday !== undefined;
}

/** The factor on an expectation evaluated at `ms`. */
export function evaluationFactor(ms: number): number {
  return RIGHTS_DAY_FACTORS[monthDay(ms)] ?? 1;
}

/**
 * Replaces, in place, the counts of hours on special days by the same hour a week earlier.
 * `hourStartMs(i)` is the start of hour i; hours at index >= `keepFrom` (the windows being judged)
 * are left alone. Hours less than a week from the start have nothing to borrow and stay.
 */
export function imputeSpecialHours(
  counts: Int32Array,
  special: Uint8Array,
  keepFrom: number,
  hoursPerWeek = 168,
): void {
  for (let i = hoursPerWeek; i < Math.min(keepFrom, counts.length); i += 1)
    if (special[i] === 1) counts[i] = counts[i - hoursPerWeek];
}

/** special[i] = 1 when hour i (starting at firstHourMs + i hours) falls on a special day. */
export function specialHours(firstHourMs: number, hours: number): Uint8Array {
  const special = new Uint8Array(hours);
  for (let i = 0; i < hours; i += 1) special[i] = isSpecialDay(firstHourMs + i * 3_600_000) ? 1 : 0;
  return special;
}
