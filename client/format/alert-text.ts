// An alert in words, in the wall's language: what it is about, observed against expected, and why it
// fired. The server sends figures, not sentences, so each wall says them in its own language.
import { CATEGORIES } from '@shared/codes';
import type { AlertSummary } from '@shared/wall-events';
import { codeLabel, type Locale, type Messages } from '@client/i18n';
import { formatCount } from './format';

/** The merchant, brand or term it is about, else its category. */
export function alertSubject(alert: AlertSummary, lang: Locale): string {
  if (alert.merchant) return alert.merchant.name;
  if (alert.brand) return alert.brand;
  if (alert.term) return lang === 'zh' ? `“${alert.term}”` : `"${alert.term}"`;
  return alert.category ? codeLabel(CATEGORIES, alert.category, lang) : '';
}

/** The category, when the subject is a party or a term (a food merchant: 食品). */
export function alertCategory(alert: AlertSummary, lang: Locale): string | null {
  const party = alert.merchant || alert.brand || alert.term;
  return party && alert.category ? codeLabel(CATEGORIES, alert.category, lang) : null;
}

/** Expected counts are means: one decimal below ten, whole above. */
export function formatExpected(expected: number): string {
  return expected < 10 ? expected.toFixed(1) : formatCount(Math.round(expected));
}

export function alertObserved(alert: AlertSummary, m: Messages): string {
  return m.alerts.observed(
    m.alerts.hours(alert.windowHours),
    formatCount(alert.observed),
    formatExpected(alert.expected),
  );
}

export function alertWhy(alert: AlertSummary, m: Messages, lang: Locale): string {
  const kinds = alert.kinds.map((kind) => m.alerts.kinds[kind]).join(lang === 'zh' ? '、' : ' + ');
  return m.alerts.why(kinds, m.alerts.agree(alert.kinds.length), m.alerts.recurrence(alert.recurrenceDays));
}
