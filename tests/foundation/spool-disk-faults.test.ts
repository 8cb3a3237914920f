// The spool on a real small disk (a 64 KiB tmpfs) that fills up, then turns read-only, while
// ClickHouse is down: the cases that could be neither stored nor spooled get 503 (nothing kept), the
// server keeps answering, /healthz says why it is unhealthy, and it recovers by itself once the disk
// takes writes again. Every case acknowledged on the way is counted exactly once after the restart.
// Mounting needs root (most containers); where the machine does not allow it the test is skipped,
// and server/ingest/spool.test.ts covers the same faults through the spool's file-operations seam.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCase, startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';
import {
  canMountTmpfs,
  deadPort,
  health,
  mountTmpfs,
  post,
  remount,
  storedWithPrefix,
  unmount,
  waitFor,
} from './fault-helpers';

const mountable = canMountTmpfs();
const dataDir = tempDataDir();
const spoolDir = path.join(dataDir, 'spool');
let running: TestServer | undefined;
let mounted = false;
afterAll(async () => {
  await running?.stop();
  if (mounted) unmount(spoolDir);
});

const received = new Date(Date.now() - 60_000).toISOString();
let posted = 0;
const nextBatch = () =>
  Array.from({ length: 20 }, () =>
    makeCase(`DISK-${posted++}`, { receivedAt: received, summary: '预付卡无法退费'.repeat(10) }),
  );

describe.skipIf(!mountable)(
  'the spool disk full, then read-only (a real tmpfs; skipped: the machine does not allow mounting)',
  () => {
    let acknowledged = 0;

    /** posts until one is refused; returns that refusal */
    async function fillUp(): Promise<{ status: number; body: Record<string, unknown> }> {
      for (let i = 0; i < 100; i += 1) {
        const reply = await post(running!, nextBatch());
        if (reply.status !== 200) return reply;
        acknowledged += reply.body.accepted as number;
      }
      throw new Error('the disk never filled up');
    }

    it('a full disk: 503 for what could not be spooled, /healthz says why, the server keeps answering', async () => {
      fs.mkdirSync(spoolDir, { recursive: true });
      mountTmpfs(spoolDir, 'size=64k');
      mounted = true;
      running = await startTestServer({ dataDir, clickhouseUrl: `http://127.0.0.1:${await deadPort()}` });
      const refused = await fillUp();
      expect(acknowledged).toBeGreaterThan(0);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatch(/ENOSPC.*nothing from this request was kept/);
      const unhealthy = await health(running);
      expect(unhealthy.status).toBe(503);
      expect(unhealthy.body.spoolWritable).toBe(false);
      expect(unhealthy.body.reasons.join(' | ')).toMatch(/spool disk fails \(.*ENOSPC/);
      // still answering, never hanging: the next one is refused the same way
      expect((await post(running, nextBatch())).status).toBe(503);
      expect(await (await fetch(`${running.baseUrl}/metrics`)).text()).toMatch(
        /commandwall_spool_io_errors_total\{operation="append"\} [1-9]/,
      );
    });

    it('recovers by itself once there is room again', async () => {
      remount(spoolDir, 'size=4m');
      await waitFor(async () => (await health(running!)).body.spoolWritable, 'the spool to be writable again');
      const reply = await post(running!, nextBatch());
      expect(reply.status).toBe(200);
      acknowledged += reply.body.accepted as number;
    });

    it('a read-only disk: 503 and why, then recovery once writable', async () => {
      remount(spoolDir, 'ro');
      const refused = await post(running!, nextBatch());
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatch(/EROFS/);
      expect((await health(running!)).body.reasons.join(' | ')).toMatch(/spool disk fails \(.*EROFS/);
      remount(spoolDir, 'rw');
      await waitFor(async () => (await health(running!)).body.spoolWritable, 'the spool to be writable again');
      const reply = await post(running!, nextBatch());
      expect(reply.status).toBe(200);
      acknowledged += reply.body.accepted as number;
      await running!.stop();
      running = undefined;
    });

    it('after the restart with ClickHouse, every acknowledged case is counted exactly once', async () => {
      running = await startTestServer({ dataDir }); // the embedded engine; the spool still on the tmpfs
      expect(await storedWithPrefix(running, 'DISK-')).toEqual({ rows: acknowledged, cases: acknowledged });
      expect(fs.readFileSync(path.join(spoolDir, 'ingest.ndjson'), 'utf8')).toBe('');
      expect((await health(running)).status).toBe(200);
    });
  },
);
