// The detectors over stored history as if live at each step, using only what had been received by
// then. The rollups hold each case in its CURRENT state, so "received by then" is the rollups read
// up to the step's hour (received hour <= T): a case reclassified or moved later counts at step T
// in its later category or region. That is the approximation accepted: versions are not replayed.
// Steps are whole hours (the hourly rollup's grain); a signal with the same key at consecutive
// steps is one entry, its first detection; it counts anew after a step without it.
import type { DetectorSignal } from '@shared/alert-signals';
import type { BacktestAlert } from '@shared/alert-backtest';
import { provinceCodeOf, scopeRange, type Scope } from '@shared/regions';
import { CST_OFFSET_MS, DAY_MS, HOUR_MS } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../../clickhouse/client';
import { evaluateSurges, type EvaluationInput } from './surge-job';
import { evaluateTrends } from './trend-job';
import { evaluateAccumulations } from './merchant-job';
import { createClusterEvaluator } from './cluster-job';
import { DETECTOR_COUNT } from './budget';
import { evaluateTermDetector, TERM_DETECTOR_DEFAULTS } from './term-detector';

export interface Evaluator {
  evaluate(clickhouse: ClickHouse, input: EvaluationInput): Promise<DetectorSignal[]>;
  /** judges whole China-time days: evaluated at the first step and at each midnight only */
  daily?: boolean;
}

/** A fresh set per run: the cluster scan keeps its Monte Carlo nulls per run and day. */
export const backtestEvaluators = (): Evaluator[] => [
  { evaluate: evaluateSurges },
  { evaluate: evaluateTrends, daily: true },
  { evaluate: evaluateAccumulations },
  { evaluate: createClusterEvaluator({ newNullsPerCycle: Number.POSITIVE_INFINITY, cached: false }) },
  // national; the backtest keeps the signals touching its scope
  {
    evaluate: (clickhouse, { atMs, budgetPerDay }) =>
      evaluateTermDetector(clickhouse, atMs, {
        ...TERM_DETECTOR_DEFAULTS,
        falseSignalsPerDay: budgetPerDay / DETECTOR_COUNT,
      }),
  },
];

export interface BacktestInput {
  fromMs: number;
  toMs: number;
  scope: Scope;
  budgetPerDay: number;
  evaluators?: readonly Evaluator[];
  signal?: AbortSignal;
  /** options of each step's reads (the HTTP route: the ad-hoc lane with a deadline per step) */
  queryOptions?: () => QueryOptions;
}

/** Regions read for a scope: its whole province, so that its counties can borrow from their parents. */
function readRange(scope: Scope): [number, number] {
  return scope === 'national' ? [0, 999_999] : scopeRange(provinceCodeOf(scope));
}

export function toBacktestAlert(signal: DetectorSignal): BacktestAlert {
  const { kind, regionCode, regionCodes, category, merchant, brand, term } = signal;
  return {
    kind,
    kinds: [kind],
    regionCode,
    regionCodes,
    ...(category ? { category } : {}),
    ...(merchant ? { merchant: { name: merchant.name } } : {}),
    ...(brand ? { brand } : {}),
    ...(term ? { term } : {}),
    startedAt: signal.startedAt,
    detectedAt: signal.detectedAt,
    score: Math.round(signal.score * 100) / 100,
    observed: signal.observed,
    expected: signal.expected,
  };
}

export async function runBacktest(clickhouse: ClickHouse, input: BacktestInput): Promise<BacktestAlert[]> {
  const { scope, budgetPerDay, evaluators = backtestEvaluators() } = input;
  const [regionFrom, regionTo] = readRange(scope);
  const [scopeFrom, scopeTo] = scopeRange(scope);
  const inScope = (signal: DetectorSignal) =>
    signal.regionCodes.some((code) => Number(code) >= scopeFrom && Number(code) <= scopeTo);
  const alerts: BacktestAlert[] = [];
  // the keys each evaluator found at its previous evaluation
  const previous = evaluators.map(() => new Set<string>());
  const firstMs = Math.ceil(input.fromMs / HOUR_MS) * HOUR_MS;
  for (let atMs = firstMs; atMs <= input.toMs; atMs += HOUR_MS) {
    input.signal?.throwIfAborted();
    for (const [e, { evaluate, daily }] of evaluators.entries()) {
      if (daily && atMs !== firstMs && (atMs + CST_OFFSET_MS) % DAY_MS !== 0) continue;
      const current = new Set<string>();
      const signals = await evaluate(clickhouse, {
        regionFrom,
        regionTo,
        atMs,
        budgetPerDay,
        queryOptions: input.queryOptions?.(),
      });
      for (const signal of signals.filter(inScope)) {
        current.add(signal.key);
        if (!previous[e].has(signal.key)) alerts.push(toBacktestAlert(signal));
      }
      previous[e] = current;
    }
  }
  return alerts;
}
