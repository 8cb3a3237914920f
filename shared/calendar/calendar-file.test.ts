// The administrator's calendar file: found, merged over the shipped years, and refused with every
// problem named when it is wrong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR_FILE_NAME, loadCalendar } from './calendar-file';
import { dateOfDay, dayOfDate } from './cst-day';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

// Test fixtures, not the State Council's 2027 notice (which the shipped package does not have yet).
const year2027 = {
  year: 2027,
  holidays: { '2027-01-01': '元旦', '2027-02-08': '春节', '2027-02-09': '春节' },
  workdays: { '2027-02-06': '春节' },
};

describe('loadCalendar', () => {
  it('uses the shipped years when DATA_DIR has no calendar-extra.json', () => {
    const loaded = loadCalendar({ dataDir: path.join(dir, 'empty') });
    expect(loaded.file).toBeUndefined();
    expect(loaded.calendar.coveredYears().at(-1)).toBe(2026);
  });

  it('adds the years of DATA_DIR/calendar-extra.json', () => {
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(
      path.join(dataDir, DEFAULT_CALENDAR_FILE_NAME),
      JSON.stringify({ source: 'test', years: [year2027] }),
    );
    const loaded = loadCalendar({ dataDir });
    expect(loaded.file).toBe(path.join(dataDir, DEFAULT_CALENDAR_FILE_NAME));
    expect(loaded.addedYears).toEqual([2027]);
    expect(loaded.calendar.coveredYears()).toContain(2027);
    expect(loaded.calendar.missingYears(Date.parse('2026-12-02T10:00:00+08:00'))).toEqual([]);
    expect(loaded.calendar.isWorkingDay(dayOfDate('2027-02-06'))).toBe(true); // a Saturday worked
    expect(loaded.calendar.isWorkingDay(dayOfDate('2027-02-08'))).toBe(false);
    expect(loaded.calendar.isWorkingDay(dayOfDate('2026-02-14'))).toBe(true); // shipped years still there
  });

  it('lets a year in the file replace a shipped year whole', () => {
    const file = write('replace.json', { years: [{ year: 2026, holidays: {}, workdays: {} }] });
    const { calendar } = loadCalendar({ calendarFile: file, dataDir: dir });
    expect(calendar.isWorkingDay(dayOfDate('2026-02-16'))).toBe(true);
    expect(calendar.isWorkingDay(dayOfDate('2026-02-14'))).toBe(false);
    expect(dateOfDay(calendar.addWorkingDays(dayOfDate('2026-02-13'), 7))).toBe('2026-02-24');
  });

  it('refuses a CALENDAR_FILE that is not there or not JSON', () => {
    expect(() => loadCalendar({ calendarFile: path.join(dir, 'nope.json'), dataDir: dir })).toThrow(
      /nope\.json cannot be read/,
    );
    const broken = write('broken.json', '{"years": [');
    expect(() => loadCalendar({ calendarFile: broken, dataDir: dir })).toThrow(/broken\.json cannot be read as JSON/);
  });

  it('names every problem of an invalid file', () => {
    const file = write('bad.json', {
      years: [
        { year: 2027, holidays: { '2027-02-30': '春节', '2028-01-01': '元旦' }, workdays: { '2027-02-10': '春节' } },
        { year: 2027, holidays: {}, workdays: { '2027-02-06': '春节' }, notice: 'x' },
        { year: 2028, holidays: { '2028-1-1': '元旦' }, workdays: { '2028-01-08': '元旦' } },
      ],
    });
    let message = '';
    try {
      loadCalendar({ calendarFile: file, dataDir: dir });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('bad.json is not valid');
    expect(message).toContain('years.0.holidays.2027-02-30: no such date');
    expect(message).toContain('years.0.holidays.2028-01-01: is not in 2027');
    expect(message).toContain('years.0.workdays.2027-02-10: a make-up working day must be a Saturday or Sunday');
    expect(message).toContain('years.1: unknown field notice');
    expect(message).toMatch(/years\.2\.holidays.*YYYY-MM-DD/);
  });

  it('refuses a year listed twice and a day that is both off and worked', () => {
    const twice = write('twice.json', { years: [year2027, year2027] });
    expect(() => loadCalendar({ calendarFile: twice, dataDir: dir })).toThrow(/years\.1\.year: 2027 is listed twice/);
    const both = write('both.json', {
      years: [{ ...year2027, holidays: { ...year2027.holidays, '2027-02-06': '春节' } }],
    });
    expect(() => loadCalendar({ calendarFile: both, dataDir: dir })).toThrow(/2027-02-06: is also listed as a holiday/);
  });
});
