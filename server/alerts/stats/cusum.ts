// A negative-binomial CUSUM for slow sustained rises that no single window's tail probability
// catches: the log-likelihood ratio of "the mean is `shift` times the expected one" against "it is
// the expected one", accumulated and reset at zero (Page's CUSUM; Höhle's glrnb with a fixed shift).

export interface CusumStep {
  observed: number;
  expected: number;
  /** variance / mean of the count; 1 for Poisson */
  dispersion: number;
}

/** The log-likelihood ratio of one count under expected x shift against expected, both NB of one size. */
export function negBinomialLogLikelihoodRatio({ observed, expected, dispersion }: CusumStep, shift: number): number {
  if (expected <= 0) return 0;
  if (dispersion <= 1 + 1e-9) return observed * Math.log(shift) - (shift - 1) * expected;
  const size = expected / (dispersion - 1);
  const shifted = shift * expected;
  return (
    observed * Math.log((shifted * (size + expected)) / (expected * (size + shifted))) +
    size * Math.log((size + expected) / (size + shifted))
  );
}

/**
 * The CUSUM path over a run of steps: S_t = max(0, S_{t-1} + LLR_t), restarted at 0 after it
 * passes `resetAt` (an alarm was raised; the next one needs fresh evidence, as in Page's scheme).
 */
export function negBinomialCusum(
  steps: readonly CusumStep[],
  shift = 1.5,
  resetAt = Number.POSITIVE_INFINITY,
): number[] {
  const path: number[] = [];
  let s = 0;
  for (const step of steps) {
    s = Math.max(0, s + negBinomialLogLikelihoodRatio(step, shift));
    path.push(s);
    if (s > resetAt) s = 0;
  }
  return path;
}
