// The spatial scan as one evaluation against the store: one read of the county x category blocks,
// the scan in memory, the Monte Carlo nulls kept per evaluator for the day.
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import { clusterCells } from '../../queries/alerts/cluster-cells';
import { clusterTestsPerDay, detectorBudget } from './budget';
import { detectClusters, NEW_NULLS_PER_CYCLE, type NullCache } from './cluster-detector';
import { surgeEndMs, type EvaluationInput } from './surge-job';

/** newNullsPerCycle: the backtest draws every null it needs at once (it is not sharing a wall's CPU). */
export function createClusterEvaluator({ newNullsPerCycle = NEW_NULLS_PER_CYCLE } = {}) {
  const nullCache: NullCache = new Map();
  return async (clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> => {
    const endMs = surgeEndMs(input.atMs);
    const cells = await runQuery(
      clickhouse,
      clusterCells,
      { endMs, regionFrom: input.regionFrom, regionTo: input.regionTo },
      input.queryOptions,
    );
    const budget = detectorBudget(input.budgetPerDay, clusterTestsPerDay());
    return detectClusters(cells, endMs, input.atMs, budget, nullCache, newNullsPerCycle);
  };
}
