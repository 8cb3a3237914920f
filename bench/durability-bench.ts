// Durability costs and bounds, measured in the same run:
// 1. what ClickHouse's own fsync settings (fsync_after_insert, fsync_part_directory on every
//    MergeTree table) cost the insert rate of the embedded engine: rounds alternate with and without,
//    each on a fresh store, batches as the ingest queue sends them (one at a time);
// 2. a 10 MB body of empty objects and the largest allowed request (10,000 cases) against a server
//    in its own process: time to the answer, the slowest /healthz meanwhile, the server's longest
//    event-loop stall (its own /metrics).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { drainPending } from 'chdb';
import { caseInputSchema } from '@shared/case-schema';
import { createClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { toCaseVersion, toStoredRow } from '../server/ingest/case-row';
import { benchCases } from './bench-cases';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function insertRate(
  dataDir: string,
  rows: ReturnType<typeof toStoredRow>[],
  batch: number,
  fsync: boolean,
): Promise<number> {
  const clickhouse = createClickHouse({ dataDir });
  try {
    await migrate(clickhouse);
    if (fsync) {
      const tables = await clickhouse.query<{ name: string }>(
        'bench:tables',
        "SELECT name FROM system.tables WHERE database = currentDatabase() AND engine LIKE '%MergeTree%'",
      );
      for (const { name } of tables)
        await clickhouse.command(
          'bench:fsync',
          `ALTER TABLE ${name} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1`,
        );
    }
    const started = performance.now();
    for (let i = 0; i < rows.length; i += batch) await clickhouse.insert('case_versions', rows.slice(i, i + batch));
    return rows.length / ((performance.now() - started) / 1000);
  } finally {
    await clickhouse.close();
    await drainPending();
  }
}

export async function fsyncBench(dataDir: string, total = 50_000, batch = 5_000, rounds = 3) {
  const rows = benchCases(total, 'FSYNC').map((c) =>
    toStoredRow(toCaseVersion(caseInputSchema.parse(c)), true, undefined),
  );
  const without: number[] = [];
  const withFsync: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    without.push(await insertRate(path.join(dataDir, `plain-${round}`), rows, batch, false));
    withFsync.push(await insertRate(path.join(dataDir, `fsync-${round}`), rows, batch, true));
    console.log(
      `fsync round ${round}: without ${without.at(-1)!.toFixed(0)} rows/s, with ${withFsync.at(-1)!.toFixed(0)} rows/s`,
    );
  }
  return [
    { settings: 'defaults (no fsync)', rows: total, batchRows: batch, rounds, medianRowsPerSecond: median(without) },
    {
      settings: 'fsync_after_insert = 1, fsync_part_directory = 1',
      rows: total,
      batchRows: batch,
      rounds,
      medianRowsPerSecond: median(withFsync),
    },
  ];
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function boundsBench(dataDir: string) {
  const port = await freePort();
  const root = path.resolve(import.meta.dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SIMULATOR: 'off', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let tries = 0; ; tries += 1) {
      const up = await fetch(`${base}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) break;
      if (tries > 300) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const token = (
      JSON.parse(fs.readFileSync(path.join(dataDir, 'tokens.json'), 'utf8')) as {
        tokens: Array<{ role: string; token: string }>;
      }
    ).tokens.find((t) => t.role === 'ingest')!.token;
    const stallMs = async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      return Number(/commandwall_event_loop_lag_seconds\{quantile="max"\} (\S+)/.exec(text)?.[1] ?? NaN) * 1000;
    };
    // /healthz is asked from a thread of its own: this thread's sending of a 10 MB body must not
    // count as the server's slowness
    const healthWatcher = () =>
      new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         let done = false, slowest = 0;
         parentPort.on('message', () => (done = true));
         (async () => {
           while (!done) {
             const started = performance.now();
             await fetch(workerData + '/healthz').then((r) => r.text());
             slowest = Math.max(slowest, performance.now() - started);
             await new Promise((r) => setTimeout(r, 10));
           }
           parentPort.postMessage(slowest);
         })();`,
        { eval: true, workerData: base },
      );
    const measure = async (name: string, text: string) => {
      const body = Buffer.from(text);
      await stallMs(); // resets the server's window
      const watcher = healthWatcher();
      const slowest = new Promise<number>((resolve) => watcher.once('message', resolve));
      await new Promise((r) => setTimeout(r, 100));
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      await response.text();
      const answerMs = performance.now() - started;
      watcher.postMessage('done');
      const slowestHealthMs = await slowest;
      await watcher.terminate();
      return {
        request: name,
        status: response.status,
        bodyMB: body.length / 1e6,
        answerMs,
        slowestHealthMs,
        serverStallMs: await stallMs(),
      };
    };
    const rows = [];
    for (let round = 0; round < 3; round += 1) {
      rows.push(await measure('3,300,000 empty objects', `[${Array(3_300_000).fill('{}').join(',')}]`));
      rows.push(await measure('10,000 valid cases', JSON.stringify(benchCases(10_000, `BOUND${round}`))));
    }
    return rows;
  } finally {
    child.kill('SIGKILL');
  }
}
