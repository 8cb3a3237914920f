// The surge detector as one evaluation against the store: one query for the recent cells and their
// baseline hours, then the statistics in memory. The live job and the backtest share it.
import type { DetectorSignal } from '@shared/alert-signals';
import { HOUR_MS } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../../queries/region-range';
import { surgeCells } from '../../queries/alerts/surge-cells';
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

export async function evaluateSurges(clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> {
  const endMs = surgeEndMs(input.atMs);
  const cells = await runQuery(
    clickhouse,
    surgeCells,
    {
      endMs,
      hours: SURGE_HISTORY_HOURS,
      regionFrom: input.regionFrom,
      regionTo: input.regionTo,
    },
    input.queryOptions,
  );
  return detectSurges(cells, endMs, input.atMs, detectorBudget(input.budgetPerDay, surgeTestsPerDay()));
}
