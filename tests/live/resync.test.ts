// Never silently stale: a wall that reconnects presents its last seq and gets exactly what it missed
// (or a fresh snapshot when that is too old), and when ClickHouse stops answering the updates keep
// coming, flagged degraded, with the true (old) asOf.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, mergedState, type WallClient } from './wall-client';
import { partAsOf } from '@shared/wall-events';

let ts: TestServer;
const clients: WallClient[] = [];
const scope = '440300'; // Shenzhen
beforeAll(async () => {
  ts = await startTestServer({ tickMs: 200 });
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

it('resends what a reconnecting wall missed, in order, and it ends up with the same state', async () => {
  const [a, b] = [wall(), wall()];
  await a.subscribe(scope);
  await b.subscribe(scope);
  // one case before the drop, so the feed the wall holds is not empty and what follows is a delta of it
  expect((await ts.ingest([makeCase('R-0', { regionCode: '440305' })])).body.accepted).toBe(1);
  const seen = await a.waitFor((p) => p.panels.kpis?.today.total === 1, 'the first case counted');
  await b.waitFor((p) => p.seq >= seen.seq, 'the same seq');
  a.close(); // the network drops
  const lastSeq = a.payloads.at(-1)!.seq;
  expect(
    (await ts.ingest([makeCase('R-1', { regionCode: '440305' }), makeCase('R-2', { regionCode: '440306' })])).body
      .accepted,
  ).toBe(2);
  const counted = await b.waitFor((p) => p.panels.kpis?.today.total === 3, 'the cases counted while a is away');
  const missedUntil = await b.waitFor(
    (p) => p.seq >= Math.max(counted.seq, lastSeq + 3),
    'a few ticks while a is away',
  );

  const back = wall();
  expect(await back.subscribe(scope, lastSeq)).toEqual({ ok: true, data: { scope, resumed: true } });
  await back.waitFor((p) => p.seq >= missedUntil.seq + 1, 'caught up and live again');
  const resent = back.payloads.map((p) => p.seq);
  expect(back.payloads.every((p) => p.event === 'wall:update')).toBe(true);
  expect(resent).toEqual(resent.map((_, i) => lastSeq + 1 + i)); // nothing missing, nothing twice
  // the feed moved on as deltas, which only rebuild the right list when applied in order
  expect(back.payloads.some((p) => p.event === 'wall:update' && p.listDeltas?.latestCases)).toBe(true);
  // a's old payloads and the resent ones rebuild what b, connected all along, holds at that seq
  const upTo = missedUntil.seq + 1;
  const merged = mergedState([...a.payloads, ...back.payloads].filter((p) => p.seq <= upTo))!;
  const reference = mergedState(b.payloads.filter((p) => p.seq <= upTo))!;
  expect(merged.seq).toBe(upTo);
  expect(merged.panels).toEqual(reference.panels);
  expect(merged.panels.kpis.today.total).toBe(3);
  expect(merged.panels.latestCases.map((c) => c.id).sort()).toEqual(['R-0', 'R-1', 'R-2']);
});

it('sends a fresh snapshot when the last seq is older than what the server keeps', async () => {
  const client = wall();
  const ack = await client.subscribe(scope, 1);
  expect(ack).toEqual({ ok: true, data: { scope, resumed: false } });
  const first = await client.waitFor(() => true, 'a payload');
  expect(first.event).toBe('wall:snapshot');
  expect(first.panels.kpis!.today.total).toBe(3);
});

it('keeps sending updates flagged degraded, with their true asOf, while ClickHouse does not answer', async () => {
  const client = wall();
  await client.subscribe(scope);
  const healthy = await client.waitFor((p) => p.event === 'wall:update' && !p.degraded, 'a healthy update');
  // a real failure of the real engine: the rollup the every-tick panels read disappears
  await ts.server.clickhouse.command('test:detach', 'DETACH TABLE intake_minute');
  try {
    const degraded = await client.waitFor((p) => p.seq > healthy.seq && p.degraded, 'a degraded update');
    const later = await client.waitFor((p) => p.seq >= degraded.seq + 3, 'more degraded ticks');
    expect(later.degraded).toBe(true);
    // the data is as old as the last answer, and says so, while sentAt moves on
    expect(Date.parse(later.asOf)).toBeLessThanOrEqual(Date.parse(degraded.asOf));
    expect(Date.parse(later.sentAt) - Date.parse(later.asOf)).toBeGreaterThanOrEqual(3 * 200);
    expect(Date.parse(partAsOf(later, 'kpis'))).toBeLessThanOrEqual(Date.parse(degraded.asOf));
    const seqs = client.payloads.map((p) => p.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
  } finally {
    await ts.server.clickhouse.command('test:attach', 'ATTACH TABLE intake_minute');
  }
  const recovered = await client.waitFor(
    (p) => p.seq > healthy.seq && !p.degraded && p.seq > client.payloads.findLast((q) => q.degraded)!.seq,
    'recovery',
  );
  expect(Date.parse(recovered.asOf)).toBeGreaterThan(Date.parse(client.payloads.findLast((q) => q.degraded)!.asOf));
  expect(mergedState(client.payloads)!.panels.kpis.today.total).toBe(3);
});
