// Region labels for the map: one point per child region at its polylabel point from the region list
// (a centroid would put Hainan's label in the sea), with names short enough to read from across a room.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { childrenOf, type Scope } from '@shared/regions';
import type { Locale } from '@client/i18n';

const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** 内蒙古自治区 → 内蒙古, 湖北省 → 湖北, 北京市 → 北京; lower levels keep their full name (武汉市, 江岸区). */
export function shortRegionName(name: string, level: string): string {
  if (level !== 'province') return name;
  const suffix = PROVINCE_SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length + 1);
  return suffix ? name.slice(0, -suffix.length) : name;
}

export function labelPoints(scope: Scope, lang: Locale): FeatureCollection<Point, { code: string; name: string }> {
  const features: Feature<Point, { code: string; name: string }>[] = childrenOf(scope).map((region) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: region.label },
    properties: {
      code: region.code,
      name: lang === 'en' && region.nameEn ? region.nameEn : shortRegionName(region.name, region.level),
    },
  }));
  return { type: 'FeatureCollection', features };
}
