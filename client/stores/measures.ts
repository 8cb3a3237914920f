// The measures the map and the region ranking can colour and sort by.
import type { RegionRow } from '@shared/wall-events';

export const MEASURES = ['today', 'lastHour', 'per100k', 'overdue', 'dueSoon'] as const;
export type Measure = (typeof MEASURES)[number];

/** The value of a region for a measure; null where it is unknown (per 100k without a population). */
export function measureValue(row: RegionRow, measure: Measure): number | null {
  switch (measure) {
    case 'today':
      return row.today;
    case 'lastHour':
      return row.lastHour;
    case 'per100k':
      return row.todayPer100k;
    case 'overdue':
      return row.overdue;
    case 'dueSoon':
      return row.dueSoon;
  }
}

/** Rows sorted by a measure, largest first, unknown values last, ties by code so the order is stable tick to tick. */
export function rankRegions(rows: readonly RegionRow[], measure: Measure): RegionRow[] {
  return [...rows].sort((a, b) => {
    const va = measureValue(a, measure);
    const vb = measureValue(b, measure);
    if (va === null || vb === null) return va === null ? (vb === null ? a.code.localeCompare(b.code) : 1) : -1;
    return vb - va || a.code.localeCompare(b.code);
  });
}
