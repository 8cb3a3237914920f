import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createMetrics, type Metrics } from '../ops/metrics';
import { createJobScheduler } from './scheduler';
import { ManualClock } from './timers';

const START_MS = Date.parse('2025-03-15T08:00:00+08:00');

function setup(stopTimeoutMs = 3000) {
  const clock = new ManualClock(START_MS);
  const metrics = createMetrics();
  const warnings: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  const jobs = createJobScheduler({ clock, metrics, logger, timers: clock, stopTimeoutMs });
  return { clock, metrics, jobs, warnings };
}

async function jobMetric(metrics: Metrics, name: 'jobFailures' | 'jobSkipped', job: string): Promise<number> {
  return (await metrics[name].get()).values.find((v) => v.labels.job === job)?.value ?? 0;
}

async function durations(metrics: Metrics, job: string): Promise<{ count: number; sumSeconds: number }> {
  const values = (await metrics.jobDuration.get()).values.filter((v) => v.labels.job === job);
  const pick = (suffix: string) =>
    values.find((v) => v.metricName === `commandwall_job_duration_seconds_${suffix}`)?.value ?? 0;
  return { count: pick('count'), sumSeconds: pick('sum') };
}

/** A job whose runs end when the test says so. */
function controlledJob(name: string, everyMs: number) {
  const releases: Array<() => void> = [];
  const signals: AbortSignal[] = [];
  return {
    job: {
      name,
      everyMs,
      run: (signal: AbortSignal) => {
        signals.push(signal);
        return new Promise<void>((resolve) => releases.push(resolve));
      },
    },
    finishRun: (index: number) => releases[index](),
    started: () => releases.length,
    signals,
  };
}

describe('job scheduler', () => {
  it('runs each job on its own cadence, only once started, with each duration in the histogram', async () => {
    const { clock, metrics, jobs } = setup();
    const ran: Array<[string, number]> = [];
    jobs.register({
      name: 'every-second',
      everyMs: 1000,
      run: async () => void ran.push(['every-second', clock.now() - START_MS]),
    });
    jobs.register({
      name: 'every-minute',
      everyMs: 60_000,
      run: async () => void ran.push(['every-minute', clock.now() - START_MS]),
    });
    await clock.advance(5000);
    expect(ran).toEqual([]); // registered, not started
    jobs.start();
    await clock.advance(3500);
    expect(ran).toEqual([
      ['every-second', 6000],
      ['every-second', 7000],
      ['every-second', 8000],
    ]);
    await clock.advance(60_000);
    expect(jobs.status('every-second')?.runs).toBe(63);
    expect(jobs.status('every-minute')?.runs).toBe(1);
    expect(await durations(metrics, 'every-second')).toEqual({ count: 63, sumSeconds: 0 });
    await jobs.stop();
  });

  it('never stacks a slow run: ticks that fall due meanwhile are skipped and counted', async () => {
    const { clock, metrics, jobs } = setup();
    const slow = controlledJob('slow-detector', 1000);
    jobs.register(slow.job);
    jobs.start();
    await clock.advance(1000);
    expect(slow.started()).toBe(1);
    await clock.advance(2500); // two more ticks while the first run is still going
    expect(slow.started()).toBe(1);
    expect(jobs.status('slow-detector')).toEqual({ runs: 1, skipped: 2, failures: 0, running: true });
    expect(await jobMetric(metrics, 'jobSkipped', 'slow-detector')).toBe(2);
    slow.finishRun(0);
    await clock.advance(0);
    expect(await durations(metrics, 'slow-detector')).toEqual({ count: 1, sumSeconds: 2.5 });
    await clock.advance(500); // the cadence holds: the next tick is at 4 s, not 1 s after the slow run
    expect(slow.started()).toBe(2);
    expect(jobs.status('slow-detector')?.skipped).toBe(2);
    slow.finishRun(1);
    await jobs.stop();
  });

  it('counts a failed run, logs it, and runs again on the next tick', async () => {
    const { clock, metrics, jobs, warnings } = setup();
    let calls = 0;
    jobs.register({
      name: 'flaky-report',
      everyMs: 1000,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('ClickHouse timed out');
      },
    });
    jobs.start();
    await clock.advance(2000);
    expect(calls).toBe(2);
    expect(jobs.status('flaky-report')).toMatchObject({ runs: 2, failures: 1 });
    expect(await jobMetric(metrics, 'jobFailures', 'flaky-report')).toBe(1);
    expect((await durations(metrics, 'flaky-report')).count).toBe(2);
    expect(warnings.join('')).toContain('ClickHouse timed out');
    await jobs.stop();
  });

  it('stop aborts, waits for a running job to end, and nothing runs after it', async () => {
    const { clock, jobs } = setup();
    const slow = controlledJob('briefing-export', 1000);
    jobs.register(slow.job);
    jobs.start();
    await clock.advance(1000);
    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await clock.advance(500);
    expect(slow.signals[0].aborted).toBe(true);
    expect(stopped).toBe(false);
    slow.finishRun(0);
    await stopping;
    await clock.advance(10_000);
    expect(slow.started()).toBe(1);
    expect(() => jobs.register({ name: 'late', everyMs: 1000, run: async () => {} })).toThrow(/stopped/);
  });

  it('stop waits at most its bound for a job that ignores the abort', async () => {
    const { clock, jobs, warnings } = setup(2000);
    const stuck = controlledJob('stuck-job', 1000);
    jobs.register(stuck.job);
    jobs.start();
    await clock.advance(1000);
    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await clock.advance(1999);
    expect(stopped).toBe(false);
    await clock.advance(1);
    await stopping;
    expect(warnings.join('')).toContain('stuck-job');
  });

  it('refuses a second job of the same name, a name that is not kebab-case, and a cadence that is not positive', () => {
    const { jobs } = setup();
    const run = async () => {};
    jobs.register({ name: 'surge-detector', everyMs: 60_000, run });
    expect(() => jobs.register({ name: 'surge-detector', everyMs: 1000, run })).toThrow(/already/);
    expect(() => jobs.register({ name: 'Surge Detector', everyMs: 1000, run })).toThrow(/kebab-case/);
    expect(() => jobs.register({ name: 'no-cadence', everyMs: 0, run })).toThrow(/positive/);
  });

  it('a job registered after start runs one period later', async () => {
    const { clock, jobs } = setup();
    jobs.start();
    await clock.advance(700);
    const at: number[] = [];
    jobs.register({ name: 'late-comer', everyMs: 1000, run: async () => void at.push(clock.now() - START_MS) });
    await clock.advance(2000);
    expect(at).toEqual([1700, 2700]);
    await jobs.stop();
  });
});
