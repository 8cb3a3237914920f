// Slow sustained rises that no single window's tail catches: a negative-binomial CUSUM
// (server/alerts/stats/cusum.ts, shift 1.5) on the daily counts of the last 14 whole days of each
// city and province x category, each day against the mean of the same weekday in weeks 2-9 before
// it (the latest week a guard band, as the hourly baseline).
// Threshold from the budget: a Page CUSUM of log-likelihood ratios has an in-control run length of
// at least e^h steps (Wald's bound), so h = ln(1 / alpha) gives at most alpha false alarms per test,
// and e^-S is a conservative p-value of the statistic S.
// Calendar: special days (holidays, 14-16 March) are left out of baselines; as evaluated days,
// 14-16 March scale the expectation and other holidays are skipped (no evidence either way).
import type { DetectorSignal } from '@shared/alert-signals';
import type { Category } from '@shared/codes';
import { cstDayOf, isoCst } from '@shared/calendar/cst-day';
import { CST_OFFSET_MS, DAY_MS } from '@shared/time';
import { negBinomialCusum, type CusumStep } from '../stats/cusum';
import type { TrendCell } from '../../queries/alerts/trend-cells';
import type { DetectorBudget } from './budget';
import { evaluationFactor, isSpecialDay } from './calendar-effects';

export const TREND_DAYS = 14;
/** 14 judged days, each with 9 weeks before it */
export const TREND_HISTORY_DAYS = TREND_DAYS + 9 * 7;
/** cases since the rise began below which a CUSUM never alarms */
export const TREND_MIN_COUNT = 10;
const SHIFT = 1.5;

const noonOf = (day: number) => day * DAY_MS - CST_OFFSET_MS + DAY_MS / 2;

interface Step extends CusumStep {
  day: number;
}

function stepsOf(counts: Float64Array, firstDay: number): Step[] {
  const steps: Step[] = [];
  for (let i = counts.length - TREND_DAYS; i < counts.length; i += 1) {
    const day = firstDay + i;
    const factor = evaluationFactor(noonOf(day));
    if (factor === 1 && isSpecialDay(noonOf(day))) continue;
    const baseline: number[] = [];
    for (let j = 2; j <= 9; j += 1) if (!isSpecialDay(noonOf(day - 7 * j))) baseline.push(counts[i - 7 * j]);
    if (baseline.length < 4) continue;
    const mean = baseline.reduce((a, b) => a + b, 0) / baseline.length;
    if (mean <= 0) continue;
    const variance = baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / (baseline.length - 1);
    steps.push({ day, observed: counts[i], expected: mean * factor, dispersion: Math.max(1, variance / mean) });
  }
  // one dispersion for the series: eight values per day give a noisy variance, fourteen days a usable one
  const dispersion = steps.reduce((a, s) => a + s.dispersion, 0) / Math.max(1, steps.length);
  return steps.map((s) => ({ ...s, dispersion }));
}

/** Slow-rise signals at one evaluation (whole days before `endMs`'s China-time day). */
export function detectTrends(
  cells: readonly TrendCell[],
  endMs: number,
  atMs: number,
  budget: DetectorBudget,
): DetectorSignal[] {
  const threshold = Math.log(1 / budget.alpha);
  const firstDay = cstDayOf(endMs) - TREND_HISTORY_DAYS;
  const signals: DetectorSignal[] = [];
  for (const cell of cells) {
    const counts = new Float64Array(TREND_HISTORY_DAYS);
    cell.daysAgo.forEach((ago, k) => (counts[TREND_HISTORY_DAYS - ago] = Math.max(0, cell.counts[k])));
    const steps = stepsOf(counts, firstDay);
    const path = negBinomialCusum(steps, SHIFT);
    const last = path.length - 1;
    if (last < 0 || path[last] < threshold) continue;
    let start = last;
    while (start > 0 && path[start - 1] > 0) start -= 1;
    const rise = steps.slice(start);
    const observed = rise.reduce((a, s) => a + s.observed, 0);
    if (observed < TREND_MIN_COUNT) continue;
    const pValue = Math.exp(-path[last]);
    signals.push({
      kind: 'surge',
      key: `surge-trend:${cell.regionCode}:${cell.category}`,
      regionCode: cell.regionCode,
      regionCodes: [cell.regionCode],
      category: cell.category as Category,
      startedAt: isoCst(noonOf(rise[0].day) - DAY_MS / 2),
      detectedAt: isoCst(atMs),
      windowHours: rise.length * 24,
      observed,
      expected: Math.round(rise.reduce((a, s) => a + s.expected, 0) * 100) / 100,
      pValue,
      score: path[last] / Math.LN10,
      recurrenceDays: budget.recurrenceDays(pValue),
    });
  }
  return signals;
}
