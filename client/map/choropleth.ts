// Choropleth scale: a square-root scale from 0 to the largest value, so that one big province does
// not paint every other region the same dark colour. The map gets ratios 0..1 as feature state; the
// colour ramp itself is fixed in the style and never rebuilt.
import type { RegionRow } from '@shared/wall-events';
import { measureValue, type Measure } from '@client/stores/measures';

export interface ChoroplethScale {
  /** per region code: position on the colour ramp, or null when the value is unknown */
  ratios: Map<string, number | null>;
  /** the value at the top of the ramp */
  max: number;
}

export function choroplethScale(rows: readonly RegionRow[], measure: Measure): ChoroplethScale {
  const values = rows.map((row) => [row.code, measureValue(row, measure)] as const);
  const max = Math.max(0, ...values.map(([, v]) => v ?? 0));
  const ratios = new Map<string, number | null>();
  for (const [code, value] of values) ratios.set(code, value === null ? null : max > 0 ? Math.sqrt(value / max) : 0);
  return { ratios, max };
}

/** The value shown at a ramp position in the legend (inverse of the square root). */
export function valueAtRatio(ratio: number, max: number): number {
  return ratio * ratio * max;
}
