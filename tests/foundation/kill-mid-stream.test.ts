// Kill the server (SIGKILL, no goodbye) while clients are posting: every case it acknowledged is
// there after a restart on the same DATA_DIR. Then SIGTERM: pending batches are flushed first.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCase, tempDataDir } from '../helpers/test-server';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dataDir = tempDataDir();
let child: ChildProcess | undefined;
let port = 0;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: p } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return p;
}

async function startChild(): Promise<void> {
  port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SIMULATOR: 'off', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

async function stopChild(signal: NodeJS.Signals): Promise<void> {
  const running = child;
  child = undefined;
  if (!running) return;
  // a process that has exited already (killed earlier) will not send its 'exit' event again
  if (running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
  running.kill(signal);
  await exited;
}

function tokenFor(role: string): string {
  // the tokens the server generated into DATA_DIR on first start
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tokens } = require(path.join(dataDir, 'tokens.json')) as { tokens: Array<{ role: string; token: string }> };
  return tokens.find((t) => t.role === role)!.token;
}

async function total(): Promise<number> {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/stats?scope=national&from=${from}&to=${to}`, {
    headers: { authorization: `Bearer ${tokenFor('wall')}` },
  });
  return (await response.json()).total;
}

afterAll(async () => {
  if (child) await stopChild('SIGKILL');
});

describe('durability across crashes', () => {
  it('keeps every acknowledged case when killed mid-stream', async () => {
    await startChild();
    const ingestToken = tokenFor('ingest');
    let acknowledged = 0;
    let posted = 0;
    let batch = 0;
    let killed = false;
    const received = new Date(Date.now() - 60_000).toISOString();
    async function poster(worker: number) {
      while (!killed) {
        const cases = Array.from({ length: 200 }, (_, i) =>
          makeCase(`KILL-${worker}-${batch}-${i}`, { receivedAt: received }),
        );
        batch += 1;
        posted += cases.length;
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/json' },
            body: JSON.stringify(cases),
          });
          if (response.status === 200) acknowledged += (await response.json()).accepted;
        } catch {
          return; // the server is gone
        }
      }
    }
    const posters = [0, 1, 2].map(poster);
    while (acknowledged < 3000) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    child?.kill('SIGKILL');
    await Promise.all(posters);
    await stopChild('SIGKILL');

    await startChild();
    const stored = await total();
    expect(acknowledged).toBeGreaterThanOrEqual(3000);
    expect(stored).toBeGreaterThanOrEqual(acknowledged);
    expect(stored).toBeLessThanOrEqual(posted);
  });

  it('on SIGTERM answers the requests in flight and stores exactly what it acknowledged', async () => {
    const before = await total();
    const posts = Array.from({ length: 6 }, (_, n) =>
      fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenFor('ingest')}`, 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: 1000 }, (_, i) => makeCase(`TERM-${n}-${i}`))),
      }).then(
        async (response) => (response.status === 200 ? ((await response.json()).accepted as number) : 0),
        () => 0,
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    const stopped = stopChild('SIGTERM');
    const acknowledged = (await Promise.all(posts)).reduce((a, b) => a + b, 0);
    await stopped;
    await startChild();
    expect(acknowledged).toBeGreaterThan(0);
    expect(await total()).toBe(before + acknowledged);
  });
});
