// The committed shared/refdata/calendar.json is what scripts/build-calendar.ts makes from the
// installed chinese-days, and its 2025 and 2026 agree with the State Council's notices as published
// (2025: 国办发明电〔2024〕12号; 2026: gov.cn/zhengce/zhengceku/202511/content_7047091.htm), written
// out here by hand.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarYear } from '@shared/calendar/calendar-schema';
import { buildCalendarFile, CALENDAR_OUT, calendarJson } from './build-calendar';

const shipped = buildCalendarFile();
const yearOf = (year: number): CalendarYear => shipped.years.find((y) => y.year === year)!;

/** Every date from `from` to `to`, inclusive. */
function dates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('shared/refdata/calendar.json', () => {
  it('is exactly what the build makes from the installed package', () => {
    expect(fs.readFileSync(CALENDAR_OUT, 'utf8')).toBe(calendarJson(shipped));
    expect(shipped.licence).toMatch(/^chinese-days@\d+\.\d+\.\d+: MIT$/);
  });

  it('holds the 2025 notice: 8 days of Spring Festival and of National Day, each with two make-up days', () => {
    const y = yearOf(2025);
    expect(Object.keys(y.holidays).sort()).toEqual([
      '2025-01-01',
      ...dates('2025-01-28', '2025-02-04'),
      ...dates('2025-04-04', '2025-04-06'),
      ...dates('2025-05-01', '2025-05-05'),
      ...dates('2025-05-31', '2025-06-02'),
      ...dates('2025-10-01', '2025-10-08'),
    ]);
    expect(Object.keys(y.workdays).sort()).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(y.holidays['2025-01-29']).toBe('春节');
  });

  it('holds the 2026 notice: 9 days of Spring Festival (02-14 and 02-28 worked), 7 of National Day', () => {
    const y = yearOf(2026);
    expect(Object.keys(y.holidays).sort()).toEqual([
      ...dates('2026-01-01', '2026-01-03'),
      ...dates('2026-02-15', '2026-02-23'),
      ...dates('2026-04-04', '2026-04-06'),
      ...dates('2026-05-01', '2026-05-05'),
      ...dates('2026-06-19', '2026-06-21'),
      ...dates('2026-09-25', '2026-09-27'),
      ...dates('2026-10-01', '2026-10-07'),
    ]);
    expect(Object.keys(y.workdays).sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});
