// Wall groups on two servers sharing one store (two createServer instances in one process on one
// embedded engine): the standby refuses control calls with 503 and the reason, storing nothing, and
// its tiles follow what the writer changes (it re-reads wall_group_events when its size moves).
import { afterAll, expect, it } from 'vitest';
import { MINUTE_MS } from '@shared/time';
import { createClickHouse } from '../../server/clickhouse/client';
import { loadConfig } from '../../server/config';
import { createServer, type CommandWallServer } from '../../server/create-server';
import { makeCase, tempDataDir } from '../helpers/test-server';
import { connectWall, type WallClient } from '../live/wall-client';

const clickhouse = createClickHouse({ dataDir: tempDataDir('cw-walls-standby-') });
const running: CommandWallServer[] = [];
const clients: WallClient[] = [];
afterAll(async () => {
  clients.forEach((c) => c.close());
  for (const server of running) await server.stop();
  await clickhouse.close();
});

async function startServer(writerId: string) {
  const config = {
    ...loadConfig({}),
    port: 0,
    logLevel: 'silent' as const,
    dataDir: tempDataDir(),
    writerId,
    writerLease: { leaseMs: 6000, renewMs: 1000, settleMs: 300 },
    tickMs: 250,
  };
  const server = createServer({ config, clickhouse });
  running.push(server);
  const { port, ready } = await server.start();
  await ready;
  const baseUrl = `http://127.0.0.1:${port}`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1/walls/${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.tokens.firstOf('director')!.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as { error?: string },
    };
  };
  return { server, baseUrl, post };
}

it('refuses control calls on a standby, whose tiles follow the group the writer froze', async () => {
  const a = await startServer('walls-a');
  const b = await startServer('walls-b');
  const atMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - 30 * MINUTE_MS;
  const at = new Date(atMs).toISOString();
  // history begins with the oldest case stored: one from two hours ago
  const stored = await fetch(`${a.baseUrl}/api/v1/cases`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${a.server.tokens.firstOf('ingest')!.token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify([makeCase('SB-1', {}, atMs - 90 * MINUTE_MS)]),
  });
  expect(stored.status).toBe(200);

  const refused = await b.post('meeting/replay', {
    scope: 'national',
    from: at,
    to: new Date(atMs + 10 * MINUTE_MS).toISOString(),
    speed: 60,
  });
  expect(refused.status, JSON.stringify(refused.body)).toBe(503);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  expect(refused.body.error).toMatch(/standby: walls-a holds the writer lease.*wall group/);
  const [row] = await clickhouse.query<{ n: string }>('test', 'SELECT count() AS n FROM wall_group_events', {});
  expect(Number(row.n)).toBe(0);

  const tile = connectWall(b.baseUrl, { token: b.server.tokens.firstOf('wall')!.token });
  clients.push(tile);
  await tile.socket.emitWithAck('scope:subscribe', { scope: 'national' });
  await tile.waitFor((p) => p.mode === undefined, 'live on the standby');
  expect((await a.post('national/freeze', { at })).status).toBe(200);
  const frozen = await tile.waitFor((p) => p.mode === 'frozen', 'the standby tile frozen');
  expect(frozen).toMatchObject({ wall: 'national', asOf: at });
});
