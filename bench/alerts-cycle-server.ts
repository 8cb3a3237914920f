// Child process of the alerts-cycle benchmark: a fresh store with national history (the baselines'
// 9 weeks and a day plus the 14 days a backtest reads, CYCLE_CASES_PER_DAY on an average day, shaped
// like a hotline's intake by alerts-cycle-history.ts and generated in ClickHouse through
// case_versions so the materialized views fill every rollup), served as `npm start` would. Prints {"port","wallToken","ingestToken"}; on SIGUSR1 (the walls are subscribed):
//   1. PHASE_MS without detectors (the detector jobs are stopped: this process runs them itself),
//   2. PHASE_MS with a whole national detection cycle (every detector, then the alerts intake) every
//      CYCLE_EVERY_MS: more often than in service, where only the surge job runs every minute,
//   3. a 14-day backtest of each of two provinces,
// and prints what it measured as two JSON lines (the phases, then the backtests).
// Usage: node --import tsx bench/alerts-cycle-server.ts <dataDir> <casesPerDay> <phaseMs> <cycleEveryMs>
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

const [dataDir, perDayArg, phaseArg, everyArg] = process.argv.slice(2);
const casesPerDay = Number(perDayArg);
const phaseMs = Number(phaseArg);
const cycleEveryMs = Number(everyArg);
const BACKTEST_DAYS = 14;
const BACKTEST_PROVINCES = ['440000', '420000'];
const budgetPerDay = alertBudgetPerDay();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const clickhouse = createClickHouse({ dataDir });
await migrate(clickhouse);
const nowMs = Date.now();
const historyDays = Math.ceil(BASELINE_HISTORY_MS / DAY_MS) + BACKTEST_DAYS;
const fillStarted = performance.now();
const historyCases = await insertShapedHistory(clickhouse, casesPerDay, historyDays, nowMs);
await dropExpired(clickhouse);
await waitForMerges(clickhouse, 60_000);
const fillSeconds = (performance.now() - fillStarted) / 1000;

const server = createServer({
  config: { ...loadConfig(), dataDir, port: 0, logLevel: process.env.LOG_LEVEL || 'silent' },
  clickhouse,
});
const { port, ready } = await server.start();
await ready;
await server.jobs.stop();
process.stdout.write(
  `${JSON.stringify({ port, wallToken: server.tokens.firstOf('wall')!.token, ingestToken: server.tokens.firstOf('ingest')!.token })}\n`,
);

const detectors = cycleDetectors(budgetPerDay);

interface Cycle {
  totalMs: number;
  byDetector: Record<string, number>;
  signals: number;
  intakeFailures: number;
}

async function detectionCycle(): Promise<Cycle> {
  const started = performance.now();
  const atMs = Date.now();
  const byDetector: Record<string, number> = {};
  let signals = 0;
  let intakeFailures = 0;
  for (const [name, evaluate] of detectors) {
    const t = performance.now();
    const found = await evaluate(clickhouse, { regionFrom: 0, regionTo: 999_999, atMs, budgetPerDay });
    byDetector[name] = performance.now() - t;
    signals += found.length;
    const t2 = performance.now();
    // a cycle that held the event loop past the writer lease's validity finds it lapsed: counted
    await server.alerts.ingestSignals(found, atMs).catch(() => (intakeFailures += 1));
    byDetector.intake = (byDetector.intake ?? 0) + performance.now() - t2;
  }
  return { totalMs: performance.now() - started, byDetector, signals, intakeFailures };
}

process.once('SIGUSR1', () => {
  void (async () => {
    const quietFromMs = Date.now();
    await sleep(phaseMs);
    const detectFromMs = Date.now();
    const cycles: Cycle[] = [];
    while (Date.now() - detectFromMs < phaseMs) {
      const started = Date.now();
      cycles.push(await detectionCycle());
      await sleep(Math.max(0, started + cycleEveryMs - Date.now()));
    }
    const detectToMs = Date.now();
    process.stdout.write(
      `${JSON.stringify({ casesPerDay, historyDays, historyCases, fillSeconds, quietFromMs, detectFromMs, detectToMs, cycles })}\n`,
    );
    const backtests = [];
    for (const scope of BACKTEST_PROVINCES) {
      const t = performance.now();
      const alerts = await runBacktest(clickhouse, {
        fromMs: detectToMs - BACKTEST_DAYS * DAY_MS,
        toMs: detectToMs,
        scope,
        budgetPerDay,
      });
      backtests.push({ scope, seconds: (performance.now() - t) / 1000, alerts: alerts.length });
    }
    process.stdout.write(`${JSON.stringify({ backtests })}\n`);
  })();
});
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
