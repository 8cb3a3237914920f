// Incidents the command centre exists for, injected now and then (deterministically by seed) on top
// of the normal flow: a food-poisoning cluster in one city, a prepaid-card merchant that closes
// overnight across a city, one brand's product-safety problem across provinces. Each is planned
// whole when its day is first touched (start, place, merchant or brand, arrival times), so backfill
// and live agree on it and its cases can be rebuilt from their seeds.
import type { Category } from '@shared/codes';
import { DAY_MS, HOUR_MS } from '@shared/time';
import type { Geography } from './geography';
import { cstDayStart, hourShape } from './intensity';
import type { Merchant, NameBook } from './names';
import { hashString, mixSeed, Rng } from './random';

export const SCENARIO_TYPES = ['food-poisoning', 'prepaid-collapse', 'brand-safety'] as const;
export type ScenarioType = (typeof SCENARIO_TYPES)[number];

/** Chance that an incident of each type starts on a given day: one every ~8, ~12 and ~20 days. */
const DAILY_CHANCE: Record<ScenarioType, number> = {
  'food-poisoning': 0.12,
  'prepaid-collapse': 0.08,
  'brand-safety': 0.05,
};
const TAG: Record<ScenarioType, string> = { 'food-poisoning': 'fp', 'prepaid-collapse': 'pc', 'brand-safety': 'bs' };

/** The longest incident, in days: how far back the generator looks for ones still running. */
export const MAX_SCENARIO_DAYS = 7;

export interface Scenario {
  /** unique within a seed; part of the case ids */
  key: string;
  type: ScenarioType;
  startMs: number;
  endMs: number;
  seed: number;
  category: Category;
  /** food poisoning and prepaid collapse: the city, and the merchant's own county */
  cityCode?: string;
  countyCode?: string;
  merchant?: Merchant;
  /** brand safety: the brand, its product and the provinces where it sells */
  brand?: string;
  product?: string;
  provinceCodes?: string[];
  /** receipt times of its cases, whole seconds, ascending */
  arrivals: number[];
}

export interface ScenarioContext {
  seed: number;
  geo: Geography;
  names: NameBook;
}

export const BRAND_PRODUCTS: Partial<Record<Category, readonly string[]>> = {
  appliances: ['电热水壶', '电暖器', '电动自行车充电器', '电热毯', '高压锅'],
  toys: ['儿童滑板车', '婴儿推车', '磁力玩具', '儿童安全座椅'],
};

/** Arrival times: `shape(u)` is the relative density at fraction u of the duration, follows the day cycle. */
function arrivalTimes(
  rng: Rng,
  count: number,
  startMs: number,
  durationMs: number,
  shape: (u: number) => number,
  speed: number,
): number[] {
  const times: number[] = [];
  while (times.length < count) {
    const u = rng.next();
    const t = startMs + u * durationMs;
    // nights are quiet even in an incident, except for food poisoning which strikes within hours
    if (rng.next() < shape(u) * Math.max(hourShape(t), 0.15)) times.push(t);
  }
  return times.map((t) => Math.round((startMs + (t - startMs) / speed) / 1000) * 1000).sort((a, b) => a - b);
}

export function planScenario(
  ctx: ScenarioContext,
  type: ScenarioType,
  startMs: number,
  seed: number,
  key: string,
  speed = 1,
): Scenario {
  const rng = new Rng(seed);
  const base = { key, type, startMs, seed };
  if (type === 'food-poisoning') {
    const cityCode = ctx.geo.pickCity(rng);
    const county = ctx.geo.pickPlaceIn(rng, cityCode);
    const durationMs = rng.between(3, 8) * HOUR_MS;
    const count = 25 + rng.int(96);
    const merchant = ctx.names.localMerchantAt('catering', cityCode, county.cityShort, rng.int(80));
    const arrivals = arrivalTimes(rng, count, startMs, durationMs, (u) => Math.exp(-3 * u) + 0.05, speed);
    return {
      ...base,
      category: 'catering',
      cityCode,
      countyCode: county.code,
      merchant,
      arrivals,
      endMs: startMs + durationMs / speed,
    };
  }
  if (type === 'prepaid-collapse') {
    const cityCode = ctx.geo.pickCity(rng);
    const county = ctx.geo.pickPlaceIn(rng, cityCode);
    const durationMs = rng.between(1, 3) * DAY_MS;
    const count = 200 + rng.int(601);
    // a popular chain: one of the city's top-ranked prepaid-card merchants
    const merchant = ctx.names.localMerchantAt('prepaid-cards', cityCode, county.cityShort, rng.int(10));
    const arrivals = arrivalTimes(rng, count, startMs, durationMs, (u) => Math.exp(-2 * u), speed);
    return {
      ...base,
      category: 'prepaid-cards',
      cityCode,
      countyCode: county.code,
      merchant,
      arrivals,
      endMs: startMs + durationMs / speed,
    };
  }
  const category: Category = rng.chance(0.6) ? 'appliances' : 'toys';
  const provinces = new Set<string>();
  const provinceCount = 3 + rng.int(6);
  while (provinces.size < provinceCount) provinces.add(ctx.geo.pickProvince(rng));
  const durationMs = rng.between(2, 6) * DAY_MS;
  const count = 100 + rng.int(301);
  // news spreads: a rise to a peak in the first third, then a slow decline
  const arrivals = arrivalTimes(
    rng,
    count,
    startMs,
    durationMs,
    (u) => (u < 0.3 ? u / 0.3 : 1 - (u - 0.3) / 0.8),
    speed,
  );
  return {
    ...base,
    category,
    brand: ctx.names.brandAt(category, rng.int(15)),
    product: rng.pick(BRAND_PRODUCTS[category] ?? ['产品']),
    provinceCodes: [...provinces],
    arrivals,
    endMs: startMs + durationMs / speed,
  };
}

/** The incidents that break out on a Beijing calendar day (usually none). */
export function scenariosStartingOn(ctx: ScenarioContext, dayIndex: number, speed = 1): Scenario[] {
  const out: Scenario[] = [];
  const dayStart = cstDayStart(dayIndex);
  const date = new Date(dayStart + 8 * HOUR_MS).toISOString().slice(0, 10).replaceAll('-', '');
  for (const type of SCENARIO_TYPES) {
    const rng = new Rng(mixSeed(ctx.seed, dayIndex, hashString(type)));
    if (!rng.chance(DAILY_CHANCE[type])) continue;
    // food poisoning follows a meal; a closure is found in the morning; news of a defect any time
    const startHour =
      type === 'food-poisoning'
        ? rng.between(11, 20)
        : type === 'prepaid-collapse'
          ? rng.between(8, 12)
          : rng.between(8, 20);
    const startMs = Math.round((dayStart + startHour * HOUR_MS) / 1000) * 1000;
    out.push(planScenario(ctx, type, startMs, rng.seed(), `${date}${TAG[type]}`, speed));
  }
  return out;
}

/** An incident forced to start at `startMs` (demos, tests); keyed by its start so it is unique. */
export function injectedScenario(ctx: ScenarioContext, type: ScenarioType, startMs: number, speed = 1): Scenario {
  const seconds = Math.floor(startMs / 1000);
  return planScenario(
    ctx,
    type,
    seconds * 1000,
    mixSeed(ctx.seed, seconds, hashString(type), 0x1e),
    `I${seconds.toString(36)}${TAG[type]}`,
    speed,
  );
}
