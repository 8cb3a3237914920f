// The boundary pack in public/geo/ (province, city, county GeoJSON, properties {adcode, name, level,
// parent}). Each level file is fetched once, when first needed (the county file is the big one), and
// kept: the map never re-downloads it on a drill-down or a tick.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { childrenOf, getRegion, type RegionLevel, type Scope } from '@shared/regions';

export interface BoundaryProperties {
  adcode: string;
  name: string;
  level: string;
  parent: string | null;
}

export type BoundaryCollection = FeatureCollection<Geometry, BoundaryProperties>;
export type Bounds = [[number, number], [number, number]];

const cache = new Map<RegionLevel, Promise<BoundaryCollection>>();

export function loadLevel(level: RegionLevel): Promise<BoundaryCollection> {
  let pending = cache.get(level);
  if (!pending) {
    // Relative to the page, so a wall served under a sub-path still finds its pack.
    pending = fetch(new URL(`geo/${level}.json`, document.baseURI)).then((response) => {
      if (!response.ok) throw new Error(`geo/${level}.json: HTTP ${response.status}`);
      return response.json() as Promise<BoundaryCollection>;
    });
    // A failed download must not stick: the next drill-down or reload tries again.
    pending.catch(() => cache.delete(level));
    cache.set(level, pending);
  }
  return pending;
}

/**
 * The file that holds a scope's children. The pack files are per display level rather than per
 * administrative level: city.json holds whatever is one level below each province (the districts of
 * Beijing, the cities of Hubei), county.json what is below each city. Null for a county (no children).
 */
export function childFile(scope: Scope): RegionLevel | null {
  if (scope === 'national') return 'province';
  const level = getRegion(scope)?.level;
  return level === 'province' ? 'city' : level === 'city' ? 'county' : null;
}

export interface BoundaryManifest {
  source: string;
  licence: string;
  /** the caption to show with the map (审图号 and source) */
  attribution: string;
}

/** The pack's manifest.json: where the boundaries come from, shown on the map. */
export async function loadManifest(): Promise<BoundaryManifest | null> {
  try {
    const response = await fetch(new URL('geo/manifest.json', document.baseURI));
    return response.ok ? ((await response.json()) as BoundaryManifest) : null;
  } catch {
    return null;
  }
}

/** The dash line and boundary lines (lines.json), each flagged with the display levels it belongs to. */
export function loadLines(): Promise<FeatureCollection> {
  return fetch(new URL('geo/lines.json', document.baseURI)).then((r) =>
    r.ok ? (r.json() as Promise<FeatureCollection>) : { type: 'FeatureCollection', features: [] },
  );
}

/** The features of a scope's children, found by the region list (robust to a pack whose parent codes differ). */
export function childFeatures(collection: BoundaryCollection, scope: Scope): BoundaryCollection {
  const codes = new Set(childrenOf(scope).map((r) => r.code));
  return {
    type: 'FeatureCollection',
    features: collection.features.filter((f) => codes.has(String(f.properties?.adcode))),
  };
}

export function boundsOf(features: readonly Feature<Geometry | null>[]): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (position: Position) => {
    west = Math.min(west, position[0]);
    east = Math.max(east, position[0]);
    south = Math.min(south, position[1]);
    north = Math.max(north, position[1]);
  };
  for (const feature of features) if (feature.geometry) eachPosition(feature.geometry, visit);
  return west <= east
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}

export function unionBounds(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a || !b) return a ?? b;
  return [
    [Math.min(a[0][0], b[0][0]), Math.min(a[0][1], b[0][1])],
    [Math.max(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])],
  ];
}

function eachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      return visit(geometry.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates.forEach(visit);
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.forEach((line) => line.forEach(visit));
    case 'MultiPolygon':
      return geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
    case 'GeometryCollection':
      return geometry.geometries.forEach((g) => eachPosition(g, visit));
  }
}
