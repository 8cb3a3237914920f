// Behind a backlog (an insert from the insert log still running), a batch is logged and waits for its
// own insert: its reply comes once ClickHouse has its rows, and names the case ClickHouse refuses,
// which takes no other case with it; nothing is set aside, nothing waits in the log afterwards.
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
  it('answers once its rows are inserted, naming only the case ClickHouse refuses', async () => {
    running = await startTestServer({ batchMaxCases: 5000 });
    const queue = running.server.queue;
    const first = queue.submit(versions('BL-first', 5000));
    await until(() => queue.loggedRows() > 0);
    const bad = { ...versions('BL-bad', 1)[0], summary: '坏\ud83d' };
    const second = queue.submit([...versions('BL-second', 30), bad]);
    // logged behind the first batch's insert
    await until(() => queue.loggedRows() > 5000);
    expect(await first).toEqual({ durability: 'stored', refused: new Map() });
    const answered = await second;
    expect(answered.durability).toBe('stored');
    // named by its position in the submitted versions
    expect([...answered.refused.keys()]).toEqual([30]);
    expect(answered.refused.get(30)).toMatch(/ClickHouse refused it/);
    // what the reply says is what a read right after it finds
    expect(await storedWithPrefix(running, 'BL-first')).toEqual({ rows: 5000, cases: 5000 });
    expect(await storedWithPrefix(running, 'BL-second')).toEqual({ rows: 30, cases: 30 });
    expect(await storedWithPrefix(running, 'BL-bad')).toEqual({ rows: 0, cases: 0 });
    expect(queue.loggedRows()).toBe(0);
    expect(sideFileLines(running.dataDir, 'rejected.ndjson')).toEqual([]);
  });
});
