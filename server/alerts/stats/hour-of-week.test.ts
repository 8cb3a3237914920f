// The hour-of-week baseline follows a level that drifts over its weeks (a seasonal category
// rising into winter), and does not invent a drift in flat or sparse noise.
import { describe, expect, it } from 'vitest';
import { Rng } from '@simulator/random';
import { cumulative, hourOfWeekExpected, weeklyTrend, HOURS_PER_WEEK } from './hour-of-week';
import { surgeScore } from './surge-score';

const WEEKS = 12;
const N = WEEKS * HOURS_PER_WEEK;

/** Hourly Poisson counts whose level grows by `weeklyGrowth` (log) a week, `perHour` at the end. */
function drifting(rng: Rng, perHour: number, weeklyGrowth: number): Int32Array {
  return Int32Array.from({ length: N }, (_, i) =>
    rng.poisson(perHour * Math.exp((weeklyGrowth * (i - N)) / HOURS_PER_WEEK)),
  );
}

describe('hour-of-week trend', () => {
  it('carries a rising level forward to the judged hour', () => {
    const sums = cumulative(drifting(new Rng(3), 20, 0.1));
    const withTrend = hourOfWeekExpected(sums, N, 24)!.expected;
    const without = hourOfWeekExpected(sums, N, 24, { trend: false })!.expected;
    // the level now is 480 a day; the plain 8-week mean sits 5.5 weeks back (~277)
    expect(without).toBeLessThan(320);
    expect(withTrend).toBeGreaterThan(420);
    expect(weeklyTrend(sums, N).weight).toBeGreaterThan(0.9);
  });

  it('keeps a steadily rising series silent', () => {
    let fired = 0;
    for (let seed = 1; seed <= 20; seed += 1) {
      const sums = cumulative(drifting(new Rng(seed), 20, 0.1));
      if ((surgeScore(sums, N)?.pValue ?? 1) < 1e-7) fired += 1;
    }
    expect(fired).toBe(0);
  });

  it('still fires on an outbreak on top of the rising level', () => {
    const counts = drifting(new Rng(4), 20, 0.1);
    for (let h = 1; h <= 3; h += 1) counts[N - h] += 40;
    expect(surgeScore(cumulative(counts), N)!.pValue).toBeLessThan(1e-7);
  });

  it('finds next to no drift in flat sparse noise', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const sums = cumulative(drifting(new Rng(seed), 0.1, 0));
      const { slope } = weeklyTrend(sums, N);
      expect(Math.abs(slope)).toBeLessThan(0.03);
    }
  });
});
