import { describe, expect, it } from 'vitest';
import { negBinomialThreshold, negBinomialUpperTail, poissonUpperTail } from './tails';

/** P(X >= k) summed from the probability mass function, for small cases only. */
function poissonTailBySum(k: number, mean: number): number {
  let p = Math.exp(-mean);
  let below = 0;
  for (let x = 0; x < k; x += 1) {
    below += p;
    p *= mean / (x + 1);
  }
  return 1 - below;
}

function negBinomialTailBySum(k: number, mean: number, dispersion: number): number {
  const r = mean / (dispersion - 1);
  const p = 1 / dispersion;
  let pmf = Math.pow(p, r);
  let below = 0;
  for (let x = 0; x < k; x += 1) {
    below += pmf;
    pmf *= ((x + r) / (x + 1)) * (1 - p);
  }
  return 1 - below;
}

describe('upper tails', () => {
  it('match the summed probability mass for Poisson', () => {
    for (const [k, mean] of [
      [1, 0.5],
      [3, 2],
      [10, 4.2],
      [25, 20],
    ]) {
      expect(poissonUpperTail(k, mean)).toBeCloseTo(poissonTailBySum(k, mean), 10);
    }
  });

  it('match the summed probability mass for the negative binomial', () => {
    for (const [k, mean, dispersion] of [
      [2, 1, 2],
      [8, 3, 1.5],
      [30, 12, 3],
    ]) {
      expect(negBinomialUpperTail(k, mean, dispersion)).toBeCloseTo(negBinomialTailBySum(k, mean, dispersion), 10);
    }
  });

  it('keep precision far in the tail, where 1 - cdf would be 0', () => {
    const tail = poissonUpperTail(60, 5);
    expect(tail).toBeGreaterThan(0);
    expect(tail).toBeLessThan(1e-30);
  });

  it('give a heavier tail to an overdispersed count than to a Poisson one of the same mean', () => {
    expect(negBinomialUpperTail(20, 8, 3)).toBeGreaterThan(poissonUpperTail(20, 8) * 100);
    expect(negBinomialUpperTail(20, 8, 1)).toBe(poissonUpperTail(20, 8));
  });

  it('find the smallest count at or beyond a tail probability', () => {
    const threshold = negBinomialThreshold(1e-4, 10, 2);
    expect(negBinomialUpperTail(threshold, 10, 2)).toBeLessThanOrEqual(1e-4);
    expect(negBinomialUpperTail(threshold - 1, 10, 2)).toBeGreaterThan(1e-4);
  });
});
