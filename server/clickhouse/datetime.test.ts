import { describe, expect, it } from 'vitest';
import { fromDateTime, toDateTime, toDateTime64 } from './datetime';

// the reference: what Date#toISOString says, in ClickHouse's layout
const iso64 = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');

describe('ClickHouse DateTime text', () => {
  it('matches toISOString for the epoch, day and month edges, leap days and before 1970', () => {
    const edges = [
      0,
      1,
      999,
      1000,
      59_999,
      86_399_999,
      86_400_000,
      -1,
      -86_400_001,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2026, 11, 31, 16, 0, 0, 5),
      Date.UTC(2099, 0, 1, 0, 0, 0, 50),
    ];
    for (const ms of edges) {
      expect(toDateTime64(ms)).toBe(iso64(ms));
      expect(toDateTime(ms)).toBe(iso(ms));
    }
  });

  it('matches toISOString for a million pseudo-random times over two centuries', () => {
    let seed = 12315;
    for (let i = 0; i < 1_000_000; i += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const ms = Math.floor((seed / 2 ** 31) * 6e12) - 1e12;
      if (toDateTime64(ms) !== iso64(ms) || toDateTime(ms) !== iso(ms)) {
        throw new Error(`${ms}: ${toDateTime64(ms)} / ${toDateTime(ms)} against ${iso64(ms)} / ${iso(ms)}`);
      }
    }
  });

  it('reads back what it writes', () => {
    const ms = Date.UTC(2026, 2, 15, 1, 2, 3, 45);
    expect(fromDateTime(toDateTime64(ms))).toBe(ms);
    expect(fromDateTime(toDateTime(ms))).toBe(ms - 45);
  });
});
