// The alerts-cycle benchmark's history, shaped like a hotline's intake rather than flat, so that the
// detectors see ordinary weeks (a few chance signals), not thousands of surges:
// - a daily cycle (China time: quiet nights, morning and afternoon peaks) and a weekly one (weekends
//   and public holidays of the shipped calendar quieter);
// - overdispersed day to day: each day's national total and each province's share of it drawn from
//   lognormal factors (CV 0.15 nationally, 0.1 per province);
// - skewed, stable weights of counties, categories, merchants (a third of cases name one, local to
//   its county, of one category) and brands (a fifth, of one category), the same every day;
// - statuses that follow the case's age: today's cases mostly open, a fortnight old mostly done,
//   older ones closed, resolved or rejected (closed at most 3 days after receipt, never in the future).
// The benchmark's inflow draws from the same shape (alertsCycleInflow), at the history's rate.
// Generated in ClickHouse (bench/sql/alerts-history-cases.sql), one insert per China-time day: the
// weights reach SQL as "ticket" arrays (each value repeated by its weight), picked by a hash of the
// case number, so a case costs O(1) to draw.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInput } from '@shared/case-schema';
import { activeCalendar } from '@shared/calendar';
import { cstDayOf, weekdayOfDay } from '@shared/calendar/cst-day';
import { CATEGORY_CODES, CHANNEL_CODES, KIND_CODES, LINE_CODES, type Status } from '@shared/codes';
import { allRegions, getRegion } from '@shared/regions';
import { CST_OFFSET_MS, DAY_MS, HOUR_MS } from '@shared/time';
import type { ClickHouse } from '../server/clickhouse/client';
import { benchCases } from './bench-cases';

const historySql = fs.readFileSync(path.join(import.meta.dirname, 'sql', 'alerts-history-cases.sql'), 'utf8');

/** relative intake by China-time hour of day (0-23) */
const HOUR_PROFILE = [
  0.15, 0.08, 0.05, 0.04, 0.04, 0.08, 0.2, 0.45, 0.9, 1.4, 1.6, 1.5, 1.0, 1.1, 1.45, 1.5, 1.4, 1.2, 0.9, 0.75, 0.65,
  0.55, 0.4, 0.25,
];
/** relative intake by weekday, Sunday first */
const WEEKDAY_FACTOR = [0.65, 1.08, 1.06, 1.04, 1.04, 1.02, 0.75];
const HOLIDAY_FACTOR = 0.6;
const NATIONAL_DAY_CV = 0.15;
const PROVINCE_DAY_CV = 0.1;
const MERCHANTS_PER_COUNTY = 40;
const BRANDS = 800;

/** A deterministic uniform in [0, 1) from integers (splitmix-like). */
function uniform(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) {
    h = Math.imul(h ^ (k | 0), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 2 ** 32;
}

/** A standard normal from two uniforms (Box-Muller). */
const normal = (...keys: number[]) =>
  Math.sqrt(-2 * Math.log(1 - uniform(...keys, 1))) * Math.cos(2 * Math.PI * uniform(...keys, 2));

/** A lognormal factor of mean 1 and the given coefficient of variation. */
function lognormal(cv: number, ...keys: number[]): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  return Math.exp(sigma * normal(...keys) - (sigma * sigma) / 2);
}

const counties = allRegions()
  .filter((r) => r.level === 'county')
  .map((r) => Number(r.code));
/** populous counties take many times the cases of remote ones (lognormal, sigma 1) */
const countyWeights = counties.map((code) => Math.exp(normal(code, 11)));
const categoryWeights = CATEGORY_CODES.map((_, i) => Math.exp(0.8 * normal(i, 12)));

/** Each value repeated in proportion to its weight, about `size` entries in all (at least once each). */
function tickets<T>(values: readonly T[], weights: readonly number[], size: number): T[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return values.flatMap((v, i) => new Array<T>(Math.max(1, Math.round((weights[i] / total) * size))).fill(v));
}

const dayFactor = (day: number) =>
  WEEKDAY_FACTOR[weekdayOfDay(day)] *
  (activeCalendar().describeDay(day).holiday !== undefined ? HOLIDAY_FACTOR : 1) *
  lognormal(NATIONAL_DAY_CV, day, 21);

