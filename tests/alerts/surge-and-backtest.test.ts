// A constructed outbreak through the real ingest, on top of weeks of background in the hourly
// rollup: the surge job emits a signal for that county and category, and none before it; the
// backtest route replays it (run after the outbreak test: it reads the same store).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectorSignal } from '@shared/alert-signals';
import type { Job } from '../../server/jobs/scheduler';
import { registerDetectors } from '../../server/alerts/detectors/register-detectors';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { insertBackground, insertPartyBackground } from './background-history';
import { runQuery } from '../../server/clickhouse/define-query';
import { trendCells } from '../../server/queries/alerts/trend-cells';
import { TREND_HISTORY_DAYS } from '../../server/alerts/detectors/trend-detector';

const COUNTY = '420102';
const NEIGHBOURS = ['420103', '420104', '420105', '420106'];

let t: TestServer;
let surgeJob: Job;
let trendJob: Job;
const received: DetectorSignal[][] = [];
const jobs: Job[] = [];

async function runSurgeJob(): Promise<DetectorSignal[]> {
  const before = received.length;
  await surgeJob.run(new AbortController().signal);
  expect(received.length).toBe(before + 1);
  return received[received.length - 1];
}

beforeAll(async () => {
  t = await startTestServer();
  registerDetectors(
    { jobs: { register: (job) => jobs.push(job) }, clickhouse: t.server.clickhouse, clock: { now: () => Date.now() } },
    (signals) => void received.push(signals),
  );
  surgeJob = jobs.find((job) => job.name === 'surge-detector')!;
  trendJob = jobs.find((job) => job.name === 'surge-trend-detector')!;
  const background = [COUNTY, ...NEIGHBOURS].flatMap((regionCode) => [
    { regionCode, category: 'food', casesPerDay: 6 },
    { regionCode, category: 'appliances', casesPerDay: 12 },
  ]);
  await insertBackground(t.server.clickhouse, background, Date.now());
  await insertPartyBackground(t.server.clickhouse, 200, Date.now());
}, 120_000);

afterAll(async () => {
  await t.stop();
});

