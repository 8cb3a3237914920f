// Every simulated case is a valid ingest case, and the stream is a pure function of seed and time.
import { caseInputSchema, describeIssues } from '@shared/case-schema';
import { getRegion } from '@shared/regions';
import { describe, expect, it } from 'vitest';
import { versionAt } from './case-factory';
import { CaseModel } from './model';

const HOUR = 3_600_000;
const FROM = Date.parse('2026-03-09T00:00:00+08:00'); // a Monday

describe('case model', () => {
  const model = new CaseModel({ seed: 12315 });
  // a weekday morning plus an afternoon, and two incident types forced in: about 20,000 cases
  model.inject('food-poisoning', FROM + 12 * HOUR);
  model.inject('brand-safety', FROM + 9 * HOUR);
  const seeds = model.arrivals(FROM + 6 * HOUR, FROM + 16 * HOUR);

  it('produces only cases the ingest accepts, in every version', () => {
    expect(seeds.length).toBeGreaterThan(20_000);
    let versions = 0;
    const problems: string[] = [];
    for (const seed of seeds) {
      const sim = model.build(seed);
      for (let i = 0; i < sim.steps.length; i += 1) {
        const result = caseInputSchema.safeParse(versionAt(sim, i));
        versions += 1;
        if (!result.success && problems.length < 5)
          problems.push(`${seed.id}: ${describeIssues(result.error).join('; ')}`);
      }
    }
    expect(problems).toEqual([]);
    expect(versions).toBeGreaterThan(seeds.length * 2);
  });

  it('gives every case a unique id and a receipt time inside the span', () => {
    expect(new Set(seeds.map((s) => s.id)).size).toBe(seeds.length);
    expect(seeds.every((s) => /^[A-Za-z0-9_-]{1,64}$/.test(s.id))).toBe(true);
    expect(seeds[0].receivedAtMs).toBeGreaterThanOrEqual(FROM + 6 * HOUR);
    expect(seeds.at(-1)!.receivedAtMs).toBeLessThan(FROM + 16 * HOUR);
  });

  it('is deterministic: same seed, same cases; another seed, other cases', () => {
    const span = [FROM + 9 * HOUR, FROM + 10 * HOUR] as const;
    const render = (m: CaseModel) => JSON.stringify(m.arrivals(...span).map((s) => m.build(s)));
    const first = render(new CaseModel({ seed: 99 }));
    expect(render(new CaseModel({ seed: 99 }))).toBe(first);
    expect(render(new CaseModel({ seed: 100 }))).not.toBe(first);
  });

  it('does not depend on the order in which spans are generated (backfill goes newest first)', () => {
    const m = new CaseModel({ seed: 5 });
    const later = m.arrivals(FROM + 30 * HOUR, FROM + 31 * HOUR);
    const earlier = m.arrivals(FROM + 29 * HOUR, FROM + 30 * HOUR);
    const whole = new CaseModel({ seed: 5 }).arrivals(FROM + 29 * HOUR, FROM + 31 * HOUR);
    expect([...earlier, ...later].map((s) => s.id)).toEqual(whole.map((s) => s.id));
    const rebuilt = new CaseModel({ seed: 5 }).build(later[10]);
    expect(rebuilt).toEqual(m.build(later[10]));
  });

  it('keeps a speeded-up stream apart from the real-rate one', () => {
    const fast = new CaseModel({ seed: 12315, speed: 10 });
    expect(fast.idPrefix).not.toBe(model.idPrefix);
    const seed = fast.arrivals(FROM + 10 * HOUR, FROM + 10 * HOUR + 60_000)[0];
    expect(seed.id.startsWith(`${fast.idPrefix}-`)).toBe(true);
  });

  it('places cases in mainland counties, population-weighted', () => {
    const byProvince = new Map<string, number>();
    for (const seed of seeds) {
      const code = model.build(seed).facts.regionCode;
      const region = getRegion(code);
      expect(region, code).toBeDefined();
      expect(['71', '81', '82']).not.toContain(code.slice(0, 2));
      byProvince.set(code.slice(0, 2), (byProvince.get(code.slice(0, 2)) ?? 0) + 1);
    }
    const share = (p: string) => (byProvince.get(p) ?? 0) / seeds.length;
    // Guangdong (126 M people) far above Tibet (3.6 M); Shandong (102 M) above Gansu (25 M)
    expect(share('44')).toBeGreaterThan(0.08);
    expect(share('54')).toBeLessThan(0.005);
    expect(share('37') / share('62')).toBeGreaterThan(2.5);
  });
});
