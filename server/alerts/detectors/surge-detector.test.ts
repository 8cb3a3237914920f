// The surge detector on constructed hourly series: silent on noise of the usual mean, fires on a
// concentrated outbreak, borrows a sparse county's expectation from its city, and keeps holidays and
// 15 March from distorting baselines or raising false alerts.
import { describe, expect, it } from 'vitest';
import { Rng } from '@simulator/random';
import { HOUR_MS } from '@shared/time';
import type { SurgeCell } from '../../queries/alerts/surge-cells';
import { detectorBudget, surgeTestsPerDay } from './budget';
import { evaluationFactor, imputeSpecialHours, specialHours } from './calendar-effects';
import { detectSurges, SURGE_HISTORY_HOURS } from './surge-detector';

const N = SURGE_HISTORY_HOURS;
const DAY_SHAPE = [1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 7, 5, 6, 8, 8, 7, 6, 4, 3, 3, 2, 2, 1];
const SHAPE_TOTAL = DAY_SHAPE.reduce((a, b) => a + b, 0);
const budget = detectorBudget(2, surgeTestsPerDay());

type Hourly = Int32Array;

/** Hourly Poisson counts over the detector's history ending at endMs, `perDay` cases a day. */
function noise(rng: Rng, perDay: number, endMs: number, factorOf: (hourMs: number) => number = () => 1): Hourly {
  const first = endMs - N * HOUR_MS;
  return Int32Array.from({ length: N }, (_, i) => {
    const hourMs = first + i * HOUR_MS;
    const cst = new Date(hourMs + 8 * HOUR_MS).getUTCHours();
    return rng.poisson(((perDay * DAY_SHAPE[cst]) / SHAPE_TOTAL) * factorOf(hourMs));
  });
}

function cell(level: SurgeCell['level'], regionCode: string, counts: Hourly, category = 'food'): SurgeCell {
  const agoHours: number[] = [];
  const values: number[] = [];
  counts.forEach((count, i) => {
    if (count === 0) return;
    agoHours.push(N - 1 - i);
    values.push(count);
  });
  return { level, regionCode, category, agoHours, counts: values };
}

/**
 * A province of one city of five counties, three categories at `perDay` cases a day each, with the
 * every-category cell the query adds; `busy(category)` multiplies a category's last 24 hours.
 */
function province(rng: Rng, perDay: number, endMs: number, busy: (category: string) => number): SurgeCell[] {
  const all = new Int32Array(N);
  const cells = ['food', 'catering', 'clothing'].flatMap((category) => {
    const total = new Int32Array(N);
    const counties = ['420102', '420103', '420104', '420105', '420106'].map((code) => {
      const counts = noise(rng, perDay / 5, endMs, (ms) => (ms >= endMs - 24 * HOUR_MS ? busy(category) : 1));
      counts.forEach((c, i) => ((total[i] += c), (all[i] += c)));
      return cell('county', code, counts, category);
    });
    return [...counties, cell('city', '420100', total, category), cell('province', '420000', total, category)];
  });
  return [...cells, cell('province', '420000', all, '')];
}

/** Five counties of one city and their city and province totals. */
function city(counties: Record<string, Hourly>): SurgeCell[] {
  const total = new Int32Array(N);
  for (const counts of Object.values(counties)) counts.forEach((c, i) => (total[i] += c));
  return [
    ...Object.entries(counties).map(([code, counts]) => cell('county', code, counts)),
    cell('city', '420100', total),
    cell('province', '420000', total),
  ];
}

const END_MS = Date.parse('2026-05-20T08:00:00Z'); // 16:00 in Beijing, a Wednesday

