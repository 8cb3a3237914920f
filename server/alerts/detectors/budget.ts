// One national false-alert budget, the single tuning knob: ALERT_BUDGET_PER_DAY chance alerts a day
// across the whole country and every detector. Each detector gets an equal share of it and spreads
// that share over the tests it makes in a day, so its p-value threshold is
//   alpha = budgetPerDay / (detectors x testsPerDay)
// (Bonferroni over detectors and series: conservative, since tests of one series an hour apart are
// correlated). A detector's recurrence interval of a finding is 1 / (p x testsPerDay) days: the
// wait for a chance finding as extreme at its test rate (SaTScan's measure); it fires when that
// interval is at least detectors / budgetPerDay days.
import { CATEGORY_CODES } from '@shared/codes';
import { allRegions } from '@shared/regions';

export const DEFAULT_ALERT_BUDGET_PER_DAY = 2;
/** surge (hour-of-week tail), surge CUSUM, merchant/brand, cluster, term */
export const DETECTOR_COUNT = 5;

export function alertBudgetPerDay(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ALERT_BUDGET_PER_DAY;
  if (raw === undefined || raw === '') return DEFAULT_ALERT_BUDGET_PER_DAY;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`ALERT_BUDGET_PER_DAY must be a positive number of alerts a day, got "${raw}"`);
  return value;
}

export interface DetectorBudget {
  /** p-value at or below which the detector fires */
  alpha: number;
  testsPerDay: number;
  /** recurrence interval in days of a finding with this p-value */
  recurrenceDays(pValue: number): number;
}

/** The figures every signal carries about its own surprise. */
export function surprise(pValue: number, budget: DetectorBudget) {
  return {
    pValue,
    score: -Math.log10(Math.max(pValue, 1e-300)),
    recurrenceDays: budget.recurrenceDays(pValue),
  };
}

export function detectorBudget(budgetPerDay: number, testsPerDay: number): DetectorBudget {
  const alpha = budgetPerDay / (DETECTOR_COUNT * testsPerDay);
  return {
    alpha,
    testsPerDay,
    recurrenceDays: (pValue) => 1 / (Math.max(pValue, 1e-300) * testsPerDay),
  };
}

const regionCount = (level: 'county' | 'city' | 'province') => allRegions().filter((r) => r.level === level).length;

/** Region x category series the surge detector watches nationally, at every level. */
export function surgeSeriesCount(): number {
  return (regionCount('county') + regionCount('city') + regionCount('province')) * CATEGORY_CODES.length;
}

/** Hourly surge tests: every series once an hour (its 1/3/24-hour windows are already Bonferroni-corrected). */
export const surgeTestsPerDay = () => surgeSeriesCount() * 24;
/** Daily CUSUM tests on city and province series. */
export const cusumTestsPerDay = () => (regionCount('city') + regionCount('province')) * CATEGORY_CODES.length;
/** The scan's one statistic per category, re-judged hourly as its 24-hour blocks slide. */
export const clusterTestsPerDay = () => CATEGORY_CODES.length * 24;
