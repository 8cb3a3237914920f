// Compute once: two walls in one scope cost one computation per tick, and a scope nobody watches
// costs nothing. Counted with the server's own metrics (queries sent, ticks computed per level).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, metricValue, type Payload, type WallClient } from './wall-client';

let ts: TestServer;
const clients: WallClient[] = [];
beforeAll(async () => {
  ts = await startTestServer({ tickMs: 300 });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await ts.stop();
});

function wall(): WallClient {
  const client = connectWall(ts.baseUrl, { token: ts.token('wall') });
  clients.push(client);
  return client;
}

const intakeQueries = () => metricValue(ts.baseUrl, 'commandwall_clickhouse_queries_total{query="wall-intake"}');
const ticks = (level: string) => metricValue(ts.baseUrl, `commandwall_tick_duration_seconds_count{level="${level}"}`);
const bothSaw = (a: WallClient, b: WallClient, seq: number) =>
  Promise.all([a, b].map((c) => c.waitFor((p) => p.seq >= seq, `seq ${seq}`)));

it('computes a scope watched by two walls once per tick and sends both the same payloads', async () => {
  const [a, b] = [wall(), wall()];
  await a.subscribe('110000');
  const first = await a.waitFor((p) => p.event === 'wall:snapshot', 'snapshot');
  await b.subscribe('110000');
  await b.waitFor((p) => p.event === 'wall:snapshot', 'snapshot');

  const from = first.seq + 3;
  await bothSaw(a, b, from);
  const queriesBefore = await intakeQueries();
  await bothSaw(a, b, from + 10);
  const queriesAfter = await intakeQueries();
  // one computation per tick: 10 (±1 for a tick finishing between a payload and the metrics read);
  // one per wall would be 20
  expect(queriesAfter - queriesBefore).toBeGreaterThanOrEqual(9);
  expect(queriesAfter - queriesBefore).toBeLessThanOrEqual(11);
  const bySeq = (c: WallClient) =>
    new Map(c.payloads.filter((p) => p.event === 'wall:update').map((p) => [p.seq, p] as [number, Payload]));
  const [seenA, seenB] = [bySeq(a), bySeq(b)];
  for (let seq = from; seq <= from + 10; seq += 1) expect(seenB.get(seq)).toEqual(seenA.get(seq));
});

it('stops computing a scope when its last wall leaves, while other scopes go on', async () => {
  const [a, b] = clients;
  await Promise.all([a.unsubscribe('110000'), b.unsubscribe('110000')]);
  const county = wall();
  await county.subscribe('420102');
  const first = await county.waitFor((p) => p.event === 'wall:snapshot', 'county snapshot');
  await county.waitFor((p) => p.seq >= first.seq + 2, 'two county ticks'); // any tick under way has ended
  const provinceTicks = await ticks('province');
  const countyTicks = await ticks('county');
  await county.waitFor((p) => p.seq >= first.seq + 8, 'six more county ticks');
  expect(await ticks('province')).toBe(provinceTicks);
  expect((await ticks('county')) - countyTicks).toBeGreaterThanOrEqual(5);
});
