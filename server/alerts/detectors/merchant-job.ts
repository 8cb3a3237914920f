// Merchant and brand accumulation as one evaluation against the store: the active parties and
// their categories' rates (two reads of party_hour; the live job reads the rates once an hour), then
// the statistics in memory.
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import {
  categoryPartyRates,
  partyWindows,
  type CategoryPartyRates,
  type PartyWindowsInput,
} from '../../queries/alerts/party-windows';
import { detectorBudget } from './budget';
import { detectAccumulations, PARTY_BASELINE_DAYS } from './merchant-detector';
import { surgeEndMs, type EvaluationInput } from './surge-job';

/** Each active party's two windows, re-judged hourly as they slide: about 48 tests a day. */
export const PARTY_TESTS_PER_DAY = 48;

export async function evaluateAccumulations(clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> {
  return accumulationsFrom(clickhouse, input, (query) =>
    runQuery(clickhouse, categoryPartyRates, query, input.queryOptions),
  );
}

/**
 * The live job's evaluation: the categories' rates come from the baseline days before the last 7,
 * the same for every cycle of an hour, so they are read once an hour; the same signals as
 * evaluateAccumulations but for changes to cases over a week old within the hour.
 */
export function createAccumulationEvaluator() {
  let cache: { clickhouse: ClickHouse; key: string; rates: CategoryPartyRates[] } | undefined;
  return (clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> =>
    accumulationsFrom(clickhouse, input, async (query) => {
      const key = `${query.endMs}:${query.regionFrom}:${query.regionTo}`;
      if (cache?.clickhouse !== clickhouse || cache.key !== key)
        cache = { clickhouse, key, rates: await runQuery(clickhouse, categoryPartyRates, query, input.queryOptions) };
      return cache.rates;
    });
}

async function accumulationsFrom(
  clickhouse: ClickHouse,
  input: EvaluationInput,
  readRates: (query: PartyWindowsInput) => Promise<CategoryPartyRates[]>,
): Promise<DetectorSignal[]> {
  const endMs = surgeEndMs(input.atMs);
  const query = { endMs, baselineDays: PARTY_BASELINE_DAYS, regionFrom: input.regionFrom, regionTo: input.regionTo };
  const parties = await runQuery(clickhouse, partyWindows, query, input.queryOptions);
  if (parties.length === 0) return [];
  const rates = await readRates(query);
  const budget = detectorBudget(input.budgetPerDay, Math.max(1, parties.length) * PARTY_TESTS_PER_DAY);
  return detectAccumulations(parties, rates, endMs, input.atMs, budget);
}
