// Who gets in, tried from outside with a real server: odd and malformed tokens over HTTP and the
// socket (401 or a code, never 500), the root namespace, the cap per token, and a token file that
// changes under a running server (removed token: 401 and sockets closed within 5 s; demoted: out).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';
import { connectWall, refusal, type WallClient } from '../live/wall-client';
import { openRawWall } from './raw-wall';

const dir = tempDataDir('cw-access-');
const tokensFile = path.join(dir, 'tokens.json');
const TOKENS = {
  wall: { name: 'wall-hall', role: 'wall', token: 'wall-hall-token-0123456789abcd' },
  spare: { name: 'wall-spare', role: 'wall', token: 'wall-spare-token-0123456789abc' },
  demoted: { name: 'wall-demoted', role: 'director', token: 'wall-demoted-token-0123456789' },
  capped: { name: 'wall-capped', role: 'wall', token: 'wall-capped-token-01234567890' },
  ingest: { name: 'ingest', role: 'ingest', token: 'ingest-token-0123456789abcdef' },
};
const SOCKET_CAP = 3;
let ts: TestServer;
const clients: WallClient[] = [];

function writeTokens(entries: Array<{ name: string; role: string; token: string }>): void {
  fs.writeFileSync(tokensFile, JSON.stringify({ tokens: entries }));
}

function wall(token: string): WallClient {
  const client = connectWall(ts.baseUrl, { token });
  clients.push(client);
  return client;
}

function connected(client: WallClient): Promise<void> {
  if (client.socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    client.socket.once('connect', () => resolve());
    client.socket.once('connect_error', reject);
  });
}

/** The closing notice and the disconnect reason a wall sees, and how long after `sinceMs`. */
function goodbye(socket: Socket): Promise<{ notice?: string; reason: string; atMs: number }> {
  let notice: string | undefined;
  socket.on('wall:closing', (n) => (notice = n.error));
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve({ notice, reason, atMs: Date.now() })));
}

