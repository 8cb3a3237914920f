// `npm run eval:alerts -- product`: the alerts as a product, on the demo simulator's history.
// 1. A real server on a fresh store is fed 9 weeks and a day of baseline plus PRODUCT_EVAL_DAYS days
//    of the simulator's ordinary flow (no incidents) through the HTTP ingest, as the demo backfills.
// 2. The detectors run as if live at each whole hour of the last PRODUCT_EVAL_DAYS days, their
//    signals through the alerts domain's intake: every alert there is a false alert.
// 3. The incidents' cases are laid over the same history (the seed's own incidents over the whole
//    span, and one of each type injected on the evaluation days), and step 2 is run again: which
//    incident raised how many alerts, how soon after its first case; alerts holding none: false.
// The ordinary flow is thinned to PRODUCT_RATE of the national rate (default 0.25: about 16,000
// cases a weekday) so the history is generated and stepped through in minutes on two cores.
import { DAY_MS, HOUR_MS } from '@shared/time';
import { BASELINE_HISTORY_MS } from '../../server/alerts/detectors/register-detectors';
import { alertBudgetPerDay } from '../../server/alerts/detectors/budget';
import { loadConfig } from '../../server/config';
import { createServer, type CommandWallServer } from '../../server/create-server';
import { createLogger } from '../../server/ops/logger';
import { startBackfill } from '@simulator/backfill';
import { HttpSink } from '@simulator/http-sink';
import { cstDayIndex, cstDayStart } from '@simulator/intensity';
import { CaseModel } from '@simulator/model';
import { planHistory, readStoreState } from '@simulator/history-plan';
import type { Scenario, ScenarioType } from '@simulator/scenarios';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDetectorsHourly, type SteppedRun } from './product-steps';
import { DETECTION_TARGET_HOURS, falseAlerts, keysByAlert, scoreScenarios, type JudgedScenario } from './product-score';
import { productReport } from './product-report';

const SEED = Number(process.env.SIM_SEED ?? 12315);
const RATE = Number(process.env.PRODUCT_RATE ?? 0.25);
const EVAL_DAYS = Number(process.env.PRODUCT_EVAL_DAYS ?? 7);
const budgetPerDay = alertBudgetPerDay();
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

const endMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const windowFromMs = endMs - EVAL_DAYS * DAY_MS;
const historyFromMs = windowFromMs - BASELINE_HISTORY_MS;
// PRODUCT_DATA_DIR: continue in a store an earlier run left (same seed and rate): the simulator's
// own resume fills what it lacks, as the demo does after a restart
const dataDir = process.env.PRODUCT_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cw-eval-product-'));
const INCIDENTS_MARK = path.join(dataDir, 'incidents-fed');
if (fs.existsSync(INCIDENTS_MARK) && process.env.PRODUCT_PHASE !== 'incidents')
  throw new Error(`${dataDir} already holds incidents: its twin is gone`);

const server: CommandWallServer = createServer({
  config: { ...loadConfig({}), port: 0, logLevel: 'warn', dataDir, statsTimeLimitMs: 120_000 },
  logger,
});
const { port, ready } = await server.start();
await ready;
// the live detector jobs would judge the store on the real clock while it fills: this run steps them itself
await server.jobs.stop();
const baseUrl = `http://127.0.0.1:${port}`;
const token = server.tokens.firstOf('ingest')!.token;