describe('surge detector', () => {
  it('stays silent on plain noise of the usual mean, over many evaluations', async () => {
    let fired = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const rng = new Rng(seed);
      const endMs = END_MS + seed * 5 * HOUR_MS;
      const counties = Object.fromEntries(
        ['420102', '420103', '420104', '420105', '420106'].map((code, i) => [code, noise(rng, 2 + i * 4, endMs)]),
      );
      fired += (await detectSurges(city(counties), endMs, endMs, budget)).length;
    }
    expect(fired).toBe(0);
  });

  it('fires for the county of fifteen extra cases in three hours, with the window that saw them', async () => {
    const rng = new Rng(5);
    const outbreak = noise(rng, 6, END_MS);
    for (let h = 1; h <= 3; h += 1) outbreak[N - h] += 5;
    const signals = await detectSurges(
      city({ '420102': outbreak, '420103': noise(rng, 10, END_MS) }),
      END_MS,
      END_MS,
      budget,
    );
    const county = signals.find((s) => s.key === 'surge:420102:food');
    expect(county).toBeDefined();
    expect(county!.windowHours).toBeLessThanOrEqual(3);
    expect(county!.pValue).toBeLessThanOrEqual(budget.alpha);
    expect(county!.recurrenceDays).toBeGreaterThanOrEqual(1 / (budget.alpha * budget.testsPerDay));
    expect(signals.some((s) => s.key === 'surge:420103:food')).toBe(false);
  });

  it('gives a county with an empty baseline its share of its city instead of next to nothing', async () => {
    const rng = new Rng(9);
    const sparse = new Int32Array(N);
    // one case a day on average over the baseline, never at this hour of the week; 5 in the last hour
    for (let i = 0; i < N - 200; i += 24) sparse[i + 3] = 1;
    sparse[N - 1] = 5;
    const busy = noise(rng, 40, END_MS);
    const signals = await detectSurges(city({ '420102': sparse, '420103': busy }), END_MS, END_MS, budget);
    const county = signals.find((s) => s.key === 'surge:420102:food');
    // its share (1 case a day of the city's 41) of the city's 16:00 hour (40 x 8/107 = 3): about 0.07;
    // on its own it would expect the floor of 0.05
    expect(county?.expected).toBeGreaterThan(0.06);
    expect(county?.expected).toBeLessThan(0.12);
  });

  it('leaves holidays out of baselines and expects the rush of 15 March', async () => {
    // a national-day week three weeks back with ten times the calls, then a surge now
    const endMs = Date.parse('2026-10-28T08:00:00Z');
    const holidayRush = (ms: number) => (specialHours(ms, 1)[0] ? 10 : 1);
    const counts = noise(new Rng(11), 12, endMs, holidayRush);
    for (let h = 1; h <= 3; h += 1) counts[N - h] += 8;
    const county = (await detectSurges(city({ '420102': counts }), endMs, endMs, budget)).find(
      (s) => s.regionCode === '420102',
    );
    // the ordinary 3 hours to 16:00 expect about 12 x 22/107 = 2.5; with the holiday week it would be ~5
    expect(county?.expected).toBeLessThan(4);

    const rightsDayEnd = Date.parse('2026-03-15T08:00:00Z');
    const tripled = noise(new Rng(12), 30, rightsDayEnd, (ms) => evaluationFactor(ms));
    expect(await detectSurges(city({ '420102': tripled }), rightsDayEnd, rightsDayEnd, budget)).toEqual([]);
  });

  it("takes a day when every category of a province is busy for the province's day, not a surge", async () => {
    let fired = 0;
    for (let seed = 1; seed <= 5; seed += 1) {
      const endMs = END_MS + seed * 7 * HOUR_MS;
      fired += (
        await detectSurges(
          province(new Rng(seed), 300, endMs, () => 1.6),
          endMs,
          endMs,
          budget,
        )
      ).length;
    }
    expect(fired).toBe(0);
  });

  it('still fires when one category rises by the same factor while the others keep their level', async () => {
    const signals = await detectSurges(
      province(new Rng(3), 300, END_MS, (category) => (category === 'food' ? 1.6 : 1)),
      END_MS,
      END_MS,
      budget,
    );
    expect(signals.some((s) => s.key === 'surge:420000:food')).toBe(true);
    expect(signals.every((s) => s.category === 'food')).toBe(true);
  });

  it('imputes special hours from the week before, never the hours being judged', async () => {
    const counts = Int32Array.from({ length: 400 }, (_, i) => i);
    const special = new Uint8Array(400);
    special[200] = 1;
    special[390] = 1;
    imputeSpecialHours(counts, special, 380);
    expect(counts[200]).toBe(32);
    expect(counts[390]).toBe(390);
  });
});
