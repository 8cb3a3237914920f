// The merchant detector's read of the parties' windows, cached by the hour like the surge's
// (surge-cache.ts). The hour's first cycle reads every party with a case in the last 7 days over
// the hours before the last PARTY_FRESH_HOURS; each cycle reads those last hours and adds them up
// (windows, baseline and the week's counts by category and county are sums of hours). The parties
// judged are those with a case in the last 24 hours, as one whole read gives them. A party with no
// case in the week before (a newcomer) has no cached history: if it may fire (PARTY_MIN_DAY cases in
// the fresh hours) the whole read is done again; otherwise it is counted (it is one more party
// tested) with its fresh cases, which cannot reach either window's minimum.
import { DAY_MS, HOUR_MS } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import {
  partyWindowOf,
  partyWindows,
  type PartyWeekWindow,
  type PartyWindowsInput,
} from '../../queries/alerts/party-windows';
import { PARTY_MIN_DAY } from './merchant-detector';

/** hours re-read at every cycle, as the surge's */
export const PARTY_FRESH_HOURS = 3;

const keyOf = (party: PartyWeekWindow) => `${party.kind}:${party.party}`;

function addCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Map<string, number> {
  const sum = new Map(a);
  for (const [key, n] of b) sum.set(key, (sum.get(key) ?? 0) + n);
  return sum;
}

function added(older: PartyWeekWindow, fresh: PartyWeekWindow | undefined): PartyWeekWindow {
  if (!fresh) return older;
  const firsts = [older.firstWeekHourMs, fresh.firstWeekHourMs].filter((ms) => ms > 0);
  return partyWindowOf({
    kind: older.kind,
    party: older.party,
    lastDay: older.lastDay + fresh.lastDay,
    lastWeek: older.lastWeek + fresh.lastWeek,
    baseline: older.baseline + fresh.baseline,
    firstWeekHourMs: firsts.length ? Math.min(...firsts) : 0,
    weekCategories: addCounts(older.weekCategories, fresh.weekCategories),
    weekRegions: addCounts(older.weekRegions, fresh.weekRegions),
  });
}

export function createPartyWindowCache() {
  let cache: { clickhouse: ClickHouse; key: string; byParty: Map<string, PartyWeekWindow> } | undefined;
  return {
    stats: { olderReads: 0, freshReads: 0, wholeReads: 0 },
    async read(clickhouse: ClickHouse, query: PartyWindowsInput, options?: QueryOptions): Promise<PartyWeekWindow[]> {
      const splitMs = query.endMs - PARTY_FRESH_HOURS * HOUR_MS;
      const key = `${query.endMs}:${query.baselineDays}:${query.regionFrom}:${query.regionTo}`;
      if (cache?.clickhouse !== clickhouse || cache.key !== key) {
        this.stats.olderReads += 1;
        const older = { ...query, toMs: splitMs, activeFromMs: query.endMs - 7 * DAY_MS };
        const parties = await runQuery(clickhouse, partyWindows, older, options);
        cache = { clickhouse, key, byParty: new Map(parties.map((p) => [keyOf(p), p])) };
      }
      this.stats.freshReads += 1;
      const fresh = await runQuery(
        clickhouse,
        partyWindows,
        { ...query, fromMs: splitMs, activeFromMs: splitMs },
        options,
      );
      const byParty = cache.byParty;
      const freshByParty = new Map(fresh.map((p) => [keyOf(p), p]));
      const newcomers = fresh.filter((p) => !byParty.has(keyOf(p)));
      if (newcomers.some((p) => p.lastDay >= PARTY_MIN_DAY)) {
        this.stats.wholeReads += 1;
        return runQuery(clickhouse, partyWindows, query, options);
      }
      const known = [...byParty.values()].map((p) => added(p, freshByParty.get(keyOf(p))));
      return known.filter((p) => p.lastDay > 0).concat(newcomers);
    },
  };
}
