// GET /api/v1/stats read from the rollups equals counting the cases themselves: for windows with
// ragged, minute and hour ends, in several scopes, with cases whose later versions moved them
// between kinds, channels and regions; and its bounds: the 400-day window, the time limit, the lane.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput } from '@shared/case-schema';
import { CHANNEL_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import { scopeRange } from '@shared/regions';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shared/time';
import { AdhocReadRefused } from '../../server/clickhouse/read-lanes';
import { statsRoutes } from '../../server/http/stats-routes';
import { countReceived } from '../../server/queries/intake/count-received';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
const nowMs = Date.now();
/** the current state of every case posted, as the stats must count it */
const heads = new Map<string, CaseInput>();
const REGIONS = ['420102', '420106', '420111', '310101', '310104', '110101'];
const SCOPES = ['national', '420000', '420100', '420102', '310000', '110000'];

const hour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const WINDOWS: Array<[string, number, number]> = [
  ['ragged ends', nowMs - 17 * HOUR_MS - 12_345, nowMs - 2 * HOUR_MS + 6_789],
  [
    'whole minutes',
    Math.floor((nowMs - 9 * HOUR_MS) / MINUTE_MS) * MINUTE_MS,
    Math.floor(nowMs / MINUTE_MS) * MINUTE_MS,
  ],
  ['whole hours', hour(nowMs - 15 * HOUR_MS), hour(nowMs - HOUR_MS)],
  ['inside one hour', nowMs - 5 * HOUR_MS - 41 * MINUTE_MS - 500, nowMs - 5 * HOUR_MS - 3 * MINUTE_MS + 250],
  ['inside one minute', nowMs - 7 * HOUR_MS, nowMs - 7 * HOUR_MS + 40_000],
  ['the whole day', nowMs - DAY_MS, nowMs + 1],
  ['400 days', nowMs + 1 - 400 * DAY_MS, nowMs + 1],
];

beforeAll(async () => {
  ts = await startTestServer();
  // 600 cases over the last 20 hours at millisecond times, a third with a later version that moves
  // them to another kind, channel and region: the counts follow each case's current state
  let seed = 12315;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const cases: CaseInput[] = [];
  for (let i = 0; i < 600; i += 1) {
    const received = new Date(nowMs - 20 * HOUR_MS + next(20 * HOUR_MS - MINUTE_MS)).toISOString();
    const c = makeCase(`STAT-${i}`, {
      receivedAt: received,
      regionCode: REGIONS[next(REGIONS.length)],
      kind: KIND_CODES[next(KIND_CODES.length)],
      line: LINE_CODES[next(LINE_CODES.length)],
      channel: CHANNEL_CODES[next(CHANNEL_CODES.length)],
    });
    cases.push(c);
    heads.set(c.id, c);
    if (i % 3 === 0) {
      const moved = {
        ...c,
        kind: KIND_CODES[next(KIND_CODES.length)],
        channel: CHANNEL_CODES[next(CHANNEL_CODES.length)],
        regionCode: REGIONS[next(REGIONS.length)],
        status: 'accepted' as const,
        updatedAt: new Date(Date.parse(received) + 30_000).toISOString(),
      };
      cases.push(moved);
      heads.set(c.id, moved);
    }
  }
  // and cases right at each window's ends (1 ms either side), where a rounding slip would show
  const ends = WINDOWS.flatMap(([, fromMs, toMs]) => [fromMs - 1, fromMs, fromMs + 1, toMs - 1, toMs]);
  ends
    .filter((ms) => ms > nowMs - DAY_MS && ms < nowMs - 1000)
    .forEach((ms, i) => {
      const c = makeCase(`EDGE-${i}`, {
        receivedAt: new Date(ms).toISOString(),
        regionCode: REGIONS[i % REGIONS.length],
      });
      cases.push(c);
      heads.set(c.id, c);
    });
  expect((await ts.ingest(cases)).body.accepted).toBe(cases.length);
});
afterAll(async () => {
  await ts.stop();
});

function expected(scope: string, fromMs: number, toMs: number) {
  const [lo, hi] = scopeRange(scope);
  const zero = (codes: readonly string[]) => Object.fromEntries(codes.map((c) => [c, 0]));
  const e = { total: 0, byKind: zero(KIND_CODES), byLine: zero(LINE_CODES), byChannel: zero(CHANNEL_CODES) };
  for (const c of heads.values()) {
    const at = Date.parse(c.receivedAt);
    const region = Number(c.regionCode);
    if (at < fromMs || at >= toMs || region < lo || region > hi) continue;
    e.total += 1;
    e.byKind[c.kind] += 1;
    e.byLine[c.line] += 1;
    e.byChannel[c.channel] += 1;
  }
  return e;
}

/** What the stats answered before they read the rollups: case_heads FINAL, for comparison. */
async function fromCaseHeads(scope: string, fromMs: number, toMs: number): Promise<number> {
  const [regionFrom, regionTo] = scopeRange(scope);
  const [row] = await ts.server.clickhouse.query<{ n: number }>(
    'test',
    `SELECT count() AS n FROM case_heads FINAL
     WHERE received_at >= fromUnixTimestamp64Milli({from:Int64}) AND received_at < fromUnixTimestamp64Milli({to:Int64})
       AND region_code BETWEEN {regionFrom:UInt32} AND {regionTo:UInt32}`,
    { from: fromMs, to: toMs, regionFrom, regionTo },
  );
  return row.n;
}

async function stats(scope: string, fromMs: number, toMs: number) {
  const query = new URLSearchParams({ scope, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
  const response = await fetch(`${ts.baseUrl}/api/v1/stats?${query}`, {
    headers: { authorization: `Bearer ${ts.token('wall')}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('GET /api/v1/stats from the rollups', () => {
  it.each(WINDOWS)('equals counting the cases: %s', async (_name, fromMs, toMs) => {
    for (const scope of SCOPES) {
      const { status, body } = await stats(scope, fromMs, toMs);
      expect(status).toBe(200);
      const want = expected(scope, fromMs, toMs);
      expect(body).toMatchObject(want);
      expect(await fromCaseHeads(scope, fromMs, toMs)).toBe(want.total);
    }
    expect(expected('national', WINDOWS[0][1], WINDOWS[0][2]).total).toBeGreaterThan(300); // not a vacuous test
  });

  it('counts the same when the partial hours are read from the cases (older than the minute rollup)', async () => {
    for (const [, fromMs, toMs] of WINDOWS.slice(0, 5)) {
      const [regionFrom, regionTo] = scopeRange('420000');
      // a clock 40 days ahead: the minute rollup is no longer trusted for any of these minutes
      const counts = await countReceived(ts.server.clickhouse, {
        regionFrom,
        regionTo,
        fromMs,
        toMs,
        nowMs: nowMs + 40 * DAY_MS,
      });
      expect(counts).toEqual(expected('420000', fromMs, toMs));
    }
  });

  it('refuses a window over 400 days with a clear message', async () => {
    const { status, body } = await stats('national', nowMs - 400 * DAY_MS - 1, nowMs);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('at most 400 days');
  });
});

describe('the ad-hoc lane and its time limit', () => {
  it('cuts a read off at its time limit, and the limit does not outlive it', async () => {
    const ch = ts.server.clickhouse;
    const heavy = 'SELECT count() AS n FROM numbers(100000000000) WHERE sipHash64(number) % 7 = 3';
    const refused = await ch
      .query('test:heavy', heavy, {}, { lane: 'adhoc', deadlineMs: Date.now() + 300 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AdhocReadRefused);
    expect(refused).toMatchObject({ reason: 'time limit' });
    const [live] = await ch.query<{ limit: number }>('test', "SELECT getSetting('max_execution_time') AS limit");
    expect(live.limit).toBe(0);
  });

  it('answers 503 with the reason when a read cannot finish within the limit', async () => {
    const app = express().use(
      statsRoutes({ tokens: ts.server.tokens, clickhouse: ts.server.clickhouse, timeLimitMs: 1 }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const query = `scope=national&from=${new Date(nowMs - 300 * DAY_MS).toISOString()}&to=${new Date(nowMs).toISOString()}`;
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/stats?${query}`, {
        headers: { authorization: `Bearer ${ts.token('wall')}` },
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = (await response.json()) as { error: string; reason: string };
      expect(['time limit', 'waited too long']).toContain(body.reason);
      expect(body.error).toMatch(/retry|shorter window/);
    } finally {
      server.close();
    }
  });
});
