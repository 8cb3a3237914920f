// Which calendar years count as changed since the stored deadlines were computed.
import { describe, expect, it } from 'vitest';
import type { CalendarYear } from '@shared/calendar/calendar-schema';
import { changedYears, yearDigest } from './recompute-deadlines';

const y2026: CalendarYear = { year: 2026, holidays: { '2026-01-01': '元旦' }, workdays: { '2026-01-04': '元旦' } };
const y2027: CalendarYear = { year: 2027, holidays: { '2027-01-01': '元旦' }, workdays: {} };

describe('changedYears', () => {
  it('finds nothing when every year was applied with the same dates; names do not matter', () => {
    const renamed = { ...y2026, holidays: { '2026-01-01': 'New Year' } };
    expect(changedYears([renamed], new Map([[2026, yearDigest(y2026)]]))).toEqual(new Map());
  });

  it('finds a year added, a year whose dates changed, and a year removed (recorded as no data)', () => {
    const moved = { ...y2026, holidays: { '2026-01-02': '元旦' } };
    const applied = new Map([
      [2026, yearDigest(y2026)],
      [2025, 'digest-of-2025'],
    ]);
    expect(changedYears([moved, y2027], applied)).toEqual(
      new Map([
        [2026, yearDigest(moved)],
        [2027, yearDigest(y2027)],
        [2025, 'none'],
      ]),
    );
    // a year already recorded as without data is not recomputed again
    expect(changedYears([], new Map([[2025, 'none']]))).toEqual(new Map());
  });
});
