// The three polygon layers of the boundary pack. Each layer covers the whole territory with the
// regions the wall shows at that depth, so a map never has holes:
//   province: the 34 provinces;
//   city:     every child of a province (cities, a municipality's counties, 省直辖县 such as
//             仙桃), plus Hong Kong, Macau and Taiwan whole;
//   county:   every region without children (counties, 东莞-style cities), plus HK/MO/TW whole.
// Source features outside the code list (three Gansu reserves with codes 6297xx-6299xx) are kept
// so their area is not a hole; they have no entry in regions.json.
import mapshaper from 'mapshaper';
import type { RegionLevel } from '@shared/regions';
import type { RegionDraft } from './code-list';
import type { Feature, FeatureCollection, GeoLevel, Geodata, Geometry, PolygonCoords } from './geodata';

export type LayerName = RegionLevel;
export const LAYER_NAMES: readonly LayerName[] = ['province', 'city', 'county'];

export interface LayerProps {
  adcode: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
}

export type LayerFeature = Feature<LayerProps>;

/** Which source file to take a layer's geometry from, best first (same file = shared edges match). */
const LAYER_SOURCES: Record<LayerName, GeoLevel[]> = { province: [1], city: [2, 3, 1], county: [3, 2, 1] };
/** Which source file gives a region's own label polygon. */
export const LABEL_SOURCES: Record<RegionLevel, GeoLevel[]> = { province: [1], city: [2, 3], county: [3, 2] };

export function findGeometry(geo: Geodata, code: string, sources: GeoLevel[]): Geometry | undefined {
  for (const level of sources) {
    const found = geo.levels[level].get(code);
    if (found) return found.geometry;
  }
  return undefined;
}

function layerMembers(layer: LayerName, regions: RegionDraft[]): RegionDraft[] {
  const levelOf = new Map(regions.map((r) => [r.code, r.level]));
  const parents = new Set(regions.map((r) => r.parent));
  const isLeaf = (r: RegionDraft) => !parents.has(r.code);
  if (layer === 'province') return regions.filter((r) => r.level === 'province');
  if (layer === 'city') {
    return regions.filter(
      (r) => (r.parent && levelOf.get(r.parent) === 'province') || (r.level === 'province' && isLeaf(r)),
    );
  }
  return regions.filter(isLeaf);
}

export interface AssembledLayer {
  features: LayerFeature[];
  /** code-list regions of this layer with no polygon in the source */
  withoutPolygon: string[];
}

export function assembleLayer(layer: LayerName, regions: RegionDraft[], geo: Geodata): AssembledLayer {
  const features: LayerFeature[] = [];
  const withoutPolygon: string[] = [];
  for (const r of layerMembers(layer, regions)) {
    const geometry = findGeometry(geo, r.code, LAYER_SOURCES[layer]);
    if (!geometry) withoutPolygon.push(r.code);
    else features.push(toFeature({ adcode: r.code, name: r.name, level: r.level, parent: r.parent }, geometry));
  }
  if (layer !== 'province') features.push(...unlistedFeatures(layer, regions, geo));
  features.sort((a, b) => (a.properties.adcode < b.properties.adcode ? -1 : 1));
  return { features, withoutPolygon };
}

/** Source polygons with a code the list lacks, inside a province that the wall drills into. */
function unlistedFeatures(layer: LayerName, regions: RegionDraft[], geo: Geodata): LayerFeature[] {
  const known = new Set(regions.map((r) => r.code));
  const parents = new Set(regions.map((r) => r.parent));
  const source = geo.levels[layer === 'city' ? 2 : 3];
  const out: LayerFeature[] = [];
  for (const { code, name, geometry } of source.values()) {
    const province = `${code.slice(0, 2)}0000`;
    if (known.has(code) || !parents.has(province)) continue;
    out.push(toFeature({ adcode: code, name, level: layer, parent: province }, geometry));
  }
  return out;
}

function toFeature(properties: LayerProps, geometry: Geometry): LayerFeature {
  return { type: 'Feature', id: Number(properties.adcode), properties, geometry };
}

/**
 * Simplifies a layer with mapshaper (topology-aware, so neighbours keep a shared edge) and rounds
 * coordinates to 4 decimals (about 10 m). `keep-shapes` only keeps a whole feature from vanishing,
 * not each of its islands, so multipolygons are exploded first and regrouped afterwards: every
 * reef of the South China Sea survives.
 */
export async function simplifyLayer(features: LayerFeature[], percent: number): Promise<LayerFeature[]> {
  // A copy without feature ids: mapshaper turns an id into an FID field and writes into its input.
  const input: FeatureCollection<LayerProps> = {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', properties: { ...f.properties }, geometry: f.geometry })),
  };
  const commands = `-i layer.json -explode -simplify ${percent}% keep-shapes -o layer-out.json precision=0.0001`;
  const output = await mapshaper.applyCommands(commands, { 'layer.json': input });
  const text = output['layer-out.json'];
  const json = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  const parts = (JSON.parse(json) as FeatureCollection<LayerProps>).features;

  const polygonsByCode = new Map<string, PolygonCoords[]>();
  for (const part of parts) {
    const g = part.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
      throw new Error(`${part.properties.adcode} lost its polygon`);
    const list = polygonsByCode.get(part.properties.adcode) ?? [];
    list.push(...(g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
    polygonsByCode.set(part.properties.adcode, list);
  }
  return features.map((f) => {
    const polygons = polygonsByCode.get(f.properties.adcode);
    if (!polygons) throw new Error(`${f.properties.adcode} vanished in simplification`);
    const geometry: Geometry =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] }
        : { type: 'MultiPolygon', coordinates: polygons };
    return toFeature(f.properties, geometry);
  });
}

/** Number of polygons (islands included) of a geometry. */
export function polygonCount(geometry: Geometry): number {
  if (geometry.type === 'Polygon') return 1;
  return geometry.type === 'MultiPolygon' ? geometry.coordinates.length : 0;
}
