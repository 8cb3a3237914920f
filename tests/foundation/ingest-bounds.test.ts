// Bounded work per caller: a body of millions of tiny items is counted and refused (413) before any
// per-item work, while the server keeps answering others; the largest allowed request is validated
// in time slices; an item too big to be a case is refused alone; the errors of one case are capped.
// No timing asserts (a loaded 2-core machine): the figures are printed here and measured in
// docs/benchmarks.md ("Durability", `npm run bench -- durability`).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer({ maxCasesPerRequest: 10_000 });
});
afterAll(async () => {
  await ts.stop();
});

async function postText(body: string, contentType = 'application/json') {
  const response = await fetch(`${ts.baseUrl}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ts.token('ingest')}`, 'content-type': contentType },
    body,
  });
  return { status: response.status, body: await response.json() };
}

/** Runs `work` while asking /healthz every 20 ms; the slowest answer and the event loop's longest stall. */
async function whileWatching<T>(
  work: () => Promise<T>,
): Promise<{ result: T; slowestHealthMs: number; maxStallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let done = false;
  let slowestHealthMs = 0;
  const watcher = (async () => {
    while (!done) {
      const started = performance.now();
      await fetch(`${ts.baseUrl}/healthz`);
      slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const result = await work();
  done = true;
  await watcher;
  delay.disable();
  return { result, slowestHealthMs, maxStallMs: delay.max / 1e6 };
}

describe('bounded ingest work', () => {
  it('refuses 10 MB of empty objects with 413 before any per-item work; /healthz keeps answering', async () => {
    const body = `[${Array(3_300_000).fill('{}').join(',')}]`;
    const { result, slowestHealthMs, maxStallMs } = await whileWatching(() => postText(body));
    expect(result.status).toBe(413);
    expect(result.body.error).toBe(
      '3300000 cases in one request, over the limit of 10000 (MAX_CASES_PER_REQUEST): send them in several requests',
    );
    console.info(
      `10 MB of {}: slowest /healthz ${slowestHealthMs.toFixed(0)} ms, longest event-loop stall ${maxStallMs.toFixed(0)} ms`,
    );
    // no bound on the figures here (a loaded machine stretches them): the old code answered 422 after
    // tens of seconds, having built millions of error strings; the 413 itself shows none was built
  });

  it('counts NDJSON lines the same way', async () => {
    const result = await postText(Array(10_001).fill('{}').join('\n'), 'application/x-ndjson');
    expect(result.status).toBe(413);
    expect(result.body.error).toMatch(/^10001 cases in one request, over the limit of 10000/);
  });

  it('validates the largest allowed request in slices: every case answered, valid ones accepted', async () => {
    const cases = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 === 0 ? makeCase(`BOUND-${i}`) : { id: `BOUND-${i}`, junk: 'x'.repeat(50) },
    );
    const { result, maxStallMs } = await whileWatching(() => postText(JSON.stringify(cases)));
    expect(result.status).toBe(200);
    expect(result.body.accepted).toBe(5000);
    expect(result.body.rejected).toHaveLength(5000);
    console.info(`10,000 cases, half invalid: longest event-loop stall ${maxStallMs.toFixed(0)} ms`);
  });

  it('refuses an item too big to be a case on its own, and caps the errors of one case', async () => {
    const huge = { id: 'BIG-1', summary: '长'.repeat(70_000) };
    const manyFields = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`field${i}`, i]));
    const result = await postText(JSON.stringify([makeCase('BOUND-OK'), huge, manyFields]));
    expect(result.status).toBe(200);
    expect(result.body.accepted).toBe(1);
    const [big, many] = result.body.rejected;
    expect(big).toEqual({
      index: 1,
      errors: [expect.stringMatching(/^\(case\): \d+ characters of JSON, more than a case can hold \(65536\)$/)],
    });
    expect(many.errors.length).toBeLessThanOrEqual(11);
    expect(many.errors).toContain('field0, field1, field2, field3, field4 and 495 more: unknown fields');
  });

  it('still says where a broken array element is (400), and takes an empty array as nothing to accept', async () => {
    const broken = await postText('[{"id": "P1"},\n {"id": }]');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatch(/^body is not valid JSON: .* \(line 2, column \d+\)$/);
    expect((await postText('[1,]')).status).toBe(400);
    expect((await postText('[1}')).status).toBe(400);
    expect((await postText('[] x')).status).toBe(400);
    expect(await postText(' [ ] ')).toEqual({ status: 422, body: { accepted: 0, rejected: [] } });
  });
});
