// One writer per store: two servers on one ClickHouse (here two createServer instances in one
// process sharing one embedded engine, each with its own DATA_DIR and holder id). Exactly one ingests;
// the other answers 503 with Retry-After, keeps its spool to itself, and takes over when the holder
// dies (no release) or stops (release). Short lease timings stand in for the 20 s default.
import { afterAll, describe, expect, it } from 'vitest';
import { caseInputSchema } from '@shared/case-schema';
import { createClickHouse, type ClickHouse } from '../../server/clickhouse/client';
import { loadConfig } from '../../server/config';
import { createServer, type CommandWallServer } from '../../server/create-server';
import { toCaseVersion } from '../../server/ingest/case-row';
import { openSpool } from '../../server/ingest/spool';
import { makeCase, tempDataDir } from '../helpers/test-server';

const TIMING = { leaseMs: 6000, renewMs: 1000, settleMs: 300 };
const clickhouse = createClickHouse({ dataDir: tempDataDir('cw-lease-store-') });
const running: CommandWallServer[] = [];

afterAll(async () => {
  for (const server of running) await server.stop();
  await clickhouse.close();
});

/** The shared engine as one server sees it; `cut` makes every call fail as an unreachable server's would. */
function reachableUnless(cut: { off: boolean }): ClickHouse {
  return new Proxy(clickhouse, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (!cut.off) return (value as (...a: unknown[]) => unknown).apply(target, args);
        return property === 'ping' ? Promise.resolve(false) : Promise.reject(new Error('connect ECONNREFUSED'));
      };
    },
  });
}

async function startServer(writerId: string, dataDir = tempDataDir(), view: ClickHouse = clickhouse) {
  const config = {
    ...loadConfig({}),
    port: 0,
    logLevel: 'silent',
    dataDir,
    writerId,
    writerLease: TIMING,
  };
  const server = createServer({ config, clickhouse: view });
  running.push(server);
  const { port, ready } = await server.start();
  await ready;
  const baseUrl = `http://127.0.0.1:${port}`;
  const ingestToken = server.tokens.firstOf('ingest')!.token;
  return {
    server,
    health: async () =>
      (await (await fetch(`${baseUrl}/healthz`)).json()) as {
        status: string;
        writer: boolean;
        writerHolder: string | null;
      },
    ingest: (cases: unknown[]) =>
      fetch(`${baseUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(cases),
      }),
  };
}

async function storedHeads(prefix: string): Promise<number> {
  const [row] = await clickhouse.query<{ n: string }>(
    'test',
    'SELECT count() AS n FROM case_heads FINAL WHERE startsWith(id, {prefix:String})',
    { prefix },
  );
  return Number(row.n);
}

async function waitUntil(test: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<number> {
  const startedMs = Date.now();
  while (!(await test())) {
    if (Date.now() - startedMs > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - startedMs;
}

describe('writer lease', () => {
  const nowMs = Date.now() - 60_000;
  const cases = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => makeCase(`${prefix}-${i}`, {}, nowMs));

  it('lets one server ingest; the other answers 503, keeps its spool, then takes over when the holder dies', async () => {
    const a = await startServer('wall-a');
    expect(await a.health()).toMatchObject({ status: 'ok', writer: true, writerHolder: 'wall-a' });

    // a case left in B's spool from an earlier life: a standby must not replay it
    const bDataDir = tempDataDir();
    const leftover = toCaseVersion(caseInputSchema.parse(makeCase('LEASE-LEFT-0', {}, nowMs)));
    await openSpool(bDataDir).append([leftover]);
    const b = await startServer('wall-b', bDataDir);
    expect(await b.health()).toMatchObject({ status: 'ok', writer: false, writerHolder: 'wall-a' });

    const refused = await b.ingest(cases('LEASE-STANDBY-', 10));
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatch(/standby.*wall-a/);
    expect((await a.ingest(cases('LEASE-A', 10))).status).toBe(200);
    // the same cases through both: stored once
    await Promise.all([a.ingest(cases('LEASE-BOTH', 50)), b.ingest(cases('LEASE-BOTH', 50))]);
    await new Promise((resolve) => setTimeout(resolve, TIMING.leaseMs)); // several replay and renew periods
    expect(await storedHeads('LEASE-STANDBY-')).toBe(0);
    expect(await storedHeads('LEASE-BOTH')).toBe(50);
    expect(await storedHeads('LEASE-LEFT')).toBe(0);
    expect(b.server.queue).toBeDefined();

    // the holder dies: no release, its renewals simply stop
    await a.server.lease.stop({ release: false });
    const takeoverMs = await waitUntil(async () => (await b.health()).writer, 'B becomes the writer');
    expect(takeoverMs).toBeLessThan(30_000);
    expect(await a.health()).toMatchObject({ writer: false });
    expect((await b.ingest(cases('LEASE-B2', 10))).status).toBe(200);
    await waitUntil(async () => (await storedHeads('LEASE-LEFT')) === 1, 'B replays its spool once it is the writer');
    expect(await storedHeads('LEASE-B2')).toBe(10);
  });

  it('hands over at once on a graceful stop, and never has two writers', async () => {
    const b = running[1];
    const c = await startServer('wall-c');
    expect(await c.health()).toMatchObject({ writer: false, writerHolder: 'wall-b' });
    const writers = () => running.filter((server) => server.lease.isWriter()).length;
    const watch = setInterval(() => expect(writers()).toBeLessThanOrEqual(1), 20);
    await b.stop();
    running.splice(1, 1);
    await waitUntil(async () => (await c.health()).writer, 'C becomes the writer after B released');
    clearInterval(watch);
    expect((await c.ingest(cases('LEASE-C', 10))).status).toBe(200);
    expect(await storedHeads('LEASE-C')).toBe(10);
  });

  it('two servers racing for a free lease: exactly one wins', async () => {
    for (const server of running.splice(0)) await server.stop();
    const [d, e] = await Promise.all([startServer('wall-d'), startServer('wall-e')]);
    await waitUntil(async () => (await d.health()).writer || (await e.health()).writer, 'one of D and E is the writer');
    const [hd, he] = [await d.health(), await e.health()];
    expect([hd.writer, he.writer].filter(Boolean)).toHaveLength(1);
    expect(hd.writerHolder).toBe(he.writerHolder);
  });

  it('a writer cut off from ClickHouse stops before a standby takes over, and steps down when it is back', async () => {
    for (const server of running.splice(0)) await server.stop();
    const cut = { off: false };
    const f = await startServer('wall-f', tempDataDir(), reachableUnless(cut));
    const g = await startServer('wall-g');
    expect(f.server.lease.isWriter()).toBe(true);
    cut.off = true;
    let fStillWriterWhenGTookOver = false;
    await waitUntil(async () => {
      const gWriter = g.server.lease.isWriter();
      if (gWriter && f.server.lease.isWriter()) fStillWriterWhenGTookOver = true;
      return gWriter;
    }, 'G takes over from the cut-off F');
    expect(fStillWriterWhenGTookOver).toBe(false);
    cut.off = false;
    await waitUntil(async () => (await f.health()).writerHolder === 'wall-g', 'F sees G as the writer');
    expect(await f.health()).toMatchObject({ writer: false });
    expect((await f.ingest(cases('LEASE-F', 3))).status).toBe(503);
  });
});
