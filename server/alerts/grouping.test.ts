import { describe, expect, it } from 'vitest';
import { alertSeverity } from '@shared/alerts';
import { HOUR_MS } from '@shared/time';
import {
  clusterSignal,
  DONGCHENG_BEIJING,
  GUANGZHOU,
  merchantSignal,
  surgeSignal,
  TIANHE,
  unrelatedSignal,
} from '../../tests/alerts/signal-fixtures';
import { figuresOf, newsOf, regionsOverlap, sameEvent, toAlertSignal, withSignal } from './grouping';

const AT = Date.parse('2026-03-15T04:00:00Z');
const s = toAlertSignal;

describe('which signals are about one event', () => {
  it('joins the detectors of one outbreak: surge, merchant and cluster in the same county and category', () => {
    expect(sameEvent(s(surgeSignal(AT)), s(merchantSignal(AT)))).toBe(true);
    expect(sameEvent(s(surgeSignal(AT)), s(clusterSignal(AT)))).toBe(true);
  });

  it('joins the restaurant and the food of one food-borne outbreak, not food and clothing', () => {
    const catering = surgeSignal(AT, { key: `surge:${TIANHE}:catering`, category: 'catering' });
    expect(sameEvent(s(surgeSignal(AT)), s(catering))).toBe(true);
    const clothing = surgeSignal(AT, { key: `surge:${TIANHE}:clothing`, category: 'clothing' });
    expect(sameEvent(s(catering), s(clothing))).toBe(false);
  });

  it('joins a county inside a city or province, not two counties side by side', () => {
    expect(regionsOverlap([TIANHE], [GUANGZHOU])).toBe(true);
    expect(regionsOverlap(['440000'], [TIANHE])).toBe(true);
    expect(regionsOverlap([TIANHE], ['440104'])).toBe(false);
    expect(regionsOverlap([TIANHE], [DONGCHENG_BEIJING])).toBe(false);
  });

  it('keeps apart different categories, different merchants and distant times', () => {
    expect(sameEvent(s(surgeSignal(AT)), s(unrelatedSignal(AT)))).toBe(false);
    const clothing = surgeSignal(AT, { key: `surge:${TIANHE}:clothing`, category: 'clothing' });
    expect(sameEvent(s(surgeSignal(AT)), s(clothing))).toBe(false);
    const other = merchantSignal(AT, { key: 'merchant:别家', merchant: { name: '别家' } });
    expect(sameEvent(s(merchantSignal(AT)), s(other))).toBe(false);
    const later = AT + 30 * HOUR_MS;
    const cityLater = surgeSignal(later, {
      key: `surge:${GUANGZHOU}:food`,
      regionCode: GUANGZHOU,
      regionCodes: [GUANGZHOU],
    });
    expect(sameEvent(s(surgeSignal(AT)), s(cityLater))).toBe(false);
  });

  it('joins a term to the merchant it names, and the same finding whatever it says', () => {
    const term = s({
      ...merchantSignal(AT),
      kind: 'term',
      key: 'term:好味餐厅',
      term: '好味餐厅',
      merchant: undefined,
      category: undefined,
    });
    expect(sameEvent(s(merchantSignal(AT)), term)).toBe(true);
    expect(sameEvent(s(surgeSignal(AT)), s(surgeSignal(AT + 40 * HOUR_MS)))).toBe(true);
  });
});

describe('what an alert takes from its signals', () => {
  it('says the strongest figures, every kind and region, and a severity raised by the spread', () => {
    const signals = withSignal(withSignal([], s(merchantSignal(AT))), s(clusterSignal(AT)));
    const both = withSignal(signals, s(surgeSignal(AT)));
    const figures = figuresOf(both);
    expect(figures).toMatchObject({
      kinds: ['surge', 'merchant', 'cluster'],
      regionCode: TIANHE,
      regionCodes: [TIANHE, '440104'],
      category: 'food',
      merchant: { name: '天河好味餐厅' },
      observed: 12,
      expected: 1.5,
      score: 6,
      recurrenceDays: 400,
      severity: 'high',
    });
    expect(figures.title).toBe('天河区 天河好味餐厅 投诉激增');
  });

  it('counts as news a new finding, a new region or 10% more cases, and nothing else', () => {
    const signals = [s(surgeSignal(AT))];
    const regions = [TIANHE];
    expect(newsOf(signals, regions, s(surgeSignal(AT + HOUR_MS)))).toEqual([]);
    expect(newsOf(signals, regions, s(surgeSignal(AT, { observed: 11 })))).toEqual([]);
    expect(newsOf(signals, regions, s(surgeSignal(AT, { observed: 14 })))).toEqual(['12 → 14 cases']);
    expect(newsOf(signals, regions, s(surgeSignal(AT, { regionCodes: [TIANHE, '440104'] })))).toEqual([
      'spread to 440104',
    ]);
    expect(newsOf(signals, regions, s(merchantSignal(AT)))).toEqual(['new finding merchant:天河好味餐厅']);
  });

  it('rates by recurrence, one level up for spread, never high on a handful of cases', () => {
    const one = { kinds: ['surge' as const], regionCodes: [TIANHE], observed: 20 };
    expect(alertSeverity({ ...one, recurrenceDays: 10 })).toBe('low');
    expect(alertSeverity({ ...one, recurrenceDays: 30 })).toBe('medium');
    expect(alertSeverity({ ...one, recurrenceDays: 365 })).toBe('high');
    expect(alertSeverity({ ...one, recurrenceDays: 30, kinds: ['surge', 'term'] })).toBe('high');
    expect(alertSeverity({ ...one, recurrenceDays: 10, regionCodes: [TIANHE, '110101'] })).toBe('medium');
    expect(alertSeverity({ ...one, recurrenceDays: 1000, observed: 4 })).toBe('medium');
  });
});
