// Child process of the replay benchmark (libchdb binds one data directory per process): fills a
// fresh store with N cases of 1 to 3 versions over HISTORY_DAYS, generated in ClickHouse through
// case_versions so the materialized views fill the rollups and the replay spells, then times
// computePanelsAt at several moments of a day 60 days back (hourly resolution) and of yesterday
// (minute resolution). Usage: node --import tsx bench/replay-child.ts <dataDir> <cases>; prints one
// JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATEGORY_CODES, CHANNEL_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import { allRegions } from '@shared/regions';
import { DAY_MS, HOUR_MS, cstMidnight } from '@shared/time';
import { createClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { loadIncidentClocks } from '../server/incidents/clock-config';
import { createPanelsAtSource } from '../server/replay/create-panels-at-source';
import { runOpenCheckpoints } from '../server/replay/open-checkpoint-job';
import { dropExpired, median, waitForMerges } from './live-history';

const versionsSql = fs.readFileSync(path.join(import.meta.dirname, 'sql', 'replay-versions.sql'), 'utf8');
/**
 * The history the cases are spread over, ending an hour ago: 400 days by default. What a moment costs
 * follows the cases per day (its windows, the spells that ended since it, the month partitions of
 * case_versions it reads), so BENCH_REPLAY_DAYS with BENCH_REPLAY_CASES at the same density measures
 * the same moment on a shorter, faster-generated history (10M over 400 days = 25,000 a day).
 */
const HISTORY_DAYS = Number(process.env.BENCH_REPLAY_DAYS ?? 400);
/** one insert per 20 days of receipt: the daily-partitioned rollups take at most 100 days per insert */
const SLICES = Math.ceil(HISTORY_DAYS / 20);
const RUNS = 5;

const counties = allRegions()
  .filter((r) => r.level === 'county')
  .map((r) => Number(r.code));

async function main(): Promise<void> {
  const [dataDir, casesArg] = process.argv.slice(2);
  const cases = Number(casesArg);
  const ch = createClickHouse({ dataDir });
  await migrate(ch);
  const nowMs = Date.now();
  const startMs = nowMs - HOUR_MS - HISTORY_DAYS * DAY_MS;
  const stepMs = Math.floor((HISTORY_DAYS * DAY_MS) / cases);
  const started = performance.now();
  // BENCH_REPLAY_DIR: a store filled by an earlier run is timed again as it is
  const [filled] = await ch.query<{ n: number }>('bench:filled', 'SELECT count() AS n FROM case_versions');
  if (filled.n === 0) {
    for (let slice = 0; slice < SLICES; slice += 1) {
      const from = Math.floor((cases * slice) / SLICES);
      const count = Math.floor((cases * (slice + 1)) / SLICES) - from;
      for (const version of [1, 2, 3])
        await ch.command('bench:replay-versions', versionsSql, {
          version,
          from,
          count,
          startMs,
          stepMs,
          lines: LINE_CODES,
          kinds: KIND_CODES,
          channels: CHANNEL_CODES,
          categories: CATEGORY_CODES,
          counties,
        });
    }
    await dropExpired(ch);
  }
  const generateSeconds = (performance.now() - started) / 1000;
  await waitForMerges(ch, 120_000);
  const [stored] = await ch.query<{ versions: number; cases: number }>(
    'bench:stored',
    'SELECT count() AS versions, uniqExact(id) AS cases FROM case_versions',
  );
  const tables = await ch.query<{ table: string; rows: number }>(
    'bench:tables',
    `SELECT table, sum(rows) AS rows FROM system.parts
     WHERE active AND database = currentDatabase() AND table LIKE 'replay_%' GROUP BY table ORDER BY table`,
  );
  // the checkpoint job, run until every hour back to the oldest case holds one (what a first start on
  // a filled store does over several runs, ten minutes apart)
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let checkpointHours = 0;
  for (let run; (run = await runOpenCheckpoints({ clickhouse: ch, clock: { now: () => nowMs } })).taken > 0;)
    checkpointHours += run.taken;
  const cpu0 = process.cpuUsage(c0);
  const checkpoints = {
    hours: checkpointHours,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu0.user + cpu0.system) / 1e6,
  };
  const source = createPanelsAtSource({
    clickhouse: ch,
    clock: { now: () => nowMs },
    incidentClocks: loadIncidentClocks(undefined),
  });
  const day60 = cstMidnight(nowMs - 60 * DAY_MS);
  const yesterday = cstMidnight(nowMs - DAY_MS);
  const moments: Array<[string, string, number]> = [];
  for (const h of [3, 9, 11, 15, 20]) moments.push(['60 days back', `${h}:00 CST`, day60 + h * HOUR_MS + 17 * 60_000]);
  for (const h of [9, 15]) moments.push(['yesterday', `${h}:17 CST`, yesterday + h * HOUR_MS + 17 * 60_000]);
  const timings = [];
  for (const scope of ['national', '420000']) {
    for (const [day, time, atMs] of scope === 'national' ? moments : moments.slice(2, 4)) {
      const runs: number[] = [];
      const cpu: number[] = [];
      let resolution = '';
      for (let i = 0; i < RUNS; i += 1) {
        // CPU time of the process (the engine runs in it): what a loaded machine does not inflate
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const got = await source.computePanelsAt(scope, atMs);
        runs.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
        resolution = got.history.resolution;
      }
      timings.push({
        scope,
        day,
        time,
        resolution,
        medianMs: median(runs),
        maxMs: Math.max(...runs),
        cpuMs: median(cpu),
      });
    }
  }
  const [open] = await ch.query<{ n: number }>('bench:open', 'SELECT sum(cases) AS n FROM open_cases');
  const b0 = performance.now();
  await source.historyBounds();
  const boundsMs = performance.now() - b0;
  process.stdout.write(
    `${JSON.stringify({ checkpoints, openPaths: source.openPaths, days: HISTORY_DAYS, cases: stored.cases, openNow: open.n, versions: stored.versions, generateSeconds, tables, timings, boundsMs, loadAverage: os.loadavg() })}\n`,
  );
  await ch.close();
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await main();
