// The surge score of one series at one hour: the last 1, 3 and 24 hours each against their
// hour-of-week baseline, scored by the negative-binomial upper tail. The smallest tail probability
// wins, multiplied by the number of windows tried (Bonferroni), so trying three windows does not
// triple the false alerts.
import { hourOfWeekExpected, pooledDispersion, type HourOfWeekOptions } from './hour-of-week';
import { negBinomialUpperTail } from './tails';

export const SURGE_WINDOWS_HOURS = [1, 3, 24] as const;

export interface SurgeScore {
  windowHours: number;
  observed: number;
  expected: number;
  /** variance / mean of the window's count, at least 1 */
  dispersion: number;
  /** tail probability of the observed count, corrected for the windows tried */
  pValue: number;
}

export interface SurgeOptions extends HourOfWeekOptions {
  windowsHours?: readonly number[];
  /** fewer cases than this in a window never alarm, however improbable (one odd case is not a surge) */
  minCount?: number;
  /**
   * Replaces a window's hour-of-week expectation (calendar factors, a sparse series borrowing
   * its parent region's shape); by default the series' own.
   */
  adjustExpected?: (windowHours: number, expected: number) => number;
}

export function surgeScore(sums: Float64Array, end: number, options: SurgeOptions = {}): SurgeScore | undefined {
  const { windowsHours = SURGE_WINDOWS_HOURS, minCount = 3, adjustExpected } = options;
  let best: SurgeScore | undefined;
  for (const windowHours of windowsHours) {
    const window = hourOfWeekExpected(sums, end, windowHours, options);
    if (!window) continue;
    const { observed } = window;
    const expected = adjustExpected ? adjustExpected(windowHours, window.expected) : window.expected;
    let dispersion = 1;
    let pValue = 1;
    // at or below its mean, or below the minimum count, a window is no surge: skip the tail
    if (observed >= minCount && observed > expected) {
      dispersion = pooledDispersion(sums, end, windowHours, options);
      pValue = Math.min(1, negBinomialUpperTail(observed, expected, dispersion) * windowsHours.length);
    }
    if (!best || pValue < best.pValue) best = { windowHours, observed, expected, dispersion, pValue };
  }
  return best;
}
