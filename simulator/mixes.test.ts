// The mixes of a simulated weekday against the targets in the brief (tolerances of a few points).
import type { CaseInput } from '@shared/case-schema';
import { describe, expect, it } from 'vitest';
import { CaseModel } from './model';

const FROM = Date.parse('2026-03-10T00:00:00+08:00'); // a Tuesday
const model = new CaseModel({ seed: 2021 });
const cases: CaseInput[] = model.arrivals(FROM, FROM + 86_400_000).map((seed) => model.build(seed).facts as CaseInput);

function shares<K extends string>(pick: (c: CaseInput) => K | undefined, among = cases): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of among) {
    const key = pick(c) ?? '(none)';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  for (const key of Object.keys(counts)) counts[key] /= among.length;
  return counts;
}

describe('simulated mixes', () => {
  it('has the kinds of contact of the national platform', () => {
    const kind = shares((c) => c.kind);
    expect(kind.consultation).toBeCloseTo(0.55, 1);
    expect(kind.complaint).toBeCloseTo(0.35, 1);
    expect(kind.report).toBeGreaterThan(0.065);
    expect(kind.report).toBeLessThan(0.095);
    expect(kind.suggestion).toBeGreaterThan(0.012);
    expect(kind.suggestion).toBeLessThan(0.03);
  });

  it('splits the five former hotlines as 12315 receives them', () => {
    const line = shares((c) => c.line);
    expect(line.consumer).toBeGreaterThan(0.74);
    expect(line.consumer).toBeLessThan(0.82);
    for (const [code, target] of [
      ['quality', 0.08],
      ['food-drug', 0.09],
      ['price', 0.03],
      ['ip', 0.02],
    ] as const) {
      expect(line[code], code).toBeGreaterThan(target * 0.7);
      expect(line[code], code).toBeLessThan(target * 1.3);
    }
  });

  it('correlates lines with categories: food to food-drug, counterfeits to IP', () => {
    const food = shares(
      (c) => c.line,
      cases.filter((c) => c.category === 'food'),
    );
    expect(food['food-drug']).toBeGreaterThan(0.45);
    const counterfeit = shares(
      (c) => c.line,
      cases.filter((c) => c.issueType === 'counterfeit'),
    );
    expect(counterfeit.ip).toBeGreaterThan(0.35);
    const prepaid = shares(
      (c) => c.issueType,
      cases.filter((c) => c.category === 'prepaid-cards'),
    );
    expect(prepaid.contract).toBeGreaterThan(0.4);
  });

  it('comes mostly by phone, a third online, a few transferred', () => {
    const channel = shares((c) => c.channel);
    expect(channel.phone).toBeGreaterThan(0.5);
    expect(channel.phone).toBeLessThan(0.6);
    const online = channel.web + channel.app + channel.wechat;
    expect(online).toBeGreaterThan(0.3);
    expect(online).toBeLessThan(0.4);
    expect(channel.transfer).toBeGreaterThan(0.03);
    expect(channel.transfer).toBeLessThan(0.07);
  });

  it('ranks online shopping first, then food, with a long tail', () => {
    const category = Object.entries(shares((c) => c.category)).sort((a, b) => b[1] - a[1]);
    expect(category[0][0]).toBe('online-shopping');
    expect(category[0][1]).toBeGreaterThan(0.14);
    expect(category[1][0]).toBe('food');
    expect(category.length).toBe(24);
  });

  it('marks about 1% urgent, food safety far more often', () => {
    expect(shares((c) => String(Boolean(c.urgent)) as 'true' | 'false').true).toBeGreaterThan(0.006);
    expect(shares((c) => String(Boolean(c.urgent)) as 'true' | 'false').true).toBeLessThan(0.016);
    const foodSafety = cases.filter(
      (c) => (c.category === 'food' || c.category === 'catering') && c.issueType === 'safety',
    );
    expect(foodSafety.filter((c) => c.urgent).length / foodSafety.length).toBeGreaterThan(0.1);
  });

  it('registers ~3% with the city only, ~70% with a location, ~2% with a personal datum to scrub', () => {
    const cityOnly = cases.filter(
      (c) => c.regionCode.endsWith('00') && !['441900', '442000', '460400'].includes(c.regionCode),
    );
    expect(cityOnly.length / cases.length).toBeGreaterThan(0.02);
    expect(cityOnly.length / cases.length).toBeLessThan(0.04);
    expect(cases.filter((c) => c.location).length / cases.length).toBeCloseTo(0.7, 1);
    const personal = cases.filter((c) => /138 0000 \d{4}|@example\.com|0\d{2}-0000\d{4}/.test(c.summary ?? ''));
    expect(personal.length / cases.length).toBeGreaterThan(0.015);
    expect(personal.length / cases.length).toBeLessThan(0.025);
  });

  it('puts money on complaints, none on consultations', () => {
    const complaints = cases.filter((c) => c.kind === 'complaint');
    expect(complaints.filter((c) => c.amountYuan !== undefined).length / complaints.length).toBeGreaterThan(0.85);
    expect(cases.some((c) => c.kind === 'consultation' && c.amountYuan !== undefined)).toBe(false);
  });

  it('draws merchants and brands from skewed distributions', () => {
    const online = cases.filter((c) => c.category === 'online-shopping' && c.merchant?.id?.startsWith('N'));
    const byMerchant = Object.values(shares((c) => c.merchant?.name, online)).sort((a, b) => b - a);
    expect(byMerchant[0]).toBeGreaterThan(0.2); // the biggest platform
    expect(byMerchant.slice(0, 3).reduce((a, b) => a + b, 0)).toBeGreaterThan(0.5);
    const appliances = cases.filter((c) => c.category === 'appliances' && c.brand);
    const byBrand = Object.values(shares((c) => c.brand, appliances)).sort((a, b) => b - a);
    expect(byBrand[0] / byBrand[9]).toBeGreaterThan(5);
  });
});
