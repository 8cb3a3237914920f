// A fuzzer over the ingest body, against the real server and the embedded engine: requests mixing
// valid cases with cases broken in one way each (a wrong type, an unknown field, a missing field, a
// lone surrogate, a time out of range, not an object at all), as a JSON array or NDJSON. Never a 500,
// never a crash; every valid case lands; every broken one is refused by index with its field named,
// and none of it is stored.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_CODES, CHANNEL_CODES, ISSUE_TYPE_CODES, KIND_CODES, LINE_CODES, STATUS_CODES } from '@shared/codes';
import type { CaseInput, RejectedCase } from '@shared/case-schema';
import { startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});

const nowMs = Date.now();
const HOUR_MS = 3_600_000;
/** well-formed text of any code points, controls and NUL included: all of it must be stored */
const text = (maxLength: number) => fc.string({ unit: 'binary', minLength: 1, maxLength });

const validCase = fc.record(
  {
    receivedOffsetMs: fc.integer({ min: 0, max: 20 * HOUR_MS }),
    updatedOffsetMs: fc.option(fc.integer({ min: 0, max: HOUR_MS }), { nil: undefined }),
    line: fc.constantFrom(...LINE_CODES),
    kind: fc.constantFrom(...KIND_CODES),
    channel: fc.constantFrom(...CHANNEL_CODES),
    regionCode: fc.constantFrom('420102', '440305', '110000', '650000', '310115'),
    category: fc.constantFrom(...CATEGORY_CODES),
    issueType: fc.constantFrom(...ISSUE_TYPE_CODES),
    status: fc.constantFrom(...STATUS_CODES),
    urgent: fc.boolean(),
    merchant: fc.record({ id: text(32), name: text(100) }, { requiredKeys: ['name'] }),
    brand: text(50),
    amountYuan: fc.double({ min: 0, max: 1e12, noNaN: true }),
    recoveredYuan: fc.integer({ min: 0, max: 1_000_000 }),
    location: fc.record({
      lon: fc.double({ min: 73, max: 136, noNaN: true }),
      lat: fc.double({ min: 3, max: 54, noNaN: true }),
    }),
    summary: fc.string({ unit: 'binary', maxLength: 600 }),
  },
  { requiredKeys: ['receivedOffsetMs', 'line', 'kind', 'channel', 'regionCode', 'category', 'issueType', 'status'] },
);

type Draft = Omit<CaseInput, 'id' | 'receivedAt' | 'updatedAt'> & {
  receivedOffsetMs: number;
  updatedOffsetMs?: number;
};
function toCase(id: string, { receivedOffsetMs, updatedOffsetMs, ...rest }: Draft): Record<string, unknown> {
  const receivedMs = nowMs - HOUR_MS - receivedOffsetMs;
  const updatedAt = updatedOffsetMs === undefined ? undefined : new Date(receivedMs + updatedOffsetMs).toISOString();
  return { id, receivedAt: new Date(receivedMs).toISOString(), ...(updatedAt ? { updatedAt } : {}), ...rest };
}

const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const loneSurrogate = fc.constantFrom('\ud83d', '\udc00', 'a\ud800b', '投诉\udfff');
/** one way to break a valid case, and the field its refusal must name */
const breakage = fc.oneof(
  fc.record({
    field: fc.constantFrom('line', 'kind', 'channel', 'category', 'issueType', 'status', 'regionCode', 'receivedAt'),
    value: notAString,
  }),
  fc.record({
    field: fc.constantFrom('line', 'kind', 'status'),
    value: fc.string({ minLength: 1, maxLength: 8 }).map((s) => `x-${s}`),
  }),
  fc.record({ field: fc.constantFrom('summary', 'brand'), value: loneSurrogate }),
  fc.record({
    field: fc.constant('amountYuan'),
    value: fc.oneof(fc.double({ max: -0.01, noNaN: true }), fc.constant(1e13), fc.string()),
  }),
  fc.record({
    field: fc.constant('receivedAt'),
    value: fc.constantFrom(new Date(nowMs + 2 * HOUR_MS).toISOString(), '2026-02-30T00:00:00Z', 'now'),
  }),
  fc.record({ field: fc.constant('urgent'), value: fc.constantFrom('yes', 1, null) }),
  fc.record({
    field: fc.stringMatching(/^[a-z0-9]{1,12}$/).map((s) => `extra_${s}`),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({ field: fc.constantFrom('line', 'status', 'regionCode'), value: fc.constant(undefined) }),
);

type Item =
  | { kind: 'valid'; draft: Draft }
  | { kind: 'broken'; draft: Draft; field: string; value: unknown }
  | { kind: 'junk'; value: unknown };
const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 5, arbitrary: validCase.map((draft) => ({ kind: 'valid' as const, draft: draft as Draft })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(validCase, breakage)
      .map(([draft, b]) => ({ kind: 'broken' as const, draft: draft as Draft, ...b })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }))
      .map((value) => ({ kind: 'junk' as const, value })),
  },
);

