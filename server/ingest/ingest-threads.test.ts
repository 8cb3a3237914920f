import { afterEach, describe, expect, it } from 'vitest';
import { benchCases } from '../../bench/bench-cases';
import { createLogger } from '../ops/logger';
import { createIngestThreads, type IngestThreads } from './ingest-threads';
import { MAX_CASE_CHARS } from './take-cases';

const logger = createLogger('silent');
const limits = { maxCases: 5, maxCaseChars: MAX_CASE_CHARS };
const calendar = { dataDir: '/nonexistent-command-wall-data' };
const nowMs = Date.parse('2026-12-03T08:00:00Z');

const valid = (id: string, summary = '消费者反映购买的电饭煲使用一周后无法开机，联系人13812345678') => ({
  ...benchCases(1, 'T', nowMs - 3_600_000)[0],
  id,
  summary,
});
const body = (text: string) => new TextEncoder().encode(text);
const mixed = body(`\ufeff${JSON.stringify([valid('T-1'), { id: 'T-2', line: 'nope' }, valid('T-3', '')])}`);

let open: IngestThreads[] = [];
afterEach(async () => {
  await Promise.all(open.map((threads) => threads.close()));
  open = [];
});
function threadsOf(threads: number, extra: object = {}) {
  const created = createIngestThreads({ threads, limits, calendar, logger, ...extra });
  open.push(created);
  return created;
}

describe('ingest threads', () => {
  it('take a body apart on a thread exactly as the event loop does', async () => {
    const onThread = threadsOf(1);
    const onLoop = threadsOf(0);
    const fromThread = await onThread.take('application/json', mixed, nowMs);
    expect(onThread.ready()).toBe(1);
    const fromLoop = await onLoop.take('application/json', mixed, nowMs);
    expect(fromThread).toEqual(fromLoop);
    if (!fromThread.ok) throw new Error('refused');
    expect(fromThread.accepted.map((v) => v.id)).toEqual(['T-1', 'T-3']);
    expect(fromThread.indexes).toEqual([0, 2]);
    expect(fromThread.rejected.map((r) => r.index)).toEqual([1]);
    // scrubbed and cut into words on the thread
    expect(fromThread.accepted[0].summary).not.toContain('13812345678');
    expect(JSON.parse(fromThread.accepted[0].termsJson!)).toContain('电饭煲');
  });

  it('refuse a whole body with its status, on a thread as on the event loop', async () => {
    const onThread = threadsOf(2);
    const six = body(JSON.stringify(Array.from({ length: 6 }, (_, i) => valid(`T-${i}`))));
    expect(await onThread.take('application/json', six, nowMs)).toMatchObject({ ok: false, status: 413 });
    expect(await onThread.take('text/plain', mixed, nowMs)).toMatchObject({ ok: false, status: 415 });
    expect(await onThread.take('application/json', body('[{"id":'), nowMs)).toMatchObject({ ok: false, status: 400 });
  });

  it('answer every request on the event loop when no thread can start', async () => {
    // a heap far too small for the thread's modules and dictionaries: every start dies
    const starved = threadsOf(1, { resourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } });
    const answers = await Promise.all(Array.from({ length: 4 }, () => starved.take('application/json', mixed, nowMs)));
    for (const answer of answers) expect(answer).toMatchObject({ ok: true, indexes: [0, 2] });
    expect(starved.ready()).toBe(0);
  });
});