describe('surge job', () => {
  it('is registered with the server and stays silent on background of the usual mean', async () => {
    expect(t.server.jobs.status('surge-detector')).toBeDefined();
    const signals = await runSurgeJob();
    expect(signals.filter((s) => s.regionCode.startsWith('4201'))).toEqual([]);
    await trendJob.run(new AbortController().signal);
    expect(received[received.length - 1]).toEqual([]);
    // the CUSUM read the city's and province's daily history, not nothing
    const daily = await runQuery(t.server.clickhouse, trendCells, {
      endMs: Date.now(),
      days: TREND_HISTORY_DAYS,
      regionFrom: 420000,
      regionTo: 429999,
    });
    expect(daily.map((c) => `${c.regionCode}:${c.category}`).sort()).toEqual([
      '420000:appliances',
      '420000:food',
      '420100:appliances',
      '420100:food',
    ]);
    expect(daily[0].daysAgo.length).toBeGreaterThan(TREND_HISTORY_DAYS - 3);
  }, 60_000);

  it('emits a surge for the county and category of an outbreak concentrated in a few hours', async () => {
    // all of it before the last whole hour, so that the backtest's hourly steps see every case
    // whatever the minute the test runs at
    const lastWholeHour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const outbreak = Array.from({ length: 24 }, (_, i) =>
      makeCase(`outbreak-${i}`, {
        regionCode: COUNTY,
        category: 'food',
        receivedAt: new Date(lastWholeHour - 60_000 - i * 2 * 60_000).toISOString(),
      }),
    );
    expect((await t.ingest(outbreak)).status).toBe(200);
    let signals: DetectorSignal[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      signals = await runSurgeJob();
      if (signals.some((s) => s.key === `surge:${COUNTY}:food`)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const county = signals.find((s) => s.key === `surge:${COUNTY}:food`);
    expect(county).toMatchObject({ kind: 'surge', regionCode: COUNTY, regionCodes: [COUNTY], category: 'food' });
    expect(county!.observed).toBeGreaterThanOrEqual(20);
    expect(county!.expected).toBeLessThan(county!.observed / 4);
    expect(county!.recurrenceDays).toBeGreaterThan(1);
    expect(Date.parse(county!.startedAt)).toBeLessThan(Date.parse(county!.detectedAt));
    // the appliances series of the same county saw nothing unusual
    expect(signals.some((s) => s.key === `surge:${COUNTY}:appliances`)).toBe(false);
  }, 60_000);
});

describe('merchant job', () => {
  const runMerchantJob = async () => {
    await jobs.find((job) => job.name === 'merchant-detector')!.run(new AbortController().signal);
    return received[received.length - 1];
  };

  it('emits an accumulation for a merchant whose complaints pile up in a day, not for the usual ones', async () => {
    const now = Date.now();
    const usual = makeCase('usual-1', { merchant: { name: 'background-1' }, category: 'prepaid-cards' });
    expect((await t.ingest([usual])).status).toBe(200);
    const gym = Array.from({ length: 9 }, (_, i) =>
      makeCase(`gym-${i}`, {
        category: 'prepaid-cards',
        regionCode: NEIGHBOURS[i % 2],
        merchant: { name: '悦动健身' },
        receivedAt: new Date(now - i * 20 * 60_000).toISOString(),
      }),
    );
    expect((await t.ingest(gym)).status).toBe(200);
    let signals: DetectorSignal[] = [];
    for (let attempt = 0; attempt < 40 && !signals.some((s) => s.key === 'merchant:悦动健身'); attempt += 1) {
      signals = await runMerchantJob();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const signal = signals.find((s) => s.key === 'merchant:悦动健身');
    expect(signal).toMatchObject({ kind: 'merchant', merchant: { name: '悦动健身' }, category: 'prepaid-cards' });
    expect(signal!.observed).toBe(9);
    expect(signal!.regionCodes.sort()).toEqual([NEIGHBOURS[0], NEIGHBOURS[1]]);
    expect(signals.some((s) => s.key.startsWith('merchant:background-'))).toBe(false);
  }, 60_000);
});

describe('POST /api/v1/alerts/backtest', () => {
  const post = (role: 'admin' | 'director' | 'wall', body: unknown) =>
    fetch(`${t.baseUrl}/api/v1/alerts/backtest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token(role)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const iso = (ms: number) => new Date(ms).toISOString();

  it('is for admins only', async () => {
    const span = { from: iso(Date.now() - 3_600_000), to: iso(Date.now()) };
    expect((await post('director', span)).status).toBe(403);
    expect((await post('wall', span)).status).toBe(403);
  });

  it('refuses a span over 31 days, and bad input, with 400', async () => {
    const now = Date.now();
    const tooLong = await post('admin', { from: iso(now - 32 * 86_400_000), to: iso(now) });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain('31 days');
    expect((await post('admin', { from: iso(now), to: iso(now - 1) })).status).toBe(400);
    expect((await post('admin', { from: iso(now - 1000), to: iso(now), scope: '999999' })).status).toBe(400);
  });

  it('replays the outbreak as one alert, first detection, with the explanation fields', async () => {
    const now = Date.now();
    const response = await post('admin', { from: iso(now - 3 * 3_600_000), to: iso(now), scope: '420000' });
    expect(response.status).toBe(200);
    const { alerts } = (await response.json()) as { alerts: Record<string, unknown>[] };
    const county = alerts.filter((a) => a.regionCode === COUNTY && a.category === 'food' && a.kind === 'surge');
    expect(county).toHaveLength(1);
    // the spatial scan sees the same outbreak as a cluster centred on the county
    expect(alerts.some((a) => a.kind === 'cluster' && (a.regionCodes as string[]).includes(COUNTY))).toBe(true);
    expect(county[0]).toMatchObject({ kind: 'surge', kinds: ['surge'], regionCodes: [COUNTY] });
    for (const field of ['startedAt', 'detectedAt'])
      expect(Date.parse(county[0][field] as string)).toBeLessThanOrEqual(now);
    for (const field of ['score', 'observed', 'expected']) expect(typeof county[0][field]).toBe('number');
    // a scope elsewhere sees none of it
    const elsewhere = await post('admin', { from: iso(now - 3 * 3_600_000), to: iso(now), scope: '110000' });
    expect(((await elsewhere.json()) as { alerts: unknown[] }).alerts).toEqual([]);
  }, 120_000);
});
