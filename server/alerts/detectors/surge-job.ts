// The surge detector as one evaluation against the store: one query for the recent cells and their
// baseline hours, then the statistics in memory. The live job and the backtest share it.
import type { DetectorSignal } from '@shared/alert-signals';
import { HOUR_MS } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../../queries/region-range';
import { surgeCells, type SurgeCell } from '../../queries/alerts/surge-cells';
import { createSurgeCellCache } from './surge-cache';
import { detectorBudget, surgeTestsPerDay } from './budget';
import { detectSurges, SURGE_HISTORY_HOURS } from './surge-detector';

export interface EvaluationInput extends RegionRange {
  /** when the evaluation happens (epoch ms): only cases received by then count */
  atMs: number;
  budgetPerDay: number;
  /** the backtest reads on the ad-hoc lane, behind the walls' live work */
  queryOptions?: QueryOptions;
}

/**
 * The hour after the last one read: a partial current hour is included (its cases are real); at an
 * exact hour (a backtest step) nothing after it is.
 */
export function surgeEndMs(atMs: number): number {
  return Math.ceil(atMs / HOUR_MS) * HOUR_MS;
}

/** One surge evaluation from the store's cells (the uncached read: the backtest's, one hour per step). */
export async function evaluateSurges(clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> {
  return evaluateSurgesFrom(clickhouse, input, (query) =>
    runQuery(clickhouse, surgeCells, { ...query, hours: SURGE_HISTORY_HOURS }, input.queryOptions),
  );
}

/** The live job's evaluation: the baseline weeks read once an hour (surge-cache.ts), the same signals. */
export function createSurgeEvaluator(cache = createSurgeCellCache()) {
  return (clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> =>
    evaluateSurgesFrom(clickhouse, input, (query) =>
      cache.read(clickhouse, { ...query, queryOptions: input.queryOptions }),
    );
}

async function evaluateSurgesFrom(
  clickhouse: ClickHouse,
  input: EvaluationInput,
  read: (query: { endMs: number; regionFrom: number; regionTo: number }) => Promise<SurgeCell[]>,
): Promise<DetectorSignal[]> {
  const endMs = surgeEndMs(input.atMs);
  const cells = await read({ endMs, regionFrom: input.regionFrom, regionTo: input.regionTo });
  return detectSurges(cells, endMs, input.atMs, detectorBudget(input.budgetPerDay, surgeTestsPerDay()));
}
