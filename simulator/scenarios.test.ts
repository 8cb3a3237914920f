// Incidents: forced and scheduled ones are bursts concentrated on one city and merchant, or one brand.
import { getRegion } from '@shared/regions';
import { describe, expect, it } from 'vitest';
import { CaseModel } from './model';
import { scenariosStartingOn } from './scenarios';
import { cstDayIndex } from './intensity';

const HOUR = 3_600_000;

/** The city a case is registered in: its county's parent (the province for municipalities), or itself. */
function cityOf(code: string): string {
  const region = getRegion(code);
  return region?.level === 'county' ? (region.parent as string) : code;
}
const START = Date.parse('2026-03-10T12:00:00+08:00');

function incidentCases(model: CaseModel, fromMs: number, toMs: number, key: string) {
  return model
    .arrivals(fromMs, toMs)
    .filter((s) => s.scenario?.key === key)
    .map((s) => model.build(s).facts);
}

describe('injected incidents', () => {
  it('a food-poisoning cluster: one city, one restaurant, urgent food-safety cases within hours', () => {
    const model = new CaseModel({ seed: 8 });
    const scenario = model.inject('food-poisoning', START);
    const cases = incidentCases(model, START, START + 9 * HOUR, scenario.key);
    expect(cases.length).toBe(scenario.arrivals.length);
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(scenario.endMs - scenario.startMs).toBeLessThanOrEqual(8 * HOUR);
    expect(new Set(cases.map((c) => c.merchant?.name)).size).toBe(1);
    const city = scenario.cityCode!;
    expect(new Set(cases.map((c) => cityOf(c.regionCode)))).toEqual(new Set([city]));
    expect(cases.filter((c) => c.issueType === 'safety').length / cases.length).toBeGreaterThan(0.7);
    expect(cases.filter((c) => c.urgent).length / cases.length).toBeGreaterThan(0.4);
    // the burst dominates its city's catering cases in those hours
    const background = model
      .arrivals(START, START + 9 * HOUR)
      .filter((s) => !s.scenario)
      .map((s) => model.build(s).facts);
    const cityCatering = background.filter((c) => c.category === 'catering' && cityOf(c.regionCode) === city);
    expect(cases.length).toBeGreaterThan(3 * cityCatering.length);
  });

  it('a prepaid-card collapse: hundreds of complaints against one merchant across one city in 1-3 days', () => {
    const model = new CaseModel({ seed: 9 });
    const scenario = model.inject('prepaid-collapse', START);
    const cases = incidentCases(model, START, START + 4 * 24 * HOUR, scenario.key);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(scenario.endMs - scenario.startMs).toBeLessThanOrEqual(3 * 24 * HOUR);
    expect(new Set(cases.map((c) => c.merchant?.name)).size).toBe(1);
    expect(cases.every((c) => c.category === 'prepaid-cards')).toBe(true);
    expect(new Set(cases.map((c) => c.regionCode)).size).toBeGreaterThan(1); // across the city
    expect(cases.filter((c) => c.kind === 'complaint').length / cases.length).toBeGreaterThan(0.75);
  });

  it("one brand's safety problem across several provinces over days", () => {
    const model = new CaseModel({ seed: 10 });
    const scenario = model.inject('brand-safety', START);
    const cases = incidentCases(model, START, START + 7 * 24 * HOUR, scenario.key);
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.brand))).toEqual(new Set([scenario.brand]));
    const provinces = new Set(cases.map((c) => c.regionCode.slice(0, 2)));
    expect(provinces.size).toBeGreaterThanOrEqual(3);
    expect([...provinces].every((p) => scenario.provinceCodes!.some((code) => code.startsWith(p)))).toBe(true);
    expect(['appliances', 'toys']).toContain(cases[0].category);
  });

  it('compresses an incident at SIM_SPEED', () => {
    const normal = new CaseModel({ seed: 11 }).inject('prepaid-collapse', START);
    const fast = new CaseModel({ seed: 11, speed: 10 }).inject('prepaid-collapse', START);
    expect(fast.arrivals.length).toBe(normal.arrivals.length);
    expect((fast.endMs - fast.startMs) * 10).toBeCloseTo(normal.endMs - normal.startMs, -3);
  });
});

describe('scheduled incidents', () => {
  it('break out now and then, deterministically by seed', () => {
    const model = new CaseModel({ seed: 12315 });
    const ctx = { seed: 12315, geo: model.parts.geo, names: model.parts.names };
    const first = cstDayIndex(Date.parse('2026-01-01T12:00:00+08:00'));
    const counts: Record<string, number> = {};
    for (let day = first; day < first + 365; day += 1) {
      for (const s of scenariosStartingOn(ctx, day)) counts[s.type] = (counts[s.type] ?? 0) + 1;
    }
    // about one food-poisoning cluster a week, a collapse a fortnight, a brand problem every 3 weeks
    expect(counts['food-poisoning']).toBeGreaterThan(30);
    expect(counts['food-poisoning']).toBeLessThan(60);
    expect(counts['prepaid-collapse']).toBeGreaterThan(18);
    expect(counts['prepaid-collapse']).toBeLessThan(42);
    expect(counts['brand-safety']).toBeGreaterThan(9);
    expect(counts['brand-safety']).toBeLessThan(30);
    expect(scenariosStartingOn(ctx, first + 40)).toEqual(scenariosStartingOn(ctx, first + 40));
  });
});
