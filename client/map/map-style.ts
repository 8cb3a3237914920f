// The map style: GeoJSON sources only, no tiles, sprites or glyph server (walls often have no
// internet). Sources start empty and are filled with setData; colours come from feature state.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { HEAT, SEQUENTIAL, WALL } from '@client/theme/palette';
import { LABEL_FONT } from './font-faces';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export const SOURCES = {
  context: 'context',
  regions: 'regions',
  lines: 'lines',
  labels: 'labels',
  heat: 'heat',
  urgent: 'urgent',
} as const;
export const REGION_FILL_LAYER = 'regions-fill';
export const LABEL_LAYER = 'region-labels';
export const LINES_LAYER = 'boundary-lines';
export const URGENT_LAYER = 'urgent-dots';

const ratio: ExpressionSpecification = ['number', ['feature-state', 'ratio'], 0];

const fillColor: ExpressionSpecification = [
  'case',
  ['==', ['typeof', ['feature-state', 'ratio']], 'number'],
  ['interpolate', ['linear'], ratio, ...SEQUENTIAL.flatMap(([at, colour]) => [at, colour])],
  WALL.noData,
];

/** Label and line sizes are in design px; `unit` turns them into CSS px like the rest of the wall. */
export function labelSize(unit: number): number {
  return 15 * unit;
}

export function urgentPaint(unit: number) {
  return {
    'circle-radius': 3.5 * unit,
    'circle-color': WALL.urgent,
    'circle-opacity': 0.9,
    'circle-stroke-color': WALL.background,
    'circle-stroke-width': 1 * unit,
  } as const;
}

export function wallMapStyle(unit: number): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCES.context]: { type: 'geojson', data: EMPTY },
      [SOURCES.regions]: { type: 'geojson', data: EMPTY, promoteId: 'adcode' },
      [SOURCES.lines]: { type: 'geojson', data: EMPTY },
      [SOURCES.labels]: { type: 'geojson', data: EMPTY },
      [SOURCES.heat]: { type: 'geojson', data: EMPTY },
      [SOURCES.urgent]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': WALL.background } },
      { id: 'context-fill', type: 'fill', source: SOURCES.context, paint: { 'fill-color': '#121a27' } },
      { id: REGION_FILL_LAYER, type: 'fill', source: SOURCES.regions, paint: { 'fill-color': fillColor } },
      {
        id: 'regions-line',
        type: 'line',
        source: SOURCES.regions,
        paint: { 'line-color': '#0B0F17', 'line-width': 0.8 * unit, 'line-opacity': 0.9 },
      },
      {
        id: 'context-line',
        type: 'line',
        source: SOURCES.context,
        paint: { 'line-color': WALL.boundary, 'line-width': 1 * unit, 'line-opacity': 0.85 },
      },
      {
        // The dash line and boundary lines of the pack, filtered to the display level (see wall-map.ts).
        id: LINES_LAYER,
        type: 'line',
        source: SOURCES.lines,
        filter: ['==', ['get', 'province'], true],
        paint: { 'line-color': WALL.boundary, 'line-width': 1.5 * unit },
      },
      {
        id: 'heat',
        type: 'heatmap',
        source: SOURCES.heat,
        paint: {
          'heatmap-weight': ['interpolate', ['linear'], ['get', 'count'], 0, 0, 40, 1],
          'heatmap-intensity': 0.9,
          'heatmap-radius': 18 * unit,
          'heatmap-opacity': 0.75,
          'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], ...HEAT.flatMap(([at, c]) => [at, c])],
        },
      },
      {
        // Every open urgent case of the day as a still dot; only the newest few also pulse (DOM markers).
        id: URGENT_LAYER,
        type: 'circle',
        source: SOURCES.urgent,
        paint: urgentPaint(unit),
      },
      {
        id: LABEL_LAYER,
        type: 'symbol',
        source: SOURCES.labels,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [LABEL_FONT],
          'text-size': labelSize(unit),
          'text-allow-overlap': false,
          'text-padding': 2,
        },
        paint: { 'text-color': WALL.text, 'text-halo-color': 'rgba(11,15,23,0.9)', 'text-halo-width': 1.6 * unit },
      },
    ],
  };
}
