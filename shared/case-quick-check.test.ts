// The quick check never says yes where the schema says no, nor with other data: it is held to
// caseInputSchema on valid cases, each field of them replaced by awkward values, and extra keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchCases } from '../bench/bench-cases';
import { isPlainlyValidCase } from './case-quick-check';
import { caseInputSchema, type CaseInput } from './case-schema';

const NOW = Date.parse('2026-03-15T12:00:00+08:00');
const valid: CaseInput[] = [
  ...benchCases(50, 'Q', NOW),
  {
    id: 'Q_full-1',
    receivedAt: '2026-03-15T09:30:00+08:00',
    updatedAt: '2026-03-16T09:30:00.250+08:00',
    acceptedAt: '2026-03-15T10:00:00Z',
    extendedDays: 15,
    line: 'consumer',
    kind: 'report',
    channel: 'web',
    regionCode: '420102',
    category: 'food',
    issueType: 'quality',
    status: 'accepted',
    urgent: true,
    merchant: { id: 'm-1', name: '某某餐饮店' },
    brand: '某牌',
    amountYuan: 0,
    recoveredYuan: 12.5,
    location: { lon: 114.3, lat: 30.6 },
    summary: '',
  },
];

/** Values a sender may put anywhere: right and wrong types, edges of every limit, broken text and times. */
const awkward = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    0,
    -0,
    -1,
    15,
    30,
    1e12,
    1e12 + 1,
    73,
    136,
    3,
    54,
    72.99,
    '',
    'x',
    '420102',
    '999999',
    '42010',
    'food',
    'report',
    'complaint',
    'consumer',
    'received',
    '2026-03-15T09:30:00+08:00',
    '2026-03-14T09:30:00+08:00',
    '2026-03-15T09:30:00',
    '2026-02-30T09:30:00Z',
    '2026-03-15T24:00:00Z',
    '坏\ud83d',
    '\udc00x',
    'a'.repeat(64),
    'a'.repeat(65),
    '名'.repeat(200),
    '名'.repeat(201),
    [],
    {},
    { name: '店' },
    { name: '' },
    { id: '', name: '店' },
    { name: '店', extra: 1 },
    { lon: 114, lat: 30 },
    { lon: 200, lat: 30 },
    { lon: 114 },
  ),
  fc.string(),
  fc.double(),
  fc.integer(),
);

const mutated = fc
  .tuple(
    fc.constantFrom(...valid),
    fc.array(
      fc.tuple(fc.constantFrom(...Object.keys(valid.at(-1)!), 'unknown', '__proto__', 'constructor', 'name'), awkward),
      { minLength: 0, maxLength: 3 },
    ),
  )
  .map(([base, changes]) => {
    const item: Record<string, unknown> = JSON.parse(JSON.stringify(base));
    for (const [key, value] of changes) {
      if (value === undefined) delete item[key];
      else Object.defineProperty(item, key, { value, enumerable: true, writable: true, configurable: true });
    }
    // what the ingest sees: a JSON body parsed
    return JSON.parse(JSON.stringify(item)) as unknown;
  });

describe('isPlainlyValidCase', () => {
  it('says yes to valid cases (the common case, so the hot path is taken)', () => {
    for (const item of valid) {
      expect(caseInputSchema.safeParse(item).success).toBe(true);
      expect(isPlainlyValidCase(JSON.parse(JSON.stringify(item)))).toBe(true);
    }
  });

  it('says yes only where the schema accepts the same data', () => {
    fc.assert(
      fc.property(mutated, (item) => {
        if (!isPlainlyValidCase(item)) return;
        const parsed = caseInputSchema.safeParse(item);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(item);
      }),
      { numRuns: 20_000 },
    );
  });

  it('says no to what the schema refuses among the mutations (most of them are caught here)', () => {
    let refused = 0;
    let caught = 0;
    fc.assert(
      fc.property(mutated, (item) => {
        if (caseInputSchema.safeParse(item).success) return;
        refused += 1;
        if (!isPlainlyValidCase(item)) caught += 1;
      }),
      { numRuns: 2_000 },
    );
    expect(refused).toBeGreaterThan(500);
    expect(caught).toBe(refused);
  });
});
