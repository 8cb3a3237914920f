// The detectors over a stored history as if live at each whole hour (as the backtest steps), but
// their signals go through the alerts domain's real intake, so what comes out is alerts as the wall
// would have shown them: grouped, updated, resolved after their quiet period, reopened.
import type { DetectorSignal } from '@shared/alert-signals';
import type { Alert, AlertLogEntry } from '@shared/alerts';
import { CST_OFFSET_MS, DAY_MS, HOUR_MS } from '@shared/time';
import type { Logger } from 'pino';
import type { ClickHouse } from '../../server/clickhouse/client';
import { backtestEvaluators } from '../../server/alerts/detectors/backtest';
import { createAlertRepository } from '../../server/alerts/repository';
import { createSignalIntake } from '../../server/alerts/signals';
import { soleWriter } from '../../server/ingest/writer-lease-fence';

export interface SteppedRun {
  alerts: Alert[];
  /** every alert's case ids (at most the newest 500 of its slice), by alert id */
  caseIds: Map<string, string[]>;
  logs: Map<string, AlertLogEntry[]>;
  /** seconds per hourly step, all detectors and the intake */
  stepSeconds: number[];
  signals: number;
}

export async function runDetectorsHourly(
  clickhouse: ClickHouse,
  logger: Logger,
  {
    fromMs,
    toMs,
    budgetPerDay,
    only,
  }: {
    fromMs: number;
    toMs: number;
    budgetPerDay: number;
    /** step only at these hours (e.g. the hours after each incident's first case), not every hour */
    only?: ReadonlySet<number>;
  },
  onStep?: (atMs: number, done: number, total: number) => void,
): Promise<SteppedRun> {
  // the evaluation is alone on its store, and its time is the step's
  let stepMs = fromMs;
  const repository = createAlertRepository({ clickhouse, logger, clock: { now: () => stepMs }, fence: soleWriter });
  const intake = createSignalIntake(repository, logger);
  const evaluators = backtestEvaluators();
  const firstHourMs = Math.ceil(fromMs / HOUR_MS) * HOUR_MS;
  const steps: number[] = [];
  for (let atMs = firstHourMs; atMs <= toMs; atMs += HOUR_MS) if (!only || only.has(atMs)) steps.push(atMs);
  const firstMs = steps[0];
  const total = steps.length;
  const stepSeconds: number[] = [];
  let signalCount = 0;
  for (const [step, atMs] of steps.entries()) {
    const started = performance.now();
    stepMs = atMs;
    const signals: DetectorSignal[] = [];
    for (const { evaluate, daily } of evaluators) {
      if (daily && atMs !== firstMs && (atMs + CST_OFFSET_MS) % DAY_MS !== 0) continue;
      signals.push(...(await evaluate(clickhouse, { regionFrom: 0, regionTo: 999_999, atMs, budgetPerDay })));
    }
    signalCount += signals.length;
    await intake.ingestSignals(signals, atMs);
    stepSeconds.push((performance.now() - started) / 1000);
    onStep?.(atMs, step + 1, total);
  }
  const alerts = [...repository.all().values()];
  const caseIds = new Map<string, string[]>();
  const logs = new Map(alerts.map((a) => [a.id, repository.logOf(a.id)]));
  for (const alert of alerts) {
    // the slice's cases from its start until an hour past its last change: the cases behind it
    const untilMs = Math.min(toMs, Date.parse(alert.updatedAt) + HOUR_MS);
    caseIds.set(alert.id, await repository.caseIds(alert, untilMs));
  }
  return { alerts, caseIds, logs, stepSeconds, signals: signalCount };
}
