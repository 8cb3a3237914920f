// Merchant and brand accumulation as one evaluation against the store: the active parties and
// their categories' rates (two reads of party_hour), then the statistics in memory.
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import { categoryPartyRates, partyWindows } from '../../queries/alerts/party-windows';
import { detectorBudget } from './budget';
import { detectAccumulations, PARTY_BASELINE_DAYS } from './merchant-detector';
import { surgeEndMs, type EvaluationInput } from './surge-job';

/** Each active party's two windows, re-judged hourly as they slide: about 48 tests a day. */
export const PARTY_TESTS_PER_DAY = 48;

export async function evaluateAccumulations(clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> {
  const endMs = surgeEndMs(input.atMs);
  const query = { endMs, baselineDays: PARTY_BASELINE_DAYS, regionFrom: input.regionFrom, regionTo: input.regionTo };
  const parties = await runQuery(clickhouse, partyWindows, query, input.queryOptions);
  if (parties.length === 0) return [];
  const rates = await runQuery(clickhouse, categoryPartyRates, query, input.queryOptions);
  const budget = detectorBudget(input.budgetPerDay, Math.max(1, parties.length) * PARTY_TESTS_PER_DAY);
  return detectAccumulations(parties, rates, endMs, input.atMs, budget);
}
