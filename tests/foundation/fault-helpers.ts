// Shared by the fault tests: ClickHouse "down" (a port nothing listens on), a small real disk for the
// spool (tmpfs, where the machine lets the tests mount one), and counting what the store holds.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestServer } from '../helpers/test-server';

export async function deadPort(): Promise<number> {
  // bind, read the port, close: nothing listens there afterwards
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const spoolFile = (dataDir: string) => path.join(dataDir, 'spool', 'ingest.ndjson');

export function sideFileLines(dataDir: string, name: string): Array<Record<string, unknown>> {
  const file = path.join(dataDir, 'spool', name);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** Rows stored for ids with this prefix (no FINAL: a version stored twice shows twice) and distinct ids. */
export async function storedWithPrefix(ts: TestServer, prefix: string): Promise<{ rows: number; cases: number }> {
  const [row] = await ts.server.clickhouse.query<{ rows: string; cases: string }>(
    'test',
    'SELECT count() AS rows, uniqExact(id) AS cases FROM case_versions WHERE startsWith(id, {prefix:String})',
    { prefix },
  );
  return { rows: Number(row.rows), cases: Number(row.cases) };
}

export async function post(
  ts: TestServer,
  body: unknown[],
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${ts.baseUrl}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ts.token('ingest')}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function health(
  ts: TestServer,
): Promise<{ status: number; body: { reasons: string[]; spoolWritable: boolean } }> {
  const response = await fetch(`${ts.baseUrl}/healthz`);
  return { status: response.status, body: await response.json() };
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Whether this machine lets the tests mount a tmpfs (root in most containers; not in every CI). */
export function canMountTmpfs(): boolean {
  if (os.platform() !== 'linux') return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

export const mountTmpfs = (dir: string, options: string) =>
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
export const remount = (dir: string, options: string) => execFileSync('mount', ['-o', `remount,${options}`, dir]);
export const unmount = (dir: string) => execFileSync('umount', [dir]);
