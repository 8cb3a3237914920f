import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arraySpans, SpanError } from './body-spans';
import type { TimeSlice } from './time-slice';

const never: TimeSlice = { due: () => false, pause: async () => undefined };
/** strings full of what a scanner can trip on: quotes, backslashes, brackets, commas */
const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', 'a', '长', ' ', '\n') });
const item = fc.oneof(
  fc.dictionary(tricky, fc.oneof(tricky, fc.integer(), fc.array(tricky, { maxLength: 3 }))),
  tricky,
  fc.integer(),
);

describe('arraySpans', () => {
  it('finds each element of any JSON array, whatever its strings hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 8 }), fc.boolean(), async (items, pretty) => {
        const body = JSON.stringify(items, null, pretty ? 2 : undefined);
        const { spans, count } = await arraySpans(body, 100, never);
        expect(count).toBe(items.length);
        expect(spans.map(([start, end]) => JSON.parse(body.slice(start, end)))).toEqual(items);
      }),
      { numRuns: 500 },
    );
  });

  it('says the input ended when a string is never closed', async () => {
    await expect(arraySpans('[{"a": "b\\"}]', 10, never)).rejects.toBeInstanceOf(SpanError);
    await expect(arraySpans('[{"a": "b\\\\"}]', 10, never)).resolves.toEqual({ spans: [[1, 13]], count: 1 });
  });
});
