import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRows, encodeValues } from './encoded-rows';

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

  it('encodes keyed rows under the first row’s keys, a missing value as null', () => {
    const encoded = encodeRows([{ a: 1, b: 'x' }, { a: 2 }]);
    expect(encoded.columns).toEqual(['a', 'b']);
    expect(encoded.body.toString('utf8')).toBe('[1,"x"]\n[2,null]\n');
  });
});
