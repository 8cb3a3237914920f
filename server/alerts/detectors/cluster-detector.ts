// Spatial clusters by category (cluster-scan.ts) turned into signals. The Monte Carlo null of a
// category depends only on its counties' expectations, which move by a 56th each day: it is drawn
// once per category and China-time day and kept, so a cycle scans the observed counts only. At most
// NEW_NULLS_PER_CYCLE null is drawn in one cycle (a national category takes about 1 s of CPU), yielding
// between categories, so the first cycle of a day does not hold up the walls' ticks; a category
// whose null is not drawn yet is judged at the next cycle. The kept null was drawn with the day
// factors of its cycle (dayFactors below); later cycles' factors differ by the hours since, which
// moves the null's maxima little (the scan's score is a likelihood ratio, near scale-free in B).
import type { DetectorSignal } from '@shared/alert-signals';
import type { Category } from '@shared/codes';
import { cstDayOf, isoCst } from '@shared/calendar/cst-day';
import { getRegion } from '@shared/regions';
import { DAY_MS } from '@shared/time';
import { CLUSTER_BASELINE_DAYS, type ClusterCell } from '../../queries/alerts/cluster-cells';
import { surprise, type DetectorBudget } from './budget';
import {
  bestZone,
  CLUSTER_DURATIONS,
  cumulativeBlocks,
  nullDistribution,
  zonePValue,
  type NullDistribution,
  type ScanCounty,
} from './cluster-scan';
import { MAX_NEIGHBOURS, nearestCounties } from './neighbours';

export type NullCache = Map<string, NullDistribution>;

export const NEW_NULLS_PER_CYCLE = 1;

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Cases of prior on the national factor (a near-empty store reads as an ordinary day). */
const NATIONAL_FACTOR_PRIOR = 20;
/** Expected cases a day by which a province's factor leans on the national one (a small province's is noisy). */
const PROVINCE_FACTOR_PRIOR = 100;

const provinceOf = (regionCode: string) => regionCode.slice(0, 2);

/**
 * Each province's day factor for each of the 7 blocks: its cases of the block in every category
 * against their expectation (56-day baselines per day), shrunk toward the national factor, which is
 * itself shrunk toward 1. A block as busy as the rest of the province is no cluster (cluster-scan.ts).
 */
export function dayFactors(cells: readonly ClusterCell[]): Map<string, Float64Array> {
  const observed = new Map<string, Float64Array>();
  const expected = new Map<string, number>();
  const national = new Float64Array(CLUSTER_DURATIONS);
  let nationalExpected = 0;
  for (const cell of cells) {
    const province = provinceOf(cell.regionCode);
    let counts = observed.get(province);
    if (!counts) observed.set(province, (counts = new Float64Array(CLUSTER_DURATIONS)));
    for (let d = 0; d < CLUSTER_DURATIONS; d += 1) {
      counts[d] += cell.blocks[d] ?? 0;
      national[d] += cell.blocks[d] ?? 0;
    }
    const perDay = cell.baseline / CLUSTER_BASELINE_DAYS;
    expected.set(province, (expected.get(province) ?? 0) + perDay);
    nationalExpected += perDay;
  }
  const nationalFactor = national.map(
    (count) => (count + NATIONAL_FACTOR_PRIOR) / (nationalExpected + NATIONAL_FACTOR_PRIOR),
  );
  const factors = new Map<string, Float64Array>();
  for (const [province, counts] of observed) {
    const perDay = expected.get(province) ?? 0;
    factors.set(
      province,
      counts.map((count, d) => (count + PROVINCE_FACTOR_PRIOR * nationalFactor[d]) / (perDay + PROVINCE_FACTOR_PRIOR)),
    );
  }
  return factors;
}

function countiesOf(cells: readonly ClusterCell[], factors: Map<string, Float64Array>): ScanCounty[] {
  const known = cells.filter((cell) => getRegion(cell.regionCode)?.level === 'county');
  const index = new Map(known.map((cell, i) => [cell.regionCode, i]));
  return known.map((cell) => ({
    code: cell.regionCode,
    // half a case of prior: a county quiet for 56 days is not expected to stay at exactly 0
    expectedPerDay: (cell.baseline + 0.5) / CLUSTER_BASELINE_DAYS,
    dayFactors: factors.get(provinceOf(cell.regionCode)),
    blocks: cell.blocks,
    neighbours: nearestCounties(cell.regionCode)
      .map((code) => index.get(code))
      .filter((i): i is number => i !== undefined),
  }));
}

export async function detectClusters(
  cells: readonly ClusterCell[],
  endMs: number,
  atMs: number,
  budget: DetectorBudget,
  nullCache: NullCache,
  newNullsPerCycle = NEW_NULLS_PER_CYCLE,
): Promise<DetectorSignal[]> {
  let newNulls = 0;
  const byCategory = new Map<string, ClusterCell[]>();
  for (const cell of cells) byCategory.set(cell.category, [...(byCategory.get(cell.category) ?? []), cell]);
  const day = cstDayOf(endMs);
  for (const key of nullCache.keys()) if (!key.endsWith(`:${day}`)) nullCache.delete(key);
  const factors = dayFactors(cells);
  const signals: DetectorSignal[] = [];
  for (const [category, categoryCells] of byCategory) {
    await new Promise((resolve) => setImmediate(resolve));
    const counties = countiesOf(categoryCells, factors);
    const zone = bestZone(
      counties,
      counties.map((c) => cumulativeBlocks(c.blocks)),
    );
    if (!zone) continue;
    const cacheKey = `${category}:${counties.length}:${day}`;
    let nullMaxima = nullCache.get(cacheKey);
    if (!nullMaxima) {
      if (newNulls >= newNullsPerCycle) continue;
      newNulls += 1;
      nullCache.set(cacheKey, (nullMaxima = await nullDistribution(counties, seedOf(cacheKey))));
    }
    const pValue = zonePValue(zone, nullMaxima, counties.length * (MAX_NEIGHBOURS + 1) * CLUSTER_DURATIONS);
    if (pValue > budget.alpha) continue;
    const center = counties[zone.center];
    const members = [zone.center, ...center.neighbours].slice(0, zone.size).map((i) => counties[i].code);
    signals.push({
      kind: 'cluster',
      key: `cluster:${center.code}:${category}`,
      regionCode: center.code,
      regionCodes: members,
      category: category as Category,
      startedAt: isoCst(endMs - zone.durationDays * DAY_MS),
      detectedAt: isoCst(atMs),
      windowHours: zone.durationDays * 24,
      observed: zone.observed,
      expected: Math.round(zone.expected * 100) / 100,
      ...surprise(pValue, budget),
    });
  }
  return signals;
}
