// The detection cycle part by part on a store of shaped history (alerts-cycle-history.ts), without
// walls: CPU and wall time of each detector's evaluation and of the alerts intake, a few cycles at
// the moment the history ends, and the signals each found. Fills the store once (--fill) and keeps it,
// so that a change to a detector can be timed again on the same data in seconds.
// Usage: node --import tsx bench/alerts-cycle-parts.ts <dataDir> [--fill <casesPerDay>] [--cycles N]
//        [--backtest-days D] (then a D-day backtest of each of two provinces, ending where the history does)
import fs from 'node:fs';
import path from 'node:path';
import { DAY_MS } from '@shared/time';
import { createClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';
import { runBacktest } from '../server/alerts/detectors/backtest';
import { alertBudgetPerDay } from '../server/alerts/detectors/budget';
import { BASELINE_HISTORY_MS } from '../server/alerts/detectors/register-detectors';
import { cycleDetectors } from './alerts-cycle-detectors';
import { insertShapedHistory } from './alerts-cycle-history';
import { dropExpired, waitForMerges } from './live-history';

const [dataDir, ...flags] = process.argv.slice(2);
const flag = (name: string) => (flags.includes(name) ? flags[flags.indexOf(name) + 1] : undefined);
const nowFile = path.join(dataDir, 'history-now.json');
const budgetPerDay = alertBudgetPerDay();

const clickhouse = createClickHouse({ dataDir });
await migrate(clickhouse);
if (flag('--fill')) {
  const started = performance.now();
  const nowMs = Date.now();
  const days = Math.ceil(BASELINE_HISTORY_MS / DAY_MS) + 14;
  const cases = await insertShapedHistory(clickhouse, Number(flag('--fill')), days, nowMs);
  await dropExpired(clickhouse);
  await waitForMerges(clickhouse, 60_000);
  fs.writeFileSync(nowFile, JSON.stringify({ nowMs, cases, days }));
  console.log(JSON.stringify({ filled: cases, days, seconds: (performance.now() - started) / 1000 }));
}
const { nowMs } = JSON.parse(fs.readFileSync(nowFile, 'utf8')) as { nowMs: number };

const server = createServer({
  config: { ...loadConfig(), dataDir, port: 0, logLevel: process.env.LOG_LEVEL || 'silent' },
  clickhouse,
});
await (
  await server.start()
).ready;
await server.jobs.stop();

const detectors = cycleDetectors(budgetPerDay);

const cycles = Number(flag('--cycles') ?? 3);
for (let c = 0; c < cycles; c += 1) {
  // one minute apart, as the surge job runs: the same hour, the newest minute's cases
  const atMs = nowMs + c * 60_000;
  const parts: Record<string, { ms: number; cpuMs: number; signals: number }> = {};
  let intakeMs = 0;
  let intakeFailures = 0;
  for (const [name, evaluate] of detectors) {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const found = await evaluate(clickhouse, { regionFrom: 0, regionTo: 999_999, atMs, budgetPerDay });
    const used = process.cpuUsage(cpu);
    parts[name] = {
      ms: Math.round(performance.now() - t),
      cpuMs: Math.round((used.user + used.system) / 1000),
      signals: found.length,
    };
    const t2 = performance.now();
    // a cycle that held the event loop past the lease's validity finds it lapsed: counted, not fatal
    await server.alerts.ingestSignals(found, atMs).catch(() => (intakeFailures += 1));
    intakeMs += performance.now() - t2;
  }
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(JSON.stringify({ cycle: c, intakeMs: Math.round(intakeMs), intakeFailures, parts, load }));
}
const backtestDays = Number(flag('--backtest-days') ?? 0);
for (const scope of backtestDays > 0 ? ['440000', '420000'] : []) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const alerts = await runBacktest(clickhouse, {
    fromMs: nowMs - backtestDays * DAY_MS,
    toMs: nowMs,
    scope,
    budgetPerDay,
  });
  const used = process.cpuUsage(cpu);
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const byKind = Object.fromEntries(
    ['surge', 'merchant', 'cluster', 'term'].map((k) => [k, alerts.filter((a) => a.kind === k).length]),
  );
  console.log(
    JSON.stringify({
      backtest: scope,
      days: backtestDays,
      seconds: (performance.now() - t) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      byKind,
      load,
    }),
  );
}
await server.stop();
