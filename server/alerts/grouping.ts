// One alert per event: which detector signals are about the same cases, and what an alert says once
// its signals are put together. Pure functions, so the rule is tested on its own (grouping.test.ts).
//
// "The same cases" is approximated from what a signal names, not by fetching the cases of every
// signal every cycle (that would be one scan of case_versions per signal per cycle): two signals are
// about one event when
//   - they are the same finding (same key), or
//   - their regions overlap (one adcode equal to or inside the other: a county inside its city or
//     province, a cluster's counties, a brand's provinces), AND
//   - what they are about agrees: no facet both name differs (category, merchant, brand), and one
//     they share is equal (same category, merchant, brand or term), or a term names the other's
//     merchant or brand (catering and food count as one category: CATEGORY_FAMILIES), AND
//   - their windows overlap or lie less than ALERT_REOPEN_MS apart.
// A signal joins the alert with which any of the alert's signals is about one event.
import type { DetectorSignal } from '@shared/alert-signals';
import { ALERT_REOPEN_MS, alertSeverity, type Alert, type AlertSignal } from '@shared/alerts';
import { CATEGORIES } from '@shared/codes';
import { getRegion, scopeRange } from '@shared/regions';

/** a inside b: the same adcode, or b a shipped region whose range holds a. */
export function regionWithin(a: string, b: string): boolean {
  if (a === b) return true;
  if (!getRegion(b)) return false;
  const [lo, hi] = scopeRange(b);
  const code = Number(a);
  return code >= lo && code <= hi;
}

export function regionsOverlap(as: readonly string[], bs: readonly string[]): boolean {
  return as.some((a) => bs.some((b) => regionWithin(a, b) || regionWithin(b, a)));
}

/**
 * Categories that one event is filed under: a food-borne outbreak is reported against the restaurant
 * (catering) and against the food (food) in about a 3:1 ratio, and both surge at once. They count as
 * one subject; every other category only as itself.
 */
const CATEGORY_FAMILIES: Readonly<Record<string, string>> = { catering: 'food-safety', food: 'food-safety' };
const familyOf = (category: string | undefined) =>
  category === undefined ? undefined : (CATEGORY_FAMILIES[category] ?? category);

const differ = (x: string | undefined, y: string | undefined) => x !== undefined && y !== undefined && x !== y;
const equal = (x: string | undefined, y: string | undefined) => x !== undefined && x === y;

/** A term that is (part of) the other's merchant or brand name: 某某健身 and 某某健身会所. */
function termNamesParty(t: AlertSignal, other: AlertSignal): boolean {
  const term = t.term;
  if (!term) return false;
  return [other.merchant?.name, other.brand].some((name) => !!name && (name.includes(term) || term.includes(name)));
}

export function subjectsAgree(a: AlertSignal, b: AlertSignal): boolean {
  const [categoryA, categoryB] = [familyOf(a.category), familyOf(b.category)];
  if (differ(categoryA, categoryB) || differ(a.merchant?.name, b.merchant?.name) || differ(a.brand, b.brand))
    return false;
  return (
    equal(categoryA, categoryB) ||
    equal(a.merchant?.name, b.merchant?.name) ||
    equal(a.brand, b.brand) ||
    equal(a.term, b.term) ||
    termNamesParty(a, b) ||
    termNamesParty(b, a)
  );
}

function windowsMeet(a: AlertSignal, b: AlertSignal): boolean {
  const ms = (iso: string) => Date.parse(iso);
  return ms(a.startedAt) <= ms(b.detectedAt) + ALERT_REOPEN_MS && ms(b.startedAt) <= ms(a.detectedAt) + ALERT_REOPEN_MS;
}

export function sameEvent(a: AlertSignal, b: AlertSignal): boolean {
  if (a.key === b.key) return true;
  return regionsOverlap(a.regionCodes, b.regionCodes) && subjectsAgree(a, b) && windowsMeet(a, b);
}

export function relatesTo(alert: Pick<Alert, 'signals'>, signal: AlertSignal): boolean {
  return alert.signals.some((s) => sameEvent(s, signal));
}

export function toAlertSignal({ pValue: _pValue, ...signal }: DetectorSignal): AlertSignal {
  return { ...signal, regionCodes: signal.regionCodes.length ? signal.regionCodes : [signal.regionCode] };
}

/**
 * A signal's news for an alert: a new finding, a region not yet in it, or at least 10% (and one)
 * more cases than its finding had. Anything else (the same figures again, a count that dips) is not
 * worth a log event: the alert is updated only when something new arrives.
 */
export function newsOf(signals: readonly AlertSignal[], regionCodes: readonly string[], signal: AlertSignal): string[] {
  const previous = signals.find((s) => s.key === signal.key);
  if (!previous) return [`new finding ${signal.key}`];
  const news: string[] = [];
  const added = signal.regionCodes.filter((code) => !regionCodes.includes(code));
  if (added.length) news.push(`spread to ${added.join(', ')}`);
  if (signal.observed >= previous.observed + Math.max(1, Math.ceil(previous.observed * 0.1)))
    news.push(`${previous.observed} → ${signal.observed} cases`);
  return news;
}

/** The signals with this one in place of its key's earlier figures, strongest first. */
export function withSignal(signals: readonly AlertSignal[], signal: AlertSignal): AlertSignal[] {
  return [...signals.filter((s) => s.key !== signal.key), signal].sort(byStrength);
}

export function byStrength(a: { score: number; key: string }, b: { score: number; key: string }): number {
  return b.score - a.score || a.key.localeCompare(b.key);
}

const KIND_TITLES_ZH = { surge: '投诉激增', merchant: '商家投诉集中', cluster: '空间聚集', term: '新热词' } as const;

/** What an alert says, derived from its signals (strongest first): the figures of the strongest. */
export function figuresOf(signals: readonly AlertSignal[]) {
  const top = signals[0];
  const regionCodes = [...new Set([top.regionCode, ...signals.flatMap((s) => s.regionCodes)])];
  const kinds = [...new Set(signals.map((s) => s.kind))];
  const category = signals.find((s) => s.category)?.category;
  const merchant = signals.find((s) => s.merchant)?.merchant;
  const brand = signals.find((s) => s.brand)?.brand;
  const term = signals.find((s) => s.term)?.term;
  const figures = {
    kinds,
    regionCode: top.regionCode,
    regionCodes,
    ...(category && { category }),
    ...(merchant && { merchant: { name: merchant.name } }),
    ...(brand && { brand }),
    ...(term && { term }),
    observed: top.observed,
    expected: top.expected,
    windowHours: top.windowHours,
    score: top.score,
    recurrenceDays: Math.max(...signals.map((s) => s.recurrenceDays)),
    startedAt: signals.map((s) => s.startedAt).reduce((a, b) => (a < b ? a : b)),
  };
  const subject = merchant?.name ?? brand ?? (term && `“${term}”`) ?? (category ? CATEGORIES[category].zh : '投诉');
  const place = getRegion(top.regionCode)?.name ?? top.regionCode;
  return {
    ...figures,
    title: `${place} ${subject} ${KIND_TITLES_ZH[top.kind]}`,
    severity: alertSeverity(figures),
  };
}
