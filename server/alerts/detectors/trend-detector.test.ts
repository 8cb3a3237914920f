// The slow-rise CUSUM on constructed daily series: fires on a sustained rise that no single day
// shows, stays silent on noise of the same mean.
import { describe, expect, it } from 'vitest';
import { Rng } from '@simulator/random';
import type { TrendCell } from '../../queries/alerts/trend-cells';
import { cusumTestsPerDay, detectorBudget } from './budget';
import { detectTrends, TREND_HISTORY_DAYS } from './trend-detector';

const budget = detectorBudget(2, cusumTestsPerDay());
const END_MS = Date.parse('2026-06-24T04:00:00Z'); // a Wednesday noon in Beijing, no holiday in 11 weeks

function cell(daily: (daysAgo: number) => number): TrendCell {
  const daysAgo: number[] = [];
  const counts: number[] = [];
  for (let ago = 1; ago <= TREND_HISTORY_DAYS; ago += 1) {
    const count = daily(ago);
    if (count === 0) continue;
    daysAgo.push(ago);
    counts.push(count);
  }
  return { regionCode: '420100', category: 'food', daysAgo, counts };
}

describe('slow-rise CUSUM', () => {
  it('stays silent on daily noise of a steady mean, across many series', () => {
    const cells = Array.from({ length: 200 }, (_, seed) => {
      const rng = new Rng(seed + 1);
      return cell(() => rng.poisson(20));
    });
    expect(detectTrends(cells, END_MS, END_MS, budget)).toEqual([]);
  });

  it('fires on a rise of two thirds sustained over ten days, dated from when it began', () => {
    const rng = new Rng(4);
    const rising = cell((ago) => rng.poisson(ago <= 10 ? 33 : 20));
    const [signal] = detectTrends([rising], END_MS, END_MS, budget);
    expect(signal).toMatchObject({ kind: 'surge', key: 'surge-trend:420100:food', regionCode: '420100' });
    expect(signal.observed).toBeGreaterThan(signal.expected * 1.3);
    // began within a few days of the rise's first day (10 days before the evaluation's day)
    const startedDaysAgo = (END_MS - Date.parse(signal.startedAt)) / 86_400_000;
    expect(startedDaysAgo).toBeGreaterThan(7);
    expect(startedDaysAgo).toBeLessThan(13);
    expect(signal.pValue).toBeLessThanOrEqual(budget.alpha);
  });
});
