// Named jobs on a cadence, independent of walls: alert detectors, reports and clean-ups run here
// whether or not anyone watches. A job never overlaps itself: a tick that falls due while the
// previous run is still going is skipped and counted, so a slow ClickHouse cannot pile up queries.
// Durations and failures go to /metrics; stop() aborts and waits for running jobs, bounded.
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Metrics } from '../ops/metrics';
import { realTimers, type JobTimers, type TimerHandle } from './timers';

export interface Job {
  /** metric label and log field: kebab-case, stable (e.g. `surge-detector`) */
  name: string;
  everyMs: number;
  /** the signal is aborted when the server stops: pass it on to long waits */
  run(signal: AbortSignal): Promise<void>;
}

export interface JobStatus {
  runs: number;
  skipped: number;
  failures: number;
  running: boolean;
}

export interface JobSchedulerOptions {
  clock: Clock;
  metrics: Pick<Metrics, 'jobDuration' | 'jobFailures' | 'jobSkipped'>;
  logger: Logger;
  timers?: JobTimers;
  /** how long stop() waits for running jobs after aborting them */
  stopTimeoutMs?: number;
}

const JOB_NAME = /^[a-z][a-z0-9-]*$/;

interface ScheduledJob extends JobStatus {
  job: Job;
  nextDueMs: number;
  timer?: TimerHandle;
  current?: Promise<void>;
}

export function createJobScheduler({
  clock,
  metrics,
  logger,
  timers = realTimers,
  stopTimeoutMs = 3000,
}: JobSchedulerOptions) {
  const jobs = new Map<string, ScheduledJob>();
  const abort = new AbortController();
  let state: 'idle' | 'started' | 'stopped' = 'idle';

  function arm(entry: ScheduledJob): void {
    // never longer than one period: a clock pinned by a test must not stretch the cadence
    const delayMs = Math.min(entry.job.everyMs, Math.max(0, entry.nextDueMs - clock.now()));
    entry.timer = timers.set(() => fire(entry), delayMs);
  }

  function fire(entry: ScheduledJob): void {
    const nowMs = clock.now();
    entry.nextDueMs += entry.job.everyMs;
    // after a stall (event loop blocked, machine asleep) missed ticks are dropped, not caught up on
    if (entry.nextDueMs <= nowMs) entry.nextDueMs = nowMs + entry.job.everyMs;
    arm(entry);
    if (entry.running) {
      entry.skipped += 1;
      metrics.jobSkipped.inc({ job: entry.job.name });
      return;
    }
    entry.current = runOnce(entry);
  }

  async function runOnce(entry: ScheduledJob): Promise<void> {
    const { name } = entry.job;
    entry.running = true;
    entry.runs += 1;
    const startMs = clock.now();
    try {
      await entry.job.run(abort.signal);
    } catch (error) {
      entry.failures += 1;
      metrics.jobFailures.inc({ job: name });
      logger.warn({ job: name, err: (error as Error).message }, 'job failed');
    } finally {
      metrics.jobDuration.observe({ job: name }, (clock.now() - startMs) / 1000);
      entry.running = false;
    }
  }

  return {
    /** Adds a job; its first run is one period after start (or after now, when already started). */
    register(job: Job): void {
      if (state === 'stopped') throw new Error(`job ${job.name}: the scheduler is stopped`);
      if (!JOB_NAME.test(job.name)) throw new Error(`job name "${job.name}" must be kebab-case`);
      if (jobs.has(job.name)) throw new Error(`job ${job.name} is already registered`);
      if (!(job.everyMs > 0) || !Number.isFinite(job.everyMs))
        throw new Error(`job ${job.name}: everyMs must be positive`);
      const entry: ScheduledJob = { job, nextDueMs: 0, runs: 0, skipped: 0, failures: 0, running: false };
      jobs.set(job.name, entry);
      if (state === 'started') {
        entry.nextDueMs = clock.now() + job.everyMs;
        arm(entry);
      }
    },
    start(): void {
      if (state !== 'idle') return;
      state = 'started';
      for (const entry of jobs.values()) {
        entry.nextDueMs = clock.now() + entry.job.everyMs;
        arm(entry);
      }
    },
    /** No further runs; running jobs are aborted and awaited, at most `stopTimeoutMs`. */
    async stop(): Promise<void> {
      if (state === 'stopped') return;
      state = 'stopped';
      for (const entry of jobs.values()) if (entry.timer !== undefined) timers.clear(entry.timer);
      abort.abort();
      const running = [...jobs.values()].filter((entry) => entry.running);
      if (running.length === 0) return;
      let bound: TimerHandle | undefined;
      const timedOut = new Promise<'timeout'>(
        (resolve) => (bound = timers.set(() => resolve('timeout'), stopTimeoutMs)),
      );
      const outcome = await Promise.race([Promise.all(running.map((entry) => entry.current)), timedOut]);
      timers.clear(bound);
      if (outcome === 'timeout')
        logger.warn(
          { jobs: running.filter((e) => e.running).map((e) => e.job.name), stopTimeoutMs },
          'jobs still running at stop; not waiting longer',
        );
    },
    status(name: string): JobStatus | undefined {
      const entry = jobs.get(name);
      return entry && { runs: entry.runs, skipped: entry.skipped, failures: entry.failures, running: entry.running };
    },
  };
}

export type JobScheduler = ReturnType<typeof createJobScheduler>;
