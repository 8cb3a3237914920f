// `npm run bench`: every benchmark in one run on this machine, printed as tables. Figures are
// medians and ratios measured in the same run (shared machines are noisy); docs/benchmarks.md
// records them with the date and machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alertsCycleBench } from './alerts-cycle';
import { chaosBench } from './chaos';
import { deadlinesBench } from './deadlines-bench';
import { boundsBench, fsyncBench } from './durability-bench';
import { ingestBench } from './ingest-bench';
import { replayKeepupBench } from './replay-keepup';
import { liveBench } from './live-bench';
import { replayBench } from './replay-bench';
import { reportBench } from './report-bench';
import { statsStormBench } from './stats-storm';
import { termsBench } from './terms-bench';
import { wallBench } from './wall-bench';

function table(title: string, rows: ReadonlyArray<object>): void {
  console.log(`\n## ${title}\n`);
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const values = rows as Array<Record<string, unknown>>;
  const cell = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v));
  console.log(`| ${keys.join(' | ')} |`);
  console.log(`| ${keys.map(() => '---').join(' | ')} |`);
  for (const row of values) console.log(`| ${keys.map((k) => cell(row[k])).join(' | ')} |`);
}

const only = process.argv.slice(2);
const wants = (name: string) => only.length === 0 || only.includes(name);
// the chaos run takes CHAOS_MINUTES (30 by default): only when asked for by name
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-bench-'));
console.log(
  `Command Wall benchmarks, ${new Date().toISOString()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);

if (wants('ingest')) {
  const rows = await ingestBench(
    path.join(scratch, 'ingest'),
    Number(process.env.BENCH_INGEST_CASES ?? 200_000),
    Number(process.env.BENCH_INGEST_CONCURRENCY ?? 16),
    Number(process.env.BENCH_INGEST_ROUNDS ?? 3),
  );
  table('Ingest: request to queryable, 1,000 cases per request', rows);
  console.log(`\nratio HTTP / bare insert: ${(rows[1].casesPerSecond / rows[0].casesPerSecond).toFixed(2)}`);
}

if (wants('terms')) table('Word segmentation of summaries (jieba + user dictionary), per summary', await termsBench());

if (wants('live')) for (const [title, rows] of await liveBench(path.join(scratch, 'live'))) table(title, rows);

if (wants('stats-storm'))
  table(
    'Stats storm: a national wall at TICK_MS=1000 while twenty clients read a year of /api/v1/stats in a loop',
    await statsStormBench(path.join(scratch, 'stats-storm')),
  );

if (wants('wall')) for (const [title, rows] of await wallBench(path.join(scratch, 'wall'))) table(title, rows);

if (wants('replay-keepup'))
  table(
    'Replay keep-up: a wall group replaying stored history at 3,600x, national scope, one tile',
    await replayKeepupBench(path.join(scratch, 'replay-keepup')),
  );

if (wants('replay')) for (const [title, rows] of await replayBench(path.join(scratch, 'replay'))) table(title, rows);
if (wants('report'))
  table(
    'Analysis report: a month, national scope, two months stored (median of rounds; a PDF includes starting Chromium)',
    await reportBench(
      path.join(scratch, 'report'),
      Number(process.env.BENCH_REPORT_CASES ?? 300_000),
      Number(process.env.BENCH_REPORT_ROUNDS ?? 3),
    ),
  );

if (wants('deadlines')) table('Deadlines on the holiday calendar, per call', deadlinesBench());

if (wants('durability')) {
  const fsyncRounds = Number(process.env.BENCH_FSYNC_ROUNDS ?? 3);
  table(
    'Durability: ClickHouse fsync settings, embedded engine, insert rate',
    await fsyncBench(path.join(scratch, 'fsync'), 50_000, 5_000, fsyncRounds),
  );
  table(
    'Bounded ingest: one request against a server in its own process',
    await boundsBench(path.join(scratch, 'bounds')),
  );
}

// several minutes of history and phases: only when asked for by name
if (only.includes('alerts-cycle'))
  for (const [title, rows] of await alertsCycleBench(path.join(scratch, 'alerts-cycle'))) table(title, rows);

if (only.includes('chaos'))
  for (const [title, rows] of await chaosBench(path.join(scratch, 'chaos'))) table(title, rows);
