// Boundary lines (境界线) that are not polygon edges: sea boundaries, the undetermined Kashmir
// line and the South China Sea dash line. Each source level file carries its own copy, so the
// pieces are merged and tagged with the layers whose source had them.
import type { Feature, GeoLevel, Geodata, Position } from './geodata';
import { roundCoord } from './labels';
import type { LayerName } from './layers';

export interface LineProps {
  name: string;
  /** 'dash-line' for the South China Sea dashes, 'boundary' for other 境界线 */
  kind: 'dash-line' | 'boundary';
  /** whether the line belongs with the province / city / county layer */
  province: boolean;
  city: boolean;
  county: boolean;
}

const LAYER_OF: Record<GeoLevel, LayerName> = { 1: 'province', 2: 'city', 3: 'county' };
/** Only the dash line reaches south of 10°N (曾母暗沙 lies at 3.9°N). */
const DASH_LINE_SOUTH_OF_LAT = 10;

function partsOf(feature: Feature): Position[][] {
  const g = feature.geometry;
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  throw new Error(`boundary line with geometry ${g.type}`);
}

function roundPart(part: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon, lat] of part) {
    const p: Position = [roundCoord(lon), roundCoord(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

export function mergeBoundaryLines(geo: Geodata): Feature<LineProps>[] {
  const pieces = new Map<string, { part: Position[]; layers: Set<LayerName>; dash: boolean }>();
  for (const level of [1, 2, 3] as const) {
    for (const feature of geo.lines[level]) {
      const parts = partsOf(feature)
        .map(roundPart)
        .filter((p) => p.length > 1);
      const dash = parts.some((p) => p.some(([, lat]) => lat < DASH_LINE_SOUTH_OF_LAT));
      for (const part of parts) {
        const key = JSON.stringify(part);
        const piece = pieces.get(key) ?? { part, layers: new Set<LayerName>(), dash: false };
        piece.layers.add(LAYER_OF[level]);
        piece.dash ||= dash;
        pieces.set(key, piece);
      }
    }
  }
  const groups = new Map<string, { props: LineProps; parts: Position[][] }>();
  for (const { part, layers, dash } of pieces.values()) {
    const props: LineProps = {
      name: dash ? '南海断续线' : '境界线',
      kind: dash ? 'dash-line' : 'boundary',
      province: layers.has('province'),
      city: layers.has('city'),
      county: layers.has('county'),
    };
    const key = JSON.stringify(props);
    const group = groups.get(key) ?? { props, parts: [] };
    group.parts.push(part);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { props, parts }]) => ({
      type: 'Feature',
      properties: props,
      geometry: { type: 'MultiLineString', coordinates: parts },
    }));
}
