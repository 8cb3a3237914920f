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
  /**
   * Follow the level's drift over the baseline weeks (a log-linear trend of the same day-long
   * window's weekly counts, shrunk toward none by its own uncertainty) instead of assuming the
   * level of 5 weeks ago still holds. On by default.
   */
  trend?: boolean;
}

const DEFAULTS = { weeks: 8, guardWeeks: 1, dispersionSpanHours: 2, minExpected: 0.05, trend: true };
/** the window whose weekly counts the trend is fitted to: a whole day, the band the surge query reads */
const TREND_WINDOW_HOURS = 24;
/** the trend never scales the expectation by more than this either way */
const MAX_TREND_FACTOR = 2;

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
  const { slope } = weeklyTrend(sums, end, options);
  const mean = weeklyMean(sums, end, windowHours, weeks, guardWeeks);
  // the baseline's centre is guard + (weeks + 1) / 2 weeks back: carry its level forward to now
  const factor = Math.exp(slope * (guardWeeks + (weeks + 1) / 2));
  return { observed, expected: Math.max(minExpected, mean * factor) };
}

/**
 * The level's change per week (log scale) over the baseline weeks, from the day-long window ending
 * at the same hour of each week: least squares on log(count + 0.5) against the week, weighted by
 * the counts, then shrunk by max(0, 1 - 2 se^2 / s^2): a slope within 1.4 standard errors of none
 * (a sparse or flat series) counts for nothing, a clear one almost fully; the weight is that shrinkage factor. None when the
 * trend option is off.
 */
export function weeklyTrend(
  sums: Float64Array,
  end: number,
  options: HourOfWeekOptions = {},
): { slope: number; weight: number } {
  const none = { slope: 0, weight: 0 };
  const { weeks, guardWeeks, trend } = { ...DEFAULTS, ...options };
  if (!trend || weeks < 3) return none;
  let sw = 0;
  let sx = 0;
  let sy = 0;
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (let j = guardWeeks + 1; j <= guardWeeks + weeks; j += 1) {
    const to = end - j * HOURS_PER_WEEK;
    if (to - TREND_WINDOW_HOURS < 0) return none;
    const count = sums[to] - sums[to - TREND_WINDOW_HOURS];
    // var(log(c + 0.5)) ~ 1 / (c + 0.5): weight by the count
    const w = count + 0.5;
    xs.push(-j);
    ys.push(Math.log(count + 0.5));
    ws.push(w);
    sw += w;
    sx += w * -j;
    sy += w * Math.log(count + 0.5);
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i += 1) {
    sxx += ws[i] * (xs[i] - mx) ** 2;
    sxy += ws[i] * (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx <= 0) return none;
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < xs.length; i += 1) rss += ws[i] * (ys[i] - my - slope * (xs[i] - mx)) ** 2;
  // residual scale at least the Poisson one (weights are 1 / Poisson variance)
  const scale = Math.max(1, rss / (xs.length - 2));
  const se2 = scale / sxx;
  // soft threshold at 1.4 standard errors (Farrington keeps a trend only where it is significant)
  const weight = Math.max(0, 1 - (2 * se2) / (slope * slope));
  const limit = Math.log(MAX_TREND_FACTOR) / (guardWeeks + (weeks + 1) / 2);
  return { slope: Math.max(-limit, Math.min(limit, slope * weight)), weight };
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
  // the level's drift is not dispersion: deviations are measured from the trend line
  // a slope taken at its full weight costs a degree of freedom, one shrunk to nothing none
  const { slope, weight } = weeklyTrend(sums, end, options);
  const centre = guardWeeks + (weeks + 1) / 2;
  let excess = 0;
  let dof = 0;
  for (let offset = -dispersionSpanHours; offset <= dispersionSpanHours; offset += 1) {
    const at = end + offset;
    const mean = weeklyMean(sums, at, windowHours, weeks, guardWeeks);
    if (mean <= 0) continue;
    for (let j = guardWeeks + 1; j <= guardWeeks + weeks; j += 1) {
      const to = at - j * HOURS_PER_WEEK;
      const expected = mean * Math.exp(slope * (centre - j));
      excess += (sums[to] - sums[to - windowHours] - expected) ** 2 / expected;
    }
    dof += weeks - 1 - weight;
  }
  return dof > 0 ? Math.max(1, excess / dof) : 1;
}
