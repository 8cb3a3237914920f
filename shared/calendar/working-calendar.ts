// The working-day calendar of mainland China: Monday to Friday, minus public holidays, plus the
// Saturdays and Sundays worked in exchange (调休). Years without data count Monday to Friday and
// are reported (missingYears, and `provisional` on every answer that crossed them), never silently.
//
// Every answer is O(1): the calendar keeps a per-day index over a window of years (whether the day
// is worked, how many working days up to it, where the k-th working day falls), grown on demand.
import type { CalendarYear } from './calendar-schema';
import { cstDayOf, dayOfDate, firstDayOfYear, weekdayOfDay, yearOfDay } from './cst-day';

/** Days outside these years are refused: they are typing errors, not cases. */
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2200;

interface DayIndex {
  firstDay: number;
  lastDay: number;
  /** 1 where the day (firstDay + i) is a working day */
  working: Uint8Array;
  /** working days in [firstDay, firstDay + i] */
  workingUpTo: Int32Array;
  /** offset from firstDay of the k-th working day (k from 0) */
  workingAt: Int32Array;
  /** days in [firstDay, firstDay + i] whose year the calendar has no data for */
  uncoveredUpTo: Int32Array;
}

export class WorkingCalendar {
  private readonly holidays = new Map<number, string>();
  private readonly workdays = new Map<number, string>();
  private readonly years: ReadonlySet<number>;
  private index: DayIndex;

  constructor(entries: readonly CalendarYear[]) {
    for (const entry of entries) {
      for (const [date, name] of Object.entries(entry.holidays)) this.holidays.set(dayOfDate(date), name);
      for (const [date, name] of Object.entries(entry.workdays)) this.workdays.set(dayOfDate(date), name);
    }
    this.years = new Set(entries.map((e) => e.year));
    const years = [...this.years];
    const first = years.length > 0 ? Math.min(...years) - 1 : 2019;
    const last = years.length > 0 ? Math.max(...years) + 2 : 2030;
    this.index = this.buildIndex(first, last);
  }

  /** Years with holiday data, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** The current and next year (in China time) that have no holiday data: what /healthz warns about. */
  missingYears(nowMs: number): number[] {
    const year = yearOfDay(cstDayOf(nowMs));
    return [year, year + 1].filter((y) => !this.years.has(y));
  }

  /** The holiday a day belongs to, or the holiday a make-up working day is worked for. */
  describeDay(day: number): { working: boolean; holiday?: string; makeUpFor?: string; covered: boolean } {
    const covered = this.years.has(yearOfDay(day));
    const holiday = this.holidays.get(day);
    const makeUpFor = this.workdays.get(day);
    return {
      working: this.isWorkingDay(day),
      covered,
      ...(holiday ? { holiday } : {}),
      ...(makeUpFor ? { makeUpFor } : {}),
    };
  }

  isWorkingDay(day: number): boolean {
    const index = this.ensure(day);
    return index.working[day - index.firstDay] === 1;
  }

  /** The day `n` working days after `day` (`day` itself not counted; n = 0 gives `day`). */
  addWorkingDays(day: number, n: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
    if (n === 0) return day;
    let index = this.ensure(day);
    let k = index.workingUpTo[day - index.firstDay] + n;
    while (k > index.workingAt.length) {
      index = this.ensure(index.lastDay + 366);
      k = index.workingUpTo[day - index.firstDay] + n;
    }
    return index.firstDay + index.workingAt[k - 1];
  }

  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: number, to: number): number {
    this.ensure(from);
    const index = this.ensure(to);
    return index.workingUpTo[to - index.firstDay] - index.workingUpTo[from - index.firstDay];
  }

  /** Whether any day after `from` up to `to` lies in a year without data (counted Monday to Friday). */
  crossesUncovered(from: number, to: number): boolean {
    const [a, b] = from <= to ? [from, to] : [to, from];
    this.ensure(a);
    const index = this.ensure(b);
    return index.uncoveredUpTo[b - index.firstDay] - index.uncoveredUpTo[a - index.firstDay] > 0;
  }

  /** The index, grown (a year beyond the day, rebuilt whole: rare and about a millisecond) to hold `day`. */
  private ensure(day: number): DayIndex {
    const index = this.index;
    if (day >= index.firstDay && day <= index.lastDay) return index;
    if (!Number.isInteger(day)) throw new RangeError(`not a day number: ${day}`);
    const year = yearOfDay(day);
    if (year < EARLIEST_YEAR || year > LATEST_YEAR)
      throw new RangeError(`day ${day} (${year}) is outside ${EARLIEST_YEAR}-${LATEST_YEAR}`);
    const first = Math.min(yearOfDay(index.firstDay), year - 1);
    const last = Math.max(yearOfDay(index.lastDay), year + 1);
    this.index = this.buildIndex(Math.max(first, EARLIEST_YEAR), Math.min(last, LATEST_YEAR));
    return this.index;
  }

  private buildIndex(firstYear: number, lastYear: number): DayIndex {
    const firstDay = firstDayOfYear(firstYear);
    const lastDay = firstDayOfYear(lastYear + 1) - 1;
    const length = lastDay - firstDay + 1;
    const working = new Uint8Array(length);
    const workingUpTo = new Int32Array(length);
    const uncoveredUpTo = new Int32Array(length);
    const workingAt: number[] = [];
    let uncovered = 0;
    let year = firstYear;
    let nextYearDay = firstDayOfYear(year + 1);
    let covered = this.years.has(year);
    for (let i = 0; i < length; i += 1) {
      const day = firstDay + i;
      if (day === nextYearDay) {
        year += 1;
        nextYearDay = firstDayOfYear(year + 1);
        covered = this.years.has(year);
      }
      const weekday = weekdayOfDay(day);
      const weekend = weekday === 0 || weekday === 6;
      const worked = covered ? (weekend ? this.workdays.has(day) : !this.holidays.has(day)) : !weekend;
      if (worked) {
        working[i] = 1;
        workingAt.push(i);
      }
      workingUpTo[i] = workingAt.length;
      if (!covered) uncovered += 1;
      uncoveredUpTo[i] = uncovered;
    }
    return { firstDay, lastDay, working, workingUpTo, workingAt: Int32Array.from(workingAt), uncoveredUpTo };
  }
}
