// CPU of one national detection cycle in memory (the reads are measured with the live bench):
// surge over every county x category with a case in the last day (band hours of 12 weeks) and
// their cities and provinces, and the spatial scan over 2,975 counties x 24 categories, with its
// Monte Carlo nulls cold (first cycle of a day, capped per cycle) and warm (every other cycle).
// Usage: npx tsx bench/alerts-eval/detector-cost.ts [casesPerDay=40000]
import { Rng } from '@simulator/random';
import { CATEGORY_CODES } from '@shared/codes';
import { allRegions } from '@shared/regions';
import { HOUR_MS } from '@shared/time';
import { clusterTestsPerDay, detectorBudget, surgeTestsPerDay } from '@server/alerts/detectors/budget';
import { detectClusters, type NullCache } from '@server/alerts/detectors/cluster-detector';
import { detectSurges, SURGE_HISTORY_HOURS } from '@server/alerts/detectors/surge-detector';
import type { SurgeCell } from '@server/queries/alerts/surge-cells';
import type { ClusterCell } from '@server/queries/alerts/cluster-cells';

const perDay = Number(process.argv[2] ?? 40_000);
const rng = new Rng(1);
const counties = allRegions().filter((r) => r.level === 'county');
const perCellDay = perDay / (counties.length * CATEGORY_CODES.length);
const band = Array.from({ length: SURGE_HISTORY_HOURS }, (_, ago) => ago).filter(
  (ago) => ago % 168 <= 25 || ago % 168 >= 166,
);

function surgeCells(): SurgeCell[] {
  const byKey = new Map<string, SurgeCell>();
  const add = (level: SurgeCell['level'], regionCode: string, category: string, ago: number, n: number) => {
    const key = `${regionCode}:${category}`;
    let cell = byKey.get(key);
    if (!cell) byKey.set(key, (cell = { level, regionCode, category, agoHours: [], counts: [] }));
    const last = cell.agoHours.length - 1;
    if (cell.agoHours[last] === ago) {
      cell.counts[last] += n;
      return;
    }
    cell.agoHours.push(ago);
    cell.counts.push(n);
  };
  for (const county of counties)
    for (const category of CATEGORY_CODES) {
      const mean = (perCellDay / 24) * rng.next() * 2;
      if (rng.poisson(mean * 24) === 0) continue; // inactive in the last day: not read
      for (const ago of band) {
        const n = rng.poisson(mean);
        if (n === 0) continue;
        add('county', county.code, category, ago, n);
        add('city', `${county.code.slice(0, 4)}00`, category, ago, n);
        add('province', `${county.code.slice(0, 2)}0000`, category, ago, n);
      }
    }
  return [...byKey.values()];
}

function clusterCells(): ClusterCell[] {
  return counties.flatMap((county) =>
    CATEGORY_CODES.map((category) => {
      const mean = perCellDay * rng.next() * 2;
      return {
        regionCode: county.code,
        category,
        baseline: rng.poisson(mean * 56),
        blocks: Array.from({ length: 7 }, () => rng.poisson(mean)),
      };
    }),
  );
}

function time<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

const endMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const cells = time('build surge cells', surgeCells);
console.log(`surge cells: ${cells.length}`);
for (let i = 0; i < 3; i += 1) {
  const started = performance.now();
  await detectSurges(cells, endMs, endMs, detectorBudget(2, surgeTestsPerDay()));
  console.log(`surge detection #${i + 1}: ${(performance.now() - started).toFixed(0)} ms`);
}
const scan = clusterCells();
const cache: NullCache = new Map();
const budget = detectorBudget(2, clusterTestsPerDay());
for (let i = 0; i < 8; i += 1) {
  const started = performance.now();
  await detectClusters(scan, endMs, endMs, budget, cache);
  console.log(`cluster cycle #${i + 1} (nulls cached: ${cache.size}): ${(performance.now() - started).toFixed(0)} ms`);
}
