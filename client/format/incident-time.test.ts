import { describe, expect, it } from 'vitest';
import { formatClockDuration, formatElapsed, readClock } from './incident-time';

describe('incident times', () => {
  it('counts down in h:mm:ss past 24 hours, and reads an overrun the same way', () => {
    expect(formatClockDuration(0)).toBe('0:00:00');
    expect(formatClockDuration(2 * 3_600_000 + 5 * 60_000 + 9_400)).toBe('2:05:09');
    expect(formatClockDuration(-(74 * 3_600_000))).toBe('74:00:00');
  });

  it('says how long an incident has lasted in words', () => {
    expect(formatElapsed(45 * 60_000, 'zh')).toBe('45分');
    expect(formatElapsed(192 * 60_000, 'zh')).toBe('3小时12分');
    expect(formatElapsed((2 * 1440 + 5 * 60) * 60_000, 'en')).toBe('2 d 5 h');
    expect(formatElapsed(-5, 'en')).toBe('0 min');
  });

  it('turns a clock breached as soon as the wall sees it overrun, before the server says so', () => {
    const clock = { name: 'onSite' as const, dueAt: '2025-03-15T02:00:00.000Z', breached: false };
    expect(readClock(clock, Date.parse('2025-03-15T01:59:00.000Z'))).toEqual({
      name: 'onSite',
      leftMs: 60_000,
      breached: false,
      text: '0:01:00',
    });
    expect(readClock(clock, Date.parse('2025-03-15T02:00:30.000Z'))).toMatchObject({ breached: true, text: '0:00:30' });
  });
});
