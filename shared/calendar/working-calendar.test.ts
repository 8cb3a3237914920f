// Working-day arithmetic on the shipped calendar, checked against dates worked out by hand from the
// State Council's notices (2025: 国办发明电〔2024〕12号; 2026: the notice of November 2025,
// gov.cn/zhengce/zhengceku/202511/content_7047091.htm).
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  coveredYears,
  isWorkingDay,
  missingYears,
  SHIPPED_CALENDAR_YEARS,
  workingDaysBetween,
} from '.';
import { dateOfDay, dayOfDate } from './cst-day';
import { WorkingCalendar } from './working-calendar';

const at = (iso: string) => Date.parse(iso);

describe('the shipped calendar', () => {
  it('covers 2020 to 2026 and warns that 2027 is missing', () => {
    expect(coveredYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(missingYears(at('2026-12-02T10:00:00+08:00'))).toEqual([2027]);
    expect(missingYears(at('2025-06-01T10:00:00+08:00'))).toEqual([]);
    // 2026-12-31T16:30Z is already 2027-01-01 in China: 2027 and 2028 are missing
    expect(missingYears(at('2026-12-31T16:30:00Z'))).toEqual([2027, 2028]);
  });

  it('knows the make-up working days and the holidays of 2026', () => {
    for (const worked of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
      expect(isWorkingDay(worked), worked).toBe(true);
    for (const off of [
      '2026-01-02',
      '2026-02-16',
      '2026-02-23',
      '2026-04-06',
      '2026-05-05',
      '2026-10-07',
      '2026-03-01',
    ])
      expect(isWorkingDay(off), off).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
  });

  it('counts across the 2026 Spring Festival: received Friday 02-13, accepted by Monday 03-02', () => {
    // 02-14 (Sat, worked) is day 1; 02-15..23 off; 02-24..27 days 2-5; 02-28 (Sat, worked) day 6
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    expect(addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
    expect(workingDaysBetween('2026-02-13', '2026-03-02')).toBe(7);
    expect(workingDaysBetween('2026-02-14', '2026-02-23')).toBe(0);
  });

  it('counts across the 2026 National Day: received Wednesday 09-30, accepted by Thursday 10-15', () => {
    expect(addWorkingDays('2026-09-30', 7)).toBe('2026-10-15');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10'); // the Saturday worked
    // received on the Saturday before: Sunday 09-20 is worked
    expect(addWorkingDays('2026-09-19', 1)).toBe('2026-09-20');
  });

  it('counts across the 2025 Spring Festival and National Day with their make-up days', () => {
    // Sun 01-26 worked, 01-28..02-04 off, Sat 02-08 worked
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkingDays('2025-01-24', 7)).toBe('2025-02-10');
    expect(workingDaysBetween('2025-01-27', '2025-02-04')).toBe(0);
    // Sun 09-28 worked, 10-01..08 off, Sat 10-11 worked
    expect(addWorkingDays('2025-09-26', 7)).toBe('2025-10-13');
    expect(addWorkingDays('2025-09-26', 15)).toBe('2025-10-23');
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-10-08')).toBe(false);
  });

  it('crosses into the next year over the New Year holiday', () => {
    // 12-25, 26, 29, 30, 31; 2026-01-01..03 off; Sunday 01-04 worked; Monday 01-05
    expect(addWorkingDays('2025-12-24', 7)).toBe('2026-01-05');
    expect(workingDaysBetween('2025-12-24', '2026-01-05')).toBe(7);
    expect(workingDaysBetween('2026-01-05', '2025-12-24')).toBe(-7);
  });

  it('counts a year without data Monday to Friday, and says so', () => {
    const calendar = new WorkingCalendar(SHIPPED_CALENDAR_YEARS);
    const from = dayOfDate('2026-12-24');
    const due = calendar.addWorkingDays(from, 7);
    // 2027-01-01 (a Friday) counts as worked because 2027's notice is not in the data
    expect(dateOfDay(due)).toBe('2027-01-04');
    expect(calendar.crossesUncovered(from, due)).toBe(true);
    expect(calendar.crossesUncovered(from, calendar.addWorkingDays(from, 5))).toBe(false);
    expect(calendar.describeDay(dayOfDate('2027-01-01'))).toEqual({ working: true, covered: false });
  });

  it('uses an added year as soon as it is there', () => {
    const added = { year: 2027, holidays: { '2027-01-01': '元旦' }, workdays: {} }; // a test fixture, not the notice
    const calendar = new WorkingCalendar([...SHIPPED_CALENDAR_YEARS, added]);
    const from = dayOfDate('2026-12-24');
    expect(dateOfDay(calendar.addWorkingDays(from, 7))).toBe('2027-01-05');
    expect(calendar.crossesUncovered(from, calendar.addWorkingDays(from, 7))).toBe(false);
    expect(calendar.missingYears(at('2026-12-02T10:00:00+08:00'))).toEqual([]);
  });

  it('grows its index for days far from the data and refuses nonsense', () => {
    const calendar = new WorkingCalendar(SHIPPED_CALENDAR_YEARS);
    expect(dateOfDay(calendar.addWorkingDays(dayOfDate('2040-03-02'), 5))).toBe('2040-03-09'); // Mon-Fri
    expect(dateOfDay(calendar.addWorkingDays(dayOfDate('2001-01-05'), 1))).toBe('2001-01-08');
    expect(calendar.isWorkingDay(dayOfDate('2026-02-14'))).toBe(true); // still right after growing
    expect(() => calendar.addWorkingDays(dayOfDate('2026-02-13'), -1)).toThrow(/whole number/);
    expect(() => calendar.addWorkingDays(dayOfDate('2026-02-13'), 1.5)).toThrow(/whole number/);
    expect(() => calendar.isWorkingDay(dayOfDate('2999-01-01'))).toThrow(/outside/);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(/no such date/);
    expect(() => isWorkingDay('13/02/2026')).toThrow(/YYYY-MM-DD/);
  });

  it('names the holiday a day belongs to', () => {
    const calendar = new WorkingCalendar(SHIPPED_CALENDAR_YEARS);
    expect(calendar.describeDay(dayOfDate('2026-02-17'))).toEqual({ working: false, covered: true, holiday: '春节' });
    expect(calendar.describeDay(dayOfDate('2026-02-28'))).toEqual({ working: true, covered: true, makeUpFor: '春节' });
  });
});
