// Merchant and brand accumulation on constructed parties: silent on parties complaining at their
// usual rates, fires on a step change, and a party without history borrows its category's rate.
import { describe, expect, it } from 'vitest';
import { Rng } from '@simulator/random';
import { DAY_MS } from '@shared/time';
import type { CategoryPartyRates, PartyWindow } from '../../queries/alerts/party-windows';
import { detectorBudget } from './budget';
import { detectAccumulations, PARTY_BASELINE_DAYS } from './merchant-detector';

const END_MS = Date.parse('2026-06-24T04:00:00Z');
const FIRST_HOUR_MS = END_MS - 120 * DAY_MS;

function party(name: string, baseline: number, lastWeek: number, lastDay: number): PartyWindow {
  return {
    kind: 'merchant',
    party: name,
    baseline,
    lastWeek,
    lastDay,
    category: 'prepaid-cards',
    regionCodes: ['420102'],
    firstWeekHourMs: END_MS - 3 * DAY_MS,
  };
}

/** The category's moments from the parties' baselines. */
function ratesOf(parties: PartyWindow[]): CategoryPartyRates[] {
  const counted = parties.filter((p) => p.baseline > 0);
  return [
    {
      kind: 'merchant',
      category: 'prepaid-cards',
      parties: counted.length,
      total: counted.reduce((a, p) => a + p.baseline, 0),
      squares: counted.reduce((a, p) => a + p.baseline ** 2, 0),
      firstHourMs: FIRST_HOUR_MS,
    },
  ];
}

/** Parties with daily rates spread over 0.05-2 a day, each complaining at its own rate throughout. */
function steadyParties(rng: Rng, count: number): PartyWindow[] {
  return Array.from({ length: count }, (_, i) => {
    const perDay = 0.05 + 2 * rng.next() ** 3;
    const lastDay = rng.poisson(perDay);
    return party(`m${i}`, rng.poisson(perDay * PARTY_BASELINE_DAYS), lastDay + rng.poisson(perDay * 6), lastDay);
  });
}

const budget = detectorBudget(2, 2000 * 48);

describe('merchant accumulation', () => {
  it('stays silent on two thousand parties complaining at their usual rates', () => {
    const parties = steadyParties(new Rng(3), 2000);
    expect(detectAccumulations(parties, ratesOf(parties), END_MS, END_MS, budget)).toEqual([]);
  });

  it('fires on a gym chain that goes from a complaint a month to eight in a day', () => {
    const parties = steadyParties(new Rng(4), 2000);
    const gym = party('健身连锁', 3, 9, 8);
    const signals = detectAccumulations([...parties, gym], ratesOf(parties), END_MS, END_MS, budget);
    expect(signals.map((s) => s.key)).toEqual(['merchant:健身连锁']);
    expect(signals[0]).toMatchObject({ kind: 'merchant', merchant: { name: '健身连锁' }, windowHours: 24 });
    expect(signals[0].expected).toBeLessThan(1);
  });

  it('judges a newcomer by its category: a few complaints are no alert, a flood is', () => {
    const parties = steadyParties(new Rng(5), 2000);
    const rates = ratesOf(parties);
    expect(detectAccumulations([party('new-a', 0, 3, 3)], rates, END_MS, END_MS, budget)).toEqual([]);
    expect(detectAccumulations([party('new-b', 0, 15, 15)], rates, END_MS, END_MS, budget)).toHaveLength(1);
  });

  it('judges nobody before the store holds a day of baseline', () => {
    const parties = steadyParties(new Rng(6), 100);
    const young = ratesOf(parties).map((r) => ({ ...r, firstHourMs: END_MS - 7.5 * DAY_MS }));
    expect(detectAccumulations([party('x', 0, 30, 30)], young, END_MS, END_MS, budget)).toEqual([]);
  });
});
