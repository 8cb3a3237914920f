// The wall's map: one MapLibre instance for the life of the page. Ticks only call setFeatureState and
// setData; a drill-down swaps the regions source's data and refits. Nothing here is rebuilt per tick.
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Scope } from '@shared/regions';
import type { HeatPoint } from '@shared/wall-events';
import type { Locale } from '@client/i18n';
import { boundsOf, childFeatures, childFile, loadLevel, loadLines, type Bounds } from './boundaries';
import type { ChoroplethScale } from './choropleth';
import { MAINLAND_BOUNDS } from './south-sea-inset';
import { loadLabelFontFaces } from './font-faces';
import { labelPoints } from './labels';
import {
  LABEL_LAYER,
  LINES_LAYER,
  REGION_FILL_LAYER,
  SOURCES,
  URGENT_LAYER,
  labelSize,
  urgentPaint,
  wallMapStyle,
} from './map-style';
import { MarkerLayer, type MarkerSpec } from './markers';

// In a production build the worker is its own file; MapLibre must be told where it is.
setWorkerUrl(workerUrl);

export interface WallMapOptions {
  container: HTMLElement;
  /** CSS px per design px */
  unit: number;
  lang: Locale;
  /** clicks drill down */
  director: boolean;
  onRegionClick: (code: string) => void;
  /** the boundary pack could not be loaded: the panel says so instead of showing an empty square */
  onBoundaryError: (message: string) => void;
  /** the scope's regions are drawn with the data's colours (once per scope; tests and the bench wait for it) */
  onDrawn?: (scope: Scope) => void;
}

export class WallMap {
  private readonly map: MapLibreMap;
  private readonly markers: MarkerLayer;
  private readonly ready: Promise<void>;
  private bounds: Bounds | null = null;
  /** incremented per setScope, so a slow county download cannot overwrite a newer scope */
  private scopeVersion = 0;
  private scale: ChoroplethScale | null = null;
  private unit: number;
  private styleReady = false;
  /** the scope whose regions are in the source, once they are; null while a scope is loading */
  private loadedScope: Scope | null = null;
  private drawnScope: Scope | null = null;

  constructor(private readonly options: WallMapOptions) {
    this.unit = options.unit;
    this.map = new MapLibreMap({
      container: options.container,
      style: wallMapStyle(options.unit),
      interactive: options.director,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      keyboard: false,
      attributionControl: false,
      renderWorldCopies: false,
      bounds: MAINLAND_BOUNDS,
      pixelRatio: window.devicePixelRatio || 1,
      // Labels appear at once after a drill-down instead of fading in over 300 ms.
      fadeDuration: 0,
    });
    this.markers = new MarkerLayer(this.map);
    this.ready = new Promise((resolve) =>
      this.map.once('load', () => {
        this.styleReady = true;
        resolve();
      }),
    );
    void loadLabelFontFaces().then((faces) => this.map.setFontFaces(faces));
    void Promise.all([loadLines(), this.ready]).then(([lines]) => this.source(SOURCES.lines).setData(lines));
    if (options.director) {
      this.map.on('click', REGION_FILL_LAYER, this.onClick);
      this.map.on('mouseenter', REGION_FILL_LAYER, this.onEnter);
      this.map.on('mouseleave', REGION_FILL_LAYER, this.onLeave);
    }
  }

  async setScope(scope: Scope): Promise<void> {
    const version = ++this.scopeVersion;
    this.loadedScope = null;
    this.drawnScope = null;
    await this.ready;
    try {
      const provinces = await loadLevel('province');
      const file = childFile(scope);
      // A county has no children: it is shown on its own, from the file its city's children are in.
      const levelFile = await loadLevel(file ?? 'county');
      if (version !== this.scopeVersion) return;
      const regions = file
        ? childFeatures(levelFile, scope)
        : {
            type: 'FeatureCollection' as const,
            features: levelFile.features.filter((f) => f.properties?.adcode === scope),
          };
      this.source(SOURCES.context).setData(provinces);
      this.map.setFilter(LINES_LAYER, ['==', ['get', file ?? 'county'], true]);
      this.map.removeFeatureState({ source: SOURCES.regions });
      this.source(SOURCES.regions).setData(regions);
      this.source(SOURCES.labels).setData(labelPoints(scope, this.options.lang));
      const ownBounds = boundsOf(regions.features);
      // Nationally the islands are in the inset (SouthSeaInset.vue), so the mainland can be drawn larger.
      this.bounds = scope === 'national' ? MAINLAND_BOUNDS : ownBounds;
      this.fit();
      this.loadedScope = scope;
      if (this.scale) this.setChoropleth(this.scale);
    } catch (error) {
      this.options.onBoundaryError(error instanceof Error ? error.message : String(error));
    }
  }

