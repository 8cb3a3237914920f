// The spatial scan on constructed county counts: silent on Poisson noise at the expectations,
// fires on cases spread over neighbouring counties that no single county's series would flag.
import { describe, expect, it } from 'vitest';
import { Rng } from '@simulator/random';
import { allRegions } from '@shared/regions';
import type { ClusterCell } from '../../queries/alerts/cluster-cells';
import { clusterTestsPerDay, detectorBudget } from './budget';
import { detectClusters } from './cluster-detector';
import { nearestCounties } from './neighbours';

const END_MS = Date.parse('2026-06-24T04:00:00Z');
const budget = detectorBudget(2, clusterTestsPerDay());
/** the counties of Hubei: about a hundred, with their real neighbours */
const HUBEI = allRegions().filter((r) => r.level === 'county' && r.code.startsWith('42'));

/** Poisson counts at the expectations; `dayFactor` multiplies every county's mean in each block (a busy day). */
function noiseCells(rng: Rng, perDay: number, category = 'food', dayFactor: number[] = []): ClusterCell[] {
  return HUBEI.map((r) => ({
    regionCode: r.code,
    category,
    baseline: rng.poisson(perDay * 56),
    blocks: Array.from({ length: 7 }, (_, d) => rng.poisson(perDay * (dayFactor[d] ?? 1))),
  }));
}

describe('spatial cluster scan', () => {
  it('finds each county its nearest counties by label point', () => {
    const near = nearestCounties('420102');
    expect(near).toHaveLength(10);
    expect(near.filter((code) => code.startsWith('4201')).length).toBeGreaterThanOrEqual(6);
  });

  it('stays silent on counts drawn at the expectations', async () => {
    let fired = 0;
    for (let seed = 1; seed <= 5; seed += 1) {
      fired += (await detectClusters(noiseCells(new Rng(seed), 0.6), END_MS + seed, END_MS, budget, new Map())).length;
    }
    expect(fired).toBe(0);
  });

  it('stays silent on a busy day that raises every county of the province alike', async () => {
    let fired = 0;
    for (let seed = 1; seed <= 5; seed += 1) {
      const rng = new Rng(seed);
      // the whole intake at 1.6x for the last day, 1.3x the day before: ten cases a day a county
      const cells = ['food', 'catering', 'clothing'].flatMap((category) => noiseCells(rng, 10, category, [1.6, 1.3]));
      fired += (await detectClusters(cells, END_MS + seed, END_MS, budget, new Map())).length;
    }
    expect(fired).toBe(0);
  });

  it('still fires on a zone that rises on a busy day above the rest of its province', async () => {
    const rng = new Rng(11);
    const cells = ['food', 'catering', 'clothing'].flatMap((category) => noiseCells(rng, 10, category, [1.6]));
    const zone = ['420102', ...nearestCounties('420102').slice(0, 4)];
    for (const cell of cells) if (cell.category === 'food' && zone.includes(cell.regionCode)) cell.blocks[0] += 14;
    const signals = await detectClusters(cells, END_MS, END_MS, budget, new Map());
    expect(signals.map((s) => s.category)).toEqual(['food']);
    expect(signals[0].regionCodes.filter((code) => zone.includes(code)).length).toBeGreaterThanOrEqual(3);
  });

  it('fires on cases spread over a county and its neighbours in two days, naming them', async () => {
    const cells = noiseCells(new Rng(7), 0.6);
    const zone = ['420102', ...nearestCounties('420102').slice(0, 3)];
    for (const cell of cells)
      if (zone.includes(cell.regionCode)) cell.blocks = cell.blocks.map((n, i) => (i < 2 ? n + 3 : n));
    const [signal] = await detectClusters(cells, END_MS, END_MS, budget, new Map());
    expect(signal).toBeDefined();
    expect(signal.kind).toBe('cluster');
    expect(signal.regionCodes.filter((code) => zone.includes(code)).length).toBeGreaterThanOrEqual(3);
    expect(signal.windowHours).toBeLessThanOrEqual(72);
    expect(signal.recurrenceDays).toBeGreaterThan(1);
  });
});
