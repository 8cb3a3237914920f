// The intake rate over the day and the year, in Beijing time whatever the machine's zone.
import { describe, expect, it } from 'vitest';
import { arrivalRatePerMs, cstHour, cstWeekday, dayFactor, WEEKDAY_CASES } from './intensity';
import { CaseModel } from './model';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

function expectedOver(fromMs: number, hours: number): number {
  let sum = 0;
  for (let t = fromMs; t < fromMs + hours * HOUR; t += 60_000) sum += arrivalRatePerMs(t + 30_000) * 60_000;
  return sum;
}

describe('intake intensity', () => {
  it('reads the clock in Beijing time', () => {
    expect(cstHour(at('2026-03-10T02:00:00Z'))).toBe(10);
    expect(cstWeekday(at('2026-03-14T16:30:00Z'))).toBe(0); // Sunday 00:30 in Beijing, Saturday in UTC
  });

  it('brings about 65,000 cases on a normal weekday', () => {
    const total = expectedOver(at('2026-03-10T00:00:00+08:00'), 24);
    expect(total).toBeGreaterThan(WEEKDAY_CASES * 0.99);
    expect(total).toBeLessThan(WEEKDAY_CASES * 1.01);
    // 0.75 a second on average, about twice that at the 10:00 peak
    expect(arrivalRatePerMs(at('2026-03-10T10:00:00+08:00')) * 1000).toBeGreaterThan(1.5);
  });

  it('is busy mid-morning and quiet at 3 a.m., about 5% of the peak', () => {
    const peak = arrivalRatePerMs(at('2026-03-10T10:00:00+08:00'));
    const night = arrivalRatePerMs(at('2026-03-10T03:00:00+08:00'));
    expect(night / peak).toBeCloseTo(0.05, 2);
  });

  it('lowers weekends to 60% and triples 15 March', () => {
    expect(dayFactor(at('2026-03-07T12:00:00+08:00'))).toBe(0.6); // Saturday
    expect(dayFactor(at('2026-03-15T12:00:00+08:00'))).toBe(3); // Sunday, but consumer-rights day
    expect(dayFactor(at('2026-03-14T12:00:00+08:00'))).toBeGreaterThan(1);
    expect(dayFactor(at('2026-03-16T12:00:00+08:00'))).toBeGreaterThan(1);
  });

  it('shows the same cycle in the generated cases', () => {
    const model = new CaseModel({ seed: 7 });
    const count = (iso: string, hours: number) => model.arrivals(at(iso), at(iso) + hours * HOUR).length;
    const tenAm = count('2026-03-10T10:00:00+08:00', 1);
    const threeAm = count('2026-03-10T03:00:00+08:00', 1);
    expect(tenAm / threeAm).toBeGreaterThan(12);
    const weekday = count('2026-03-10T00:00:00+08:00', 24);
    const saturday = count('2026-03-07T00:00:00+08:00', 24);
    const rightsDay = count('2026-03-15T00:00:00+08:00', 24);
    expect(weekday).toBeGreaterThan(62_000);
    expect(weekday).toBeLessThan(72_000); // incidents add a little
    expect(saturday / weekday).toBeGreaterThan(0.5);
    expect(saturday / weekday).toBeLessThan(0.7);
    expect(rightsDay / weekday).toBeGreaterThanOrEqual(2.5);
  });

  it('multiplies arrivals by SIM_SPEED', () => {
    const from = at('2026-03-10T09:00:00+08:00');
    const normal = new CaseModel({ seed: 7 }).arrivals(from, from + HOUR).length;
    const fast = new CaseModel({ seed: 7, speed: 10 }).arrivals(from, from + HOUR).length;
    expect(fast / normal).toBeGreaterThan(9);
    expect(fast / normal).toBeLessThan(11);
  });
});
