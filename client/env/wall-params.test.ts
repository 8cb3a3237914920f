import { describe, expect, it } from 'vitest';
import { parseTile, parseWallParams, searchWithScope } from './wall-params';

const known = (scope: string) => scope === 'national' || scope === '420100';

describe('wall URL parameters', () => {
  it('has safe defaults', () => {
    expect(parseWallParams('', known)).toEqual({
      layout: 'standard',
      tile: null,
      scope: 'national',
      director: false,
      lang: 'zh',
      measure: 'today',
      focus: null,
      chime: false,
      wall: null,
    });
  });

  it('reads layout, tile, scope, mode, lang, measure and chime', () => {
    const params = parseWallParams(
      '?layout=wide&tile=2/3&scope=420100&mode=director&lang=en&measure=overdue&chime=1&wall=room-3',
      known,
    );
    expect(params).toEqual({
      layout: 'wide',
      tile: { index: 2, count: 3 },
      scope: '420100',
      director: true,
      lang: 'en',
      measure: 'overdue',
      focus: null,
      chime: true,
      wall: 'room-3',
    });
  });

  it('reads a wall group id, and names none for an id the server would refuse', () => {
    expect(parseWallParams('?wall=meeting_room-2', known).wall).toBe('meeting_room-2');
    expect(parseWallParams('?wall=', known).wall).toBeNull();
    expect(parseWallParams('?wall=a/b', known).wall).toBeNull();
    expect(parseWallParams(`?wall=${'x'.repeat(65)}`, known).wall).toBeNull();
  });

  it('reads the focus of a director view: an incident id, or none for anything else', () => {
    const id = '0b6f3c2e-7d1a-4c44-9f0e-2f1d3a5b6c7d';
    expect(parseWallParams(`?focus=${id}&mode=director`, known).focus).toBe(id);
    expect(parseWallParams('?focus=../../etc', known).focus).toBeNull();
    expect(parseWallParams(`?focus=${'x'.repeat(65)}`, known).focus).toBeNull();
  });

  it('falls back on bad values', () => {
    const params = parseWallParams('?layout=huge&tile=4/3&scope=999999&measure=x', known);
    expect(params.layout).toBe('standard');
    expect(params.tile).toBeNull();
    expect(params.scope).toBe('national');
    expect(params.measure).toBe('today');
    expect(parseTile('0/2')).toBeNull();
    expect(parseTile('1/1')).toBeNull();
    expect(parseTile(' 3/3 ')).toEqual({ index: 3, count: 3 });
  });

  it('rewrites the scope in the search string, keeping the rest verbatim', () => {
    expect(searchWithScope('?tile=2/3&scope=420000&mode=director', '420100')).toBe(
      '?tile=2/3&mode=director&scope=420100',
    );
    expect(searchWithScope('?scope=420100', 'national')).toBe('');
  });

  it('reads what it can from a malformed URL and falls back on the rest', () => {
    expect(parseWallParams('?%=&token=abc&layout=wide&scope=420100', known)).toMatchObject({
      layout: 'wide',
      scope: '420100',
    });
    expect(parseWallParams('?scope=%E4%B8&tile=%&lang=%zz&measure=%', known)).toEqual(parseWallParams('', known));
    expect(parseWallParams('?%%%&&&==&layout', known)).toEqual(parseWallParams('', known));
    expect(searchWithScope('?%=&tile=2/3', '420100')).toBe('?%=&tile=2/3&scope=420100');
  });
});
