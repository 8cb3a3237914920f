// Emerging terms: a word of the complaint summaries whose share of cases over the last 24 hours is
// far above its share over the 28 days before, nationally or in one province (term_hour, fed at
// ingest by the word segmentation: server/ingest/summary-terms.ts). Shares, not counts: a busy day
// (15 March, a Monday) raises every term alike and none of them stands out.
//
// Model: with b of the scope's B baseline cases carrying the term, today's N cases are expected to
// carry N (b + ½) / B. The half case is a prior: a term never seen in 28 days is expected at half a
// baseline case's share, not zero, so a new term is scored, not divided by. The count today is scored
// by a negative-binomial upper tail whose variance (dispersion x mean) adds the day-to-day spread of
// words in complaints (TERM_DISPERSION; one caller's story retold by neighbours) to the uncertainty
// of the baseline share itself (N / B). Every term with enough cases today in every scope is one
// test; the smallest tails, multiplied by the number of tests (Bonferroni), fire when at or below
// the detector's share of the national false-alert budget (alerts a day).
import type { Category } from '@shared/codes';
import type { DetectorSignal } from '@shared/alert-signals';
import type { ClickHouse } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import { systemClock, type Clock } from '../../clock';
import type { Job } from '../../jobs/scheduler';
import { termShares, type ScopeTermCounts, type TermCount } from '../../queries/terms/term-shares';
import { negBinomialUpperTail } from '../stats/tails';

export interface TermDetectorOptions {
  /** the detector's share of the national false-alert budget, alerts a day */
  falseSignalsPerDay: number;
  /** a term with fewer cases in the last 24 hours never fires */
  minCases: number;
  /** nor one below this multiple of its expected count: at 50,000 cases a day a 10% rise is "significant" */
  minRatio: number;
  /** variance / mean of a term's daily count beyond the Poisson's */
  dispersion: number;
  /** baseline cases a term is credited with before any is seen */
  priorCases: number;
}

export const TERM_DETECTOR_DEFAULTS: TermDetectorOptions = {
  falseSignalsPerDay: 0.25,
  minCases: 5,
  minRatio: 2,
  dispersion: 1.5,
  priorCases: 0.5,
};

export const TERM_WINDOW_HOURS = 24;
export const TERM_BASELINE_DAYS = 28;

interface Scored {
  scope: string;
  count: TermCount;
  expected: number;
  tail: number;
  dominantCategory?: string;
}

/** A category that holds at least half of the term's cases today names the signal. */
function dominantCategory(byCategory: Record<string, number>, total: number): string | undefined {
  const [best] = Object.entries(byCategory).sort((a, b) => b[1] - a[1]);
  return best && best[1] * 2 >= total ? best[0] : undefined;
}

function provincesByCount(byProvince: Record<string, number>): string[] {
  return Object.entries(byProvince)
    .filter(([, cases]) => cases > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code]) => code);
}

export function scoreTerm(
  count: TermCount,
  totals: { today: number; baseline: number },
  options: TermDetectorOptions,
): { expected: number; tail: number } {
  const expected = (totals.today * (count.baseline + options.priorCases)) / totals.baseline;
  if (count.today < options.minCases || count.today < options.minRatio * expected) return { expected, tail: 1 };
  const dispersion = options.dispersion + totals.today / totals.baseline;
  return { expected, tail: negBinomialUpperTail(count.today, expected, dispersion) };
}

