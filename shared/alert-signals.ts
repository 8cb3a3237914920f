// What a hot-issue detector reports: one signal per thing it found at one evaluation, with the
// figures that explain it. The alerts domain groups signals that share cases into one alert; the
// backtest API returns signals grouped the same way (POST /api/v1/alerts/backtest, docs/api.md).
import type { Category } from './codes';

export const SIGNAL_KINDS = ['surge', 'merchant', 'cluster', 'term'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Where and what an alert or a signal is about: the part of it the wall and the API share. */
export interface AlertSubject {
  /** the main region: a county, city or province adcode */
  regionCode: string;
  /** every region involved (a cluster's counties, a brand's provinces), the main one first */
  regionCodes: string[];
  category?: Category;
  merchant?: { name: string };
  brand?: string;
  term?: string;
}

export interface DetectorSignal extends AlertSubject {
  kind: SignalKind;
  /**
   * What was found, stable across evaluations of the same thing, so repeated evaluations update one
   * alert instead of opening new ones: e.g. `surge:440106:food`, `merchant:<name>`, `term:<term>`.
   */
  key: string;
  /** ISO time the window that fired begins: the first cases of the surge */
  startedAt: string;
  /** ISO time of the evaluation that raised it */
  detectedAt: string;
  windowHours: number;
  observed: number;
  expected: number;
  /** tail probability of the observed count given the expected one, after the detector's own corrections */
  pValue: number;
  /** -log10(pValue): larger is more surprising; what the wall sorts and colours by */
  score: number;
  /** days one would wait, at this detector's test rate, for a chance finding as extreme (SaTScan's measure) */
  recurrenceDays: number;
}
