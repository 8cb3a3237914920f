// Expectation-based Poisson scan (Neill 2009) of one category: zones are a county with its 0-10
// nearest counties (label points), durations the last 1-7 blocks of 24 hours. A zone's score is
// C ln(C / B) + B - C for C > B (its log-likelihood ratio), C its cases and B their expectation
// (each county's 56-day baseline per day x its blocks' day factors, below). The category's statistic is the highest
// score; its significance comes from Monte Carlo replication: 99 copies of the counts drawn as
// Poisson(B) everywhere, scanned the same way, and a Gumbel distribution fitted to their maxima
// (Abrams 2010) gives p-values below 1/100. Where the replicates never reach the minimum count
// (a very sparse category), p is bounded by zones x P(Poisson(B) >= C) (Bonferroni) instead.
// Counties with no case in 63 days take no part (their B and C are both about 0).
//
// Day factors: a busy day (a Monday, the day after a holiday, news that sends everyone to the phone)
// raises every county's count by the same factor, and a zone of 100 cases a day on a 1.5x day is no
// cluster. Each county's expectation for a block is its baseline per day times that block's factor
// for its province: the province's cases of the block, all categories, against their expectation
// (cluster-detector.ts, dayFactors), as Kulldorff's scan conditions on the total. A cluster is then an
// excess over the rest of its province that day, not over an ordinary day.
import { poissonUpperTail } from '../stats/tails';
import { MAX_NEIGHBOURS } from './neighbours';

export const CLUSTER_DURATIONS = 7;
export const CLUSTER_MIN_COUNT = 5;
export const CLUSTER_REPLICATES = 99;
const EULER_GAMMA = 0.5772156649;

export interface ScanCounty {
  code: string;
  /** expected cases a day */
  expectedPerDay: number;
  /** the county's day factor for each of the 7 blocks, the latest first (1 where absent) */
  dayFactors?: ArrayLike<number>;
  /** cases in the last 7 blocks of 24 hours, the latest first */
  blocks: ArrayLike<number>;
  /** indexes (in the same list) of its nearest counties, nearest first */
  neighbours: readonly number[];
}

export interface Zone {
  score: number;
  center: number;
  size: number;
  durationDays: number;
  observed: number;
  expected: number;
}

/** A county's expected cases over the last 1..7 blocks (its baseline per day x each block's day factor). */
export function cumulativeExpected(county: ScanCounty): Float64Array {
  const cum = new Float64Array(CLUSTER_DURATIONS);
  let sum = 0;
  for (let d = 0; d < CLUSTER_DURATIONS; d += 1) cum[d] = sum += county.expectedPerDay * (county.dayFactors?.[d] ?? 1);
  return cum;
}

/**
 * The highest-scoring zone over counts `cumulative[i]` against expectations `expected[i]` (both
 * cumulative over durations; the expectations default to cumulativeExpected of each county).
 */
export function bestZone(
  counties: readonly ScanCounty[],
  cumulative: Float64Array[],
  expected: Float64Array[] = counties.map(cumulativeExpected),
): Zone | undefined {
  let best: Zone | undefined;
  const c = new Float64Array(CLUSTER_DURATIONS);
  const e = new Float64Array(CLUSTER_DURATIONS);
  const last = CLUSTER_DURATIONS - 1;
  for (let center = 0; center < counties.length; center += 1) {
    const { neighbours } = counties[center];
    const size = Math.min(neighbours.length, MAX_NEIGHBOURS) + 1;
    // most zones of a sparse day cannot reach the minimum count even whole: skip them cheaply
    let most = cumulative[center][last];
    for (let k = 1; k < size; k += 1) most += cumulative[neighbours[k - 1]][last];
    if (most < CLUSTER_MIN_COUNT) continue;
    c.fill(0);
    e.fill(0);
    for (let k = 0; k < size; k += 1) {
      const j = k === 0 ? center : neighbours[k - 1];
      const cum = cumulative[j];
      const exp = expected[j];
      for (let d = 0; d < CLUSTER_DURATIONS; d += 1) {
        c[d] += cum[d];
        e[d] += exp[d];
        if (c[d] < CLUSTER_MIN_COUNT || c[d] <= e[d]) continue;
        const score = c[d] * Math.log(c[d] / e[d]) + e[d] - c[d];
        if (!best || score > best.score)
          best = { score, center, size: k + 1, durationDays: d + 1, observed: c[d], expected: e[d] };
      }
    }
  }
  return best;
}

export function cumulativeBlocks(blocks: ArrayLike<number>): Float64Array {
  const cum = new Float64Array(CLUSTER_DURATIONS);
  let sum = 0;
  for (let d = 0; d < CLUSTER_DURATIONS; d += 1) cum[d] = sum += blocks[d] ?? 0;
  return cum;
}

/** A small seeded generator (mulberry32): replicates are reproducible for one seed. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(mean: number, random: () => number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k += 1;
  return k;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface NullDistribution {
  /** Gumbel location and scale fitted to the replicates' maxima; scale 0 when they never scored */
  location: number;
  scale: number;
  maxima: Float64Array;
}

/**
 * The maxima of the scan over replicates drawn under the expectations. A national category takes
 * about a second of CPU: it yields to the event loop every few replicates so walls keep ticking.
 */
export async function nullDistribution(
  counties: readonly ScanCounty[],
  seed = 1,
  replicates = CLUSTER_REPLICATES,
): Promise<NullDistribution> {
  const random = uniform(seed);
  const maxima = new Float64Array(replicates);
  const cum = counties.map(() => new Float64Array(CLUSTER_DURATIONS));
  const expected = counties.map(cumulativeExpected);
  for (let r = 0; r < replicates; r += 1) {
    if (r % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < counties.length; i += 1) {
      let sum = 0;
      const { expectedPerDay, dayFactors } = counties[i];
      for (let d = 0; d < CLUSTER_DURATIONS; d += 1)
        cum[i][d] = sum += poisson(expectedPerDay * (dayFactors?.[d] ?? 1), random);
    }
    maxima[r] = bestZone(counties, cum, expected)?.score ?? 0;
  }
  const mean = maxima.reduce((a, b) => a + b, 0) / replicates;
  const sd = Math.sqrt(maxima.reduce((a, b) => a + (b - mean) ** 2, 0) / (replicates - 1));
  const scale = (sd * Math.sqrt(6)) / Math.PI;
  return { location: mean - EULER_GAMMA * scale, scale, maxima };
}

/** The p-value of a best zone against the null maxima. */
export function zonePValue(zone: Zone, nullMaxima: NullDistribution, zoneCount: number): number {
  if (nullMaxima.scale > 0) return -Math.expm1(-Math.exp(-(zone.score - nullMaxima.location) / nullMaxima.scale));
  return Math.min(1, zoneCount * poissonUpperTail(zone.observed, zone.expected));
}
