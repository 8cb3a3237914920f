// Jobs on a real server with no wall connected: they run on their cadence, their durations and
// failures show in /metrics under the names the issue fixes, and stopping the server aborts a
// running job and waits for it before the store closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
let stopped = false;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  if (!stopped) await ts.stop();
});

async function metricValue(line: string): Promise<number> {
  const text = await (await fetch(`${ts.baseUrl}/metrics`)).text();
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('scheduled jobs', () => {
  it('run without any wall, with durations and failures in /metrics', async () => {
    let storeAnswers = 0;
    ts.server.jobs.register({
      name: 'count-probe',
      everyMs: 150,
      run: async () => {
        // as a detector would, the job reaches the store on its own, with no wall asking
        if (await ts.server.clickhouse.ping()) storeAnswers += 1;
      },
    });
    ts.server.jobs.register({
      name: 'always-failing',
      everyMs: 150,
      run: async () => {
        throw new Error('detector broke');
      },
    });
    const probeCount = 'commandwall_job_duration_seconds_count{job="count-probe"}';
    const failures = 'commandwall_job_failures_total{job="always-failing"}';
    await waitFor(async () => (await metricValue(probeCount)) >= 3 && (await metricValue(failures)) >= 2);
    expect(await metricValue(probeCount)).toBeGreaterThanOrEqual(3);
    expect(storeAnswers).toBeGreaterThanOrEqual(3);
    expect(await metricValue(failures)).toBeGreaterThanOrEqual(2);
    expect(await metricValue('commandwall_job_failures_total{job="count-probe"}')).toBe(0);
    expect(await metricValue('commandwall_job_duration_seconds_count{job="always-failing"}')).toBeGreaterThanOrEqual(2);
    expect(await metricValue('commandwall_socket_clients')).toBe(0);
  });

  it('are aborted and awaited when the server stops', async () => {
    const events: string[] = [];
    ts.server.jobs.register({
      name: 'long-export',
      everyMs: 100,
      run: (signal) =>
        new Promise<void>((resolve) => {
          events.push('started');
          signal.addEventListener('abort', () => setTimeout(() => (events.push('ended'), resolve()), 200));
        }),
    });
    await waitFor(async () => events.includes('started'));
    await ts.server.stop();
    stopped = true;
    events.push('server stopped');
    expect(events.slice(-2)).toEqual(['ended', 'server stopped']);
    expect(events.filter((e) => e === 'started')).toHaveLength(1);
  });
});
