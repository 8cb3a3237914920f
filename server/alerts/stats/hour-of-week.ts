// The expected count of a window of hours from the same hours of earlier weeks: the wall's intake
// has a strong daily and weekly rhythm, so the baseline of "the last three hours" is the same three
// hours of the same weekday in the weeks before. The latest week is a guard band (an outbreak that
// began days ago must not raise its own baseline); dispersion is pooled over neighbouring hours.
export const HOURS_PER_WEEK = 168;

export interface HourOfWeekOptions {
  /** weeks in the baseline (about 8) */
  weeks?: number;
  /** latest weeks left out of the baseline */
  guardWeeks?: number;
  /** hours either side of the same hour-of-week whose windows also inform the dispersion */
  dispersionSpanHours?: number;
  /** the smallest expected count believed: a window never seen busy is not expected to be empty */
  minExpected?: number;
}

const DEFAULTS = { weeks: 8, guardWeeks: 1, dispersionSpanHours: 2, minExpected: 0.05 };

/** Running totals so that any window's sum is one subtraction. */
export function cumulative(counts: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(counts.length + 1);
  for (let i = 0; i < counts.length; i += 1) sums[i + 1] = sums[i] + counts[i];
  return sums;
}

/** Hours of history a window needs before it can be scored. */
export function historyNeededHours(windowHours: number, options: HourOfWeekOptions = {}): number {
  const { weeks, guardWeeks, dispersionSpanHours } = { ...DEFAULTS, ...options };
  return (weeks + guardWeeks) * HOURS_PER_WEEK + windowHours + dispersionSpanHours;
}

/** The window's observed count and its hour-of-week mean; undefined when the history is too short. */
export function hourOfWeekExpected(
  sums: Float64Array,
  end: number,
  windowHours: number,
  options: HourOfWeekOptions = {},
) {
  const { weeks, guardWeeks, minExpected } = { ...DEFAULTS, ...options };
  if (end - historyNeededHours(windowHours, options) < 0 || end > sums.length - 1) return undefined;
  const observed = sums[end] - sums[end - windowHours];
  return { observed, expected: Math.max(minExpected, weeklyMean(sums, end, windowHours, weeks, guardWeeks)) };
}

function weeklyMean(sums: Float64Array, end: number, windowHours: number, weeks: number, guardWeeks: number): number {
  let total = 0;
  for (let j = guardWeeks + 1; j <= guardWeeks + weeks; j += 1) {
    const to = end - j * HOURS_PER_WEEK;
    total += sums[to] - sums[to - windowHours];
  }
  return total / weeks;
}

/**
 * Variance over mean of the window's weekly counts, pooled over the same window shifted by up to
 * dispersionSpanHours either way (earlier weeks only: a shift past `end` still reads history).
 * Eight weeks alone give a noisy variance; forty windows give a usable one. At least 1.
 */
export function pooledDispersion(
  sums: Float64Array,
  end: number,
  windowHours: number,
  options: HourOfWeekOptions = {},
): number {
  const { weeks, guardWeeks, dispersionSpanHours } = { ...DEFAULTS, ...options };
  let excess = 0;
  let dof = 0;
  for (let offset = -dispersionSpanHours; offset <= dispersionSpanHours; offset += 1) {
    const at = end + offset;
    const mean = weeklyMean(sums, at, windowHours, weeks, guardWeeks);
    if (mean <= 0) continue;
    for (let j = guardWeeks + 1; j <= guardWeeks + weeks; j += 1) {
      const to = at - j * HOURS_PER_WEEK;
      excess += (sums[to] - sums[to - windowHours] - mean) ** 2 / mean;
    }
    dof += weeks - 1;
  }
  return dof > 0 ? Math.max(1, excess / dof) : 1;
}
