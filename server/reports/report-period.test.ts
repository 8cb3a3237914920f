import { describe, expect, it } from 'vitest';
import { briefingQuerySchema } from '@shared/report-schema';
import { cstDate, lastCstDate, reportWindows } from './report-period';

const windowsOf = (query: Record<string, string>, nowMs = Date.parse('2026-12-02T11:00:00Z')) =>
  reportWindows(briefingQuerySchema.parse(query), nowMs);
const days = (w: { fromMs: number; toMs: number }) => `${cstDate(w.fromMs)}..${lastCstDate(w)}`;

describe('report periods (China time)', () => {
  it('a month compares with the month before and the same month a year earlier', () => {
    const w = windowsOf({ period: 'month', date: '2026-03-31' });
    expect(days(w.period)).toBe('2026-03-01..2026-03-31');
    expect(days(w.previous)).toBe('2026-02-01..2026-02-28');
    expect(days(w.yearAgo)).toBe('2025-03-01..2025-03-31');
    expect(new Date(w.period.fromMs).toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('January goes back to December of the year before', () => {
    expect(days(windowsOf({ period: 'month', date: '2026-01-15' }).previous)).toBe('2025-12-01..2025-12-31');
  });

  it('a quarter compares with the quarter before', () => {
    const w = windowsOf({ period: 'quarter', date: '2026-05-20' });
    expect(days(w.period)).toBe('2026-04-01..2026-06-30');
    expect(days(w.previous)).toBe('2026-01-01..2026-03-31');
    expect(days(w.yearAgo)).toBe('2025-04-01..2025-06-30');
  });

  it('a year compares with the year before', () => {
    const w = windowsOf({ period: 'year', date: '2026-07-01' });
    expect(days(w.period)).toBe('2026-01-01..2026-12-31');
    expect(days(w.previous)).toBe('2025-01-01..2025-12-31');
    expect(days(w.yearAgo)).toBe('2025-01-01..2025-12-31');
  });

  it('15 March covers 1 to 15 March, against the 15 days before and 1-15 March a year earlier', () => {
    const w = windowsOf({ period: '315', date: '2028-03-20' });
    expect(days(w.period)).toBe('2028-03-01..2028-03-15');
    expect(days(w.previous)).toBe('2028-02-15..2028-02-29');
    expect(days(w.yearAgo)).toBe('2027-03-01..2027-03-15');
  });

  it('without a date the period is the one holding today in China (already 3 December at 16:30 UTC)', () => {
    expect(days(windowsOf({ period: 'month' }, Date.parse('2026-11-30T16:30:00Z')).period)).toBe(
      '2026-12-01..2026-12-31',
    );
  });

  it('a window compares with the window of the same length before it', () => {
    const w = windowsOf({ from: '2026-11-10T00:00:00+08:00', to: '2026-11-17T00:00:00+08:00' });
    expect(days(w.period)).toBe('2026-11-10..2026-11-16');
    expect(days(w.previous)).toBe('2026-11-03..2026-11-09');
    expect(days(w.yearAgo)).toBe('2025-11-10..2025-11-16');
  });

  it.each([
    [{}, 'give from and to'],
    [{ period: 'week' }, 'period'],
    [{ period: 'month', date: '2026-02-30' }, 'calendar date'],
    [{ from: '2026-11-10T00:00:00+08:00' }, 'go together'],
    [{ from: '2026-11-10T01:00:00+08:00', to: '2026-11-17T00:00:00+08:00' }, 'midnight China time'],
    [{ from: '2026-11-17T00:00:00+08:00', to: '2026-11-10T00:00:00+08:00' }, 'after from'],
    [{ from: '2024-01-01T00:00:00+08:00', to: '2026-01-01T00:00:00+08:00' }, 'at most'],
    [{ period: 'month', from: '2026-11-10T00:00:00+08:00' }, 'not both'],
    [{ period: 'month', format: 'docx' }, 'format'],
  ])('refuses %j', (query, message) => {
    const parsed = briefingQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });
});
