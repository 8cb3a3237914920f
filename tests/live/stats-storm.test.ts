// A storm of statistics reads beside a live wall: twenty year-long /api/v1/stats reads at once wait in
// ClickHouse's ad-hoc lane, one at a time behind the ticks and the ingest, and the wall goes on
// receiving every tick, never degraded, with a case posted mid-storm counted on it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shared/time';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, type Payload, type WallClient } from './wall-client';

let ts: TestServer;
let wall: WallClient;
const nowMs = Date.now();
const HISTORY_CASES = 2000;

beforeAll(async () => {
  // a generous read limit: this machine may be loaded, and the point is the wall, not the reads' speed
  ts = await startTestServer({ tickMs: 500, statsTimeLimitMs: 30_000 });
  const history = Array.from({ length: HISTORY_CASES }, (_, i) =>
    makeCase(`STORM-${i}`, { receivedAt: new Date(nowMs - 20 * HOUR_MS + i * 30_000 + (i % 997)).toISOString() }),
  );
  expect((await ts.ingest(history)).body.accepted).toBe(HISTORY_CASES);
});
afterAll(async () => {
  wall?.close();
  await ts.stop();
});

async function yearOfStats(): Promise<{ status: number; body: { total?: number; reason?: string; error?: string } }> {
  const to = Date.now() + MINUTE_MS;
  const query = new URLSearchParams({
    scope: 'national',
    from: new Date(to - 365 * DAY_MS).toISOString(),
    to: new Date(to).toISOString(),
  });
  const response = await fetch(`${ts.baseUrl}/api/v1/stats?${query}`, {
    headers: { authorization: `Bearer ${ts.token('wall')}` },
  });
  return { status: response.status, body: await response.json() };
}

const todayTotal = (p: Payload) => p.panels.kpis?.today.total;

it('keeps the wall live and undegraded under twenty concurrent year-long reads', async () => {
  wall = connectWall(ts.baseUrl, { token: ts.token('wall') });
  await wall.subscribe('national');
  const first = await wall.waitFor((p) => p.event === 'wall:snapshot', 'snapshot');
  const seenBefore = wall.payloads.length;

  // the reads queue in the lane rather than all reaching the engine at once
  const lane = { waiting: 0, running: 0 };
  const sampler = setInterval(() => {
    const now = ts.server.clickhouse.adhocState;
    lane.waiting = Math.max(lane.waiting, now.waiting);
    lane.running = Math.max(lane.running, now.running);
  }, 5);
  const storm = Array.from({ length: 20 }, () => yearOfStats());

  // a case posted during the storm reaches the wall
  const before = todayTotal(wall.payloads.findLast((p) => todayTotal(p) !== undefined)!)!;
  expect((await ts.ingest([makeCase('STORM-LIVE', { receivedAt: new Date().toISOString() })])).body.accepted).toBe(1);
  await wall.waitFor((p) => p.seq > first.seq && todayTotal(p) === before + 1, 'the case posted mid-storm');

  const replies = await Promise.all(storm);
  clearInterval(sampler);
  expect(lane.running).toBe(1);
  expect(lane.waiting).toBeGreaterThan(1);
  const duringStorm = wall.payloads.slice(seenBefore);
  expect(duringStorm.length).toBeGreaterThan(0);
  expect(duringStorm.filter((p) => p.degraded)).toEqual([]);
  for (const reply of replies) {
    // answered, or refused with a reason: never a 500, never a wrong count
    if (reply.status === 200) expect(reply.body.total).toBeGreaterThanOrEqual(HISTORY_CASES);
    else expect([reply.status, typeof reply.body.reason]).toEqual([503, 'string']);
  }
  expect(replies.filter((r) => r.status === 200).length).toBeGreaterThan(0);
  // and the wall keeps ticking after it
  const last = wall.payloads.at(-1)!.seq;
  await wall.waitFor((p) => p.seq >= last + 2, 'two more ticks');
}, 120_000);
