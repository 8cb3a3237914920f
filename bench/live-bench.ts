// `npm run bench` live section: ingest-to-screen latency, fan-out, payload size and history, each against Command
// Wall in a child process. Returns [title, rows] tables for bench/run.ts to print.
// BENCH_HISTORY_SIZES (default 1M,10M,100M cases) sets the history sizes; see docs/benchmarks.md.
import fs from 'node:fs';
import path from 'node:path';
import { startChild } from './live-child';
import { fanout } from './live-fanout';
import { latency } from './live-latency';
import { payloadSize } from './live-size';
import type { Row } from './live-wall';

interface HistoryLine {
  cases: number;
  generateSeconds: number;
  activeParts: number;
  ticks: Array<{ scope: string; level: string; firstTickMs: number; tickMs: number; tickP95Ms: number }>;
}

/** Tick duration per scope level as the stored history grows. */
async function history(dataDir: string, sizes: number[]): Promise<Row[]> {
  const child = startChild('live-history.ts', [dataDir, sizes.join(',')]);
  const lines: HistoryLine[] = [];
  for (let i = 0; i < sizes.length; i += 1) lines.push(await child.next<HistoryLine>());
  await child.stop();
  const rows: Row[] = [];
  for (const line of lines) {
    for (const t of line.ticks) {
      const base = lines[0].ticks.find((b) => b.scope === t.scope)!;
      rows.push({
        'cases stored': line.cases,
        'generated in s': Math.round(line.generateSeconds),
        scope: `${t.scope} (${t.level})`,
        'tick median ms': Math.round(t.tickMs * 10) / 10,
        'tick p95 ms': Math.round(t.tickP95Ms * 10) / 10,
        'first tick ms': Math.round(t.firstTickMs * 10) / 10,
        'median ratio to smallest': Math.round((t.tickMs / base.tickMs) * 100) / 100,
      });
    }
  }
  return rows;
}

/** Runs one part in its own data directory, removed afterwards (100M cases take about 7 GB). */
async function inDir<T>(dir: string, run: (dir: string) => Promise<T>): Promise<T> {
  try {
    return await run(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function liveBench(scratch: string): Promise<Array<[string, Row[]]>> {
  const sizes = (process.env.BENCH_HISTORY_SIZES ?? '1000000,10000000,100000000').split(',').map(Number);
  const at = (name: string) => path.join(scratch, name);
  const tables: Array<[string, Row[]]> = [];
  tables.push([
    'Live: ingest reply to the first wall payload counting the case (national scope)',
    [
      ...(await inDir(at('latency-1000'), (dir) => latency(dir, 1000))),
      ...(await inDir(at('latency-250'), (dir) => latency(dir, 250))),
    ],
  ]);
  tables.push(['Live: fan-out over 10 scopes, TICK_MS=1000', await inDir(at('fanout'), fanout)]);
  tables.push([
    'Live: payload size of one national wall, 10 cases a second, TICK_MS=1000',
    await inDir(at('size'), payloadSize),
  ]);
  tables.push([
    'Live: tick duration as history grows (recent 24 h identical in every size)',
    await inDir(at('history'), (dir) => history(dir, sizes)),
  ]);
  return tables;
}
