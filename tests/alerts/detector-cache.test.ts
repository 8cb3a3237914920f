// The live detectors keep their older reads (the surge's and the cluster scan's for the hour, the
// CUSUM's for the day) and re-read only the newest hours: on the same store they must find what the
// uncached evaluations (the backtest's) find, also after new cases land in the current hour, in a
// cell the cache knows and in cells it does not (one that may fire, one that may not).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectorSignal } from '@shared/alert-signals';
import { HOUR_MS } from '@shared/time';
import { createClickHouse, type ClickHouse } from '../../server/clickhouse/client';
import { toDateTime } from '../../server/clickhouse/datetime';
import { runQuery } from '../../server/clickhouse/define-query';
import { migrate } from '../../server/clickhouse/migrate';
import { surgeCells, type SurgeCell } from '../../server/queries/alerts/surge-cells';
import { createSurgeCellCache } from '../../server/alerts/detectors/surge-cache';
import { SURGE_HISTORY_HOURS } from '../../server/alerts/detectors/surge-detector';
import { createSurgeEvaluator, evaluateSurges, surgeEndMs } from '../../server/alerts/detectors/surge-job';
import { createClusterEvaluator } from '../../server/alerts/detectors/cluster-job';
import { createTrendEvaluator, evaluateTrends } from '../../server/alerts/detectors/trend-job';
import { createAccumulationEvaluator, evaluateAccumulations } from '../../server/alerts/detectors/merchant-job';
import { createPartyWindowCache } from '../../server/alerts/detectors/party-cache';
import { tempDataDir } from '../helpers/test-server';
import { insertBackground, insertPartyBackground } from './background-history';

// ten minutes into an hour: later cycles of the same hour follow
const AT_MS = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - 2 * HOUR_MS + 10 * 60_000;
const COUNTIES = ['420102', '420103', '420104', '420105', '420106', '420111'];
const WUHAN = { regionFrom: 420000, regionTo: 429999, budgetPerDay: 2 };

let clickhouse: ClickHouse;

/** Cases received in the hour of AT_MS, straight into the hourly rollup as the ingest's view would put them. */
async function addCases(regionCode: string, category: string, cases: number): Promise<void> {
  await clickhouse.insert('intake_hour', [
    {
      hour: toDateTime(Math.floor(AT_MS / HOUR_MS) * HOUR_MS),
      region_code: Number(regionCode),
      line: 'consumer',
      kind: 'complaint',
      category,
      channel: 'phone',
      status: 'received',
      cases,
      urgent: 0,
      amount_yuan: '0',
      recovered_yuan: '0',
    },
  ]);
}

/** Cells as comparable text: each cell's hours sorted (the read's order of hours is not part of it). */
function cellsText(cells: readonly SurgeCell[]): string[] {
  return cells
    .map((cell) => {
      const hours = cell.agoHours.map((ago, i) => [ago, cell.counts[i]]).sort((a, b) => a[0] - b[0]);
      return `${cell.level}:${cell.regionCode}:${cell.category}:${JSON.stringify(hours)}`;
    })
    .sort();
}

const keysOf = (signals: readonly DetectorSignal[]) => signals.map((s) => s.key).sort();

beforeAll(async () => {
  clickhouse = createClickHouse({ dataDir: tempDataDir() });
  await migrate(clickhouse);
  const background = COUNTIES.flatMap((regionCode) => [
    { regionCode, category: 'food', casesPerDay: 8 },
    { regionCode, category: 'appliances', casesPerDay: 14 },
  ]);
  await insertBackground(clickhouse, background, Math.floor(AT_MS / HOUR_MS) * HOUR_MS);
  await insertPartyBackground(clickhouse, 200, Math.floor(AT_MS / HOUR_MS) * HOUR_MS);
}, 120_000);

afterAll(async () => {
  await clickhouse.close();
});