/** Posts the model's cases over [historyFromMs, endMs) through the ingest, as the demo's backfill. */
async function feed(model: CaseModel, name: string, resume = false): Promise<void> {
  const sink = new HttpSink({ baseUrl, token, logger, name, concurrency: 2 });
  const plan = resume
    ? planHistory(endMs, (endMs - historyFromMs) / DAY_MS, await readStoreState(server.clickhouse))
    : { fromMs: historyFromMs };
  const run = startBackfill({ model, sink, logger, fromMs: plan.fromMs, resume: plan.resume, untilMs: endMs });
  const progress = setInterval(() => console.log(`${name}: feeding (${elapsed()})`), 60_000);
  const summary = await run.done;
  // on a loaded machine the server may lose its writer lease for a while and spool: wait until stored
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as { spooledCases: number; writer: boolean };
    if (health.writer && health.spooledCases === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  clearInterval(progress);
  await sink.close();
  if (sink.stats.failed || sink.stats.rejected) throw new Error(`${name}: ${JSON.stringify(sink.stats)}`);
  console.log(`${name}: ${summary.cases} cases, ${summary.versions} versions in ${summary.days} days (${elapsed()})`);
}

async function step(label: string, only?: ReadonlySet<number>): Promise<SteppedRun> {
  const run = await runDetectorsHourly(
    server.clickhouse,
    logger,
    { fromMs: windowFromMs, toMs: endMs, budgetPerDay, only },
    (_atMs, done, total) => {
      if (done % 24 === 0 || done === total) console.log(`${label}: step ${done}/${total} (${elapsed()})`);
    },
  );
  return run;
}

console.log(
  `Product evaluation: seed ${SEED}, ordinary flow at ${RATE} of the national rate, ${EVAL_DAYS} days judged after ${(BASELINE_HISTORY_MS / DAY_MS).toFixed(0)} days of baseline, budget ${budgetPerDay} alerts a day`,
);
// PRODUCT_PHASE=incidents: the store already holds the ordinary flow and its twin was judged by an
// earlier run; step only the hours from each incident's first case to an hour past its target
const INCIDENTS_ONLY = process.env.PRODUCT_PHASE === 'incidents';
if (!INCIDENTS_ONLY)
  await feed(new CaseModel({ seed: SEED, streams: 'ordinary', rateScale: RATE }), 'ordinary flow', true);
const twin = INCIDENTS_ONLY ? undefined : await step('scenario-free');
// said at once: the second pass takes as long again
if (twin) console.log(`scenario-free twin: ${twin.alerts.length} alerts in ${EVAL_DAYS} days, all false`);
for (const a of twin?.alerts ?? [])
  console.log(`  ${a.openedAt} ${a.title} ${a.kinds.join('+')} ${a.observed} vs ${a.expected}`);

// One incident of each type a day on the judged days but the last, at the hour it typically breaks
// out (food after lunch, a closure found in the morning, news of a defect mid-morning)
const incidents = new CaseModel({ seed: SEED, streams: 'incidents' });
const INJECT_HOURS: Record<ScenarioType, number> = { 'food-poisoning': 13, 'prepaid-collapse': 9, 'brand-safety': 10 };
const firstDay = cstDayIndex(windowFromMs) + 1;
for (let day = firstDay; cstDayStart(day) + DAY_MS <= endMs; day += 1) {
  const type = (['food-poisoning', 'prepaid-collapse', 'brand-safety'] as const)[(day - firstDay) % 3];
  incidents.inject(type, cstDayStart(day) + INJECT_HOURS[type] * HOUR_MS);
  // food poisoning, the quickest to judge, every day
  if (type !== 'food-poisoning') incidents.inject('food-poisoning', cstDayStart(day) + 13 * HOUR_MS);
}
fs.writeFileSync(INCIDENTS_MARK, '');
await feed(incidents, 'incidents');

// judged: incidents whose first case falls in the window early enough for their target to pass
const judged: JudgedScenario[] = incidents
  .scenariosDuring(windowFromMs, endMs)
  .filter((s: Scenario) => s.arrivals.length > 0 && s.arrivals[0] >= windowFromMs)
  .filter((s) => s.arrivals[0] + (DETECTION_TARGET_HOURS[s.type] + 1) * HOUR_MS <= endMs)
  .map((s) => ({
    key: s.key,
    type: s.type,
    firstCaseMs: s.arrivals[0],
    cases: s.arrivals.filter((t) => t < endMs).length,
    where: s.merchant?.name ?? `${s.brand} ${s.provinceCodes?.join(',')}`,
  }));
let hours: Set<number> | undefined;
if (INCIDENTS_ONLY) {
  hours = new Set<number>();
  for (const s of judged) {
    const first = Math.ceil(s.firstCaseMs / HOUR_MS) * HOUR_MS;
    for (let h = 0; h <= DETECTION_TARGET_HOURS[s.type] + 1; h += 1) hours.add(first + h * HOUR_MS);
  }
}
const withIncidents = await step(INCIDENTS_ONLY ? 'incident hours' : 'with incidents', hours);
const keys = keysByAlert(withIncidents.caseIds);
const outcomes = scoreScenarios(judged, withIncidents.alerts, keys, withIncidents.logs);
productReport({
  days: EVAL_DAYS,
  outcomes,
  twinAlerts: twin?.alerts,
  withIncidentsFalse: falseAlerts(withIncidents.alerts, keys),
  stepSeconds: [...(twin?.stepSeconds ?? []), ...withIncidents.stepSeconds],
});
console.log(`\n(${elapsed()}; store ${dataDir})`);
await server.stop();
if (!process.env.PRODUCT_KEEP_STORE) fs.rmSync(dataDir, { recursive: true, force: true });
