import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shared/time';
import { windowSources, type Span, type WindowSources } from './received-window';

const T = Date.parse('2026-11-20T00:00:00Z');
const PIECE_MS = 31 * DAY_MS;
const nonEmpty = (spans: Span[]) => spans.filter((s) => s.fromMs < s.toMs);

/** Every span of every source, sorted: together they must tile [from, to) exactly once. */
function tiles(s: WindowSources): Span[] {
  return [...s.hourPieces, ...nonEmpty(s.minutes), ...nonEmpty(s.cases)].sort((a, b) => a.fromMs - b.fromMs);
}

function expectTiling(fromMs: number, toMs: number, s: WindowSources) {
  const spans = tiles(s);
  expect(spans[0].fromMs).toBe(fromMs);
  expect(spans.at(-1)!.toMs).toBe(toMs);
  for (let i = 1; i < spans.length; i += 1) expect(spans[i].fromMs).toBe(spans[i - 1].toMs);
  for (const h of s.hourPieces)
    expect([h.fromMs % HOUR_MS, h.toMs % HOUR_MS, h.toMs - h.fromMs <= PIECE_MS]).toEqual([0, 0, true]);
  for (const m of nonEmpty(s.minutes)) expect([m.fromMs % MINUTE_MS, m.toMs % MINUTE_MS]).toEqual([0, 0]);
}

describe('windowSources', () => {
  it('reads a recent window with ragged ends from hours, whole minutes and the two ragged bits', () => {
    const from = T + 10 * HOUR_MS + 12 * MINUTE_MS + 345;
    const to = T + 15 * HOUR_MS + 40 * MINUTE_MS + 7_000;
    const s = windowSources(from, to, T - DAY_MS, PIECE_MS);
    expectTiling(from, to, s);
    expect(s.hourPieces).toEqual([{ fromMs: T + 11 * HOUR_MS, toMs: T + 15 * HOUR_MS }]);
    expect(nonEmpty(s.cases)).toEqual([
      { fromMs: from, toMs: T + 10 * HOUR_MS + 13 * MINUTE_MS },
      { fromMs: T + 15 * HOUR_MS + 40 * MINUTE_MS, toMs: to },
    ]);
  });

  it('needs no case reads when the ends fall on whole minutes', () => {
    const from = T + 10 * HOUR_MS + 12 * MINUTE_MS;
    const to = T + 10 * HOUR_MS + 50 * MINUTE_MS;
    const s = windowSources(from, to, T - DAY_MS, PIECE_MS);
    expectTiling(from, to, s);
    expect([s.hourPieces, nonEmpty(s.cases)]).toEqual([[], []]);
  });

  it('reads a year in month pieces, and partial hours older than the minute rollup from the cases', () => {
    const to = T + 5 * HOUR_MS + 30_000;
    const from = to - 365 * DAY_MS;
    const s = windowSources(from, to, T - 34 * DAY_MS, PIECE_MS);
    expectTiling(from, to, s);
    expect(s.hourPieces).toHaveLength(12);
    // a year back the minute rollup is gone: that partial hour is read from the cases; the recent
    // end holds no whole minute, so its 30 s are too
    expect(nonEmpty(s.cases)).toEqual([
      { fromMs: from, toMs: from - (from % HOUR_MS) + HOUR_MS },
      { fromMs: T + 5 * HOUR_MS, toMs: to },
    ]);
    expect(nonEmpty(s.minutes)).toEqual([]);
  });

  it('handles windows inside one minute and across one minute boundary', () => {
    for (const [from, to] of [
      [T + 1_000, T + 2_000],
      [T + 59_000, T + 61_000],
      [T + 30_000, T + 3 * MINUTE_MS + 1],
    ]) {
      const s = windowSources(from, to, T - DAY_MS, PIECE_MS);
      expectTiling(from, to, s);
      expect(s.hourPieces).toEqual([]);
    }
  });
});
