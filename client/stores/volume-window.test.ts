import { describe, expect, it } from 'vitest';
import type { VolumeSeries } from '@shared/wall-events';
import { MAX_VOLUME_POINTS, acceptVolume, applyVolumeTail } from './volume-window';

const MIN = 60_000;
const START = Date.parse('2026-03-15T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const series = (startMin: number, current: number[], baseline = current.map((v) => v * 10)): VolumeSeries => ({
  start: iso(START + startMin * MIN),
  stepMs: MIN,
  current,
  baseline,
});

describe('volume window', () => {
  it('replaces the minutes from tail.start onwards (the open minute is re-sent as it grows)', () => {
    const merged = applyVolumeTail(series(0, [1, 2, 3]), series(2, [7, 1]));
    expect(merged.start).toBe(iso(START));
    expect(merged.current).toEqual([1, 2, 7, 1]);
    expect(merged.baseline).toEqual([10, 20, 70, 10]);
  });

  it('shifts the 24-hour window forward and never holds more than 1440 points', () => {
    const full = series(
      0,
      Array.from({ length: MAX_VOLUME_POINTS }, (_, i) => i),
    );
    const merged = applyVolumeTail(full, series(MAX_VOLUME_POINTS - 1, [9, 8, 7]));
    expect(merged.current).toHaveLength(MAX_VOLUME_POINTS);
    expect(merged.baseline).toHaveLength(MAX_VOLUME_POINTS);
    expect(merged.start).toBe(iso(START + 2 * MIN));
    expect(merged.current.slice(0, 2)).toEqual([2, 3]);
    expect(merged.current.slice(-3)).toEqual([9, 8, 7]);
  });

  it('leaves unsent minutes as gaps (NaN), never zero', () => {
    const merged = applyVolumeTail(series(0, [1, 2]), series(4, [5]));
    expect(merged.current.slice(0, 2)).toEqual([1, 2]);
    expect(Number.isNaN(merged.current[2])).toBe(true);
    expect(Number.isNaN(merged.current[3])).toBe(true);
    expect(merged.current[4]).toBe(5);
  });

  it('takes a tail that reaches back before the window from the window start on', () => {
    const merged = applyVolumeTail(series(5, [1, 2, 3]), series(3, [0, 0, 4, 5, 6, 7]));
    expect(merged.start).toBe(iso(START + 5 * MIN));
    expect(merged.current).toEqual([4, 5, 6, 7]);
  });

  it('takes a tail with another step as the new series', () => {
    const other: VolumeSeries = { start: iso(START), stepMs: 5 * MIN, current: [1], baseline: [2] };
    expect(applyVolumeTail(series(0, [1, 2]), other)).toEqual(other);
  });

  it('caps an oversized snapshot series to its last day', () => {
    const big = series(
      0,
      Array.from({ length: 2000 }, (_, i) => i),
    );
    const capped = acceptVolume(big);
    expect(capped.current).toHaveLength(MAX_VOLUME_POINTS);
    expect(capped.current[0]).toBe(560);
    expect(capped.start).toBe(iso(START + 560 * MIN));
  });

  it('stays flat over a simulated week of ticks', () => {
    let s = series(0, [0]);
    for (let minute = 1; minute < 7 * 1440; minute += 1) s = applyVolumeTail(s, series(minute - 1, [1, 1]));
    expect(s.current).toHaveLength(MAX_VOLUME_POINTS);
    expect(s.baseline).toHaveLength(MAX_VOLUME_POINTS);
  });
});
