// A store that does not yet hold the detectors' baselines (a fresh store, the demo's newest-first
// backfill) passes no signal on: its empty weeks are not quiet weeks. In its own file: one engine a process.
import { describe, expect, it } from 'vitest';
import type { DetectorSignal } from '@shared/alert-signals';
import { registerDetectors } from '../../server/alerts/detectors/register-detectors';
import { makeCase, startTestServer } from '../helpers/test-server';

const COUNTY = '420102';

describe('a store that does not yet hold the baselines', () => {
  it('passes no signal on (a fresh store or the demo backfill: empty weeks are not quiet weeks)', async () => {
    const fresh = await startTestServer();
    try {
      const heard: DetectorSignal[][] = [];
      const freshJobs: Array<{ name: string; run: (signal: AbortSignal) => Promise<void> }> = [];
      registerDetectors(
        {
          jobs: { register: (job) => freshJobs.push(job) },
          clickhouse: fresh.server.clickhouse,
          clock: { now: () => Date.now() },
        },
        (signals) => void heard.push(signals),
      );
      const lastWholeHour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
      const outbreak = Array.from({ length: 30 }, (_, i) =>
        makeCase(`fresh-${i}`, {
          regionCode: COUNTY,
          category: 'food',
          receivedAt: new Date(lastWholeHour - 60_000 - i * 60_000).toISOString(),
        }),
      );
      expect((await fresh.ingest(outbreak)).status).toBe(200);
      await freshJobs.find((job) => job.name === 'surge-detector')!.run(new AbortController().signal);
      expect(heard).toEqual([[]]);
    } finally {
      await fresh.stop();
    }
  }, 120_000);
});
