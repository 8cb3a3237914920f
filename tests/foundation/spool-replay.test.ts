// Nothing accepted is lost when ClickHouse cannot be reached: with CLICKHOUSE_URL at a dead port the
// ingest still accepts (fsynced to the spool) and the cases reach ClickHouse once it answers.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCase, startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';

async function deadPort(): Promise<number> {
  // bind, read the port, close: nothing listens there afterwards
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const dataDir = tempDataDir();
let running: TestServer | undefined;
afterAll(async () => {
  await running?.stop();
});

describe('spool and replay', () => {
  const received = new Date(Date.now() - 60_000).toISOString();
  const first = Array.from({ length: 250 }, (_, i) =>
    makeCase(`SPOOL-${i}`, { receivedAt: received, regionCode: '440305' }),
  );
  // a later version of one case, accepted while down, must land after its first version
  const resolved = makeCase('SPOOL-0', {
    receivedAt: received,
    regionCode: '440305',
    status: 'resolved',
    updatedAt: new Date().toISOString(),
  });

  it('accepts while ClickHouse is unreachable, fsyncs to the spool and reports unhealthy', async () => {
    running = await startTestServer({ dataDir, clickhouseUrl: `http://127.0.0.1:${await deadPort()}` });
    const health = await fetch(`${running.baseUrl}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', clickhouse: 'server' });

    const reply = await running.ingest(first);
    expect(reply).toEqual({ status: 200, body: { accepted: 250, rejected: [] } });
    expect((await running.ingest([resolved])).status).toBe(200);

    const spoolFile = path.join(dataDir, 'spool', 'ingest.ndjson');
    const spooled = fs
      .readFileSync(spoolFile, 'utf8')
      .trim()
      .split('\n')
      .flatMap((line) => JSON.parse(line) as unknown[]);
    expect(spooled).toHaveLength(251);
    const metrics = await (await fetch(`${running.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/commandwall_cases_spooled_total 251/);
    await running.stop();
    running = undefined;
  });

  it('replays the spool in order when ClickHouse answers again', async () => {
    running = await startTestServer({ dataDir }); // the embedded engine in the same DATA_DIR
    const from = new Date(Date.parse(received) - 1000).toISOString();
    const to = new Date(Date.now() + 1000).toISOString();
    const stats = await fetch(`${running.baseUrl}/api/v1/stats?scope=440000&from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${running.token('wall')}` },
    });
    expect((await stats.json()).total).toBe(250);
    const [head] = await running.server.clickhouse.query<{ status: string }>(
      'test',
      "SELECT status FROM case_heads FINAL WHERE id = 'SPOOL-0'",
    );
    expect(head.status).toBe('resolved');
    const open = await running.server.clickhouse.query<{ n: string }>(
      'test',
      'SELECT sum(cases) AS n FROM open_cases WHERE region_code = 440305',
    );
    expect(Number(open[0].n)).toBe(249);
    expect(fs.readFileSync(path.join(dataDir, 'spool', 'ingest.ndjson'), 'utf8')).toBe('');
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
  });
});
