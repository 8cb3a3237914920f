// A slow-read storm: walls that keep asking for snapshots and never read them. The server must not
// hold their backlog: each is shown out (slow-reader) once what is queued for it passes the limit,
// while a wall that reads is served without a gap. The budget is generous here so the storm is fast.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, metricValue, type WallClient } from '../live/wall-client';
import { openRawWall, type RawWall } from './raw-wall';

const BUFFER_LIMIT_BYTES = 512 * 1024;
const SLOW_WALLS = 4;
let ts: TestServer;
let observer: WallClient;

beforeAll(async () => {
  ts = await startTestServer({
    tickMs: 200,
    socketMaxBufferBytes: BUFFER_LIMIT_BYTES,
    socketMessagesPerS: 1_000,
    socketMessageBurst: 1_000,
  });
  // cases all over the country with long summaries: a national snapshot of a few tens of kB
  const regions = ['110101', '310101', '420102', '440305', '510104', '610102'];
  const summary = '消费者反映在该商户购买的商品存在质量问题，要求退货退款并赔偿损失。'.repeat(4);
  const cases = Array.from({ length: 120 }, (_, i) =>
    makeCase(`SLOW-${i}`, { regionCode: regions[i % regions.length], summary }, Date.now() - i * 1_000),
  );
  expect((await ts.ingest(cases)).body.accepted).toBe(cases.length);
  observer = connectWall(ts.baseUrl, { token: ts.token('wall') });
  await observer.subscribe('national');
  await observer.waitFor((p) => p.event === 'wall:snapshot' && p.panels.latestCases.length > 0, 'a full snapshot');
});
afterAll(async () => {
  observer.close();
  await ts.stop();
});

/** Asks for a fresh national snapshot over and over without reading, until the server cuts it off. */
async function storm(raw: RawWall): Promise<number> {
  const startedMs = Date.now();
  raw.emit('scope:subscribe', { scope: 'national' });
  raw.pause();
  let open = true;
  void raw.closed.then(() => (open = false));
  const allShownOut = async () =>
    (await metricValue(ts.baseUrl, 'commandwall_socket_closed_by_server_total{reason="slow-reader"}')) >= SLOW_WALLS;
  while (open && Date.now() - startedMs < 60_000) {
    for (let i = 0; i < 20; i++) {
      raw.emit('scope:unsubscribe', { scope: 'national' });
      raw.emit('scope:subscribe', { scope: 'national' });
    }
    await new Promise((r) => setTimeout(r, 100));
    // the server drops the TCP connection; a paused reader only notices once it reads again
    if (await allShownOut()) raw.resume();
  }
  return Date.now() - startedMs;
}

it('shows out every wall that stops reading, and keeps serving the one that reads', async () => {
  const walls = await Promise.all(Array.from({ length: SLOW_WALLS }, () => openRawWall(ts.baseUrl, ts.token('wall'))));
  expect(await metricValue(ts.baseUrl, 'commandwall_socket_clients')).toBe(SLOW_WALLS + 1);
  const before = observer.payloads.at(-1)!.seq;

  const durationsMs = await Promise.all(walls.map(storm));
  await Promise.all(walls.map((w) => w.closed));
  console.log(`slow readers shown out after ${durationsMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  expect(await metricValue(ts.baseUrl, 'commandwall_socket_closed_by_server_total{reason="slow-reader"}')).toBe(
    SLOW_WALLS,
  );
  await expect.poll(() => metricValue(ts.baseUrl, 'commandwall_socket_clients'), { timeout: 10_000 }).toBe(1);

  // the reading wall never noticed: every tick arrived, once and in order
  await observer.waitFor((p) => p.seq >= before + 5, 'five ticks');
  const seqs = observer.payloads.map((p) => p.seq);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
  expect(observer.socket.connected).toBe(true);
});