/** Status of GET /api/v1/stats with this Authorization header sent as raw bytes (no client-side checks). */
function rawStatus(authorization: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(ts.port, '127.0.0.1');
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const head = `GET /api/v1/stats?scope=national&from=${from}&to=${new Date().toISOString()} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: `;
    // write, not end: a half-closed request may lose its answer when that answer takes a query
    socket.write(Buffer.concat([Buffer.from(head), authorization, Buffer.from('\r\n\r\n')]));
    let reply = '';
    socket.on('data', (d) => (reply += d.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  writeTokens(Object.values(TOKENS));
  ts = await startTestServer({ tokensFile, tickMs: 200, maxSocketsPerToken: SOCKET_CAP });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await ts.stop();
});

describe('malformed and odd tokens', () => {
  const sameLength = TOKENS.wall.token.length;
  it('answers 401, never 500, over HTTP whatever the bytes of the bearer token', async () => {
    const bearers = [
      Buffer.from(`Bearer ${'é'.repeat(sameLength)}`, 'latin1'), // same JS length, twice the UTF-8 bytes
      Buffer.from(`Bearer ${'令'.repeat(sameLength)}`, 'utf8'),
      Buffer.from(`Bearer ${'令'.repeat(sameLength / 3)}`, 'utf8'), // same byte length as a real token
      Buffer.from(`Bearer ${TOKENS.wall.token.slice(1)}\u00ff`, 'latin1'),
      Buffer.from(`Bearer ${'x'.repeat(8_000)}`),
      Buffer.from('Bearer'),
      Buffer.from('Bearer a b'),
      Buffer.from(`Basic ${TOKENS.wall.token}`),
      Buffer.from(`Bearer "${TOKENS.wall.token}"`),
    ];
    for (const bearer of bearers) expect(await rawStatus(bearer), bearer.toString('latin1').slice(0, 40)).toBe(401);
    expect(await rawStatus(Buffer.from(`Bearer ${TOKENS.wall.token}`))).toBe(200);
  });

  it('refuses odd socket tokens with a code', async () => {
    expect(await refusal(ts.baseUrl, { token: 'é'.repeat(sameLength) })).toBe('token-invalid');
    expect(await refusal(ts.baseUrl, { token: '令'.repeat(sameLength) })).toBe('token-invalid');
    expect(await refusal(ts.baseUrl, { token: 'x'.repeat(1_500) })).toBe('token-invalid');
    expect(await refusal(ts.baseUrl, { token: '' })).toBe('token-missing');
    for (const token of [42, { token: TOKENS.wall.token }, [TOKENS.wall.token], null]) {
      expect(await refusal(ts.baseUrl, { token } as unknown as { token: string })).toBe('token-invalid');
    }
  });

  it('closes the root namespace to everyone, even with a valid token', async () => {
    await expect(openRawWall(ts.baseUrl, TOKENS.wall.token, '/')).rejects.toThrow('namespace-closed');
  });
});

describe('sockets per token', () => {
  it(`refuses the handshake past ${SOCKET_CAP} sockets of one token, with the limit, and admits again after one leaves`, async () => {
    const open = Array.from({ length: SOCKET_CAP }, () => wall(TOKENS.capped.token));
    await Promise.all(open.map(connected));
    const refused = await new Promise<Error & { data?: unknown }>((resolve) =>
      wall(TOKENS.capped.token).socket.once('connect_error', resolve),
    );
    expect(refused.message).toBe('too-many-sockets');
    expect(refused.data).toEqual({ code: 'too-many-sockets', detail: { limit: SOCKET_CAP } });
    expect(await connected(wall(TOKENS.spare.token)).then(() => 'admitted')).toBe('admitted'); // other tokens unaffected

    const left = goodbye(open[0].socket);
    open[0].close();
    await left;
    await expect
      .poll(() =>
        connected(wall(TOKENS.capped.token)).then(
          () => 'admitted',
          () => 'refused',
        ),
      )
      .toBe('admitted');
  });
});

describe('a token file that changes while walls are connected', () => {
  it('a removed token: 401 on HTTP and its sockets closed within 5 s; a demoted one: shown out; others stay', async () => {
    const removed = wall(TOKENS.wall.token);
    const demoted = wall(TOKENS.demoted.token);
    const kept = wall(TOKENS.spare.token);
    await Promise.all([removed, demoted, kept].map(connected));
    expect(await removed.subscribe('national')).toMatchObject({ ok: true });
    const removedGone = goodbye(removed.socket);
    const demotedGone = goodbye(demoted.socket);

    const changedAtMs = Date.now();
    writeTokens([TOKENS.spare, { ...TOKENS.demoted, role: 'ingest' }, TOKENS.capped, TOKENS.ingest]);
    const [r, d] = await Promise.all([removedGone, demotedGone]);
    expect(r).toMatchObject({ notice: 'token-revoked', reason: 'io server disconnect' });
    expect(d).toMatchObject({ notice: 'forbidden', reason: 'io server disconnect' });
    expect(Math.max(r.atMs, d.atMs) - changedAtMs).toBeLessThan(5_000);
    expect(await rawStatus(Buffer.from(`Bearer ${TOKENS.wall.token}`))).toBe(401);
    expect(await refusal(ts.baseUrl, { token: TOKENS.wall.token })).toBe('token-invalid');
    expect(await refusal(ts.baseUrl, { token: TOKENS.demoted.token })).toBe('forbidden');

    expect(kept.socket.connected).toBe(true);
    expect(await kept.subscribe('national')).toMatchObject({ ok: true });
  });

  it('keeps the last good tokens when the new file is not valid', async () => {
    const before = await ts.server.metrics.registry.getSingleMetricAsString(
      'commandwall_socket_closed_by_server_total',
    );
    const kept = wall(TOKENS.spare.token);
    await connected(kept);
    fs.writeFileSync(tokensFile, '{"tokens": [');
    // two poll intervals and then some: the broken file has been seen and refused by now
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await rawStatus(Buffer.from(`Bearer ${TOKENS.spare.token}`))).toBe(200);
    expect(kept.socket.connected).toBe(true);
    expect(await kept.subscribe('national')).toMatchObject({ ok: true });
    expect(await ts.server.metrics.registry.getSingleMetricAsString('commandwall_socket_closed_by_server_total')).toBe(
      before,
    );
  });
});