/** The emerging terms in one evaluation's counts, at most one signal per term, most surprising first. */
export function detectTermSignals(
  scopes: readonly ScopeTermCounts[],
  nowMs: number,
  options: TermDetectorOptions = TERM_DETECTOR_DEFAULTS,
): DetectorSignal[] {
  const scored: Scored[] = [];
  /** every term's provinces today, from the national counts */
  const nationalProvinces = new Map<string, Record<string, number>>();
  let tests = 0;
  for (const { scope, totalToday, totalBaseline, terms } of scopes) {
    // no history yet (a new store): shares cannot be compared
    if (totalToday <= 0 || totalBaseline <= 0) continue;
    for (const count of terms) {
      if (scope === 'national') nationalProvinces.set(count.term, count.todayByProvince);
      if (count.today < options.minCases) continue;
      tests += 1;
      const { expected, tail } = scoreTerm(count, { today: totalToday, baseline: totalBaseline }, options);
      if (tail < 1)
        scored.push({
          scope,
          count,
          expected,
          tail,
          dominantCategory: dominantCategory(count.todayByCategory, count.today),
        });
    }
  }
  const best = new Map<string, Scored & { pValue: number }>();
  for (const s of scored) {
    const pValue = Math.min(1, s.tail * tests);
    if (pValue > options.falseSignalsPerDay) continue;
    const held = best.get(s.count.term);
    if (!held || pValue < held.pValue) best.set(s.count.term, { ...s, pValue });
  }
  return [...best.values()]
    .map((s) => toSignal(s, nationalProvinces.get(s.count.term) ?? s.count.todayByProvince, nowMs))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
}

function toSignal(s: Scored & { pValue: number }, byProvince: Record<string, number>, nowMs: number): DetectorSignal {
  const provinces = provincesByCount(byProvince);
  const main = s.scope === 'national' ? (provinces[0] ?? '') : s.scope;
  return {
    kind: 'term',
    key: `term:${s.count.term}`,
    regionCode: main,
    regionCodes: [main, ...provinces.filter((code) => code !== main)],
    ...(s.dominantCategory ? { category: s.dominantCategory as Category } : {}),
    term: s.count.term,
    startedAt: new Date(s.count.firstHourMs).toISOString(),
    detectedAt: new Date(nowMs).toISOString(),
    windowHours: TERM_WINDOW_HOURS,
    observed: s.count.today,
    expected: s.expected,
    pValue: s.pValue,
    score: -Math.log10(Math.max(s.pValue, Number.MIN_VALUE)),
    // one test of every term a day: a finding this extreme turns up by chance once in 1 / p days
    recurrenceDays: 1 / s.pValue,
  };
}

/** One evaluation as of `nowMs` (live, or a backtest step: term_hour holds no hour after it). */
export async function evaluateTermDetector(
  clickhouse: ClickHouse,
  nowMs: number,
  options: TermDetectorOptions = TERM_DETECTOR_DEFAULTS,
): Promise<DetectorSignal[]> {
  const scopes = await runQuery(clickhouse, termShares, {
    nowMs,
    baselineDays: TERM_BASELINE_DAYS,
    minCases: options.minCases,
  });
  return detectTermSignals(scopes, nowMs, options);
}

/** Shares move slowly over a 24-hour window: every five minutes is ample and costs one query. */
export const TERM_DETECTOR_EVERY_MS = 5 * 60_000;

export interface TermDetectorDeps {
  jobs: { register(job: Job): void };
  clickhouse: ClickHouse;
  clock?: Clock;
}

/**
 * Runs the detector as the `term-detector` job, whether or not a wall watches; each evaluation's
 * signals (possibly none: the alerts domain closes what stopped firing) go to `onSignals`.
 */
export function registerTermDetector(
  { jobs, clickhouse, clock = systemClock }: TermDetectorDeps,
  onSignals: (signals: DetectorSignal[], nowMs: number) => void | Promise<void>,
  { everyMs = TERM_DETECTOR_EVERY_MS, ...options }: Partial<TermDetectorOptions> & { everyMs?: number } = {},
): void {
  const settings = { ...TERM_DETECTOR_DEFAULTS, ...options };
  jobs.register({
    name: 'term-detector',
    everyMs,
    async run() {
      const nowMs = clock.now();
      await onSignals(await evaluateTermDetector(clickhouse, nowMs, settings), nowMs);
    },
  });
}
