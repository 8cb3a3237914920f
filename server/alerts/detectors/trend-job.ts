// The slow-rise CUSUM as one evaluation against the store: one query of daily counts, then the
// statistics in memory. The backtest reads at each midnight; the live job once a day (cached).
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import { cstDayOf, isoCst } from '@shared/calendar/cst-day';
import { trendCells } from '../../queries/alerts/trend-cells';
import { cusumTestsPerDay, detectorBudget } from './budget';
import type { EvaluationInput } from './surge-job';
import { detectTrends, TREND_HISTORY_DAYS } from './trend-detector';

export async function evaluateTrends(clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> {
  const cells = await runQuery(clickhouse, trendCells, trendQuery(input), input.queryOptions);
  return detectTrends(cells, input.atMs, input.atMs, detectorBudget(input.budgetPerDay, cusumTestsPerDay()));
}

const trendQuery = (input: EvaluationInput) => ({
  endMs: input.atMs,
  days: TREND_HISTORY_DAYS,
  regionFrom: input.regionFrom,
  regionTo: input.regionTo,
});

/**
 * The live job's evaluation: the daily counts are of whole days before the evaluation's China-time
 * day, the same all day, so they are read and judged once a day; later cycles of the day restate the
 * day's signals with their own detection time. The same signals as evaluateTrends.
 */
export function createTrendEvaluator() {
  let cache: { clickhouse: ClickHouse; key: string; signals: DetectorSignal[] } | undefined;
  return async (clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> => {
    const key = `${cstDayOf(input.atMs)}:${input.regionFrom}:${input.regionTo}:${input.budgetPerDay}`;
    if (cache?.clickhouse !== clickhouse || cache.key !== key)
      cache = { clickhouse, key, signals: await evaluateTrends(clickhouse, input) };
    const detectedAt = isoCst(input.atMs);
    return cache.signals.map((signal) => ({ ...signal, detectedAt }));
  };
}
