// Shared chart styling in design px, multiplied by the canvas unit so charts match the CSS around them.
import { WALL } from '@client/theme/palette';

export function axisText(unit: number) {
  return { color: WALL.textDim, fontSize: 14 * unit, fontFamily: 'Noto Sans SC, sans-serif' };
}

export function splitLine(unit: number) {
  return { lineStyle: { color: WALL.grid, width: Math.max(1, unit) } };
}

/**
 * Base of every wall chart: the wall's font for all text, and no animation (a chart redrawn every
 * second must not be forever mid-animation).
 */
export const STILL = { animation: false, textStyle: { fontFamily: 'Noto Sans SC, sans-serif' } } as const;
