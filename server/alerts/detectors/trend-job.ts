// The slow-rise CUSUM as one evaluation against the store: one query of daily counts, then the
// statistics in memory. The live job and the backtest share it.
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import { trendCells } from '../../queries/alerts/trend-cells';
import { cusumTestsPerDay, detectorBudget } from './budget';
import type { EvaluationInput } from './surge-job';
import { detectTrends, TREND_HISTORY_DAYS } from './trend-detector';

export async function evaluateTrends(clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> {
  const cells = await runQuery(
    clickhouse,
    trendCells,
    { endMs: input.atMs, days: TREND_HISTORY_DAYS, regionFrom: input.regionFrom, regionTo: input.regionTo },
    input.queryOptions,
  );
  return detectTrends(cells, input.atMs, input.atMs, detectorBudget(input.budgetPerDay, cusumTestsPerDay()));
}
