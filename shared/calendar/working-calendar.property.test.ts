// Properties of the working-day index, checked against a day-by-day walk over the raw calendar
// data (no index), for random days from 2019 to 2028 (both sides of the shipped years).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR_YEARS } from '.';
import { dayOfDate, weekdayOfDay, yearOfDay } from './cst-day';
import { WorkingCalendar } from './working-calendar';

const holidays = new Set(SHIPPED_CALENDAR_YEARS.flatMap((y) => Object.keys(y.holidays)).map(dayOfDate));
const workdays = new Set(SHIPPED_CALENDAR_YEARS.flatMap((y) => Object.keys(y.workdays)).map(dayOfDate));
const years = new Set(SHIPPED_CALENDAR_YEARS.map((y) => y.year));

/** The rule written out plainly: a worked weekend day, or a weekday that is no holiday; Mon-Fri without data. */
function workedByHand(day: number): boolean {
  const weekend = [0, 6].includes(weekdayOfDay(day));
  if (!years.has(yearOfDay(day))) return !weekend;
  return weekend ? workdays.has(day) : !holidays.has(day);
}

function addByWalking(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0;) {
    d += 1;
    if (workedByHand(d)) left -= 1;
  }
  return d;
}

const anyDay = fc.integer({ min: dayOfDate('2019-01-01'), max: dayOfDate('2028-12-31') });
const anyCount = fc.integer({ min: 0, max: 120 });

describe('working-day index', () => {
  const calendar = new WorkingCalendar(SHIPPED_CALENDAR_YEARS);

  it('agrees with a day-by-day walk', () => {
    fc.assert(
      fc.property(anyDay, anyCount, (day, n) => {
        expect(calendar.addWorkingDays(day, n)).toBe(addByWalking(day, n));
        expect(calendar.isWorkingDay(day)).toBe(workedByHand(day));
      }),
      { numRuns: 2000 },
    );
  });

  it('lands on a working day, and workingDaysBetween inverts it', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 120 }), (day, n) => {
        const due = calendar.addWorkingDays(day, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(day, due)).toBe(n);
        // and it is the first such day: one day earlier is one working day short
        expect(calendar.workingDaysBetween(day, due - 1)).toBe(n - 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('is additive: n then m working days is n + m', () => {
    fc.assert(
      fc.property(anyDay, anyCount, anyCount, (day, n, m) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(day, n), m)).toBe(calendar.addWorkingDays(day, n + m));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same answers whatever order days are asked in (the index grows on demand)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: dayOfDate('1995-01-01'), max: dayOfDate('2060-12-31') }), anyCount)),
        (asks) => {
          const fresh = new WorkingCalendar(SHIPPED_CALENDAR_YEARS);
          for (const [day, n] of asks) expect(fresh.addWorkingDays(day, n)).toBe(calendar.addWorkingDays(day, n));
        },
      ),
      { numRuns: 100 },
    );
  });
});
