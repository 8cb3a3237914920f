import { describe, expect, it } from 'vitest';
import type { RegionRow } from '@shared/wall-events';
import { choroplethScale, valueAtRatio } from './choropleth';

const row = (code: string, today: number, per100k: number | null = null): RegionRow => ({
  code,
  name: code,
  today,
  lastHour: 0,
  todayPer100k: per100k,
  open: 0,
  overdue: 0,
  dueSoon: 0,
});

describe('choropleth scale', () => {
  it('maps values to 0..1 on a square-root scale', () => {
    const scale = choroplethScale([row('a', 100), row('b', 25), row('c', 0)], 'today');
    expect(scale.max).toBe(100);
    expect(scale.ratios.get('a')).toBe(1);
    expect(scale.ratios.get('b')).toBe(0.5);
    expect(scale.ratios.get('c')).toBe(0);
    expect(valueAtRatio(0.5, 100)).toBe(25);
  });

  it('keeps unknown values unknown and survives an all-zero scope', () => {
    const scale = choroplethScale([row('a', 0, null), row('b', 0, 3)], 'per100k');
    expect(scale.ratios.get('a')).toBeNull();
    expect(scale.ratios.get('b')).toBe(1);
    expect(choroplethScale([row('a', 0)], 'today').ratios.get('a')).toBe(0);
  });
});
