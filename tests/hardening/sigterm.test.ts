// SIGTERM with walls connected, on the real entry point in its own process: every wall hears the
// server say goodbye (`io server disconnect`, so it comes back by itself when the server does) and
// the process exits within 2 s when nothing is in flight.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/test-server';
import { connectWall, type WallClient } from '../live/wall-client';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dataDir = tempDataDir('cw-sigterm-');
const WALLS = 3;
let child: ChildProcess | undefined;
const walls: WallClient[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startChild(port: number): Promise<ChildProcess> {
  const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SIMULATOR: 'off', LOG_LEVEL: 'warn', TICK_MS: '200' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) return started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

afterAll(() => {
  walls.forEach((w) => w.close());
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

it('disconnects every wall with io server disconnect and exits within 2 s', async () => {
  const port = await freePort();
  child = await startChild(port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const { tokens } = JSON.parse(fs.readFileSync(path.join(dataDir, 'tokens.json'), 'utf8')) as {
    tokens: Array<{ role: string; token: string }>;
  };
  const token = tokens.find((t) => t.role === 'wall')!.token;
  for (let i = 0; i < WALLS; i++) walls.push(connectWall(baseUrl, { token }));
  for (const wall of walls) {
    expect(await wall.subscribe('national')).toMatchObject({ ok: true });
    await wall.waitFor((p) => p.event === 'wall:snapshot', 'the snapshot');
  }

  const running = child;
  const exited = new Promise<{ code: number | null; signal: string | null; atMs: number }>((resolve) =>
    running.once('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() })),
  );
  const goodbyes = walls.map(
    (w) =>
      new Promise<{ reason: string; atMs: number }>((resolve) =>
        w.socket.once('disconnect', (reason) => resolve({ reason, atMs: Date.now() })),
      ),
  );
  const signalledAtMs = Date.now();
  running.kill('SIGTERM');
  const seen = await Promise.all(goodbyes);
  const exit = await exited;

  const lastGoodbyeMs = Math.max(...seen.map((s) => s.atMs)) - signalledAtMs;
  const exitMs = exit.atMs - signalledAtMs;
  console.log(
    `SIGTERM: walls disconnected after ${lastGoodbyeMs} ms, process exited after ${exitMs} ms (code ${exit.code}, signal ${exit.signal})`,
  );
  expect(seen.map((s) => s.reason)).toEqual(Array(WALLS).fill('io server disconnect'));
  expect(exit.code).toBe(0);
  expect(exitMs).toBeLessThan(2_000);
});
