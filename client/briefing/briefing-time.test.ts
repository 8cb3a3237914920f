import { describe, expect, it } from 'vitest';
import { fromChinaInput, momentAt, presetPeriod, toChinaInput } from './briefing-time';

const ms = (iso: string) => Date.parse(iso);

describe('briefing moments, in China time', () => {
  it('reads and writes the inputs as Beijing time, whatever the zone of the machine', () => {
    expect(fromChinaInput('2026-03-15 18:00')).toBe(ms('2026-03-15T10:00:00Z'));
    expect(fromChinaInput(' 2026-03-15T18:00 ')).toBe(ms('2026-03-15T10:00:00Z'));
    expect(toChinaInput(ms('2026-03-15T16:30:45Z'))).toBe('2026-03-16 00:30');
    expect(fromChinaInput('')).toBeNull();
    expect(fromChinaInput('2026-03-15 6pm')).toBeNull();
    expect(fromChinaInput('2026-13-45 18:00')).toBeNull();
    expect(fromChinaInput('2026-02-30 18:00')).toBeNull();
  });

  it('takes last night as the latest 18:00-08:00 Beijing time that has ended', () => {
    // 10:00 Beijing on the 15th: the night of the 14th to the 15th
    const night = presetPeriod('lastNight', ms('2026-03-15T02:00:00Z'));
    expect(night).toEqual({ fromMs: ms('2026-03-14T10:00:00Z'), toMs: ms('2026-03-15T00:00:00Z') });
    // 07:59 Beijing on the 15th: that night has not ended, the one before is last night
    const early = presetPeriod('lastNight', ms('2026-03-14T23:59:00Z'));
    expect(early).toEqual({ fromMs: ms('2026-03-13T10:00:00Z'), toMs: ms('2026-03-14T00:00:00Z') });
    // 08:00 sharp: the night just ended
    expect(presetPeriod('lastNight', ms('2026-03-15T00:00:00Z')).toMs).toBe(ms('2026-03-15T00:00:00Z'));
  });

  it('ends the last 24 hours and 7 days at the current whole minute', () => {
    const now = ms('2026-03-15T02:03:40Z');
    expect(presetPeriod('last24h', now)).toEqual({
      fromMs: ms('2026-03-14T02:03:00Z'),
      toMs: ms('2026-03-15T02:03:00Z'),
    });
    expect(presetPeriod('last7d', now).fromMs).toBe(ms('2026-03-08T02:03:00Z'));
  });

  it('turns a scrubber position into a whole minute of the period', () => {
    const period = { fromMs: ms('2026-03-14T10:00:00Z'), toMs: ms('2026-03-15T00:00:00Z') };
    expect(momentAt(period, 0)).toBe(period.fromMs);
    expect(momentAt(period, 1)).toBe(period.toMs);
    expect(momentAt(period, 0.5)).toBe(ms('2026-03-14T17:00:00Z'));
    expect(momentAt(period, 0.123456) % 60_000).toBe(0);
    expect(momentAt(period, 7)).toBe(period.toMs);
  });
});
