// EARS C1, C2 and C3 (Hutwagner et al. 2005; R surveillance::earsC), the public-health baselines
// the detectors are measured against. Daily counts; each statistic is a z-score of day t against a
// short moving baseline, with a floor on the standard deviation for sparse series.

export interface EarsOptions {
  /** baseline length in days (EARS: 7) */
  baselineDays?: number;
  /** floor on the baseline's standard deviation, so a flat sparse baseline does not divide by 0 */
  minSigma?: number;
}

function zScore(counts: ArrayLike<number>, t: number, from: number, days: number, minSigma: number): number {
  if (from < 0) return Number.NaN;
  let sum = 0;
  for (let i = from; i < from + days; i += 1) sum += counts[i];
  const mean = sum / days;
  let squares = 0;
  for (let i = from; i < from + days; i += 1) squares += (counts[i] - mean) ** 2;
  const sigma = Math.max(minSigma, Math.sqrt(squares / (days - 1)));
  return (counts[t] - mean) / sigma;
}

/** C1: day t against days t-7..t-1. */
export function earsC1(
  counts: ArrayLike<number>,
  t: number,
  { baselineDays = 7, minSigma = 0.5 }: EarsOptions = {},
): number {
  return zScore(counts, t, t - baselineDays, baselineDays, minSigma);
}

/** C2: day t against days t-9..t-3 (a two-day guard band keeps an outbreak's start out of its own baseline). */
export function earsC2(
  counts: ArrayLike<number>,
  t: number,
  { baselineDays = 7, minSigma = 0.5 }: EarsOptions = {},
): number {
  return zScore(counts, t, t - baselineDays - 2, baselineDays, minSigma);
}

/** C3: the sum of C2's excess over 1 on days t-2..t. */
export function earsC3(counts: ArrayLike<number>, t: number, options: EarsOptions = {}): number {
  let sum = 0;
  for (let i = 0; i < 3; i += 1) {
    const c2 = earsC2(counts, t - i, options);
    if (Number.isNaN(c2)) return Number.NaN;
    sum += Math.max(0, c2 - 1);
  }
  return sum;
}

/** Classic CDC thresholds: C1 and C2 alarm above 3, C3 above 2. */
export const EARS_THRESHOLDS = { c1: 3, c2: 3, c3: 2 } as const;
