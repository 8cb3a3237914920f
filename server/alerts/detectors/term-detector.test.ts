// The term detector on constructed counts: it must fire on a surging or new term and stay silent on
// noise of the same mean.
import { describe, expect, it } from 'vitest';
import { Rng } from '@simulator/random';
import type { ScopeTermCounts, TermCount } from '../../queries/terms/term-shares';
import { detectTermSignals, scoreTerm, TERM_BASELINE_DAYS, TERM_DETECTOR_DEFAULTS } from './term-detector';

const NOW_MS = Date.parse('2026-12-02T06:30:00Z');
const FIRST_HOUR_MS = Date.parse('2026-12-01T07:00:00Z');
const CASES_A_DAY = 6000;

/** 300 terms with shares from 0.05% to 5%: baseline at its mean, today drawn as Poisson noise. */
function vocabulary(rng: Rng, todayScale = 1): TermCount[] {
  return Array.from({ length: 300 }, (_, i) => {
    const share = 0.0005 * Math.pow(100, i / 299);
    return count(
      `词${i}`,
      rng.poisson(share * CASES_A_DAY * todayScale),
      Math.round(share * CASES_A_DAY * TERM_BASELINE_DAYS),
    );
  });
}

function count(term: string, today: number, baseline: number, category = 'food'): TermCount {
  return {
    term,
    today,
    baseline,
    todayByCategory: { [category]: today },
    todayByProvince: { '440000': today },
    firstHourMs: FIRST_HOUR_MS,
  };
}

function national(terms: TermCount[], todayTotal = CASES_A_DAY): ScopeTermCounts {
  const visible = terms.filter((t) => t.today >= TERM_DETECTOR_DEFAULTS.minCases);
  return { scope: 'national', totalToday: todayTotal, totalBaseline: CASES_A_DAY * TERM_BASELINE_DAYS, terms: visible };
}

describe('term detector', () => {
  it('fires on a term whose share triples and on a new term, and on nothing else', () => {
    const terms = vocabulary(new Rng(11));
    // 1% of cases over 28 days, 3% today
    terms.push(count('电热水壶', 180, 0.01 * CASES_A_DAY * TERM_BASELINE_DAYS, 'appliances'));
    terms.push(count('磁力玩具', 9, 0, 'toys'));
    const signals = detectTermSignals([national(terms)], NOW_MS);
    expect(signals.map((s) => s.term).sort()).toEqual(['电热水壶', '磁力玩具']);
    const kettle = signals.find((s) => s.term === '电热水壶')!;
    expect(kettle).toMatchObject({
      kind: 'term',
      key: 'term:电热水壶',
      regionCode: '440000',
      category: 'appliances',
      observed: 180,
      windowHours: 24,
    });
    expect(kettle.expected).toBeCloseTo(60.02, 1);
    expect(kettle.startedAt).toBe('2026-12-01T07:00:00.000Z');
    expect(kettle.recurrenceDays).toBeGreaterThan(1 / TERM_DETECTOR_DEFAULTS.falseSignalsPerDay);
  });

  it('stays silent on a hundred days of noise with the same means, the surging share included', () => {
    const rng = new Rng(12);
    let signals = 0;
    for (let day = 0; day < 100; day += 1) {
      const terms = vocabulary(rng);
      terms.push(count('电热水壶', rng.poisson(0.01 * CASES_A_DAY), 0.01 * CASES_A_DAY * TERM_BASELINE_DAYS));
      signals += detectTermSignals([national(terms)], NOW_MS).length;
    }
    expect(signals).toBe(0);
  });

  it('compares shares, not counts: a day with three times the cases raises no term', () => {
    const terms = vocabulary(new Rng(13), 3);
    expect(detectTermSignals([national(terms, 3 * CASES_A_DAY)], NOW_MS)).toEqual([]);
  });

  it('scores a new term without dividing by zero, and never fires below the minimum count', () => {
    const totals = { today: CASES_A_DAY, baseline: CASES_A_DAY * TERM_BASELINE_DAYS };
    const fresh = scoreTerm(count('新词', 4, 0), totals, TERM_DETECTOR_DEFAULTS);
    expect(fresh.expected).toBeGreaterThan(0);
    expect(fresh.tail).toBe(1);
    expect(scoreTerm(count('新词', 5, 0), totals, TERM_DETECTOR_DEFAULTS).tail).toBeLessThan(1e-4);
    expect(
      detectTermSignals(
        [{ scope: 'national', totalToday: 10, totalBaseline: 0, terms: [count('新词', 9, 0)] }],
        NOW_MS,
      ),
    ).toEqual([]);
  });

  it('reports a term found in one province once, under that province, with the provinces it was seen in', () => {
    const local = { ...count('腹泻', 30, 40, 'catering'), todayByProvince: { '330000': 30 } };
    const nationalCount = { ...count('腹泻', 34, 300, 'catering'), todayByProvince: { '330000': 30, '110000': 4 } };
    const scopes: ScopeTermCounts[] = [
      national([...vocabulary(new Rng(14)), nationalCount]),
      { scope: '330000', totalToday: 300, totalBaseline: 300 * TERM_BASELINE_DAYS, terms: [local] },
    ];
    const signals = detectTermSignals(scopes, NOW_MS);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      key: 'term:腹泻',
      regionCode: '330000',
      regionCodes: ['330000', '110000'],
      category: 'catering',
    });
  });
});
