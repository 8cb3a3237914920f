// The live workload query before and after it became the one query a replay shares (migration 0101:
// open_cases and activity_hour read as spells covering every moment), by turns on one store, so the
// live tick is shown not to slow down. Usage: node --import tsx bench/replay-live-workload.ts <dataDir>
// <old wall-workload.sql> (e.g. `git show a6647b3:server/queries/workload/wall-workload.sql`).
import fs from 'node:fs';
import os from 'node:os';
import { HOUR_MS, cstMidnight, floorTo } from '@shared/time';
import { createClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { runQuery } from '../server/clickhouse/define-query';
import { scopeParams, ON_TIME_WINDOW_MS } from '../server/live/tick-window';
import { wallWorkload } from '../server/queries/workload/wall-workload';
import { median } from './live-history';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);

async function main(): Promise<void> {
  const [dataDir, oldSqlFile] = process.argv.slice(2);
  const oldSql = fs.readFileSync(oldSqlFile, 'utf8');
  const ch = createClickHouse({ dataDir });
  await migrate(ch);
  const nowMs = Date.now();
  const hourNowMs = floorTo(nowMs, HOUR_MS);
  for (const scope of ['national', '420000']) {
    const input = {
      ...scopeParams(scope),
      hourNowMs,
      dueSoonByMs: hourNowMs + 3 * 24 * HOUR_MS,
      closedFromMs: hourNowMs - ON_TIME_WINDOW_MS,
      recoveredFromMs: cstMidnight(nowMs),
    };
    const params = wallWorkload.params(input);
    const cpu = { before: [] as number[], after: [] as number[] };
    const wall = { before: [] as number[], after: [] as number[] };
    // the same answer both ways (children as entries: a Map does not stringify)
    const shown = (r: Awaited<ReturnType<typeof wallWorkload.parse>>) =>
      JSON.stringify({ ...r, children: [...r.children] });
    const oldRows = await ch.query<Parameters<typeof wallWorkload.parse>[0][number]>('bench:old', oldSql, params);
    const same = shown(wallWorkload.parse(oldRows, input)) === shown(await runQuery(ch, wallWorkload, input));
    for (let i = 0; i < RUNS; i += 1) {
      for (const side of process.env.BENCH_SWAP ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        if (side === 'before') await ch.query('bench:old', oldSql, params);
        else await runQuery(ch, wallWorkload, input);
        wall[side].push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu[side].push((c.user + c.system) / 1000);
      }
    }
    process.stdout.write(
      `${scope}: before ${median(wall.before).toFixed(2)} ms wall, ${median(cpu.before).toFixed(2)} ms CPU; after ${median(wall.after).toFixed(2)} ms wall, ${median(cpu.after).toFixed(2)} ms CPU (${RUNS} runs each, by turns; same answer: ${same}); load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
    );
  }
  await ch.close();
}

await main();
