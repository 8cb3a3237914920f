// The /wall namespace tried as an attacker would, with the default per-socket budget: repeats cost
// nothing, a flood is refused then shown out, arbitrary messages (fast-check) always get a code, and
// garbage on the wire closes only that connection. An observing wall is served throughout.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WALL_ERROR_CODES } from '@shared/wall-errors';
import type { Ack } from '@shared/wall-events';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, type Payload, type WallClient } from '../live/wall-client';
import { openRawWall } from './raw-wall';

let ts: TestServer;
let observer: WallClient;
const clients: WallClient[] = [];
const scope = '420100';

beforeAll(async () => {
  ts = await startTestServer({ tickMs: 200 });
  await ts.ingest([makeCase('A-1'), makeCase('A-2', { regionCode: '420106' })]);
  observer = wall();
  await observer.subscribe(scope);
  await observer.waitFor((p) => p.event === 'wall:snapshot', 'the observer snapshot');
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

/** Each payload of a scope exactly once and in order: what a wall that was never disturbed sees. */
function expectUnbroken(payloads: Payload[]): void {
  const seqs = payloads.map((p) => p.seq);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
}

/** The observer is still served: a few more ticks arrive, none missing, none twice. */
async function observerStillServed(): Promise<void> {
  const last = observer.payloads.at(-1)!.seq;
  await observer.waitFor((p) => p.seq >= last + 3, 'three more ticks for the observer');
  expectUnbroken(observer.payloads);
}

const isRefusal = (reply: Ack<unknown>) =>
  !reply.ok && (WALL_ERROR_CODES as readonly string[]).includes(reply.error) && reply.error !== 'server-error';

describe('repeated subscriptions', () => {
  it('acknowledges a scope the socket already follows and sends nothing again', async () => {
    const client = wall();
    expect(await client.subscribe(scope)).toEqual({ ok: true, data: { scope, resumed: false } });
    const first = await client.waitFor((p) => p.event === 'wall:snapshot', 'the snapshot');
    for (let i = 0; i < 12; i++) {
      const lastSeq = i % 2 === 0 ? undefined : first.seq - 5;
      expect(await client.subscribe(scope, lastSeq)).toEqual({ ok: true, data: { scope, resumed: true } });
    }
    await client.waitFor((p) => p.seq >= first.seq + 3, 'three more ticks');
    // a resent snapshot or replayed ring would repeat a seq
    expectUnbroken(client.payloads);
    client.close();
  });
});

describe('a flood of subscriptions', () => {
  it('refuses what is over the budget with rate-limited, then shows the socket out', async () => {
    const client = wall();
    await new Promise<void>((resolve) => client.socket.once('connect', () => resolve()));
    let notice: string | undefined;
    client.socket.on('wall:closing', (n) => (notice = n.error));
    const gone = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    const replies = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        client.socket
          .timeout(10_000)
          .emitWithAck('scope:subscribe', { scope: i % 2 ? scope : 'national' })
          .catch(() => undefined),
      ),
    );
    const answered = replies.filter((r) => r !== undefined);
    const limited = answered.filter((r) => !r.ok && r.error === 'rate-limited');
    expect(answered.filter((r) => r.ok).length).toBeLessThanOrEqual(21);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({ detail: { retryAfterMs: expect.any(Number) } });
    expect(await gone).toBe('io server disconnect');
    expect(notice).toBe('rate-limited');
    await observerStillServed();
  });
});

describe('arbitrary messages', () => {
  const reserved = new Set([
    'connect',
    'connect_error',
    'disconnect',
    'disconnecting',
    'newListener',
    'removeListener',
  ]);
  const event = fc.oneof(
    fc.constantFrom('scope:subscribe', 'scope:unsubscribe'),
    fc.string().filter((e) => !reserved.has(e)),
  );
  const payload = fc.oneof(
    fc.anything(),
    fc.record(
      {
        scope: fc.oneof(fc.constantFrom('national', '420000', scope, '999999', ''), fc.string(), fc.integer()),
        lastSeq: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
      },
      { requiredKeys: [] },
    ),
  );

  it('always answers with ok or a listed code, never crashes, and keeps serving the other walls', async () => {
    const client = wall();
    await new Promise<void>((resolve) => client.socket.once('connect', () => resolve()));
    await fc.assert(
      fc.asyncProperty(event, payload, async (name, request) => {
        // whatever it sent before, a wall that waits when told to is never shown out
        expect(client.socket.connected).toBe(true);
        let reply = await client.socket.timeout(10_000).emitWithAck(name as 'scope:subscribe', request as never);
        // a wall that waits as told is served: the budget is not what is under test here
        while (!reply.ok && reply.error === 'rate-limited') {
          await new Promise((r) => setTimeout(r, reply.ok ? 0 : (reply.detail?.retryAfterMs ?? 100)));
          reply = await client.socket.timeout(10_000).emitWithAck(name as 'scope:subscribe', request as never);
        }
        const known = name === 'scope:subscribe' || name === 'scope:unsubscribe';
        if (reply.ok) expect(known).toBe(true);
        else expect(isRefusal(reply), JSON.stringify(reply)).toBe(true);
        if (!known) expect(reply).toEqual({ ok: false, error: 'unknown-event' });
      }),
      { numRuns: 150 },
    );
    expect((await fetch(`${ts.baseUrl}/healthz`)).status).toBe(200);
    await observerStillServed();
  });

  it('closes only the connection that sends garbage on the wire', async () => {
    const frames = fc.oneof(
      fc.string().map((s) => `42/wall,${s}`),
      fc.string().map((s) => `4${s}`),
      fc.string(),
      fc.constantFrom('42/wall,["scope:subscribe",', '42/wall,1["connect",{}]', '41/wall,', '40/wall,[]', '6', '5'),
      // over the 16 kB a wall message may be
      fc.constant(`42/wall,["scope:subscribe",{"scope":"${'x'.repeat(20_000)}"}]`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(frames, { minLength: 1, maxLength: 5 }), async (batch) => {
        const raw = await openRawWall(ts.baseUrl, ts.token('wall'));
        for (const frame of batch) raw.send(frame);
        raw.emit('scope:subscribe', { scope }, 7);
        // either the server answered the valid message after the garbage, or it closed this connection
        await Promise.race([raw.closed, new Promise((r) => setTimeout(r, 300))]);
        raw.ws.terminate();
      }),
      { numRuns: 30 },
    );
    expect((await fetch(`${ts.baseUrl}/healthz`)).status).toBe(200);
    await observerStillServed();
  });
});
