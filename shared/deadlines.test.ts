// Case deadlines on the holiday calendar: which clock runs, receipt at odd hours and on days off,
// the end of the working day in China time, and the first API its callers still use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR_YEARS, WorkingCalendar } from './calendar';
import { addWorkingDays, caseDeadlines, caseDueAtMs, dueAt, EXTENDED_DAYS } from './deadlines';

const END = 'T23:59:59.999+08:00';

describe('caseDeadlines', () => {
  it('gives a complaint 7 working days to be accepted, the running clock until it is', () => {
    const d = caseDeadlines({ kind: 'complaint', receivedAt: '2026-02-13T10:00:00+08:00' });
    expect(d).toEqual({
      acceptBy: `2026-03-02${END}`,
      acceptByMs: Date.parse(`2026-03-02${END}`),
      dueAt: `2026-03-02${END}`,
      dueAtMs: Date.parse(`2026-03-02${END}`),
      provisional: false,
    });
    expect(caseDeadlines({ kind: 'complaint', receivedAt: '2026-09-30T16:00:00+08:00' }).acceptBy).toBe(
      `2026-10-15${END}`,
    );
  });

  it('runs the 45-day mediation clock from the day of acceptance once accepted', () => {
    const d = caseDeadlines({
      kind: 'complaint',
      receivedAt: '2026-09-30T16:00:00+08:00',
      acceptedAt: '2026-10-09T11:00:00+08:00',
    });
    // 10-10 (Sat, worked) is day 1, then 44 weekdays with no holiday: 2026-12-10
    expect(d.acceptBy).toBe(`2026-10-15${END}`);
    expect(d.mediateBy).toBe(`2026-12-10${END}`);
    expect(d.dueAt).toBe(d.mediateBy);
    expect(d.dueAtMs).toBe(Date.parse(`2026-12-10${END}`));
  });

  it('gives a report 15 working days to be verified, 30 when extended', () => {
    // received on a holiday (Mon 02-16): counting starts 02-24; Sat 02-28 worked
    const plain = caseDeadlines({ kind: 'report', receivedAt: '2026-02-16T09:00:00+08:00' });
    expect(plain.verifyBy).toBe(`2026-03-13${END}`);
    expect(plain.dueAt).toBe(plain.verifyBy);
    const extended = caseDeadlines({ kind: 'report', receivedAt: '2026-02-16T09:00:00+08:00', extendedDays: 15 });
    expect(extended.verifyBy).toBe(`2026-04-03${END}`); // the Friday before Qingming (04-04..06)
    expect(caseDeadlines({ kind: 'report', receivedAt: '2025-09-26T09:00:00+08:00' }).verifyBy).toBe(
      `2025-10-23${END}`,
    );
  });

  it('answers consultations within a working day and suggestions within 15, as before', () => {
    // Saturday 09-19 evening: Sunday 09-20 is a make-up working day
    expect(caseDeadlines({ kind: 'consultation', receivedAt: '2026-09-19T21:00:00+08:00' })).toEqual({
      dueAt: `2026-09-20${END}`,
      dueAtMs: Date.parse(`2026-09-20${END}`),
      provisional: false,
    });
    expect(caseDeadlines({ kind: 'suggestion', receivedAt: '2026-02-13T10:00:00+08:00' }).dueAt).toBe(
      `2026-03-12${END}`,
    );
  });

  it('counts from the China date of receipt, whatever the UTC date', () => {
    // 2026-02-13T17:00Z is 01:00 on Saturday 02-14 in China (a worked Saturday): one day later than Friday
    expect(caseDeadlines({ kind: 'complaint', receivedAt: '2026-02-13T17:00:00Z' }).acceptBy).toBe(`2026-03-03${END}`);
    expect(caseDeadlines({ kind: 'complaint', receivedAt: '2026-02-13T15:59:59Z' }).acceptBy).toBe(`2026-03-02${END}`);
    expect(caseDeadlines({ kind: 'complaint', receivedAt: '2026-02-13T23:59:00+08:00' }).acceptBy).toBe(
      `2026-03-02${END}`,
    );
    // epoch ms and Date are the same instant as the ISO text
    const ms = Date.parse('2026-02-13T17:00:00Z');
    expect(caseDeadlines({ kind: 'complaint', receivedAt: ms }).acceptByMs).toBe(Date.parse(`2026-03-03${END}`));
    expect(caseDeadlines({ kind: 'complaint', receivedAt: new Date(ms) }).acceptByMs).toBe(
      Date.parse(`2026-03-03${END}`),
    );
  });

  it('starts counting after a weekend or holiday of receipt', () => {
    expect(caseDeadlines({ kind: 'complaint', receivedAt: '2026-10-03T12:00:00+08:00' }).acceptBy).toBe(
      `2026-10-15${END}`,
    );
    expect(caseDeadlines({ kind: 'complaint', receivedAt: '2026-03-01T12:00:00+08:00' }).acceptBy).toBe(
      `2026-03-10${END}`,
    );
  });

  it('marks deadlines counted through a year without data as provisional', () => {
    // received Sunday 2026-12-20; 2027 is not shipped, so Friday 2027-01-01 counts as day 10
    const d = caseDeadlines({ kind: 'report', receivedAt: '2026-12-20T10:00:00+08:00' });
    expect(d.provisional).toBe(true);
    expect(d.verifyBy).toBe(`2027-01-08${END}`);
    const withData = new WorkingCalendar([
      ...SHIPPED_CALENDAR_YEARS,
      { year: 2027, holidays: { '2027-01-01': '元旦' }, workdays: {} },
    ]);
    const again = caseDeadlines({ kind: 'report', receivedAt: '2026-12-20T10:00:00+08:00' }, withData);
    expect(again.provisional).toBe(false);
    expect(again.verifyBy).toBe(`2027-01-11${END}`); // with 2027-01-01 off, day 15 moves to Monday
  });

  it('refuses what it cannot count', () => {
    expect(() => caseDeadlines({ kind: 'report', receivedAt: '2026-02-13T10:00:00+08:00', extendedDays: 10 })).toThrow(
      /extendedDays/,
    );
    expect(() => caseDeadlines({ kind: 'complaint', receivedAt: 'yesterday' })).toThrow(/receivedAt: not a time/);
    expect(() =>
      caseDeadlines({
        kind: 'complaint',
        receivedAt: '2026-02-13T10:00:00+08:00',
        acceptedAt: '2026-02-12T10:00:00+08:00',
      }),
    ).toThrow(/acceptedAt: must not be before receivedAt/);
  });
});

