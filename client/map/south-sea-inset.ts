// The South China Sea islands as an inset (南海诸岛), the way Chinese national maps show them: the main
// map then fits the mainland and Hainan and is drawn larger, while the islands and the dash line stay
// whole in their own frame. Drawn once as SVG paths from the shipped pack (Web Mercator, like the map).
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Bounds } from './boundaries';

/** The inset's frame: Hainan and the Guangdong coast down to Zengmu Ansha and the dash line's south end. */
export const SOUTH_SEA_BOUNDS: Bounds = [
  [106.5, 2.8],
  [123.2, 24.2],
];

/** The national view with the inset: the mainland, Hainan and Taiwan. */
export const MAINLAND_BOUNDS: Bounds = [
  [73.4, 17.6],
  [135.1, 53.6],
];

export interface InsetDrawing {
  /** the frame's width / height */
  aspect: number;
  /** SVG path data of the land, in a viewBox of 1000 x 1000 / aspect */
  land: string;
  /** SVG path data of the boundary lines shown at province level (the dash line among them) */
  lines: string;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

export function insetProjection(bounds: Bounds = SOUTH_SEA_BOUNDS) {
  const [[west, south], [east, north]] = bounds;
  const top = mercatorY(north);
  const kx = 1000 / (east - west);
  const ky = (1000 / ((east - west) * Math.PI)) * 180;
  const height = (top - mercatorY(south)) * ky;
  return {
    aspect: 1000 / height,
    project: ([lon, lat]: Position): [number, number] => [(lon - west) * kx, (top - mercatorY(lat)) * ky],
  };
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a[0][0] <= b[1][0] && b[0][0] <= a[1][0] && a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
}

function ringBounds(ring: Position[]): Bounds {
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

function pathOf(lines: Position[][], project: (p: Position) => [number, number], close: boolean): string {
  return lines
    .filter((line) => line.length > 1 && overlaps(ringBounds(line), SOUTH_SEA_BOUNDS))
    .map((line) => {
      const points = line.map((p) =>
        project(p)
          .map((v) => v.toFixed(1))
          .join(' '),
      );
      return `M${points.join('L')}${close ? 'Z' : ''}`;
    })
    .join('');
}

function linesOf(geometry: Geometry | null): { rings: Position[][]; lines: Position[][] } {
  if (!geometry) return { rings: [], lines: [] };
  if (geometry.type === 'Polygon') return { rings: geometry.coordinates, lines: [] };
  if (geometry.type === 'MultiPolygon') return { rings: geometry.coordinates.flat(), lines: [] };
  if (geometry.type === 'LineString') return { rings: [], lines: [geometry.coordinates] };
  if (geometry.type === 'MultiLineString') return { rings: [], lines: geometry.coordinates };
  return { rings: [], lines: [] };
}

export function insetDrawing(provinces: FeatureCollection, boundaryLines: FeatureCollection): InsetDrawing {
  const { aspect, project } = insetProjection();
  const land = provinces.features.flatMap((f: Feature) => linesOf(f.geometry).rings);
  const lines = boundaryLines.features
    .filter((f) => f.properties?.province === true)
    .flatMap((f) => linesOf(f.geometry).lines);
  return { aspect, land: pathOf(land, project, true), lines: pathOf(lines, project, false) };
}
