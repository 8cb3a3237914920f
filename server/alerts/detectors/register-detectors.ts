// The detectors as scheduled jobs: they run whether or not a wall watches, and hand what they find
// to a sink (the alerts domain's ingestSignals once it lands; a logger until then).
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import type { Clock } from '../../clock';
import type { JobScheduler } from '../../jobs/scheduler';
import { alertBudgetPerDay } from './budget';
import { evaluateSurges } from './surge-job';
import { evaluateTrends } from './trend-job';

export type SignalSink = (signals: DetectorSignal[], atMs: number) => void | Promise<void>;

export interface DetectorHost {
  jobs: Pick<JobScheduler, 'register'>;
  clickhouse: ClickHouse;
  clock: Clock;
}

export const SURGE_EVERY_MS = 60_000;
/** the CUSUM judges whole days: a quarter of an hour is soon enough after midnight */
export const TREND_EVERY_MS = 15 * 60_000;

export function registerDetectors(host: DetectorHost, sink: SignalSink, budgetPerDay = alertBudgetPerDay()): void {
  const national = { regionFrom: 0, regionTo: 999_999 };
  host.jobs.register({
    name: 'surge-detector',
    everyMs: SURGE_EVERY_MS,
    async run() {
      const atMs = host.clock.now();
      await sink(await evaluateSurges(host.clickhouse, { ...national, atMs, budgetPerDay }), atMs);
    },
  });
  host.jobs.register({
    name: 'surge-trend-detector',
    everyMs: TREND_EVERY_MS,
    async run() {
      const atMs = host.clock.now();
      await sink(await evaluateTrends(host.clickhouse, { ...national, atMs, budgetPerDay }), atMs);
    },
  });
}
