import { describe, expect, it } from 'vitest';
import type { VolumeSeries } from '@shared/wall-events';
import { volumeTail } from './panel-delta';
import { UpdateRing } from './update-ring';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const series = (startMin: number, current: number[], baseline = current.map(() => 0)): VolumeSeries => ({
  start: new Date(T0 + startMin * 60_000).toISOString(),
  stepMs: 60_000,
  current,
  baseline,
});

describe('volumeTail', () => {
  it('is undefined when nothing changed', () => {
    expect(volumeTail(series(0, [1, 2, 3]), series(0, [1, 2, 3]))).toBeUndefined();
  });

  it('carries the minutes from the first change on', () => {
    expect(volumeTail(series(0, [1, 2, 3]), series(0, [1, 2, 4]))).toEqual(series(2, [4], [0]));
    expect(volumeTail(series(0, [1, 2, 3]), series(0, [1, 2, 3], [0, 5, 0]))).toEqual(series(1, [2, 3], [5, 0]));
  });

  it('compares minute for minute when the window moved on', () => {
    // the window slid by one minute; minute 3 is new
    expect(volumeTail(series(0, [1, 2, 3]), series(1, [2, 3, 0]))).toEqual(series(3, [0], [0]));
    // a late case changed minute 2 as well
    expect(volumeTail(series(0, [1, 2, 3]), series(1, [2, 4, 0]))).toEqual(series(2, [4, 0], [0, 0]));
  });

  it('sends the whole series when it cannot be aligned', () => {
    const backwards = series(-1, [0, 1, 2]);
    expect(volumeTail(series(0, [1, 2, 3]), backwards)).toBe(backwards);
    const otherStep = { ...series(0, [1, 2, 3]), stepMs: 30_000 };
    expect(volumeTail(series(0, [1, 2, 3]), otherStep)).toBe(otherStep);
  });
});

describe('UpdateRing', () => {
  const entry = (seq: number) => ({ event: 'wall:update' as const, payload: { seq } as never });
  const ring = new UpdateRing(3);
  for (const seq of [10, 11, 12, 13]) ring.push(entry(seq));

  it('returns what a wall missed while the ring still holds all of it', () => {
    expect(ring.after(13, 13)).toEqual([]);
    expect(ring.after(11, 13)?.map((e) => (e.payload as { seq: number }).seq)).toEqual([12, 13]);
    expect(ring.after(10, 13)?.map((e) => (e.payload as { seq: number }).seq)).toEqual([11, 12, 13]);
  });

  it('says no when the wall is too far behind or ahead', () => {
    expect(ring.after(9, 13)).toBeUndefined();
    expect(ring.after(14, 13)).toBeUndefined();
  });
});
