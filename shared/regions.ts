// Administrative regions (GB/T 2260 adcodes) shipped with the project: see shared/refdata/README.md
// for source and licence. Province = first 2 digits + "0000", city = first 4 + "00".
import regionPack from './refdata/regions.json';

/** What a wall can watch, from the whole country down: one list for the server's queries and the client's map. */
export const SCOPE_LEVELS = ['national', 'province', 'city', 'county'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];
/** The level of a shipped region: every scope level but the country itself. */
export type RegionLevel = Exclude<ScopeLevel, 'national'>;

export interface Region {
  /** 6-digit adcode */
  code: string;
  level: RegionLevel;
  /** Chinese name, e.g. 武汉市 */
  name: string;
  /** English name: hand-written for provinces, romanised (pinyin + English generic) below */
  nameEn?: string;
  /** adcode of the parent region; null for provinces */
  parent: string | null;
  /** label point [lon, lat] inside the region (polylabel on its largest polygon) */
  label: [number, number];
  /** resident population, 2020 census (provinces always; lower levels where known) */
  population?: number;
}

interface RegionPack {
  source: string;
  licence: string;
  regions: Region[];
}

const pack = regionPack as RegionPack;
const byCode = new Map<string, Region>(pack.regions.map((r) => [r.code, r]));
const childrenByParent = new Map<string, Region[]>();
for (const region of pack.regions) {
  const parent = region.parent ?? 'national';
  const list = childrenByParent.get(parent) ?? [];
  list.push(region);
  childrenByParent.set(parent, list);
}

export const REGION_SOURCE = { source: pack.source, licence: pack.licence };

/** 'national' or any shipped province, city or county adcode. */
export type Scope = 'national' | string;

export function allRegions(): readonly Region[] {
  return pack.regions;
}

export function getRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function isKnownRegion(code: string): boolean {
  return byCode.has(code);
}

export function isValidScope(scope: string): scope is Scope {
  return scope === 'national' || byCode.has(scope);
}

export function scopeLevel(scope: Scope): ScopeLevel {
  return scope === 'national' ? 'national' : (byCode.get(scope)?.level ?? 'county');
}

/** The regions one level below a scope, as shown on the wall's map and ranking. */
export function childrenOf(scope: Scope): readonly Region[] {
  return childrenByParent.get(scope) ?? [];
}

export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

export function cityCodeOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/**
 * The inclusive numeric adcode range a scope covers, used in SQL as
 * `region_code BETWEEN lo AND hi`: a province covers xx0000-xx9999, a city xxyy00-xxyy99.
 */
export function scopeRange(scope: Scope): [number, number] {
  if (scope === 'national') return [0, 999_999];
  const region = byCode.get(scope);
  if (!region) throw new Error(`unknown scope ${scope}`);
  const code = Number(scope);
  if (region.level === 'province') return [code, code + 9_999];
  if (region.level === 'city') return [code, code + 99];
  return [code, code];
}

/**
 * How an adcode inside a scope is rolled up to that scope's child level, as the divisor in
 * `intDiv(region_code, d) * d`: provinces under national, cities under a province, counties under a
 * city or under a municipality (whose children are all counties).
 *
 * Hubei, Henan, Hainan and Xinjiang also have counties directly under the province (省直辖县级行政区划,
 * codes xx90yy such as 429004 仙桃市): with d = 100 they roll up to xx9000, which is no region. SQL
 * that needs them separately keeps such codes whole:
 * `if(intDiv(region_code, 100) % 100 = 90, region_code, intDiv(region_code, 100) * 100)`;
 * childCodeOf() does the same in TypeScript.
 */
export function childDivisor(scope: Scope): number {
  if (scope === 'national') return 10_000;
  const region = byCode.get(scope);
  if (region?.level !== 'province') return 1;
  const children = childrenOf(scope);
  return children.length > 0 && children.every((c) => c.level === 'county') ? 1 : 100;
}

/** The child of `scope` that contains adcode `code`, or undefined if none is shipped. */
export function childCodeOf(scope: Scope, code: string): string | undefined {
  // Up the shipped tree first: this also finds 省直辖县 such as 429004 under their province.
  for (let r = byCode.get(code); r; r = r.parent ? byCode.get(r.parent) : undefined) {
    if ((r.parent ?? 'national') === scope) return r.code;
  }
  // An adcode the list lacks (a newer code, say): roll it up by its digits.
  const divisor = childDivisor(scope);
  const child = byCode.get(String(Math.floor(Number(code) / divisor) * divisor).padStart(6, '0'));
  return child && (child.parent ?? 'national') === scope ? child.code : undefined;
}
