// The detectors as scheduled jobs: they run whether or not a wall watches, and hand what they find
// to a sink (the alerts domain's ingestSignals once it lands; a logger until then). Each evaluation
// is national: one read per detector and cycle, the statistics in memory.
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import type { Clock } from '../../clock';
import type { JobScheduler } from '../../jobs/scheduler';
import { alertBudgetPerDay, DETECTOR_COUNT } from './budget';
import { createClusterEvaluator } from './cluster-job';
import { evaluateAccumulations } from './merchant-job';
import { evaluateSurges, type EvaluationInput } from './surge-job';
import { registerTermDetector } from './term-detector';
import { evaluateTrends } from './trend-job';

export type SignalSink = (signals: DetectorSignal[], atMs: number) => void | Promise<void>;

export interface DetectorHost {
  jobs: Pick<JobScheduler, 'register'>;
  clickhouse: ClickHouse;
  clock: Clock;
}

type Evaluate = (clickhouse: ClickHouse, input: EvaluationInput) => Promise<DetectorSignal[]>;

/** job name, cadence (surges are judged by the hour: every minute catches one within a minute) */
export const DETECTOR_JOBS: readonly [name: string, everyMs: number, evaluate: Evaluate][] = [
  ['surge-detector', 60_000, evaluateSurges],
  ['merchant-detector', 10 * 60_000, evaluateAccumulations],
  ['cluster-detector', 10 * 60_000, createClusterEvaluator()],
  // the CUSUM judges whole days: a quarter of an hour after midnight is soon enough
  ['surge-trend-detector', 15 * 60_000, evaluateTrends],
];

export function registerDetectors(host: DetectorHost, sink: SignalSink, budgetPerDay = alertBudgetPerDay()): void {
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
