// The detectors as scheduled jobs: they run whether or not a wall watches, and hand what they find
// to a sink (the alerts domain's ingestSignals once it lands; a logger until then). Each evaluation
// is national: one read per detector and cycle, the statistics in memory.
import type { DetectorSignal } from '@shared/alert-signals';
import { DAY_MS, WEEK_MS } from '@shared/time';
import type { ClickHouse } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import type { Clock } from '../../clock';
import type { JobScheduler } from '../../jobs/scheduler';
import { earliestIntakeHour } from '../../queries/alerts/earliest-intake-hour';
import { alertBudgetPerDay, DETECTOR_COUNT } from './budget';
import { createClusterEvaluator } from './cluster-job';
import { createAccumulationEvaluator } from './merchant-job';
import { createSurgeEvaluator, type EvaluationInput } from './surge-job';
import { registerTermDetector } from './term-detector';
import { createTrendEvaluator } from './trend-job';

export type SignalSink = (signals: DetectorSignal[], atMs: number) => void | Promise<void>;

export interface DetectorHost {
  jobs: Pick<JobScheduler, 'register'>;
  clickhouse: ClickHouse;
  clock: Clock;
}

type Evaluate = (clickhouse: ClickHouse, input: EvaluationInput) => Promise<DetectorSignal[]>;

/** job name, cadence (surges are judged by the hour: every minute catches one within a minute) */
export const DETECTOR_JOBS: readonly [name: string, everyMs: number, evaluate: Evaluate][] = [
  ['surge-detector', 60_000, createSurgeEvaluator()],
  ['merchant-detector', 10 * 60_000, createAccumulationEvaluator()],
  ['cluster-detector', 10 * 60_000, createClusterEvaluator()],
  // the CUSUM judges whole days: a quarter of an hour after midnight is soon enough
  ['surge-trend-detector', 15 * 60_000, createTrendEvaluator()],
];

/** History the baselines need: 8 weeks, the guard week and the day being judged. */
export const BASELINE_HISTORY_MS = 9 * WEEK_MS + DAY_MS;

/**
 * Signals pass only once the store holds the baselines' history. Before that (a fresh store, or the
 * demo's backfill, which loads the newest days first) every active cell is measured against weeks
 * that are empty, not quiet, and would look like a surge. Once covered, the store stays covered.
 */
function onceHistoryCovers(host: DetectorHost, sink: SignalSink): SignalSink {
  let covered = false;
  return async (signals, atMs) => {
    if (!covered) {
      const earliestMs = await runQuery(host.clickhouse, earliestIntakeHour, undefined);
      covered = earliestMs > 0 && earliestMs <= host.clock.now() - BASELINE_HISTORY_MS;
    }
    // the sink still hears of every cycle: nothing found is a finding (alerts settle on it)
    await sink(covered ? signals : [], atMs);
  };
}

export function registerDetectors(host: DetectorHost, given: SignalSink, budgetPerDay = alertBudgetPerDay()): void {
  const sink = onceHistoryCovers(host, given);
  for (const [name, everyMs, evaluate] of DETECTOR_JOBS) {
    host.jobs.register({
      name,
      everyMs,
      async run() {
        const atMs = host.clock.now();
        const signals = await evaluate(host.clickhouse, { regionFrom: 0, regionTo: 999_999, atMs, budgetPerDay });
        await sink(signals, atMs);
      },
    });
  }
  // emerging terms (term-detector.ts) take their equal share of the same budget
  registerTermDetector(host, sink, { falseSignalsPerDay: budgetPerDay / DETECTOR_COUNT });
}