describe('the first API (ingest and simulator)', () => {
  it('adds working days on the calendar and ends at the last millisecond of the China day', () => {
    expect(addWorkingDays(new Date('2026-02-13T10:00:00+08:00'), 7).toISOString()).toBe('2026-03-02T15:59:59.999Z');
  });

  it('keeps dueAt as the latest lawful closure: 7 + 45 working days for a complaint', () => {
    // 03-02 as above, then 45 more: Qingming (04-04..06) and Labour Day (05-01..05) are off
    expect(dueAt('complaint', new Date('2026-02-13T10:00:00+08:00')).toISOString()).toBe('2026-05-08T15:59:59.999Z');
    expect(dueAt('report', new Date('2026-02-16T09:00:00+08:00')).getTime()).toBe(Date.parse(`2026-03-13${END}`));
  });
});

describe('caseDueAtMs (the ingest: the running deadline alone)', () => {
  it('is caseDeadlines(...).dueAtMs for every kind, receipt, acceptance and extension', () => {
    const year2024 = Date.parse('2024-01-01T00:00:00+08:00');
    const year2029 = Date.parse('2029-12-31T00:00:00+08:00');
    fc.assert(
      fc.property(
        fc.constantFrom('complaint', 'report', 'consultation', 'suggestion' as const),
        fc.integer({ min: year2024, max: year2029 }),
        fc.option(fc.integer({ min: 0, max: 90 * 86_400_000 }), { nil: undefined }),
        fc.constantFrom(...EXTENDED_DAYS),
        (kind, receivedAt, acceptedAfterMs, extendedDays) => {
          const input = {
            kind,
            receivedAt,
            acceptedAt: acceptedAfterMs === undefined ? undefined : receivedAt + acceptedAfterMs,
            extendedDays,
          };
          expect(caseDueAtMs(input)).toBe(caseDeadlines(input).dueAtMs);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
