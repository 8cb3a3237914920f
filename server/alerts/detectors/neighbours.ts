// Each county's nearest counties by the distance between the shipped label points
// (shared/regions.ts): the zones of the spatial scan. Computed once per process (about 2,975 x
// 2,975 distances, tens of milliseconds) and kept.
import { allRegions } from '@shared/regions';

export const MAX_NEIGHBOURS = 10;

let cache: Map<string, string[]> | undefined;

/** Squared equirectangular distance in degrees, longitude scaled by the cosine of a's latitude. */
function distance2(a: [number, number], cosLat: number, b: [number, number]): number {
  const dx = (a[0] - b[0]) * cosLat;
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

/** The county's up-to-10 nearest counties, nearest first (not the county itself). */
export function nearestCounties(code: string): readonly string[] {
  if (!cache) {
    const counties = allRegions().filter((r) => r.level === 'county');
    cache = new Map();
    for (const county of counties) {
      // the 10 smallest by insertion: a full sort per county would cost a second at start
      const nearest: { code: string; d: number }[] = [];
      const cosLat = Math.cos((county.label[1] * Math.PI) / 180);
      for (const other of counties) {
        if (other.code === county.code) continue;
        const d = distance2(county.label, cosLat, other.label);
        if (nearest.length === MAX_NEIGHBOURS && d >= nearest[MAX_NEIGHBOURS - 1].d) continue;
        let at = nearest.length === MAX_NEIGHBOURS ? MAX_NEIGHBOURS - 1 : nearest.length;
        while (at > 0 && nearest[at - 1].d > d) {
          nearest[at] = nearest[at - 1];
          at -= 1;
        }
        nearest[at] = { code: other.code, d };
      }
      cache.set(
        county.code,
        nearest.map((n) => n.code),
      );
    }
  }
  return cache.get(code) ?? [];
}
