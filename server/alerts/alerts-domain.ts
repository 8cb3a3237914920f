// The alerts domain as the server holds it: the repository (log, current alerts, people's changes),
// the detectors' entry point ingestSignals, and the sweep that resolves quiet alerts every minute
// whether or not a detector runs.
import { MINUTE_MS } from '@shared/time';
import type { Logger } from 'pino';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import type { JobScheduler } from '../jobs/scheduler';
import type { WriteFence } from '../ingest/writer-lease-fence';
import { createAlertRepository } from './repository';
import { createSignalIntake } from './signals';

export const ALERT_SWEEP_EVERY_MS = MINUTE_MS;

export interface AlertsDomainDeps {
  clickhouse: ClickHouse;
  logger: Logger;
  clock: Clock;
  jobs: JobScheduler;
  /** whether this server may write (holds the writer lease): a standby's sweep must not log resolutions */
  mayWrite: () => boolean;
  /** the guard of every write to the alerts' log (server/ingest/writer-lease-fence.ts) */
  fence: WriteFence;
}

export function createAlertsDomain(deps: AlertsDomainDeps) {
  const repository = createAlertRepository(deps);
  const intake = createSignalIntake(repository, deps.logger);
  deps.jobs.register({
    name: 'alert-sweep',
    everyMs: ALERT_SWEEP_EVERY_MS,
    run: async () => {
      if (repository.loaded && deps.mayWrite()) await intake.sweep(deps.clock.now());
    },
  });
  return {
    repository,
    /** the stream of alert changes (each event carries the whole alert) */
    changes: repository.changes,
    /**
     * The detectors' entry point, once per detection cycle: signals about one event become one alert,
     * updated as it grows or spreads; quiet alerts resolve (server/alerts/signals.ts).
     */
    ingestSignals: intake.ingestSignals,
    sweep: intake.sweep,
  };
}

export type AlertsDomain = ReturnType<typeof createAlertsDomain>;
