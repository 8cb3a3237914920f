// The spatial scan as one evaluation against the store: a read of the county x category blocks (the
// older hours kept for the hour), the scan in memory, the Monte Carlo nulls kept per evaluator for the day.
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import { HOUR_MS } from '@shared/time';
import { clusterCells, type ClusterCell } from '../../queries/alerts/cluster-cells';
import { clusterTestsPerDay, detectorBudget } from './budget';
import { detectClusters, NEW_NULLS_PER_CYCLE, type NullCache } from './cluster-detector';
import { surgeEndMs, type EvaluationInput } from './surge-job';

/** hours re-read at every cycle of an hour; the older ones are kept from the hour's first read */
export const CLUSTER_FRESH_HOURS = 3;

function cellKey(cell: ClusterCell): string {
  return `${cell.regionCode}:${cell.category}`;
}

/** The cells of two disjoint hour ranges added up (the blocks and baseline are sums of hours). */
export function addClusterCells(older: readonly ClusterCell[], fresh: readonly ClusterCell[]): ClusterCell[] {
  const byKey = new Map(older.map((cell) => [cellKey(cell), { ...cell, blocks: [...cell.blocks] }]));
  for (const cell of fresh) {
    const known = byKey.get(cellKey(cell));
    if (!known) byKey.set(cellKey(cell), cell);
    else {
      known.baseline += cell.baseline;
      cell.blocks.forEach((count, i) => (known.blocks[i] += count));
    }
  }
  return [...byKey.values()];
}

/**
 * One read of the 63 days for the hour's first cycle and its hours before the last
 * CLUSTER_FRESH_HOURS kept; each later cycle of the hour reads those last hours only and adds them.
 * The same cells as one whole read, but for changes to hours older than that within the hour (cases
 * stored hours late, or moved), which count from the next hour. `cached: false`: every read whole.
 * newNullsPerCycle: the backtest draws every null it needs at once (it is not sharing a wall's CPU).
 */
export function createClusterEvaluator({ newNullsPerCycle = NEW_NULLS_PER_CYCLE, cached = true } = {}) {
  const nullCache: NullCache = new Map();
  let older: { clickhouse: ClickHouse; key: string; cells: ClusterCell[] } | undefined;
  async function read(clickhouse: ClickHouse, input: EvaluationInput, endMs: number): Promise<ClusterCell[]> {
    const query = { endMs, regionFrom: input.regionFrom, regionTo: input.regionTo };
    if (!cached) return runQuery(clickhouse, clusterCells, query, input.queryOptions);
    const splitMs = endMs - CLUSTER_FRESH_HOURS * HOUR_MS;
    const key = `${endMs}:${input.regionFrom}:${input.regionTo}`;
    if (older?.clickhouse !== clickhouse || older.key !== key) {
      const cells = await runQuery(clickhouse, clusterCells, { ...query, toMs: splitMs }, input.queryOptions);
      older = { clickhouse, key, cells };
    }
    const fresh = await runQuery(clickhouse, clusterCells, { ...query, fromMs: splitMs }, input.queryOptions);
    return addClusterCells(older.cells, fresh);
  }
  return async (clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> => {
    const endMs = surgeEndMs(input.atMs);
    // in one order whatever the read's (the Monte Carlo draws follow the counties' order)
    const cells = (await read(clickhouse, input, endMs)).sort(
      (a, b) => a.regionCode.localeCompare(b.regionCode) || a.category.localeCompare(b.category),
    );
    const budget = detectorBudget(input.budgetPerDay, clusterTestsPerDay());
    return detectClusters(cells, endMs, input.atMs, budget, nullCache, newNullsPerCycle);
  };
}
