// A case ClickHouse refuses never takes another request's or another case's data with it. The ingest
// refuses a lone surrogate up front; behind that, a batch ClickHouse refuses anyway (a string from a
// spool written before that check, or anything else it will not take) is split until only the refused
// cases are set aside: in a spooled batch merged from several requests, and in the live path.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { caseInputSchema } from '@shared/case-schema';
import { toCaseVersion } from '../../server/ingest/case-row';
import { makeCase, startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';
import { deadPort, post, sideFileLines, spoolFile, storedWithPrefix } from './fault-helpers';

const dataDir = tempDataDir();
let running: TestServer | undefined;
afterAll(async () => {
  await running?.stop();
});

const received = new Date(Date.now() - 60_000).toISOString();
const cases = (name: string, n: number) =>
  Array.from({ length: n }, (_, i) => makeCase(`ISO-${name}-${i}`, { receivedAt: received }));
/** a version that passed the ingest's checks but that ClickHouse refuses: bypasses validation on purpose */
const poisoned = (id: string) => ({
  ...toCaseVersion(caseInputSchema.parse(makeCase(id, { receivedAt: received }))),
  summary: '坏\ud83d',
});

describe('a case ClickHouse refuses', () => {
  it('is refused up front when posted: its neighbours are accepted', async () => {
    running = await startTestServer({
      dataDir,
      clickhouseUrl: `http://127.0.0.1:${await deadPort()}`,
      batchMaxWaitMs: 500,
    });
    const reply = await post(running, [
      makeCase('ISO-UP-0', { receivedAt: received }),
      makeCase('ISO-UP-bad', { receivedAt: received, summary: '\ud83d' }),
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      accepted: 1,
      rejected: [
        {
          index: 1,
          id: 'ISO-UP-bad',
          errors: ['summary: must be valid Unicode text (it holds a lone UTF-16 surrogate)'],
        },
      ],
    });
  });

  it('in a spooled batch merged from several requests, only it is set aside at replay', async () => {
    // three submits inside one batching window: one spool line of 101 versions
    const [a, b, poison] = await Promise.all([
      post(running!, cases('A', 50)),
      post(running!, cases('B', 49)),
      running!.server.queue.submit([poisoned('ISO-POISON-1')]),
    ]);
    expect([a.status, b.status, poison.durability]).toEqual([200, 200, 'spooled']);
    const lines = fs.readFileSync(spoolFile(dataDir), 'utf8').split('\n').filter(Boolean);
    expect(lines.map((line) => (JSON.parse(line) as unknown[]).length)).toEqual([1, 100]);
    await running!.stop();

    running = await startTestServer({ dataDir }); // the embedded engine in the same DATA_DIR
    expect(await storedWithPrefix(running, 'ISO-')).toEqual({ rows: 100, cases: 100 });
    const setAside = sideFileLines(dataDir, 'rejected.ndjson');
    expect(setAside.map((l) => (l.version as { id: string }).id)).toEqual(['ISO-POISON-1']);
    expect(setAside[0].reason).toMatch(/ClickHouse refused it: .*surrogate/);
    expect(await (await fetch(`${running.baseUrl}/metrics`)).text()).toMatch(
      /commandwall_spool_set_aside_cases_total 1\b/,
    );
    expect(fs.readFileSync(spoolFile(dataDir), 'utf8')).toBe('');
  });

  it('in the live path, only it is refused; the cases batched with it are stored', async () => {
    const queue = running!.server.queue;
    const good = (name: string, n: number) => cases(name, n).map((c) => toCaseVersion(caseInputSchema.parse(c)));
    const bad = [poisoned('ISO-LIVE-bad-1'), poisoned('ISO-LIVE-bad-2')];
    const mixed = [...good('LIVE-x', 20).slice(0, 10), bad[0], ...good('LIVE-x', 20).slice(10), bad[1]];
    const [other, withBad] = await Promise.all([queue.submit(good('LIVE-other', 30)), queue.submit(mixed)]);
    expect(other).toEqual({ durability: 'stored', refused: new Map() });
    expect(withBad.durability).toBe('stored');
    // named by their positions in the submitted versions
    expect([...withBad.refused.keys()]).toEqual([mixed.indexOf(bad[0]), mixed.indexOf(bad[1])]);
    expect(await storedWithPrefix(running!, 'ISO-LIVE-other')).toEqual({ rows: 30, cases: 30 });
    expect(await storedWithPrefix(running!, 'ISO-LIVE-x')).toEqual({ rows: 20, cases: 20 });
    expect(await storedWithPrefix(running!, 'ISO-LIVE-bad')).toEqual({ rows: 0, cases: 0 });
  });

  it('a later version whose receivedAt differs from the stored one is refused by field; the others land', async () => {
    const moved = makeCase('ISO-A-0', {
      receivedAt: new Date(Date.parse(received) - 3_600_000).toISOString(),
      status: 'resolved',
      updatedAt: new Date().toISOString(),
    });
    const reply = await post(running!, [makeCase('ISO-RECV-new', { receivedAt: received }), moved]);
    expect(reply.status).toBe(200);
    expect(reply.body.accepted).toBe(1);
    expect(reply.body.rejected).toEqual([
      {
        index: 1,
        id: 'ISO-A-0',
        errors: [expect.stringMatching(/^receivedAt: differs from this case's stored receivedAt/)],
      },
    ]);
    expect(await storedWithPrefix(running!, 'ISO-A-0')).toEqual({ rows: 1, cases: 1 });
    expect(await storedWithPrefix(running!, 'ISO-RECV-new')).toEqual({ rows: 1, cases: 1 });
  });
});
