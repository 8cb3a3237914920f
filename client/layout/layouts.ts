// Grid templates of the layouts, by tile id (shared/panels.ts). Every layout places every tile, each
// as one rectangle (layouts.test.ts): a display of a multi-screen wall renders the full canvas and
// shows its slice, so all tiles exist on every display.
import type { LayoutName } from '@client/env/wall-params';

export interface LayoutGrid {
  columns: string;
  rows: string;
  areas: string[];
}

export const LAYOUTS: Record<LayoutName, LayoutGrid> = {
  // 16:9: the map in the middle, trends on the left, what is happening now on the right.
  standard: {
    columns: '27fr 23fr 23fr 27fr',
    rows: 'auto 1fr 1fr 1fr 0.95fr',
    areas: [
      'kpis kpis kpis kpis',
      'volume map map feed',
      'regions map map feed',
      'categories map map alerts',
      'channels merchants merchants incidents',
    ],
  },
  // 32:9 and wider: more columns, so lists get room to show more rows and the map grows.
  wide: {
    columns: '1fr 1fr 1.15fr 1.15fr 1fr 1fr',
    rows: 'auto 1fr 1fr 1fr 1fr',
    areas: [
      'kpis kpis kpis kpis kpis kpis',
      'volume regions map map feed alerts',
      'volume regions map map feed alerts',
      'categories regions map map feed incidents',
      'channels merchants map map feed incidents',
    ],
  },
};

export function gridStyle(layout: LayoutName): Record<string, string> {
  const grid = LAYOUTS[layout];
  return {
    gridTemplateColumns: grid.columns,
    gridTemplateRows: grid.rows,
    gridTemplateAreas: grid.areas.map((row) => `"${row}"`).join(' '),
  };
}
