import { describe, expect, it } from 'vitest';
import { LruMap } from './lru-map';

describe('LruMap', () => {
  it('forgets the least recently used entry first, counting reads as use', () => {
    const lru = new LruMap<string, number>(3);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('c', 3);
    expect(lru.get('a')).toBe(1); // b is now the oldest
    lru.set('d', 4);
    expect(lru.get('b')).toBeUndefined();
    lru.set('e', 5); // c goes next, then a (read before d and e were set)
    expect(lru.get('c')).toBeUndefined();
    expect([lru.get('a'), lru.get('d'), lru.get('e')]).toEqual([1, 4, 5]);
    expect(lru.size).toBe(3);
  });

  it('keeps exactly the newest entries over many evictions, with reads and overwrites in between', () => {
    const capacity = 1000;
    const lru = new LruMap<number, number>(capacity);
    const reference: number[] = []; // keys, least recently used first
    const touch = (key: number) => {
      const at = reference.indexOf(key);
      if (at >= 0) reference.splice(at, 1);
      reference.push(key);
      if (reference.length > capacity) reference.shift();
    };
    for (let i = 0; i < 20_000; i += 1) {
      lru.set(i, i);
      touch(i);
      const old = i - 500;
      if (i % 7 === 0 && lru.get(old) !== undefined) touch(old);
      if (i % 11 === 0) {
        lru.set(i - 3, i - 3);
        touch(i - 3);
      }
    }
    expect(lru.size).toBe(capacity);
    for (const key of reference) expect(lru.get(key)).toBe(key);
  });

  it('tells of each entry it forgets to make room, with its value, and of no other', () => {
    const evicted: Array<[string, number]> = [];
    const lru = new LruMap<string, number>(2, (key, value) => evicted.push([key, value]));
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('b', 3); // replaced, not forgotten
    expect(evicted).toEqual([]);
    lru.set('c', 4);
    lru.set('d', 5);
    expect(evicted).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
  });
});
