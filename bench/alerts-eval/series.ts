// Labelled evaluation series after Noufaily et al. (2013, 2019): a negative-binomial daily count
// with trend, yearly and weekly seasonality (their signal parameters), spread over the hours of each
// day by the wall's own daily cycle, and one outbreak per series of total size Poisson(k x the
// baseline standard deviation at its start), its cases spread over days by lognormal(0, 0.5) draws.
// Every series has an outbreak-free twin (the same draws without the outbreak) for false alerts.
import { HOURLY_PROFILE } from '@simulator/intensity';
import { Rng } from '@simulator/random';

/** One of Noufaily's simulated signals: mean exp(alpha + beta t + yearly and weekly harmonics), variance phi x mean. */
export interface SignalSpec {
  id: number;
  yearlyHarmonics: number;
  weeklyHarmonics: number;
  alpha: number;
  beta: number;
  gamma1: number;
  gamma2: number;
  gamma3: number;
  gamma4: number;
  phi: number;
  shift: number;
}

const signal = (
  id: number,
  k: number,
  k2: number,
  alpha: number,
  beta: number,
  g1: number,
  g2: number,
  g3: number,
  g4: number,
  phi: number,
  shift: number,
): SignalSpec => ({
  id,
  yearlyHarmonics: k,
  weeklyHarmonics: k2,
  alpha,
  beta,
  gamma1: g1,
  gamma2: g2,
  gamma3: g3,
  gamma4: g4,
  phi,
  shift,
});

/** Noufaily 2019's daily signals (parameters from the public replication code). */
export const SIGNALS: readonly SignalSpec[] = [
  signal(1, 1, 2, 6, 0, 0.2, 0.2, 0.5, 0.4, 2, 29),
  signal(2, 1, 2, 0.5, 0, 1.5, 1.4, 0.5, 0.4, 1, -167),
  signal(3, 0, 2, 5.5, 0, 0, 0, 0.3, 0.25, 1, 1),
  signal(4, 0, 2, 2, 0, 0, 0, 0.3, 0.25, 1, 1),
  signal(13, 1, 2, 2, 0.0005, 0.8, 0.8, 0.8, 0.4, 4, 57),
  signal(14, 4, 1, 0.05, 0, 0.01, 0.01, 1.8, 0.1, 1, -85),
  signal(15, 1, 2, 3, 0, 0.8, 0.6, 0.8, 0.4, 4, 29),
  signal(16, 0, 2, 6, 0, 0, 0, 0.8, 0.4, 4, 1),
];

export const DAYS_PER_YEAR = 364;

export function dailyMean(spec: SignalSpec, day: number): number {
  const t = day + spec.shift;
  let log = spec.alpha + spec.beta * t;
  for (let j = 1; j <= spec.yearlyHarmonics; j += 1) {
    log +=
      spec.gamma1 * Math.cos((2 * Math.PI * j * t) / DAYS_PER_YEAR) +
      spec.gamma2 * Math.sin((2 * Math.PI * j * t) / DAYS_PER_YEAR);
  }
  for (let l = 1; l <= spec.weeklyHarmonics; l += 1) {
    log += spec.gamma3 * Math.cos((2 * Math.PI * l * t) / 7) + spec.gamma4 * Math.sin((2 * Math.PI * l * t) / 7);
  }
  return Math.exp(log);
}

const PROFILE_TOTAL = HOURLY_PROFILE.reduce((a, b) => a + b, 0);
const HOUR_SHARES = HOURLY_PROFILE.map((v) => v / PROFILE_TOTAL);

/** Marsaglia-Tsang gamma draw with mean shape x scale. */
export function gamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    if (Math.log(rng.next()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

export function poisson(rng: Rng, mean: number): number {
  // Knuth's method is exact but slow past ~30: split large means into pieces
  let count = 0;
  let left = mean;
  while (left > 30) {
    count += rng.poisson(30);
    left -= 30;
  }
  return count + rng.poisson(left);
}

export interface Outbreak {
  /** the hour of the first outbreak case */
  startHour: number;
  /** the hour of the last one */
  endHour: number;
  size: number;
  /** outbreak cases per hour, sparse */
  cases: Map<number, number>;
}

export interface LabelledSeries {
  signal: number;
  k: number;
  /** hourly counts with the outbreak */
  counts: Int32Array;
  /** the same hourly counts without it */
  clean: Int32Array;
  outbreak: Outbreak;
}

/**
 * `days` days of hourly counts; the outbreak starts on a day drawn uniformly from the last
 * `outbreakWindowDays` (Noufaily: the last 49 weeks).
 */
export function labelledSeries(
  spec: SignalSpec,
  k: number,
  seed: number,
  days: number,
  outbreakWindowDays: number,
  /** 1: Noufaily's outbreaks; n: n times as long and as large (the same cases a day), epidemics like Watkins's */
  durationScale = 1,
): LabelledSeries {
  const rng = new Rng(seed);
  const clean = new Int32Array(days * 24);
  for (let day = 0; day < days; day += 1) {
    const mean = dailyMean(spec, day);
    // the day's intensity is gamma-distributed so that the daily count has variance phi x mean
    const intensity = spec.phi > 1 ? gamma(rng, mean / (spec.phi - 1), spec.phi - 1) : mean;
    for (let h = 0; h < 24; h += 1) clean[day * 24 + h] = poisson(rng, intensity * HOUR_SHARES[h]);
  }
  const startDay = days - 1 - rng.int(outbreakWindowDays);
  const baselineSd = Math.sqrt(spec.phi * dailyMean(spec, startDay));
  let size = 0;
  while (size < 2) size = poisson(rng, k * baselineSd * durationScale);
  const cases = new Map<number, number>();
  for (let i = 0; i < size; i += 1) {
    // a case spread past the end of the series is reported on its last day
    const day = Math.min(days - 1, startDay + Math.floor(durationScale * Math.exp(0.5 * rng.normal())));
    const hour = day * 24 + pickHour(rng);
    cases.set(hour, (cases.get(hour) ?? 0) + 1);
  }
  const hours = [...cases.keys()];
  const counts = Int32Array.from(clean);
  for (const [hour, n] of cases) counts[hour] += n;
  return {
    signal: spec.id,
    k,
    counts,
    clean,
    outbreak: { startHour: Math.min(...hours), endHour: Math.max(...hours), size, cases },
  };
}

/** Reports of outbreak cases follow the same daily rhythm as everything else. */
function pickHour(rng: Rng): number {
  let u = rng.next();
  for (let h = 0; h < 24; h += 1) {
    u -= HOUR_SHARES[h];
    if (u < 0) return h;
  }
  return 23;
}
