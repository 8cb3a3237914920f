// Pulsing markers for urgent cases, open incidents and hot-issue alerts (at their main region). They
// are DOM markers animated by CSS (the compositor does the pulsing, the WebGL map is not redrawn 60
// times a second for it), kept in a map by id and diffed on each update so elements are reused and
// removed, never piled up.
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { getRegion } from '@shared/regions';

/** How many of the newest urgent cases pulse; the others are still dots on the map's own layer. */
export const PULSING_URGENT_MARKERS = 8;

export interface MarkerSpec {
  id: string;
  kind: 'urgent' | 'incident' | 'alert';
  regionCode: string;
  location: { lon: number; lat: number } | null;
  title: string;
  /** an incident's severity (I to IV) or an alert's (low, medium, high): its marker says it in data-severity */
  severity?: string;
}

/** Where to put a marker: its own location, else its region's label point, else nowhere. */
export function markerPosition(spec: MarkerSpec): [number, number] | null {
  if (spec.location) return [spec.location.lon, spec.location.lat];
  return getRegion(spec.regionCode)?.label ?? null;
}

export class MarkerLayer {
  private readonly markers = new Map<string, Marker>();

  constructor(private readonly map: MapLibreMap) {}

  update(specs: readonly MarkerSpec[]): void {
    const seen = new Set<string>();
    for (const spec of specs) {
      const position = markerPosition(spec);
      if (!position) continue;
      const key = `${spec.kind}:${spec.id}`;
      seen.add(key);
      const existing = this.markers.get(key);
      if (existing) {
        existing.setLngLat(position);
        // an alert's severity can rise while it pulses
        if (spec.severity) existing.getElement().dataset.severity = spec.severity;
        continue;
      }
      const element = document.createElement('div');
      element.className = `map-marker map-marker--${spec.kind}`;
      element.title = spec.title;
      element.dataset.testid = `marker-${spec.kind}`;
      if (spec.severity) element.dataset.severity = spec.severity;
      this.markers.set(key, new Marker({ element }).setLngLat(position).addTo(this.map));
    }
    for (const [key, marker] of this.markers) {
      if (seen.has(key)) continue;
      marker.remove();
      this.markers.delete(key);
    }
  }

  get size(): number {
    return this.markers.size;
  }

  clear(): void {
    this.update([]);
  }
}
