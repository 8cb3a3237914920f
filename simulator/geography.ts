// Where cases happen: mainland regions weighted by population. Provinces carry their 2020 census
// population; below that the region list has no figures, so a province's weight is spread over its
// counties by kind (urban districts draw more cases than rural counties) and the provincial capital
// is boosted. Hong Kong, Macao and Taiwan are outside the 12315 system and never drawn.
import { allRegions, childrenOf, getRegion, type Region } from '@shared/regions';
import { Rng, WeightedTable } from './random';

export interface Place {
  /** adcode of the county, or of a prefecture city that has no counties (东莞, 中山, 儋州) */
  code: string;
  name: string;
  provinceCode: string;
  /** the prefecture city above it; the province for municipalities and 省直辖县 */
  cityCode: string;
  /** short city name for merchant names, e.g. 武汉 */
  cityShort: string;
  label: [number, number];
}

/** Intake per head differs: richer, more urban provinces with more online shopping call more. */
const PROVINCE_PROPENSITY: Readonly<Record<string, number>> = {
  '110000': 1.6,
  '310000': 1.6,
  '440000': 1.4,
  '330000': 1.4,
  '320000': 1.3,
  '120000': 1.2,
  '540000': 0.6,
  '630000': 0.8,
};

const OUTSIDE_12315 = new Set(['710000', '810000', '820000']);

function countyWeight(region: Region): number {
  const name = region.name;
  if (region.level === 'city') return 8; // a prefecture city governing towns directly: a big unit
  if (/[岛域]$/.test(name)) return 0; // islands and sea areas have no consumers to speak of
  if (name.endsWith('区')) return /管理区|新区管委会/.test(name) ? 0.3 : 3;
  if (name.endsWith('市')) return 1.6;
  if (/[县旗]$/.test(name)) return 1;
  return 0.3; // development zones and similar (白沟新城, 管委会)
}

export function shortName(name: string): string {
  if (/自治[州县旗]$/.test(name)) return name.slice(0, 2);
  const stripped = name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|地区|盟|区|县|旗)$/, '');
  return stripped.length >= 2 ? stripped : name;
}

function leavesUnder(code: string): Region[] {
  const out: Region[] = [];
  for (const child of childrenOf(code)) {
    const below = childrenOf(child.code);
    if (below.length === 0) out.push(child);
    else out.push(...leavesUnder(child.code));
  }
  return out;
}

export class Geography {
  private readonly national: WeightedTable<Place>;
  private readonly byCity = new Map<string, WeightedTable<Place>>();
  private readonly byProvince = new Map<string, WeightedTable<Place>>();
  private readonly cities: WeightedTable<string>;
  private readonly byCode = new Map<string, Place>();

  constructor() {
    const national: Array<[Place, number]> = [];
    const perCity = new Map<string, Array<[Place, number]>>();
    for (const province of allRegions()) {
      if (province.level !== 'province' || OUTSIDE_12315.has(province.code)) continue;
      const leaves = leavesUnder(province.code);
      const capital = `${province.code.slice(0, 2)}0100`;
      const raw = leaves.map((leaf) => countyWeight(leaf) * (leaf.parent === capital ? 1.8 : 1));
      const rawTotal = raw.reduce((a, b) => a + b, 0);
      const inProvince: Array<[Place, number]> = [];
      const provinceWeight = (province.population ?? 0) * (PROVINCE_PROPENSITY[province.code] ?? 1);
      leaves.forEach((leaf, i) => {
        if (raw[i] === 0) return;
        const cityCode = leaf.level === 'city' ? leaf.code : (leaf.parent ?? province.code);
        const city = getRegion(cityCode);
        const cityShort = shortName(cityCode === province.code ? leaf.name : (city?.name ?? leaf.name));
        const place: Place = {
          code: leaf.code,
          name: leaf.name,
          provinceCode: province.code,
          cityCode,
          cityShort,
          label: leaf.label,
        };
        const weight = (provinceWeight * raw[i]) / rawTotal;
        this.byCode.set(place.code, place);
        national.push([place, weight]);
        inProvince.push([place, weight]);
        const list = perCity.get(cityCode) ?? [];
        list.push([place, weight]);
        perCity.set(cityCode, list);
      });
      if (inProvince.length > 0) this.byProvince.set(province.code, new WeightedTable(inProvince));
    }
    this.national = new WeightedTable(national);
    for (const [code, list] of perCity) this.byCity.set(code, new WeightedTable(list));
    const cityWeights = new Map<string, number>();
    for (const [place, w] of national) cityWeights.set(place.cityCode, (cityWeights.get(place.cityCode) ?? 0) + w);
    this.cities = new WeightedTable([...cityWeights]);
  }

  /** The drawable place with this adcode. */
  place(code: string): Place {
    const place = this.byCode.get(code);
    if (!place) throw new Error(`${code} is not a drawable place`);
    return place;
  }

  /** A county anywhere in the mainland, population-weighted. */
  pickPlace(rng: Rng): Place {
    return this.national.pick(rng);
  }

  /** A city (or municipality), population-weighted: where a local incident breaks out. */
  pickCity(rng: Rng): string {
    return this.cities.pick(rng);
  }

  /** A county inside `cityCode`, population-weighted. */
  pickPlaceIn(rng: Rng, cityCode: string): Place {
    const table = this.byCity.get(cityCode);
    if (!table) throw new Error(`no places under ${cityCode}`);
    return table.pick(rng);
  }

  /** A province, population-weighted (through its counties). */
  pickProvince(rng: Rng): string {
    return this.national.pick(rng).provinceCode;
  }

  /** A county inside a province, population-weighted. */
  pickPlaceInProvince(rng: Rng, provinceCode: string): Place {
    const table = this.byProvince.get(provinceCode);
    if (!table) throw new Error(`no places in ${provinceCode}`);
    return table.pick(rng);
  }
}

/** A point near a region's label point: within ~0.2° for a county, wider when only the city is known. */
export function jitterLocation(rng: Rng, label: [number, number], spreadDeg: number): { lon: number; lat: number } {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const dx = clamp(rng.normal() * spreadDeg, -2.5 * spreadDeg, 2.5 * spreadDeg);
  const dy = clamp(rng.normal() * spreadDeg, -2.5 * spreadDeg, 2.5 * spreadDeg);
  return {
    lon: Math.round(clamp(label[0] + dx, 73, 136) * 1e4) / 1e4,
    lat: Math.round(clamp(label[1] + dy, 3, 54) * 1e4) / 1e4,
  };
}
