import { describe, expect, it } from 'vitest';
import type { AlertSummary } from '@shared/wall-events';
import { messagesFor } from '@client/i18n';
import { alertCategory, alertObserved, alertSubject, alertWhy } from './alert-text';

const alert: AlertSummary = {
  id: 'a-1',
  title: '天河区 天河好味餐厅 投诉激增',
  status: 'open',
  severity: 'high',
  kinds: ['surge', 'merchant'],
  regionCode: '440106',
  regionCodes: ['440106'],
  category: 'food',
  merchant: { name: '天河好味餐厅' },
  observed: 12,
  expected: 1.46,
  windowHours: 3,
  score: 6,
  recurrenceDays: 400,
  openedAt: '2026-03-15T04:00:00.000Z',
  updatedAt: '2026-03-15T04:00:00.000Z',
  startedAt: '2026-03-15T01:00:00.000Z',
  cases: 10,
  firstCaseAt: '2026-03-15T02:00:00.000Z',
  latestCaseAt: '2026-03-15T03:30:00.000Z',
  sparkline: { start: '2026-03-13T05:00:00.000Z', stepMs: 3_600_000, counts: new Array<number>(48).fill(0) },
};

describe('an alert in words', () => {
  it('says what, observed against expected and why it fired, in Chinese', () => {
    const zh = messagesFor('zh');
    expect(alertSubject(alert, 'zh')).toBe('天河好味餐厅');
    expect(alertCategory(alert, 'zh')).toBe('食品');
    expect(alertObserved(alert, zh)).toBe('3小时内 12 件，预期 1.5 件');
    expect(alertWhy(alert, zh, 'zh')).toBe('激增、商家集中检测2类一致：偶然出现约1年一次');
  });

  it('and in English, with a category alone as the subject', () => {
    const en = messagesFor('en');
    const surge = { ...alert, merchant: undefined, kinds: ['surge' as const], windowHours: 24, recurrenceDays: 45 };
    expect(alertSubject(surge, 'en')).toBe('Food');
    expect(alertCategory(surge, 'en')).toBeNull();
    expect(alertObserved(surge, en)).toBe('12 cases in 1 d, 1.5 expected');
    expect(alertWhy(surge, en, 'en')).toBe('surge fired: by chance once in 45 days');
  });

  it('says a recurrence beyond ten thousand years in words, not as a 300-digit figure', () => {
    const rare = { ...alert, kinds: ['surge' as const], recurrenceDays: 5e293 };
    expect(alertWhy(rare, messagesFor('zh'), 'zh')).toBe('激增检测触发：偶然出现约一万年以上一次');
    expect(alertWhy(rare, messagesFor('en'), 'en')).toBe('surge fired: by chance once in over 10,000 yr');
  });
});
