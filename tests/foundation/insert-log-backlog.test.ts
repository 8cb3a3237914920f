// Behind a backlog (an insert from the insert log still running), a batch is answered once its rows
// are fsynced in the log ("logged"), not once ClickHouse has them. A case ClickHouse then refuses in
// that batch takes no other case with it: it is set aside to spool/rejected.ndjson with its reason,
// its neighbours are stored, and nothing waits in the log afterwards.
import { afterAll, describe, expect, it } from 'vitest';
import { caseInputSchema } from '@shared/case-schema';
import { toCaseVersion } from '../../server/ingest/case-row';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { sideFileLines, storedWithPrefix } from './fault-helpers';

let running: TestServer | undefined;
afterAll(async () => {
  await running?.stop();
});

const received = new Date(Date.now() - 60_000).toISOString();
const versions = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    toCaseVersion(caseInputSchema.parse(makeCase(`${prefix}-${i}`, { receivedAt: received }))),
  );

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the insert log behind a backlog', () => {
  it('answers at fsync, then stores the batch and sets aside only the case ClickHouse refuses', async () => {
    running = await startTestServer({ batchMaxCases: 5000 });
    const queue = running.server.queue;
    // a batch inserted at once: its requests wait for ClickHouse, as without the log
    const first = queue.submit(versions('BL-first', 5000));
    await until(() => queue.loggedRows() > 0);
    const bad = { ...versions('BL-bad', 1)[0], summary: '坏\ud83d' };
    const second = await queue.submit([...versions('BL-second', 30), bad]);
    // answered while the first insert still runs: in the log, not yet in ClickHouse
    expect(second).toEqual({ durability: 'logged', refused: new Map() });
    expect(await first).toEqual({ durability: 'stored', refused: new Map() });
    await until(() => queue.loggedRows() === 0);
    expect(await storedWithPrefix(running, 'BL-first')).toEqual({ rows: 5000, cases: 5000 });
    expect(await storedWithPrefix(running, 'BL-second')).toEqual({ rows: 30, cases: 30 });
    expect(await storedWithPrefix(running, 'BL-bad')).toEqual({ rows: 0, cases: 0 });
    const rejected = sideFileLines(running.dataDir, 'rejected.ndjson');
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatch(/ClickHouse refused it/);
    expect((rejected[0].row as { id: string }).id).toBe('BL-bad-0');
  });
});
