// The detectors under evaluation, each turning a series of hourly counts into scores at the hours
// they would be known: our hourly surge score and daily NB-CUSUM, and EARS C1-C3 on daily totals.
import { negBinomialCusum, type CusumStep } from '@server/alerts/stats/cusum';
import { earsC1, earsC2, earsC3 } from '@server/alerts/stats/ears';
import { cumulative } from '@server/alerts/stats/hour-of-week';
import { surgeScore } from '@server/alerts/stats/surge-score';
import { SURGE_MIN_COUNT } from '@server/alerts/detectors/surge-detector';

/** score[i] is known at hour[i] (an hour index: the end of the hour or day it covers). */
export interface ScoreTrack {
  hours: Int32Array;
  scores: Float64Array;
}

export interface EvalDetector {
  name: string;
  /** scores from hour `fromHour` on */
  score(counts: Int32Array, fromHour: number): ScoreTrack;
}

function dailyTotals(counts: Int32Array): Float64Array {
  const days = Math.floor(counts.length / 24);
  const totals = new Float64Array(days);
  for (let i = 0; i < days * 24; i += 1) totals[Math.floor(i / 24)] += counts[i];
  return totals;
}

function dailyTrack(
  counts: Int32Array,
  fromHour: number,
  statistic: (totals: Float64Array, day: number) => number,
): ScoreTrack {
  const totals = dailyTotals(counts);
  const first = Math.ceil(fromHour / 24);
  const hours = new Int32Array(totals.length - first);
  const scores = new Float64Array(totals.length - first);
  for (let day = first; day < totals.length; day += 1) {
    hours[day - first] = (day + 1) * 24;
    const value = statistic(totals, day);
    scores[day - first] = Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
  }
  return { hours, scores };
}

export const surgeDetector: EvalDetector = {
  name: 'surge (NB tail, 1/3/24 h)',
  score(counts, fromHour) {
    const sums = cumulative(counts);
    const n = counts.length - fromHour + 1;
    const hours = new Int32Array(n);
    const scores = new Float64Array(n);
    for (let end = fromHour; end <= counts.length; end += 1) {
      // the live detector's minimum count (a series alone: no parent to borrow from, no calendar)
      const score = surgeScore(sums, end, { minCount: SURGE_MIN_COUNT });
      hours[end - fromHour] = end;
      scores[end - fromHour] = score ? -Math.log10(Math.max(score.pValue, 1e-300)) : 0;
    }
    return { hours, scores };
  },
};

/** The same weekday of weeks 2..9 before: the daily analogue of the hour-of-week baseline. */
function sameWeekdayStep(totals: Float64Array, day: number): CusumStep {
  const samples: number[] = [];
  for (let j = 2; j <= 9; j += 1) if (day - 7 * j >= 0) samples.push(totals[day - 7 * j]);
  const expected = Math.max(0.05, samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length));
  const variance = samples.reduce((a, b) => a + (b - expected) ** 2, 0) / Math.max(1, samples.length - 1);
  // eight samples give a noisy variance: shrink it toward twice the mean so one calm stretch does not make every day a surprise
  const dispersion = (Math.max(1, variance / expected) * (samples.length - 1) + 2 * 4) / (samples.length - 1 + 4);
  return { observed: totals[day], expected, dispersion };
}

export const cusumDetector: EvalDetector = {
  name: 'NB-CUSUM (daily, shift 2)',
  score(counts, fromHour) {
    const totals = dailyTotals(counts);
    const first = Math.ceil(fromHour / 24);
    const warmUp = Math.max(63, first - 28);
    const steps: CusumStep[] = [];
    for (let day = warmUp; day < totals.length; day += 1) steps.push(sameWeekdayStep(totals, day));
    const path = negBinomialCusum(steps, 2, 4);
    return dailyTrack(counts, fromHour, (_, day) => path[day - warmUp]);
  },
};

export const earsDetectors: EvalDetector[] = [
  { name: 'EARS C1', score: (counts, fromHour) => dailyTrack(counts, fromHour, (t, day) => earsC1(t, day)) },
  { name: 'EARS C2', score: (counts, fromHour) => dailyTrack(counts, fromHour, (t, day) => earsC2(t, day)) },
  { name: 'EARS C3', score: (counts, fromHour) => dailyTrack(counts, fromHour, (t, day) => earsC3(t, day)) },
];