let run = 0;
const validIds: string[] = [];
const refusedIds: string[] = [];

describe('ingest fuzzer', () => {
  it('never answers 500; valid neighbours land; every refusal names its field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('array', 'pretty', 'ndjson'),
        async (items, form) => {
          run += 1;
          const body = items.map((it, i) => {
            const id = `FZ-${run}-${i}`;
            if (it.kind === 'junk') return it.value;
            const c = toCase(id, it.draft);
            if (it.kind === 'broken') {
              if (it.value === undefined) delete c[it.field];
              else c[it.field] = it.value;
              refusedIds.push(id);
            }
            return c;
          });
          const text =
            form === 'ndjson'
              ? body.map((b) => JSON.stringify(b)).join('\n')
              : JSON.stringify(body, null, form === 'pretty' ? 2 : 0);
          const response = await fetch(`${ts.baseUrl}/api/v1/cases`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${ts.token('ingest')}`,
              'content-type': form === 'ndjson' ? 'application/x-ndjson' : 'application/json',
            },
            body: text,
          });
          const reply = (await response.json()) as { accepted: number; rejected: RejectedCase[] };
          const valid = items.flatMap((it, i) => (it.kind === 'valid' ? [i] : []));
          expect(response.status).toBe(valid.length > 0 ? 200 : 422);
          expect(reply.accepted).toBe(valid.length);
          expect(reply.rejected.map((r) => r.index)).toEqual(
            items.flatMap((it, i) => (it.kind === 'valid' ? [] : [i])),
          );
          for (const rejected of reply.rejected) {
            const it = items[rejected.index];
            expect(rejected.errors.length).toBeGreaterThan(0);
            // "field: reason", the field named (a junk item is refused as a whole: "(case)")
            for (const error of rejected.errors) expect(error).toMatch(/^[^:\s][^:]*: \S/);
            if (it.kind === 'broken') {
              // a receivedAt after updatedAt is a conflict of the two: named on updatedAt
              const fields =
                it.field === 'receivedAt' && it.draft.updatedOffsetMs !== undefined
                  ? ['receivedAt', 'updatedAt']
                  : [it.field];
              const names = (e: string) => e.split(':')[0].split(/, | and /);
              const named = rejected.errors.some((e) =>
                names(e).some((name) => fields.some((f) => name === f || name.startsWith(`${f}.`))),
              );
              expect(named, `${JSON.stringify(rejected.errors)} names ${it.field}`).toBe(true);
            }
          }
          validIds.push(...valid.map((i) => `FZ-${run}-${i}`));
        },
      ),
      { numRuns: 50, seed: 12315 },
    );
    expect(validIds.length).toBeGreaterThan(100);
    expect(refusedIds.length).toBeGreaterThan(50);

    const [row] = await ts.server.clickhouse.query<{ rows: string; valid: string; refused: string }>(
      'test',
      `SELECT count() AS rows, countIf(has({valid:Array(String)}, id)) AS valid, countIf(has({refused:Array(String)}, id)) AS refused
       FROM case_versions WHERE startsWith(id, 'FZ-')`,
      { valid: validIds, refused: refusedIds },
    );
    expect({ rows: Number(row.rows), valid: Number(row.valid), refused: Number(row.refused) }).toEqual({
      rows: validIds.length,
      valid: validIds.length,
      refused: 0,
    });
    expect((await fetch(`${ts.baseUrl}/healthz`)).status).toBe(200);
  }, 600_000); // fifty requests against the embedded engine: minutes on a loaded machine
});
