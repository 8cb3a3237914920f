// Where computePanelsAt's time goes: each read of one moment (server/replay/create-panels-at-source.ts,
// readsAt) run alone, one after the other, on a store filled by bench/replay-child.ts.
// Usage: node --import tsx bench/replay-queries.ts <dataDir> [scope] [daysBack] [hourCst] [minute]
// Prints one line per read: median wall ms and median process CPU ms of RUNS runs (the engine runs
// in this process, so CPU time is what a loaded machine does not inflate).
import os from 'node:os';
import { DAY_MS, HOUR_MS, cstMidnight } from '@shared/time';
import { createClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { loadIncidentClocks } from '../server/incidents/clock-config';
import { createPanelsAtSource } from '../server/replay/create-panels-at-source';
import { replayTimes } from '../server/replay/replay-times';
import { median } from './live-history';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main(): Promise<void> {
  const [dataDir, scope = 'national', daysBack = '60', hourCst = '11', minute = '17'] = process.argv.slice(2);
  const ch = createClickHouse({ dataDir });
  await migrate(ch);
  const nowMs = Date.now();
  const source = createPanelsAtSource({
    clickhouse: ch,
    clock: { now: () => nowMs },
    incidentClocks: loadIncidentClocks(undefined),
  });
  const atMs = cstMidnight(nowMs - Number(daysBack) * DAY_MS) + Number(hourCst) * HOUR_MS + Number(minute) * 60_000;
  const reads = source.readsAt(scope, replayTimes(atMs, nowMs));
  const lines: string[] = [];
  for (const [part, read] of Object.entries(reads)) {
    await read(); // the first run warms the caches
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await read();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    lines.push(
      `${part.padEnd(10)} wall ${median(wall).toFixed(1).padStart(7)} ms  CPU ${median(cpu).toFixed(1).padStart(7)} ms`,
    );
  }
  // the whole moment through the checkpoints and through the spells alone, run by turns (same load)
  const direct = createPanelsAtSource({
    clickhouse: ch,
    clock: { now: () => nowMs },
    incidentClocks: loadIncidentClocks(undefined),
    useCheckpoints: false,
  });
  const whole = {
    checkpoints: { wall: [] as number[], cpu: [] as number[] },
    spells: { wall: [] as number[], cpu: [] as number[] },
  };
  for (let i = 0; i < RUNS; i += 1) {
    for (const [path, from] of [
      ['checkpoints', source],
      ['spells', direct],
    ] as const) {
      const c1 = process.cpuUsage();
      const t1 = performance.now();
      await from.computePanelsAt(scope, atMs);
      whole[path].wall.push(performance.now() - t1);
      const c = process.cpuUsage(c1);
      whole[path].cpu.push((c.user + c.system) / 1000);
    }
  }
  for (const [path, { wall, cpu }] of Object.entries(whole))
    lines.push(
      `whole, ${path.padEnd(11)} wall ${median(wall).toFixed(1).padStart(7)} ms  CPU ${median(cpu).toFixed(1).padStart(7)} ms`,
    );
  lines.push(`workload paths: ${JSON.stringify(source.openPaths)}`);
  process.stdout.write(
    `${scope}, ${daysBack} days back, ${hourCst}:${minute.padStart(2, '0')} CST, ${RUNS} runs each; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n${lines.join('\n')}\n`,
  );
  await ch.close();
}

await main();