describe('cached detector reads', () => {
  it('give the surge the cells and signals of the uncached read, through new cases in the hour', async () => {
    const cache = createSurgeCellCache();
    const endMs = surgeEndMs(AT_MS);
    const read = (atMs: number) => cache.read(clickhouse, { endMs: surgeEndMs(atMs), ...WUHAN });
    const whole = () => runQuery(clickhouse, surgeCells, { endMs, hours: SURGE_HISTORY_HOURS, ...WUHAN });
    expect(cellsText(await read(AT_MS))).toEqual(cellsText(await whole()));
    // a known cell's outbreak and a new cell too small to fire: the fresh hours are enough
    await addCases('420102', 'food', 30);
    await addCases('420107', 'food', 2);
    expect(cellsText(await read(AT_MS + 10 * 60_000))).toEqual(cellsText(await whole()));
    expect(cache.stats).toEqual({ fullReads: 1, freshReads: 1 });
    const evaluate = createSurgeEvaluator(cache);
    const cached = await evaluate(clickhouse, { ...WUHAN, atMs: AT_MS + 20 * 60_000 });
    expect(keysOf(cached)).toContain('surge:420102:food');
    expect(cached).toEqual(await evaluateSurges(clickhouse, { ...WUHAN, atMs: AT_MS + 20 * 60_000 }));
    // a new cell that may fire has no cached history: the whole read again
    await addCases('420113', 'appliances', 9);
    expect(cellsText(await read(AT_MS + 30 * 60_000))).toEqual(cellsText(await whole()));
    expect(cache.stats).toEqual({ fullReads: 2, freshReads: 3 });
  }, 60_000);

  it('give the merchant detector the signals of the uncached evaluation', async () => {
    const parties = createPartyWindowCache();
    const merchant = createAccumulationEvaluator(parties);
    const hour = toDateTime(Math.floor(AT_MS / HOUR_MS) * HOUR_MS);
    const row = { hour, party_kind: 'merchant', category: 'prepaid-cards', region_code: 420103 };
    for (const [i, atMs] of [AT_MS + 35 * 60_000, AT_MS + 38 * 60_000, AT_MS + 41 * 60_000].entries()) {
      // one of the background merchants piles up complaints in the hour; a newcomer too small to
      // fire; then a newcomer that may fire (the whole read again)
      await clickhouse.insert('party_hour', [
        { ...row, party: 'background-7', cases: 6 + i },
        { ...row, party: `newcomer-${i}`, cases: 2 + 2 * i },
      ]);
      const cached = await merchant(clickhouse, { ...WUHAN, atMs });
      expect(keysOf(cached)).toContain('merchant:background-7');
      expect(cached).toEqual(await evaluateAccumulations(clickhouse, { ...WUHAN, atMs }));
    }
    expect(parties.stats).toEqual({ olderReads: 1, freshReads: 3, wholeReads: 1 });
  }, 60_000);

  it('give the cluster scan and the CUSUM the signals of the uncached evaluations', async () => {
    const cluster = createClusterEvaluator({ newNullsPerCycle: Number.POSITIVE_INFINITY });
    const wholeCluster = createClusterEvaluator({ newNullsPerCycle: Number.POSITIVE_INFINITY, cached: false });
    const trend = createTrendEvaluator();
    for (const atMs of [AT_MS + 40 * 60_000, AT_MS + 45 * 60_000]) {
      const input = { ...WUHAN, atMs };
      expect(await cluster(clickhouse, input)).toEqual(await wholeCluster(clickhouse, input));
      expect(await trend(clickhouse, input)).toEqual(await evaluateTrends(clickhouse, input));
      await addCases('420103', 'food', 25);
      await addCases('420104', 'food', 25);
    }
    // the added outbreak is a cluster: the comparison was not between two empty lists
    expect(keysOf(await cluster(clickhouse, { ...WUHAN, atMs: AT_MS + 50 * 60_000 })).length).toBeGreaterThan(0);
  }, 60_000);
});
