// How many cases arrive when: the national intake rate as a function of time in Beijing time
// (UTC+8 whatever the machine's zone). Calibrated so that a normal weekday brings about 65,000
// cases (2021: 23.8 million a year), busy 9-11 and 14-17, a night trough near 5% of the peak at
// 3 a.m. (web and app submissions never stop), weekends lower, and 15 March (consumer-rights day)
// about three times a weekday. Public holidays other than 15 March are not modelled.
import { CST_OFFSET_MS, DAY_MS, HOUR_MS } from '@shared/time';

export const WEEKDAY_CASES = 65_000;

/** Relative intake at each full hour of a weekday, Beijing time; linear in between. Peak 1.0 at 10:00. */
export const HOURLY_PROFILE: readonly number[] = [
  0.12, 0.08, 0.06, 0.05, 0.05, 0.07, 0.14, 0.3, 0.62, 0.95, 1.0, 0.9, 0.6, 0.72, 0.92, 0.97, 0.93, 0.75, 0.52, 0.45,
  0.42, 0.36, 0.26, 0.18,
];

/** With linear interpolation around the clock the day's integral is the plain sum, in hours. */
const PROFILE_HOURS = HOURLY_PROFILE.reduce((sum, v) => sum + v, 0);

const WEEKEND_FACTOR = 0.6;

/** Consumer-rights day and the days around it (the 3·15 gala, media campaigns). */
const SPECIAL_DAYS: Readonly<Record<string, number>> = { '03-14': 1.5, '03-15': 3.0, '03-16': 1.7 };

/** Days since 1970-01-01 on the Beijing calendar. */
export function cstDayIndex(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
}

export function cstDayStart(dayIndex: number): number {
  return dayIndex * DAY_MS - CST_OFFSET_MS;
}

/** Hour of day in Beijing time as a fraction, 0 <= h < 24. */
export function cstHour(ms: number): number {
  return ((((ms + CST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
}

/** 0 = Sunday ... 6 = Saturday, Beijing calendar (1970-01-01 was a Thursday). */
export function cstWeekday(ms: number): number {
  return (((cstDayIndex(ms) + 4) % 7) + 7) % 7;
}

/** "MM-DD" on the Beijing calendar. */
export function cstMonthDay(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(5, 10);
}

/** The day's volume relative to a normal weekday. */
export function dayFactor(ms: number): number {
  const special = SPECIAL_DAYS[cstMonthDay(ms)];
  if (special !== undefined) return special;
  const weekday = cstWeekday(ms);
  return weekday === 0 || weekday === 6 ? WEEKEND_FACTOR : 1;
}

/** The within-day shape at `ms`, 0..1 (1 = the 10:00 peak). */
export function hourShape(ms: number): number {
  const hour = cstHour(ms);
  const h0 = Math.floor(hour);
  const frac = hour - h0;
  return HOURLY_PROFILE[h0] * (1 - frac) + HOURLY_PROFILE[(h0 + 1) % 24] * frac;
}

/** Expected national arrivals per millisecond at `ms`. */
export function arrivalRatePerMs(ms: number): number {
  return (WEEKDAY_CASES * dayFactor(ms) * hourShape(ms)) / (PROFILE_HOURS * HOUR_MS);
}

/** Expected national arrivals per second averaged over a weekday: about 0.75. */
export const WEEKDAY_MEAN_PER_S = WEEKDAY_CASES / 86_400;
