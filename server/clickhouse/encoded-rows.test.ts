import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRows, encodeValues, encodeValuesSliced } from './encoded-rows';

describe('encodeValues', () => {
  it('writes one JSON array a line, whatever the text holds (surrogate pairs, CJK, escapes)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.integer(), fc.constant(null))), (rows) => {
        const { body, rows: count } = encodeValues(['a', 'b', 'c'], rows);
        expect(count).toBe(rows.length);
        const text = body.toString('utf8');
        expect(text).toBe(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
      }),
    );
  });

  it('grows past its first buffer', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`消费者反映${i}`.repeat(10), i]);
    const lines = encodeValues(['s', 'n'], rows).body.toString('utf8').split('\n');
    expect(lines).toHaveLength(3001);
    expect(JSON.parse(lines[2999])).toEqual(rows[2999]);
  });

  it('gives the same bytes when sliced, pausing whenever the slice is used up', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`消费者反映${i}`.repeat(5), i, null]);
    let pauses = 0;
    let calls = 0;
    const slice = { due: () => ++calls % 700 === 0, pause: async () => void (pauses += 1) };
    const sliced = await encodeValuesSliced(['s', 'n', 'x'], rows, slice);
    expect(sliced.body.equals(encodeValues(['s', 'n', 'x'], rows).body)).toBe(true);
    expect(sliced.rows).toBe(5000);
    expect(pauses).toBe(7);
  });

  it('writes a last value given as JSON text as if it had been in the row (also after an empty row)', async () => {
    const none = { due: () => false, pause: async () => undefined };
    fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer())), fc.array(fc.string()))),
        async (pairs) => {
          const rows = pairs.map(([row]) => row);
          const last = pairs.map(([, terms]) => JSON.stringify(terms));
          const whole = pairs.map(([row, terms]) => [...row, terms]);
          const encoded = await encodeValuesSliced(['a'], rows, none, last);
          expect(encoded.body.equals(encodeValues(['a'], whole).body)).toBe(true);
        },
      ),
    );
  });

  it('encodes keyed rows under the first row’s keys, a missing value as null', () => {
    const encoded = encodeRows([{ a: 1, b: 'x' }, { a: 2 }]);
    expect(encoded.columns).toEqual(['a', 'b']);
    expect(encoded.body.toString('utf8')).toBe('[1,"x"]\n[2,null]\n');
  });
});
