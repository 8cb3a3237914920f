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
  type PartyWindow,
  type PartyWindowsInput,
} from '../../queries/alerts/party-windows';
import { createPartyWindowCache } from './party-cache';
import { detectorBudget } from './budget';
import { detectAccumulations, PARTY_BASELINE_DAYS } from './merchant-detector';
import { surgeEndMs, type EvaluationInput } from './surge-job';

/** Each active party's two windows, re-judged hourly as they slide: about 48 tests a day. */
export const PARTY_TESTS_PER_DAY = 48;

export async function evaluateAccumulations(clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> {
  return accumulationsFrom(clickhouse, input, {
    parties: (query) => runQuery(clickhouse, partyWindows, query, input.queryOptions),
    rates: (query) => runQuery(clickhouse, categoryPartyRates, query, input.queryOptions),
  });
}

/**
 * The live job's evaluation: the parties' older hours are read once an hour and the newest each
 * cycle (party-cache.ts); the categories' rates, from the baseline days before the last 7, once an
 * hour. The same signals as evaluateAccumulations but for changes to older hours within the hour.
 */
export function createAccumulationEvaluator(parties = createPartyWindowCache()) {
  let cache: { clickhouse: ClickHouse; key: string; rates: CategoryPartyRates[] } | undefined;
  return (clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]> =>
    accumulationsFrom(clickhouse, input, {
      parties: (query) => parties.read(clickhouse, query, input.queryOptions),
      rates: async (query) => {
        const key = `${query.endMs}:${query.regionFrom}:${query.regionTo}`;
        if (cache?.clickhouse !== clickhouse || cache.key !== key)
          cache = { clickhouse, key, rates: await runQuery(clickhouse, categoryPartyRates, query, input.queryOptions) };
        return cache.rates;
      },
    });
}

interface PartyReads {
  parties: (query: PartyWindowsInput) => Promise<PartyWindow[]>;
  rates: (query: PartyWindowsInput) => Promise<CategoryPartyRates[]>;
}

async function accumulationsFrom(
  clickhouse: ClickHouse,
  input: EvaluationInput,
  reads: PartyReads,
): Promise<DetectorSignal[]> {
  const endMs = surgeEndMs(input.atMs);
  const query = { endMs, baselineDays: PARTY_BASELINE_DAYS, regionFrom: input.regionFrom, regionTo: input.regionTo };
  // in one order whatever the read's, so that the signals come in one order too
  const parties = (await reads.parties(query)).sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.party.localeCompare(b.party),
  );
  if (parties.length === 0) return [];
  const rates = await reads.rates(query);
  const budget = detectorBudget(input.budgetPerDay, Math.max(1, parties.length) * PARTY_TESTS_PER_DAY);
  return detectAccumulations(parties, rates, endMs, input.atMs, budget);
}
