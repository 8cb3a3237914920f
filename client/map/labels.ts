// Region labels for the map: one point per child region at its polylabel point from the region list
// (a centroid would put Hainan's label in the sea), with names short enough to read from across a room.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { allRegions, childrenOf, type Region, type Scope } from '@shared/regions';
import type { Locale } from '@client/i18n';

const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** 内蒙古自治区 → 内蒙古, 湖北省 → 湖北, 北京市 → 北京; lower levels keep their full name (武汉市, 江岸区). */
export function shortRegionName(name: string, level: string): string {
  if (level !== 'province') return name;
  const suffix = PROVINCE_SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length + 1);
  return suffix ? name.slice(0, -suffix.length) : name;
}

/** The administrative kind at the end of an English name: plain from the scope, and wall space is short. */
const ENGLISH_KIND =
  / (?:Autonomous (?:County|Prefecture|Banner)|Special District|Forestry District|Mining District|New Area|District|County|City|Banner|Prefecture|League)$/;

let ambiguousCodes: Set<string> | null = null;
/** Regions whose English name without its kind would read like a sibling's (临夏市, 临夏县: both "Linxia"). */
function ambiguous(): Set<string> {
  if (ambiguousCodes) return ambiguousCodes;
  const byShortName = new Map<string, string[]>();
  for (const region of allRegions()) {
    if (!region.nameEn) continue;
    const key = `${region.parent}|${region.nameEn.replace(ENGLISH_KIND, '')}`;
    byShortName.set(key, [...(byShortName.get(key) ?? []), region.code]);
  }
  ambiguousCodes = new Set([...byShortName.values()].filter((codes) => codes.length > 1).flat());
  return ambiguousCodes;
}

/**
 * A region's name where space is short (map labels, rankings, the feed): 湖北, 武汉市, 江岸区 in
 * Chinese; Hubei, Wuhan, Jiang'an in English, unless a sibling would then read the same.
 */
export function regionLabel(region: Region, lang: Locale): string {
  if (lang === 'en' && region.nameEn) {
    if (ambiguous().has(region.code)) return region.nameEn;
    return region.nameEn.replace(ENGLISH_KIND, '') || region.nameEn;
  }
  return shortRegionName(region.name, region.level);
}

export function labelPoints(scope: Scope, lang: Locale): FeatureCollection<Point, { code: string; name: string }> {
  const features: Feature<Point, { code: string; name: string }>[] = childrenOf(scope).map((region) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: region.label },
    properties: {
      code: region.code,
      name: regionLabel(region, lang),
    },
  }));
  return { type: 'FeatureCollection', features };
}
