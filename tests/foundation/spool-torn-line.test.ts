// A torn line in the spool (a crash or a full disk mid-write) loses nothing acknowledged: it is moved
// aside when the spool opens (kept in spool/unreadable.ndjson, counted in /metrics), the next batch
// starts on a line of its own, and every acknowledged case is counted exactly once after the replay.
// Also a spool written by an older version, with a batch glued onto a torn line: the batch is recovered.
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
const batch = (name: string, n: number) =>
  Array.from({ length: n }, (_, i) => makeCase(`TORN-${name}-${i}`, { receivedAt: received }));
/** a batch as the spool holds it */
const spooled = (name: string, n: number) =>
  JSON.stringify(batch(name, n).map((c) => toCaseVersion(caseInputSchema.parse(c))));

describe('a torn spool line', () => {
  let acknowledged = 0;

  it('is moved aside and counted; the batches around it are kept', async () => {
    running = await startTestServer({ dataDir, clickhouseUrl: `http://127.0.0.1:${await deadPort()}` });
    const first = await post(running, batch('A', 10));
    expect(first).toMatchObject({ status: 200, body: { accepted: 10 } });
    acknowledged += 10;
    await running.stop();

    // the crash mid-append: half a batch line, no newline (never acknowledged)
    const torn = spooled('never-acknowledged', 3).slice(0, 150);
    fs.appendFileSync(spoolFile(dataDir), torn);

    running = await startTestServer({ dataDir, clickhouseUrl: `http://127.0.0.1:${await deadPort()}` });
    const second = await post(running, batch('B', 10));
    expect(second).toMatchObject({ status: 200, body: { accepted: 10 } });
    acknowledged += 10;
    const metrics = await (await fetch(`${running.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/commandwall_spool_unreadable_lines_total 1\b/);
    expect(sideFileLines(dataDir, 'unreadable.ndjson').map((l) => l.text)).toEqual([torn]);
    expect(fs.readFileSync(spoolFile(dataDir), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    await running.stop();
  });

  it('a batch an older version glued onto a torn line is recovered', async () => {
    // what the spool looked like after the old bug: a torn line, then an acknowledged batch on the same line
    fs.appendFileSync(spoolFile(dataDir), `${spooled('never-acknowledged-2', 2).slice(0, 90)}${spooled('C', 5)}\n`);
    acknowledged += 5;
  });

  it('after the restart with ClickHouse, every acknowledged case is counted exactly once', async () => {
    running = await startTestServer({ dataDir }); // the embedded engine in the same DATA_DIR
    expect(await storedWithPrefix(running, 'TORN-')).toEqual({ rows: acknowledged, cases: acknowledged });
    expect(await storedWithPrefix(running, 'TORN-never')).toEqual({ rows: 0, cases: 0 });
    const from = new Date(Date.parse(received) - 1000).toISOString();
    const to = new Date(Date.now() + 1000).toISOString();
    const stats = await fetch(`${running.baseUrl}/api/v1/stats?scope=national&from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${running.token('wall')}` },
    });
    expect((await stats.json()).total).toBe(acknowledged);
    expect(fs.readFileSync(spoolFile(dataDir), 'utf8')).toBe('');
    expect(sideFileLines(dataDir, 'unreadable.ndjson')).toHaveLength(2);
    expect(sideFileLines(dataDir, 'rejected.ndjson')).toEqual([]);
  });
});
