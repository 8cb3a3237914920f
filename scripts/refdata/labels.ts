// Label points: polylabel (pole of inaccessibility) on a region's largest polygon, so that a
// label sits inside the region even where the centroid does not (Hainan's lies in the sea).
import polylabel from 'polylabel';
import type { Geometry, PolygonCoords, Position } from './geodata';

const LABEL_PRECISION_DEG = 0.01;

export function roundCoord(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** Shoelace area in square degrees, scaled by cos(latitude) so that north and south compare. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  const lat = ring.reduce((acc, p) => acc + p[1], 0) / ring.length;
  return Math.abs(sum / 2) * Math.cos((lat * Math.PI) / 180);
}

function polygonArea(polygon: PolygonCoords): number {
  const [outer, ...holes] = polygon;
  return ringArea(outer) - holes.reduce((acc, hole) => acc + ringArea(hole), 0);
}

export function largestPolygon(geometry: Geometry): PolygonCoords {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type !== 'MultiPolygon') throw new Error(`no polygon in a ${geometry.type}`);
  let best = geometry.coordinates[0];
  let bestArea = -1;
  for (const polygon of geometry.coordinates) {
    const area = polygonArea(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

export function labelPoint(geometry: Geometry): [number, number] {
  const [lon, lat] = polylabel(largestPolygon(geometry), LABEL_PRECISION_DEG);
  return [roundCoord(lon), roundCoord(lat)];
}
