// Each detector must fire on its pattern and stay silent on noise of the same mean.
import { describe, expect, it } from 'vitest';
import { Rng } from '@simulator/random';
import { negBinomialCusum } from './cusum';
import { EARS_THRESHOLDS, earsC1, earsC2, earsC3 } from './ears';
import { cumulative, HOURS_PER_WEEK } from './hour-of-week';
import { surgeScore } from './surge-score';

const DAY_SHAPE = [1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 7, 5, 6, 8, 8, 7, 6, 4, 3, 3, 2, 2, 1];

/** Ten weeks of hourly Poisson counts with a daily shape, mean `perDay` cases a day. */
function hourlyNoise(seed: number, perDay: number, weeks = 10): Int32Array {
  const rng = new Rng(seed);
  const total = DAY_SHAPE.reduce((a, b) => a + b, 0);
  return Int32Array.from({ length: weeks * HOURS_PER_WEEK }, (_, i) =>
    rng.poisson((perDay * DAY_SHAPE[i % 24]) / total),
  );
}

describe('surge score', () => {
  it('stays above the alarm level on every hour of a week of plain noise', () => {
    const counts = hourlyNoise(7, 48);
    const sums = cumulative(counts);
    let smallest = 1;
    for (let end = 9 * HOURS_PER_WEEK + 30; end <= counts.length; end += 1)
      smallest = Math.min(smallest, surgeScore(sums, end)!.pValue);
    expect(smallest).toBeGreaterThan(1e-5);
  });

  it('fires within hours of a cluster of twenty extra cases in four hours and says which window saw it', () => {
    const counts = hourlyNoise(7, 48);
    const onset = counts.length - 20;
    for (let h = 0; h < 4; h += 1) counts[onset + h] += 5;
    const score = surgeScore(cumulative(counts), onset + 4)!;
    expect(score.pValue).toBeLessThan(1e-6);
    expect(score.observed).toBeGreaterThan(score.expected * 2);
    expect([1, 3, 24]).toContain(score.windowHours);
  });

  it('never alarms below the minimum count, however quiet the baseline', () => {
    const counts = new Int32Array(10 * HOURS_PER_WEEK);
    counts[counts.length - 1] = 2;
    expect(surgeScore(cumulative(counts), counts.length)!.pValue).toBe(1);
  });
});

describe('EARS', () => {
  const flatWithSpike = (spike: number) => Float64Array.from([10, 12, 9, 11, 10, 8, 12, 11, 10, 9, 11, 10 + spike]);
  it('C1, C2 and C3 fire on a spike and not on the same mean without it', () => {
    const t = 11;
    expect(earsC1(flatWithSpike(15), t)).toBeGreaterThan(EARS_THRESHOLDS.c1);
    expect(earsC2(flatWithSpike(15), t)).toBeGreaterThan(EARS_THRESHOLDS.c2);
    expect(earsC3(flatWithSpike(15), t)).toBeGreaterThan(EARS_THRESHOLDS.c3);
    expect(earsC1(flatWithSpike(0), t)).toBeLessThan(EARS_THRESHOLDS.c1);
    expect(earsC3(flatWithSpike(0), t)).toBeLessThan(EARS_THRESHOLDS.c3);
  });
});

describe('NB-CUSUM', () => {
  it('accumulates a sustained rise of a third that no single day shows, and stays low on noise', () => {
    const rng = new Rng(3);
    const noise = Array.from({ length: 60 }, () => ({ observed: rng.poisson(20), expected: 20, dispersion: 1 }));
    const rise = Array.from({ length: 30 }, () => ({ observed: rng.poisson(27), expected: 20, dispersion: 1 }));
    const quiet = negBinomialCusum(noise, 1.5);
    const rising = negBinomialCusum([...noise, ...rise], 1.5);
    expect(Math.max(...quiet)).toBeLessThan(5);
    expect(Math.max(...rising.slice(60))).toBeGreaterThan(10);
  });
});
