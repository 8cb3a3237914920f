import { describe, expect, it } from 'vitest';
import { hashString, mixSeed, Rng, WeightedTable, zipfTable } from './random';

describe('seeded randomness', () => {
  it('repeats a stream for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('mixes seeds so that neighbouring inputs give unrelated outputs', () => {
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
    expect(mixSeed(1, 2)).toBe(mixSeed(1, 2));
    expect(new Set(Array.from({ length: 1000 }, (_, i) => mixSeed(7, i))).size).toBe(1000);
    expect(hashString('food')).not.toBe(hashString('doof'));
  });

  it('draws Poisson counts with the right mean on both sides of the method switch', () => {
    const rng = new Rng(1);
    for (const mean of [0.8, 12, 300]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i += 1) sum += rng.poisson(mean);
      expect(sum / 20_000).toBeGreaterThan(mean * 0.97);
      expect(sum / 20_000).toBeLessThan(mean * 1.03);
    }
  });

  it('has log-normal draws centred on their median', () => {
    const rng = new Rng(2);
    const draws = Array.from({ length: 20_001 }, () => rng.logNormal(500, 1)).sort((a, b) => a - b);
    expect(draws[10_000]).toBeGreaterThan(470);
    expect(draws[10_000]).toBeLessThan(530);
  });

  it('picks by weight and skews Zipf ranks', () => {
    const rng = new Rng(3);
    const table = new WeightedTable([
      ['a', 1],
      ['b', 3],
      ['none', 0],
    ] as const);
    let b = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const item = table.pick(rng);
      expect(item).not.toBe('none');
      if (item === 'b') b += 1;
    }
    expect(b / 10_000).toBeGreaterThan(0.72);
    expect(b / 10_000).toBeLessThan(0.78);
    const zipf = zipfTable(80, 1.05);
    const counts = new Array(80).fill(0);
    for (let i = 0; i < 50_000; i += 1) counts[zipf.pick(rng)] += 1;
    // rank 1 about twice rank 2, and the top 10 hold over half of everything
    expect(counts[0] / counts[1]).toBeGreaterThan(1.8);
    expect(counts.slice(0, 10).reduce((s, n) => s + n, 0) / 50_000).toBeGreaterThan(0.5);
  });
});
