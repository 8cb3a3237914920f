// Upper-tail probabilities P(X >= k) for the count models the detectors score with. Computed as
// regularised incomplete beta and gamma functions directly, never as 1 - cdf: the alert thresholds
// sit near 1e-6, where 1 - cdf has lost every significant digit.
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';

/** P(X >= k) for X ~ Poisson(mean). */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  // P(X >= k) = P(k, mean), the regularised lower incomplete gamma function
  return gammainc(mean, k, true, false);
}

/**
 * P(X >= k) for an overdispersed count with the given mean and variance = dispersion x mean
 * (the quasi-Poisson parametrisation of Farrington and Noufaily): a negative binomial of size
 * mean / (dispersion - 1); Poisson when dispersion <= 1.
 */
export function negBinomialUpperTail(k: number, mean: number, dispersion: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  if (dispersion <= 1 + 1e-9) return poissonUpperTail(k, mean);
  const size = mean / (dispersion - 1);
  const success = 1 / dispersion;
  // P(X >= k) = I_{1-p}(k, r) for failures X before the r-th success with success probability p
  return betainc(1 - success, k, size, true, false);
}

/** The smallest count whose upper tail is at most alpha: the threshold a detector alarms at. */
export function negBinomialThreshold(alpha: number, mean: number, dispersion: number): number {
  let lo = 1;
  let hi = Math.max(2, Math.ceil(mean + 10 * Math.sqrt(Math.max(1, dispersion * mean))));
  while (negBinomialUpperTail(hi, mean, dispersion) > alpha) hi *= 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (negBinomialUpperTail(mid, mean, dispersion) <= alpha) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