function countyTickets(day: number): number[] {
  const weights = counties.map((code, i) => countyWeights[i] * lognormal(PROVINCE_DAY_CV, day, Math.floor(code / 1e4)));
  return tickets(counties, weights, 30_000);
}

/** Statuses of a case received `ageDays` ago: open ones fade as cases age. */
function statusesAt(ageDays: number): Status[] {
  if (ageDays < 1) return ['received', 'received', 'accepted', 'accepted', 'transferred', 'rejected'];
  if (ageDays < 4) return ['accepted', 'transferred', 'mediating', 'verifying', 'resolved', 'rejected'];
  if (ageDays < 15) return ['mediating', 'verifying', 'resolved', 'resolved', 'closed', 'rejected'];
  return ['closed', 'closed', 'closed', 'resolved', 'rejected'];
}

/**
 * Inserts `days` China-time days of history ending at `nowMs` (the last day up to `nowMs` only),
 * `casesPerDay` on an average day. Returns the cases inserted.
 */
export async function insertShapedHistory(
  clickhouse: ClickHouse,
  casesPerDay: number,
  days: number,
  nowMs: number,
): Promise<number> {
  const mean = WEEKDAY_FACTOR.reduce((a, b) => a + b, 0) / 7;
  const today = cstDayOf(nowMs);
  let from = 0;
  for (let day = today - days + 1; day <= today; day += 1) {
    const dayStartMs = day * DAY_MS - CST_OFFSET_MS;
    const hours = HOUR_PROFILE.map((w, h) => (dayStartMs + h * HOUR_MS < nowMs ? w : 0));
    const share = hours.reduce((a, b) => a + b, 0) / HOUR_PROFILE.reduce((a, b) => a + b, 0);
    const count = Math.round((casesPerDay / mean) * dayFactor(day) * share);
    if (count === 0) continue;
    await clickhouse.command('bench:alerts-history', historySql, {
      prefix: `H${day}-`,
      from,
      count,
      dayStartMs,
      nowMs,
      hourTickets: tickets(
        HOUR_PROFILE.map((_, h) => h),
        hours,
        2_000,
      ).filter((h) => hours[h] > 0),
      countyTickets: countyTickets(day),
      categoryTickets: tickets(CATEGORY_CODES, categoryWeights, 2_000),
      statuses: statusesAt((nowMs - dayStartMs) / DAY_MS - 0.5),
      merchantsPerCounty: MERCHANTS_PER_COUNTY,
      brands: BRANDS,
      lines: LINE_CODES,
      kinds: KIND_CODES,
      channels: CHANNEL_CODES,
    });
    from += count;
  }
  return from;
}

/** The inflow at the history's rate and shape: `count` cases received at `nowMs`. */
export function alertsCycleInflow(count: number, prefix: string, nowMs: number, seq: number): CaseInput[] {
  const day = cstDayOf(nowMs);
  const countyPool = countyTickets(day);
  const categoryPool = tickets(CATEGORY_CODES, categoryWeights, 2_000);
  return benchCases(count, prefix, nowMs).map((c, i) => {
    const county = countyPool[Math.floor(uniform(seq, i, 31) * countyPool.length)];
    const category = categoryPool[Math.floor(uniform(seq, i, 35) * categoryPool.length)];
    const merchant = Math.floor(MERCHANTS_PER_COUNTY * uniform(seq, i, 32) ** 3);
    const brand = Math.floor(BRANDS * uniform(seq, i, 36) ** 2);
    const named = uniform(seq, i, 33) < 1 / 3;
    const branded = uniform(seq, i, 34) < 1 / 5;
    const { merchant: _m, brand: _b, ...rest } = c;
    return {
      ...rest,
      receivedAt: new Date(nowMs).toISOString(),
      regionCode: String(county),
      location: { lon: getRegion(String(county))!.label[0], lat: getRegion(String(county))!.label[1] },
      category,
      ...(named ? { merchant: { name: `商户${county}-${category}-${merchant}` } } : {}),
      ...(branded ? { brand: `品牌${category}-${brand}` } : {}),
    };
  });
}