  setChoropleth(scale: ChoroplethScale): void {
    this.scale = scale;
    // Before the style has loaded there is no source to hold state; setScope re-applies the scale.
    if (!this.styleReady) return;
    for (const [code, ratio] of scale.ratios)
      this.map.setFeatureState({ source: SOURCES.regions, id: code }, { ratio });
    const scope = this.loadedScope;
    if (scope !== null && scope !== this.drawnScope && scale.ratios.size > 0) {
      this.drawnScope = scope;
      this.whenRegionsRendered(scope);
    }
  }

  /**
   * Calls onDrawn after the first frame that draws the scope's regions with their feature state. Not
   * 'idle': on a live wall the heat and urgent sources get new data every tick, so on a slow GPU
   * (a 4K wall on a software renderer) the map may never be idle at all.
   */
  private whenRegionsRendered(scope: Scope): void {
    const onRender = () => {
      if (this.loadedScope !== scope) return void this.map.off('render', onRender);
      if (!this.map.isSourceLoaded(SOURCES.regions)) return;
      this.map.off('render', onRender);
      this.options.onDrawn?.(scope);
    };
    this.map.on('render', onRender);
    this.map.triggerRepaint();
  }

  setHeat(points: readonly HeatPoint[]): void {
    const features: Feature<Point, { count: number }>[] = points.map(([lon, lat, count]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { count },
    }));
    const data: FeatureCollection<Point, { count: number }> = { type: 'FeatureCollection', features };
    void this.ready.then(() => this.source(SOURCES.heat).setData(data));
  }

  /** Still dots for every urgent case (a GeoJSON layer: two hundred of them cost one draw call). */
  setUrgentDots(positions: readonly [number, number][]): void {
    const data: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: positions.map((coordinates) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates },
        properties: {},
      })),
    };
    void this.ready.then(() => this.source(SOURCES.urgent).setData(data));
  }

  setMarkers(specs: readonly MarkerSpec[]): void {
    this.markers.update(specs);
  }

  /** The design unit changed (window resized to another resolution): resize text and lines with it. */
  setUnit(unit: number): void {
    if (unit === this.unit) return;
    this.unit = unit;
    void this.ready.then(() => {
      this.map.setLayoutProperty(LABEL_LAYER, 'text-size', labelSize(unit));
      this.map.setPaintProperty(LABEL_LAYER, 'text-halo-width', 1.6 * unit);
      this.map.setPaintProperty('heat', 'heatmap-radius', 18 * unit);
      this.map.setPaintProperty('context-line', 'line-width', unit);
      this.map.setPaintProperty(LINES_LAYER, 'line-width', 1.5 * unit);
      this.map.setPaintProperty('regions-line', 'line-width', 0.8 * unit);
      const paint = urgentPaint(unit);
      this.map.setPaintProperty(URGENT_LAYER, 'circle-radius', paint['circle-radius']);
      this.map.setPaintProperty(URGENT_LAYER, 'circle-stroke-width', paint['circle-stroke-width']);
    });
  }

  /** The container changed size: redraw at the new size and fit the scope again. */
  resize(): void {
    this.map.resize();
    this.fit();
  }

  destroy(): void {
    this.scopeVersion += 1;
    this.markers.clear();
    this.map.off('click', REGION_FILL_LAYER, this.onClick);
    this.map.off('mouseenter', REGION_FILL_LAYER, this.onEnter);
    this.map.off('mouseleave', REGION_FILL_LAYER, this.onLeave);
    this.map.remove();
  }

  private fit(): void {
    const { clientWidth, clientHeight } = this.map.getContainer();
    if (!this.bounds || clientWidth < 10 || clientHeight < 10) return;
    this.map.fitBounds(this.bounds, { padding: Math.min(24 * this.unit, clientHeight / 10), animate: false });
  }

  private source(id: string): GeoJSONSource {
    return this.map.getSource(id) as GeoJSONSource;
  }

  private readonly onClick = (event: MapLayerMouseEvent): void => {
    const code = event.features?.[0]?.properties?.adcode;
    if (code) this.options.onRegionClick(String(code));
  };

  private readonly onEnter = (): void => {
    this.map.getCanvas().style.cursor = 'pointer';
  };

  private readonly onLeave = (): void => {
    this.map.getCanvas().style.cursor = '';
  };
}
